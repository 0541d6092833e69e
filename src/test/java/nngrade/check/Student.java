package nngrade.check;

import nngrade.problem.Activation;
import nngrade.problem.Loss;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.problem.Reduction;
import nngrade.problem.WeightLayout;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
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
        for (Quantity q : Quantity.all(p.network().depth())) {
            double[][] exact = correct(p, q, carried::get);
            own.put(q, exact);
            Slip slip = slips.get(q);
            double[][] wrote = slip == null ? null : slip.value(p, q, exact, carried::get);
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

    /** q computed correctly from the values {@code v} of the quantities it depends on. */
    static double[][] correct(Problem p, Quantity q, Function<Quantity, double[][]> v) {
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
            case W_NEXT -> plus(p.w(l).toArray2d(), scale(v.apply(Quantity.of(Kind.DW, l)), -p.learningRate()));
            case B_NEXT -> plus(p.b(l).toArray2d(), scale(v.apply(Quantity.of(Kind.DB, l)), -p.learningRate()));
            default -> throw new IllegalArgumentException(q + ": not a plain network's quantity");
        };
    }

    /** The quantities q is computed from (formats.md, "Follow-through"). */
    static List<Quantity> inputs(Problem p, Quantity q) {
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
            case W_NEXT -> List.of(Quantity.of(Kind.DW, l));
            case B_NEXT -> List.of(Quantity.of(Kind.DB, l));
            default -> throw new IllegalArgumentException(q + ": not a plain network's quantity");
        };
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
