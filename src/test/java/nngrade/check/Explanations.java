package nngrade.check;

import nngrade.problem.Activation;
import nngrade.problem.Optimizer;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.problem.Reduction;
import nngrade.problem.Tolerance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static nngrade.check.Student.activate;
import static nngrade.check.Student.lossGradient;
import static nngrade.check.Student.plus;
import static nngrade.check.Student.scale;
import static nngrade.check.Student.times;
import static nngrade.check.Student.transpose;

/**
 * The test's own answer to "which single mistakes explain this wrong value": every code of
 * formats.md whose value, made of a reference (the key, or what the answer should be given the
 * student's own earlier values) with the values {@code v} it was computed from, the answer is
 * within the tolerance of in every cell, that value itself being wrong. Written from the spec's
 * table, not from nngrade.check.diagnosis; it errs on the side of more codes, since a second
 * code only makes a case ambiguous (then either code is accepted), never a wrong expectation.
 */
final class Explanations {
    private Explanations() {
    }

    static Set<String> of(Problem p, Quantity q, Tolerance t, double[][] s, double[][] r,
                          Function<Quantity, double[][]> v) {
        Set<String> codes = new LinkedHashSet<>();
        int m = p.samples();
        Kind k = q.kind();
        int l = q.layer();
        int depth = p.network().depth();
        if (size(r) > 1 && (k == Kind.DW || k == Kind.W_NEXT || (r.length > 1 && !isBias(k)))) {
            fits(codes, "transposed", t, s, transpose(r), r);
        }
        fits(codes, "sign-flipped", t, s, scale(r, -1), r);
        if (m > 1 && p.network().reduction() == Reduction.MEAN && (k == Kind.DW || k == Kind.DB || k == Kind.LOSS)) {
            fits(codes, "missing-mean", t, s, scale(r, m), r);
        }
        if (m > 1 && (k == Kind.DZ || k == Kind.DA || k == Kind.DW || k == Kind.DB)) {
            fits(codes, "extra-mean", t, s, scale(r, 1.0 / m), r);
        }
        if (k.state()) {
            fits(codes, "state-not-updated", t, s, Student.stateBefore(p, q), r);
        }
        if ((k == Kind.W_NEXT || k == Kind.B_NEXT) && p.optimizer() instanceof Optimizer.Adam a) {
            double[][] u = Student.divided(v.apply(Student.stateOf(q, Kind.MW_NEXT, Kind.MB_NEXT)),
                    v.apply(Student.stateOf(q, Kind.VW_NEXT, Kind.VB_NEXT)), 1, 1, a.epsilon());
            fits(codes, "bias-correction-omitted", t, s, plus(Student.parameter(p, q), scale(u, -p.learningRate())), r);
        }
        if (k == Kind.W_NEXT || k == Kind.B_NEXT) {
            double[][] theta = Student.parameter(p, q);
            fits(codes, "wrong-update-sign", t, s, plus(scale(theta, 2), scale(r, -1)), r);
            if (p.learningRate() != 1) {
                // r = θ − η·dθ, so θ − dθ = θ − (θ − r)/η
                double[][] gradient = scale(plus(theta, scale(r, -1)), 1 / p.learningRate());
                fits(codes, "learning-rate-omitted", t, s, plus(theta, scale(gradient, -1)), r);
            }
        }
        if (k == Kind.DZ) {
            Activation f = p.network().layer(l).activation();
            double[][] upstream = l < depth ? v.apply(Quantity.of(Kind.DA, l)) : lossGradient(p, v.apply(Quantity.YHAT));
            if (!(f instanceof Activation.Linear)) {
                fits(codes, "missing-activation-derivative", t, s, upstream, r);
                if (l == depth) {
                    fits(codes, "missing-activation-derivative", t, s,
                            plus(v.apply(Quantity.YHAT), scale(p.y().toArray2d(), -1)), r);
                }
            }
            double[][] fz = activate(f, v.apply(Quantity.of(Kind.Z, l)));
            double[][] a = v.apply(l < depth ? Quantity.of(Kind.A, l) : Quantity.YHAT);
            fits(codes, "activation-instead-of-derivative", t, s, times(upstream, fz), r);
            fits(codes, "activation-instead-of-derivative", t, s, times(upstream, a), r);
        }
        if (k == Kind.A || k == Kind.YHAT) {
            int layer = k == Kind.YHAT ? depth : l;
            double[][] z = v.apply(Quantity.of(Kind.Z, layer));
            List<Activation> others = new ArrayList<>(List.of(new Activation.Sigmoid(), new Activation.Tanh(),
                    new Activation.Relu(), new Activation.Linear(), new Activation.LeakyRelu(0.01),
                    new Activation.LeakyRelu(0.1)));
            if (z[0].length > 1) {
                others.add(new Activation.Softmax());
            }
            for (Activation f : others) {
                fits(codes, "wrong-activation", t, s, activate(f, z), r);
            }
        }
        if (p.l2() > 0) {
            penalty(codes, p, q, t, s, r);
        }
        if (isRounding(t, s, r)) {
            codes.add("rounded-too-coarsely");
        }
        return codes;
    }

    /**
     * The L2 slips (formats.md, "Beyond one plain step"): the penalty term pen of dW (factor·λ·W)
     * or of the loss (factor·(λ/2)·Σ‖W‖²) left out or with the other factor, and the mean's and the
     * sign's slips made on the data term r − pen alone, the penalty written as it belongs.
     */
    private static void penalty(Set<String> codes, Problem p, Quantity q, Tolerance t, double[][] s, double[][] r) {
        Kind k = q.kind();
        int m = p.samples();
        boolean mean = p.network().reduction() == Reduction.MEAN;
        double[][] pen;
        double[][] wrongPen;
        if (k == Kind.DW) {
            double[][] w = p.w(q.layer()).toArray2d();
            pen = Student.penaltyGradient(p, q.layer());
            wrongPen = scale(w, mean ? p.l2() : p.l2() / m);
        } else if (k == Kind.LOSS) {
            pen = new double[][] {{Student.factor(p) * Student.penalty(p)}};
            wrongPen = new double[][] {{mean ? Student.penalty(p) : Student.penalty(p) / m}};
        } else {
            if (k == Kind.W_NEXT && p.optimizer() instanceof Optimizer.Sgd) {
                fits(codes, "regularization-omitted", t, s, plus(r, scale(Student.penaltyGradient(p, q.layer()),
                        p.learningRate())), r);
            }
            return;
        }
        double[][] data = plus(r, scale(pen, -1));
        fits(codes, "regularization-omitted", t, s, data, r);
        if (m > 1) {
            fits(codes, "regularization-not-averaged", t, s, plus(data, wrongPen), r);
            if (mean) {
                fits(codes, "missing-mean", t, s, plus(scale(data, m), pen), r);
            }
            if (k == Kind.DW) {
                fits(codes, "extra-mean", t, s, plus(scale(data, 1.0 / m), pen), r);
            }
        }
        if (k == Kind.DW) {
            fits(codes, "sign-flipped", t, s, plus(scale(data, -1), pen), r);
        }
    }

    private static boolean isBias(Kind k) {
        return k == Kind.DB || k == Kind.B_NEXT;
    }

    /** s within t of the candidate c in every cell, c not within t of r (a wrong shape is wrong). */
    private static void fits(Set<String> codes, String code, Tolerance t, double[][] s, double[][] c, double[][] r) {
        if (within(t, s, c) && !within(t, c, r)) {
            codes.add(code);
        }
    }

    static boolean within(Tolerance t, double[][] s, double[][] e) {
        if (s.length != e.length || s[0].length != e[0].length) {
            return false;
        }
        for (int i = 0; i < e.length; i++) {
            for (int j = 0; j < e[i].length; j++) {
                if (!t.accepts(s[i][j], e[i][j])) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether {@code within(t, s, e)} could come out the other way for an e off by floating-point
     * noise (the checker's key and follow-through are computed by other code than this test's).
     */
    static boolean onTheEdge(Tolerance t, double[][] s, double[][] e) {
        if (s.length != e.length || s[0].length != e[0].length) {
            return false;
        }
        for (int i = 0; i < e.length; i++) {
            for (int j = 0; j < e[i].length; j++) {
                double noise = 1e-9 * Math.max(1e-3, Math.abs(e[i][j]));
                boolean here = t.accepts(s[i][j], e[i][j]);
                if (here != t.accepts(s[i][j], e[i][j] + noise) || here != t.accepts(s[i][j], e[i][j] - noise)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a purely relative tolerance meets a value that is floating-point residue of 0
     * (|e| &lt; 1e-9, e.g. 2.8e-17 where terms cancel): |s − e| ≤ r·|e| then asks for the residue's
     * own digits, which the checker's arithmetic and this test's need not share. Left out.
     */
    static boolean noiseUnderRelative(Tolerance t, double[][] e) {
        if (!(t instanceof Tolerance.Bound b) || b.absolute() != 0) {
            return false;
        }
        for (double[] row : e) {
            for (double v : row) {
                if (Math.abs(v) < 1e-9) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * s is wrong, not all zeros, and every wrong cell is r's cell rounded (half up or half even)
     * or truncated at one precision: d decimals or k significant figures.
     */
    static boolean isRounding(Tolerance t, double[][] s, double[][] r) {
        if (s.length != r.length || s[0].length != r[0].length || within(t, s, r) || Slip.allZero(s)) {
            return false;
        }
        for (int precision = 0; precision <= 10; precision++) {
            if (roundedAt(t, s, r, precision, false) || (precision > 0 && roundedAt(t, s, r, precision, true))) {
                return true;
            }
        }
        return false;
    }

    private static boolean roundedAt(Tolerance t, double[][] s, double[][] r, int precision, boolean significant) {
        for (int i = 0; i < r.length; i++) {
            for (int j = 0; j < r[i].length; j++) {
                if (t.accepts(s[i][j], r[i][j])) {
                    continue;
                }
                boolean any = false;
                for (BigDecimal e : List.of(new BigDecimal(r[i][j]),
                        new BigDecimal(r[i][j]).round(new MathContext(10, RoundingMode.HALF_EVEN)))) {
                    for (RoundingMode mode : List.of(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.DOWN)) {
                        BigDecimal rounded = significant
                                ? (e.signum() == 0 ? e : e.round(new MathContext(precision, mode)))
                                : e.setScale(precision, mode);
                        any |= Math.abs(rounded.doubleValue() - s[i][j]) <= 1e-12 * Math.max(1, Math.abs(s[i][j]));
                    }
                }
                if (!any) {
                    return false;
                }
            }
        }
        return true;
    }

    static int size(double[][] a) {
        return a.length * a[0].length;
    }
}
