package nngrade.check;

import nngrade.problem.Activation;
import nngrade.problem.Loss;
import nngrade.problem.Matrix;
import nngrade.problem.Optimizer;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.problem.Reduction;
import nngrade.problem.WeightLayout;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A simulated student, written from formats.md alone with plain loops on double[][] (as
 * {@code nngrade.solve.NaiveNetwork} is for the solver): each quantity is computed from the
 * values the student themself carries forward, one at a time in the spec's follow-through
 * order, and the {@link Slip}s of a case are made where they fall. It shares no arithmetic with
 * {@code Backprop}, {@code Loss}, {@code Activation.apply/backprop} or {@code Matrix}; from a
 * {@link Problem} it reads only the numbers, sizes, activation kinds, loss, layout and reduction.
 */
final class Student {
    private Student() {
    }

    /**
     * What the student wrote, and for each quantity the value it should have been given their own
     * earlier values ({@code own}: the follow-through value, the key's where nothing upstream slipped).
     * {@code carried} holds what they computed on with: the written value, or for a wrong-shape
     * transposed answer the value they had before writing it the other way round.
     */
    record Work(Map<Quantity, double[][]> written, Map<Quantity, double[][]> own, Map<Quantity, double[][]> carried,
                Map<Quantity, Slip> made) {
    }

    /** Every quantity of p in the spec's order, with {@code slips} made at their quantities. */
    static Work work(Problem p, Map<Quantity, Slip> slips) {
        Map<Quantity, double[][]> written = new LinkedHashMap<>();
        Map<Quantity, double[][]> own = new LinkedHashMap<>();
        Map<Quantity, double[][]> carried = new LinkedHashMap<>();
        Map<Quantity, Slip> made = new LinkedHashMap<>();
        for (Quantity q : p.quantities().all()) {
            double[][] exact = correct(p, q, carried::get);
            own.put(q, exact);
            Slip slip = slips.get(q);
            Step at = Step.of(p, q, carried::get);
            double[][] wrote = slip == null ? null : slip.value(at.problem(), at.quantity(), exact, at.values());
            if (wrote == null) {
                wrote = exact;
            } else {
                made.put(q, slip);
            }
            written.put(q, wrote);
            boolean sameShape = wrote.length == exact.length && wrote[0].length == exact[0].length;
            carried.put(q, sameShape ? wrote : exact);
        }
        return new Work(written, own, carried, made);
    }

    /** The key: every quantity without a slip. */
    static Map<Quantity, double[][]> key(Problem p) {
        return work(p, Map.of()).written();
    }

    // ---------------------------------------------------------------- one quantity from given values

    /**
     * Quantity q of step s seen as a quantity of a first step: the problem whose given parameters,
     * optimiser state and t are what the student's own step s − 1 left ({@code W1_next},
     * {@code vW1_next}, t + s − 1), the quantity without its {@code @s}, and the values of step s
     * under the names of a first step.
     */
    record Step(Problem problem, Quantity quantity, Function<Quantity, double[][]> values) {
        static Step of(Problem p, Quantity q, Function<Quantity, double[][]> v) {
            int s = q.step();
            if (s == 1) {
                return new Step(p, q, v);
            }
            List<Matrix> w = new ArrayList<>();
            List<Matrix> b = new ArrayList<>();
            Map<String, Matrix> state = new HashMap<>();
            for (int l = 1; l <= p.network().depth(); l++) {
                w.add(Matrix.of(v.apply(Quantity.of(Kind.W_NEXT, l).atStep(s - 1))));
                b.add(Matrix.of(v.apply(Quantity.of(Kind.B_NEXT, l).atStep(s - 1))));
                for (Kind k : p.optimizer().stateOfW()) {
                    state.put(k.statePrefix() + l, Matrix.of(v.apply(Quantity.of(k, l).atStep(s - 1))));
                }
                for (Kind k : p.optimizer().stateOfB()) {
                    state.put(k.statePrefix() + l, Matrix.of(v.apply(Quantity.of(k, l).atStep(s - 1))));
                }
            }
            Problem first = new Problem(p.source(), p.id(), p.title(), p.statement(), p.network(), p.learningRate(),
                    p.x(), p.y(), w, b, p.ask(), p.tolerance(), p.points(), p.partialCredit(), p.followThrough(), p.l2(),
                    p.optimizer(), 1, p.t() + s - 1, state, null);
            return new Step(first, q.atStep(1), x -> v.apply(x.atStep(s)));
        }
    }

    /** q computed correctly from the values {@code v} of the quantities it depends on. */
    static double[][] correct(Problem p, Quantity q, Function<Quantity, double[][]> v) {
        if (q.step() > 1) {
            Step at = Step.of(p, q, v);
            return correct(at.problem(), at.quantity(), at.values());
        }
        int l = q.layer();
        int depth = p.network().depth();
        return switch (q.kind()) {
            case Z -> z(p, l, input(p, v, l));
            case A -> activate(p.network().layer(l).activation(), v.apply(Quantity.of(Kind.Z, l)));
            case YHAT -> activate(p.network().output().activation(), v.apply(Quantity.of(Kind.Z, depth)));
            case LOSS -> new double[][] {{loss(p, v.apply(Quantity.YHAT))}};
            case DZ -> l == depth ? outputDelta(p, v.apply(Quantity.of(Kind.Z, l)), v.apply(Quantity.YHAT))
                    : chain(p.network().layer(l).activation(), v.apply(Quantity.of(Kind.Z, l)),
                    v.apply(Quantity.of(Kind.DA, l)));
            case DA -> da(p, l, v.apply(Quantity.of(Kind.DZ, l + 1)));
            case DW -> plus(scale(weightGradient(p, v.apply(Quantity.of(Kind.DZ, l)), input(p, v, l)), factor(p)),
                    penaltyGradient(p, l));
            case DB -> scale(columnSums(v.apply(Quantity.of(Kind.DZ, l))), factor(p));
            case W_NEXT, B_NEXT -> step(p, q, v);
            case VW_NEXT, VB_NEXT, SW_NEXT, SB_NEXT, MW_NEXT, MB_NEXT -> stateAfter(p, q, v);
            default -> throw new IllegalArgumentException(q + ": not a network's quantity");
        };
    }

    /** Whether q is a weight's (W, dW, vW …) rather than a bias's. */
    static boolean ofWeights(Kind k) {
        return k == Kind.W_NEXT || k == Kind.VW_NEXT || k == Kind.SW_NEXT || k == Kind.MW_NEXT;
    }

    /** The parameter P that q is the step or the state of, as given. */
    static double[][] parameter(Problem p, Quantity q) {
        return ofWeights(q.kind()) ? p.w(q.layer()).toArray2d() : p.b(q.layer()).toArray2d();
    }

    static double[][] gradient(Quantity q, Function<Quantity, double[][]> v) {
        return v.apply(Quantity.of(ofWeights(q.kind()) ? Kind.DW : Kind.DB, q.layer()));
    }

    /** The state {@code k} of P after the step (P's kind of state: vW for W, vb for b), named for q's P. */
    static Quantity stateOf(Quantity q, Kind weights, Kind biases) {
        return Quantity.of(ofWeights(q.kind()) ? weights : biases, q.layer());
    }

    /** The state q before the step: as given, zeros where not given. */
    static double[][] stateBefore(Problem p, Quantity q) {
        Matrix given = p.state().get(q.kind().statePrefix() + q.layer());
        double[][] shape = parameter(p, q);
        return given != null ? given.toArray2d() : new double[shape.length][shape[0].length];
    }

    /** The optimiser's state after the step (formats.md, "Beyond one plain step"). */
    static double[][] stateAfter(Problem p, Quantity q, Function<Quantity, double[][]> v) {
        double[][] before = stateBefore(p, q);
        double[][] d = gradient(q, v);
        Optimizer o = p.optimizer();
        if (o instanceof Optimizer.Momentum mo) {
            return plus(scale(before, mo.beta()), scale(d, 1 - mo.dampening()));
        }
        if (o instanceof Optimizer.RmsProp r) {
            return plus(scale(before, r.beta()), scale(times(d, d), 1 - r.beta()));
        }
        Optimizer.Adam a = (Optimizer.Adam) o;
        boolean first = q.kind() == Kind.MW_NEXT || q.kind() == Kind.MB_NEXT;
        return first ? plus(scale(before, a.beta1()), scale(d, 1 - a.beta1()))
                : plus(scale(before, a.beta2()), scale(times(d, d), 1 - a.beta2()));
    }

    /** P_next of the optimiser, from the student's own gradient and state after the step. */
    static double[][] step(Problem p, Quantity q, Function<Quantity, double[][]> v) {
        double[][] theta = parameter(p, q);
        double eta = p.learningRate();
        Optimizer o = p.optimizer();
        if (o instanceof Optimizer.Momentum) {
            return plus(theta, scale(v.apply(stateOf(q, Kind.VW_NEXT, Kind.VB_NEXT)), -eta));
        }
        if (o instanceof Optimizer.RmsProp r) {
            return plus(theta, scale(divided(gradient(q, v), v.apply(stateOf(q, Kind.SW_NEXT, Kind.SB_NEXT)), 1, 1,
                    r.epsilon()), -eta));
        }
        if (o instanceof Optimizer.Adam a) {
            int t = p.t() + 1;
            return plus(theta, scale(divided(v.apply(stateOf(q, Kind.MW_NEXT, Kind.MB_NEXT)),
                    v.apply(stateOf(q, Kind.VW_NEXT, Kind.VB_NEXT)), 1 - Math.pow(a.beta1(), t),
                    1 - Math.pow(a.beta2(), t), a.epsilon()), -eta));
        }
        return plus(theta, scale(gradient(q, v), -eta));
    }

    /** (m / cm) / (√(s / cs) + ε) cell by cell. */
    static double[][] divided(double[][] m, double[][] s, double cm, double cs, double epsilon) {
        double[][] out = new double[m.length][m[0].length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                out[i][j] = m[i][j] / cm / (Math.sqrt(s[i][j] / cs) + epsilon);
            }
        }
        return out;
    }

    /** The quantities q is computed from (formats.md, "Follow-through"; a step from the one before it). */
    static List<Quantity> inputs(Problem p, Quantity q) {
        if (q.step() > 1) {
            int s = q.step();
            List<Quantity> out = new ArrayList<>();
            for (Quantity i : inputs(p, q.atStep(1))) {
                out.add(i.atStep(s));
            }
            int l = q.layer();
            int depth = p.network().depth();
            switch (q.kind()) {
                case Z -> {
                    out.add(Quantity.of(Kind.W_NEXT, l).atStep(s - 1));
                    out.add(Quantity.of(Kind.B_NEXT, l).atStep(s - 1));
                }
                case DA -> out.add(Quantity.of(Kind.W_NEXT, l + 1).atStep(s - 1));
                case DW -> out.add(Quantity.of(Kind.W_NEXT, l).atStep(s - 1)); // the penalty's W
                case LOSS -> {
                    for (int k = 1; k <= depth; k++) {
                        out.add(Quantity.of(Kind.W_NEXT, k).atStep(s - 1));
                    }
                }
                case W_NEXT, B_NEXT, VW_NEXT, VB_NEXT, SW_NEXT, SB_NEXT, MW_NEXT, MB_NEXT ->
                        out.add(q.atStep(s - 1)); // P, or the state, as step s − 1 left it
                default -> {
                }
            }
            return out;
        }
        int l = q.layer();
        int depth = p.network().depth();
        return switch (q.kind()) {
            case Z -> l == 1 ? List.of() : List.of(Quantity.of(Kind.A, l - 1));
            case A -> List.of(Quantity.of(Kind.Z, l));
            case YHAT -> List.of(Quantity.of(Kind.Z, depth));
            case LOSS -> List.of(Quantity.YHAT);
            case DZ -> l < depth ? List.of(Quantity.of(Kind.DA, l), Quantity.of(Kind.Z, l))
                    : List.of(Quantity.of(Kind.Z, depth), Quantity.YHAT);
            case DA -> List.of(Quantity.of(Kind.DZ, l + 1));
            case DW -> l == 1 ? List.of(Quantity.of(Kind.DZ, l))
                    : List.of(Quantity.of(Kind.DZ, l), Quantity.of(Kind.A, l - 1));
            case DB -> List.of(Quantity.of(Kind.DZ, l));
            case W_NEXT, B_NEXT -> stepInputs(p, q);
            case VW_NEXT, SW_NEXT, MW_NEXT -> List.of(Quantity.of(Kind.DW, l));
            case VB_NEXT, SB_NEXT, MB_NEXT -> List.of(Quantity.of(Kind.DB, l));
            default -> throw new IllegalArgumentException(q + ": not a network's quantity");
        };
    }

    private static List<Quantity> stepInputs(Problem p, Quantity q) {
        Optimizer o = p.optimizer();
        Quantity d = Quantity.of(ofWeights(q.kind()) ? Kind.DW : Kind.DB, q.layer());
        if (o instanceof Optimizer.Momentum) {
            return List.of(stateOf(q, Kind.VW_NEXT, Kind.VB_NEXT));
        }
        if (o instanceof Optimizer.RmsProp) {
            return List.of(d, stateOf(q, Kind.SW_NEXT, Kind.SB_NEXT));
        }
        if (o instanceof Optimizer.Adam) {
            return List.of(stateOf(q, Kind.MW_NEXT, Kind.MB_NEXT), stateOf(q, Kind.VW_NEXT, Kind.VB_NEXT));
        }
        return List.of(d);
    }

    static double[][] input(Problem p, Function<Quantity, double[][]> v, int l) {
        return l == 1 ? p.x().toArray2d() : v.apply(Quantity.of(Kind.A, l - 1));
    }

    /** z_ij = b_j + Σ_k W_jk · in_ik (out-in) or Σ_k in_ik · W_kj (in-out). */
    static double[][] z(Problem p, int l, double[][] in) {
        double[][] w = p.w(l).toArray2d();
        double[] b = p.b(l).toArray();
        boolean outIn = p.network().weightLayout() == WeightLayout.OUT_IN;
        double[][] z = new double[in.length][b.length];
        for (int i = 0; i < in.length; i++) {
            for (int j = 0; j < b.length; j++) {
                double s = b[j];
                for (int k = 0; k < in[i].length; k++) {
                    s += (outIn ? w[j][k] : w[k][j]) * in[i][k];
                }
                z[i][j] = s;
            }
        }
        return z;
    }

    static double[][] activate(Activation f, double[][] z) {
        double[][] a = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            a[i] = new double[z[i].length];
            if (f instanceof Activation.Softmax) {
                double total = 0;
                for (double v : z[i]) {
                    total += Math.exp(v);
                }
                for (int j = 0; j < z[i].length; j++) {
                    a[i][j] = Math.exp(z[i][j]) / total;
                }
                continue;
            }
            for (int j = 0; j < z[i].length; j++) {
                double v = z[i][j];
                if (f instanceof Activation.Sigmoid) {
                    a[i][j] = 1 / (1 + Math.exp(-v));
                } else if (f instanceof Activation.Tanh) {
                    a[i][j] = Math.tanh(v);
                } else if (f instanceof Activation.Relu) {
                    a[i][j] = Math.max(0, v);
                } else if (f instanceof Activation.LeakyRelu leaky) {
                    a[i][j] = v > 0 ? v : leaky.alpha() * v;
                } else if (f instanceof Activation.Linear) {
                    a[i][j] = v;
                } else {
                    throw new AssertionError("no plain version of " + f.name());
                }
            }
        }
        return a;
    }

    /** δ = Jᵀ·da per sample, J = ∂f(z)/∂z: diagonal f′(z) except for softmax. */
    static double[][] chain(Activation f, double[][] z, double[][] da) {
        double[][] delta = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            int n = z[i].length;
            delta[i] = new double[n];
            double[] a = activate(f, new double[][] {z[i]})[0];
            for (int k = 0; k < n; k++) {
                if (f instanceof Activation.Softmax) {
                    for (int j = 0; j < n; j++) {
                        delta[i][k] += a[j] * ((j == k ? 1 : 0) - a[k]) * da[i][j];
                    }
                } else {
                    double prime;
                    if (f instanceof Activation.Sigmoid) {
                        prime = a[k] * (1 - a[k]);
                    } else if (f instanceof Activation.Tanh) {
                        prime = 1 - a[k] * a[k];
                    } else if (f instanceof Activation.Relu) {
                        prime = z[i][k] > 0 ? 1 : 0;
                    } else if (f instanceof Activation.LeakyRelu leaky) {
                        prime = z[i][k] > 0 ? 1 : leaky.alpha();
                    } else {
                        prime = 1;
                    }
                    delta[i][k] = prime * da[i][k];
                }
            }
        }
        return delta;
    }

    /** Whether δ_L = ŷ − y (softmax with cross-entropy, sigmoid with binary cross-entropy). */
    static boolean shortcut(Problem p) {
        Activation f = p.network().output().activation();
        Loss loss = p.network().loss();
        return (loss == Loss.CROSS_ENTROPY && f instanceof Activation.Softmax)
                || (loss == Loss.BINARY_CROSS_ENTROPY && f instanceof Activation.Sigmoid);
    }

    static double[][] outputDelta(Problem p, double[][] zL, double[][] yhat) {
        if (shortcut(p)) {
            return plus(yhat, scale(p.y().toArray2d(), -1));
        }
        return chain(p.network().output().activation(), zL, lossGradient(p, yhat));
    }

    /** ∂ℓ/∂ŷ per sample. */
    static double[][] lossGradient(Problem p, double[][] yhat) {
        double[][] y = p.y().toArray2d();
        double[][] g = new double[yhat.length][];
        for (int i = 0; i < yhat.length; i++) {
            int k = yhat[i].length;
            g[i] = new double[k];
            for (int j = 0; j < k; j++) {
                double h = yhat[i][j];
                double t = y[i][j];
                g[i][j] = switch (p.network().loss()) {
                    case CROSS_ENTROPY -> t == 0 ? 0 : -t / h;
                    case BINARY_CROSS_ENTROPY -> (t == 0 ? 0 : -t / h) + (t == 1 ? 0 : (1 - t) / (1 - h));
                    case QUADRATIC -> h - t;
                    case MSE -> 2 * (h - t) / k;
                };
            }
        }
        return g;
    }

    /** C = factor · Σ_i ℓ_i. */
    static double loss(Problem p, double[][] yhat) {
        double[][] y = p.y().toArray2d();
        double total = 0;
        for (int i = 0; i < yhat.length; i++) {
            int k = yhat[i].length;
            for (int j = 0; j < k; j++) {
                double h = yhat[i][j];
                double t = y[i][j];
                total += switch (p.network().loss()) {
                    case CROSS_ENTROPY -> t == 0 ? 0 : -t * Math.log(h);
                    case BINARY_CROSS_ENTROPY -> (t == 0 ? 0 : -t * Math.log(h)) + (t == 1 ? 0 : -(1 - t) * Math.log(1 - h));
                    case QUADRATIC -> 0.5 * (h - t) * (h - t);
                    case MSE -> (h - t) * (h - t) / k;
                };
            }
        }
        return factor(p) * (total + penalty(p));
    }

    /** (λ/2)·Σ_l Σ_jk W_l,jk² of the given weights (formats.md, "Beyond one plain step"). */
    static double penalty(Problem p) {
        double squares = 0;
        for (int l = 1; l <= p.network().depth(); l++) {
            for (double[] row : p.w(l).toArray2d()) {
                for (double w : row) {
                    squares += w * w;
                }
            }
        }
        return p.l2() / 2 * squares;
    }

    /** ∂C/∂W_l of the penalty: factor · λ·W_l. */
    static double[][] penaltyGradient(Problem p, int l) {
        return scale(p.w(l).toArray2d(), factor(p) * p.l2());
    }

    /** da_l,ik = Σ_j δ_(l+1),ij · W_(l+1),jk (out-in; W_kj in-out). */
    static double[][] da(Problem p, int l, double[][] deltaNext) {
        double[][] w = p.w(l + 1).toArray2d();
        boolean outIn = p.network().weightLayout() == WeightLayout.OUT_IN;
        int inputs = p.network().layer(l).units();
        double[][] da = new double[deltaNext.length][inputs];
        for (int i = 0; i < deltaNext.length; i++) {
            for (int k = 0; k < inputs; k++) {
                for (int j = 0; j < deltaNext[i].length; j++) {
                    da[i][k] += deltaNext[i][j] * (outIn ? w[j][k] : w[k][j]);
                }
            }
        }
        return da;
    }

    /** Σ_i δ_ij · in_ik, at [j][k] (out-in) or [k][j] (in-out); without the factor. */
    static double[][] weightGradient(Problem p, double[][] delta, double[][] in) {
        boolean outIn = p.network().weightLayout() == WeightLayout.OUT_IN;
        int units = delta[0].length;
        int inputs = in[0].length;
        double[][] g = outIn ? new double[units][inputs] : new double[inputs][units];
        for (int j = 0; j < units; j++) {
            for (int k = 0; k < inputs; k++) {
                double s = 0;
                for (int i = 0; i < delta.length; i++) {
                    s += delta[i][j] * in[i][k];
                }
                if (outIn) {
                    g[j][k] = s;
                } else {
                    g[k][j] = s;
                }
            }
        }
        return g;
    }

    /** ∂C/∂ℓ_i: 1/m for mean, 1 for sum. */
    static double factor(Problem p) {
        return p.network().reduction() == Reduction.MEAN ? 1.0 / p.samples() : 1.0;
    }

    // ---------------------------------------------------------------- plain array arithmetic

    static double[][] columnSums(double[][] a) {
        double[][] s = new double[1][a[0].length];
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                s[0][j] += row[j];
            }
        }
        return s;
    }

    static double[][] scale(double[][] a, double c) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new double[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                out[i][j] = c * a[i][j];
            }
        }
        return out;
    }

    static double[][] plus(double[][] a, double[][] b) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new double[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                out[i][j] = a[i][j] + b[i][j];
            }
        }
        return out;
    }

    static double[][] times(double[][] a, double[][] b) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new double[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                out[i][j] = a[i][j] * b[i][j];
            }
        }
        return out;
    }

    static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    /**
     * e rounded half-up to d decimals as a calculator shows it: of its first 10 significant
     * digits (0.85, held as 0.8499999999999999, rounds to 0.9).
     */
    static double round(double e, int d) {
        if (e == 0 || !Double.isFinite(e)) {
            return e;
        }
        return new BigDecimal(e).round(new MathContext(10, RoundingMode.HALF_EVEN))
                .setScale(d, RoundingMode.HALF_UP).doubleValue();
    }

    static double[][] rounded(double[][] a, int d) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new double[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                out[i][j] = round(a[i][j], d);
            }
        }
        return out;
    }

    static boolean finite(double[][] a) {
        for (double[] row : a) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }
}
