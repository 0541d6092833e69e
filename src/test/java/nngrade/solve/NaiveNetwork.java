package nngrade.solve;

import nngrade.problem.Activation;
import nngrade.problem.Loss;
import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.problem.Reduction;
import nngrade.problem.WeightLayout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A second, deliberately plain implementation of the spec's math, written from formats.md
 * alone: nested loops over double arrays, one sample at a time, the activations and losses
 * written out again, and one backward rule for every activation (the full Jacobian
 * Jᵀ·∂ℓ/∂a, never the ŷ − y shortcut). It shares no code with {@code Backprop}, {@code Matrix}
 * arithmetic, {@code Activation.apply/backprop} or {@code Loss}, so agreeing with the solver
 * means something. From a {@link Problem} it reads only the numbers, the layer sizes, the
 * activation kinds (and leaky-relu's alpha), the loss, the layout and the reduction.
 * {@link #step} is public so that the checker's tests take the values a student computes from
 * their own answers from here too, never from the code under test.
 */
public final class NaiveNetwork {
    private final Problem p;
    private final int depth;
    private final int m;
    private final double[][] x;
    private final double[][] y;
    /** w[l], b[l] for l = 1..depth (index 0 unused), W in the problem's own layout. */
    private final double[][][] w;
    private final double[][] b;

    NaiveNetwork(Problem p) {
        this.p = p;
        this.depth = p.network().depth();
        this.m = p.samples();
        this.x = p.x().toArray2d();
        this.y = p.y().toArray2d();
        this.w = new double[depth + 1][][];
        this.b = new double[depth + 1][];
        for (int l = 1; l <= depth; l++) {
            w[l] = p.w(l).toArray2d();
            b[l] = p.b(l).toArray();
        }
    }

    int depth() {
        return depth;
    }

    int samples() {
        return m;
    }

    /** A deep copy of the weights, W1..WL at index 1..L, for perturbing one entry. */
    double[][][] weights() {
        double[][][] copy = new double[depth + 1][][];
        for (int l = 1; l <= depth; l++) {
            copy[l] = new double[w[l].length][];
            for (int r = 0; r < w[l].length; r++) {
                copy[l][r] = w[l][r].clone();
            }
        }
        return copy;
    }

    /** A deep copy of the biases, b1..bL at index 1..L. */
    double[][] biases() {
        double[][] copy = new double[depth + 1][];
        for (int l = 1; l <= depth; l++) {
            copy[l] = b[l].clone();
        }
        return copy;
    }

    // ---------------------------------------------------------------- forward pass

    /** The weight from unit k of layer l−1 into unit j of layer l, in either layout. */
    private double weight(double[][] wl, int j, int k) {
        return p.network().weightLayout() == WeightLayout.OUT_IN ? wl[j][k] : wl[k][j];
    }

    private int units(int l) {
        return p.network().layer(l).units();
    }

    /** z_j = b_j + Σ_k W_jk · in_k for one sample. */
    private double[] preActivation(int l, double[] in, double[][] wl, double[] bl) {
        double[] z = new double[units(l)];
        for (int j = 0; j < z.length; j++) {
            double s = bl[j];
            for (int k = 0; k < in.length; k++) {
                s += weight(wl, j, k) * in[k];
            }
            z[j] = s;
        }
        return z;
    }

    private double[] activate(int l, double[] z) {
        Activation f = p.network().layer(l).activation();
        double[] a = new double[z.length];
        if (f instanceof Activation.Softmax) {
            double total = 0;
            for (double v : z) {
                total += Math.exp(v);
            }
            for (int j = 0; j < z.length; j++) {
                a[j] = Math.exp(z[j]) / total;
            }
            return a;
        }
        for (int j = 0; j < z.length; j++) {
            double v = z[j];
            if (f instanceof Activation.Sigmoid) {
                a[j] = 1 / (1 + Math.exp(-v));
            } else if (f instanceof Activation.Tanh) {
                a[j] = Math.tanh(v);
            } else if (f instanceof Activation.Relu) {
                a[j] = Math.max(0, v);
            } else if (f instanceof Activation.LeakyRelu leaky) {
                a[j] = v > 0 ? v : leaky.alpha() * v;
            } else if (f instanceof Activation.Linear) {
                a[j] = v;
            } else {
                throw new AssertionError("no naive version of " + f.name());
            }
        }
        return a;
    }

    /** ∂a_j/∂z_k of layer l for one sample: diagonal except for softmax. */
    private double[][] jacobian(int l, double[] z) {
        Activation f = p.network().layer(l).activation();
        int n = z.length;
        double[][] jac = new double[n][n];
        double[] a = activate(l, z);
        for (int j = 0; j < n; j++) {
            if (f instanceof Activation.Softmax) {
                for (int k = 0; k < n; k++) {
                    jac[j][k] = a[j] * ((j == k ? 1 : 0) - a[k]);
                }
            } else if (f instanceof Activation.Sigmoid) {
                jac[j][j] = a[j] * (1 - a[j]);
            } else if (f instanceof Activation.Tanh) {
                jac[j][j] = 1 - a[j] * a[j];
            } else if (f instanceof Activation.Relu) {
                jac[j][j] = z[j] > 0 ? 1 : 0;
            } else if (f instanceof Activation.LeakyRelu leaky) {
                jac[j][j] = z[j] > 0 ? 1 : leaky.alpha();
            } else {
                jac[j][j] = 1; // linear
            }
        }
        return jac;
    }

    /** ℓ for one sample, exactly as formats.md writes it. */
    private double sampleLoss(double[] yhat, double[] target) {
        Loss loss = p.network().loss();
        int k = yhat.length;
        double s = 0;
        for (int j = 0; j < k; j++) {
            double h = yhat[j];
            double t = target[j];
            s += switch (loss) {
                case CROSS_ENTROPY -> -t * Math.log(h);
                case BINARY_CROSS_ENTROPY -> -(t * Math.log(h) + (1 - t) * Math.log(1 - h));
                case QUADRATIC -> 0.5 * (h - t) * (h - t);
                case MSE -> (h - t) * (h - t) / k;
            };
        }
        return s;
    }

    /** ∂ℓ/∂ŷ for one sample. */
    private double[] lossGradient(double[] yhat, double[] target) {
        Loss loss = p.network().loss();
        int k = yhat.length;
        double[] g = new double[k];
        for (int j = 0; j < k; j++) {
            double h = yhat[j];
            double t = target[j];
            g[j] = switch (loss) {
                case CROSS_ENTROPY -> -t / h;
                case BINARY_CROSS_ENTROPY -> -t / h + (1 - t) / (1 - h);
                case QUADRATIC -> h - t;
                case MSE -> 2 * (h - t) / k;
            };
        }
        return g;
    }

    /** ∂C/∂ℓ_i. */
    private double factor() {
        return p.network().reduction() == Reduction.MEAN ? 1.0 / m : 1.0;
    }

    /** ℓ_i when layer l's pre-activation of sample i is {@code zl}; layers after l follow from it. */
    double sampleLossFromZ(int l, int i, double[] zl) {
        return sampleLossFromA(l, i, activate(l, zl), w, b);
    }

    /** ℓ_i when layer l's activation of sample i is {@code al} (l = 0 means the input x_i). */
    double sampleLossFromA(int l, int i, double[] al) {
        return sampleLossFromA(l, i, al, w, b);
    }

    private double sampleLossFromA(int l, int i, double[] al, double[][][] wl, double[][] bl) {
        double[] a = al;
        for (int q = l + 1; q <= depth; q++) {
            a = activate(q, preActivation(q, a, wl[q], bl[q]));
        }
        return sampleLoss(a, y[i]);
    }

    /** The batch cost C with the given parameters in place of the problem's. */
    double cost(double[][][] wl, double[][] bl) {
        double total = 0;
        for (int i = 0; i < m; i++) {
            total += sampleLossFromA(0, i, x[i], wl, bl);
        }
        return factor() * total;
    }

    // ---------------------------------------------------------------- the whole key

    /** Every quantity of the spec's table, per sample then summed, as {rows}{cols} arrays. */
    Map<Quantity, double[][]> key() {
        Map<Quantity, double[][]> key = new LinkedHashMap<>();
        double[][][] z = new double[depth + 1][m][];
        double[][][] a = new double[depth + 1][m][];
        a[0] = x;
        for (int l = 1; l <= depth; l++) {
            for (int i = 0; i < m; i++) {
                z[l][i] = preActivation(l, a[l - 1][i], w[l], b[l]);
                a[l][i] = activate(l, z[l][i]);
            }
            key.put(Quantity.of(Kind.Z, l), z[l]);
            key.put(l < depth ? Quantity.of(Kind.A, l) : Quantity.YHAT, a[l]);
        }
        double total = 0;
        for (int i = 0; i < m; i++) {
            total += sampleLoss(a[depth][i], y[i]);
        }
        key.put(Quantity.LOSS, new double[][] {{factor() * total}});

        // da holds ∂ℓ_i/∂a_l per sample; at the output it is ∂ℓ/∂ŷ.
        double[][] da = new double[m][];
        for (int i = 0; i < m; i++) {
            da[i] = lossGradient(a[depth][i], y[i]);
        }
        for (int l = depth; l >= 1; l--) {
            if (l < depth) {
                key.put(Quantity.of(Kind.DA, l), da);
            }
            int n = units(l);
            double[][] delta = new double[m][n];
            for (int i = 0; i < m; i++) {
                double[][] jac = jacobian(l, z[l][i]);
                for (int k = 0; k < n; k++) {
                    for (int j = 0; j < n; j++) {
                        delta[i][k] += jac[j][k] * da[i][j]; // δ = Jᵀ · ∂ℓ/∂a
                    }
                }
            }
            key.put(Quantity.of(Kind.DZ, l), delta);

            int inputs = p.network().inputsOf(l);
            double[][] dW = new double[w[l].length][w[l][0].length];
            double[] db = new double[n];
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < inputs; k++) {
                    double s = 0;
                    for (int i = 0; i < m; i++) {
                        s += delta[i][j] * a[l - 1][i][k];
                    }
                    if (p.network().weightLayout() == WeightLayout.OUT_IN) {
                        dW[j][k] = factor() * s;
                    } else {
                        dW[k][j] = factor() * s;
                    }
                }
                double s = 0;
                for (int i = 0; i < m; i++) {
                    s += delta[i][j];
                }
                db[j] = factor() * s;
            }
            key.put(Quantity.of(Kind.DW, l), dW);
            key.put(Quantity.of(Kind.DB, l), new double[][] {db});

            // ∂ℓ_i/∂a_(l−1),k = Σ_j δ_j · W_jk, needed by the next layer down.
            double[][] daBelow = new double[m][inputs];
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < inputs; k++) {
                    for (int j = 0; j < n; j++) {
                        daBelow[i][k] += delta[i][j] * weight(w[l], j, k);
                    }
                }
            }
            da = daBelow;
        }

        double eta = p.learningRate();
        for (int l = 1; l <= depth; l++) {
            double[][] dW = key.get(Quantity.of(Kind.DW, l));
            double[][] next = new double[dW.length][dW[0].length];
            for (int r = 0; r < dW.length; r++) {
                for (int c = 0; c < dW[0].length; c++) {
                    next[r][c] = w[l][r][c] - eta * dW[r][c];
                }
            }
            key.put(Quantity.of(Kind.W_NEXT, l), next);
            double[] db = key.get(Quantity.of(Kind.DB, l))[0];
            double[] bNext = new double[db.length];
            for (int j = 0; j < db.length; j++) {
                bNext[j] = b[l][j] - eta * db[j];
            }
            key.put(Quantity.of(Kind.B_NEXT, l), new double[][] {bNext});
        }
        return key;
    }

    /** The pre-activations of every layer for every sample (z[l][i], l = 1..L), for perturbing. */
    double[][][] preActivations() {
        double[][][] z = new double[depth + 1][m][];
        for (int i = 0; i < m; i++) {
            double[] a = x[i];
            for (int l = 1; l <= depth; l++) {
                z[l][i] = preActivation(l, a, w[l], b[l]);
                a = activate(l, z[l][i]);
            }
        }
        return z;
    }

    /** The activations of every layer for every sample (a[l][i], l = 1..L). */
    double[][][] activations() {
        double[][][] z = preActivations();
        double[][][] a = new double[depth + 1][m][];
        for (int l = 1; l <= depth; l++) {
            for (int i = 0; i < m; i++) {
                a[l][i] = activate(l, z[l][i]);
            }
        }
        return a;
    }
    // ---------------------------------------------------------------- one step from a student's own values

    /**
     * q as a student computes it from their own earlier values {@code own} (the key's where they
     * gave none): the step of the spec's table that yields q, from the quantities it directly
     * depends on. The output δ is ŷ − y for softmax with cross-entropy and sigmoid with binary
     * cross-entropy (as students are taught to write it), else Jᵀ(z_L)·∂ℓ/∂ŷ of their own ŷ.
     */
    public static Matrix step(Problem p, Quantity q, Function<Quantity, Matrix> own) {
        return Matrix.of(new NaiveNetwork(p).stepOf(q, x -> own.apply(x).toArray2d()));
    }

    private double[][] stepOf(Quantity q, Function<Quantity, double[][]> own) {
        int l = q.layer();
        return switch (q.kind()) {
            case Z -> {
                double[][] in = l == 1 ? x : own.apply(Quantity.of(Kind.A, l - 1));
                double[][] z = new double[m][];
                for (int i = 0; i < m; i++) {
                    z[i] = preActivation(l, in[i], w[l], b[l]);
                }
                yield z;
            }
            case A, YHAT -> {
                int layer = q.kind() == Kind.YHAT ? depth : l;
                double[][] z = own.apply(Quantity.of(Kind.Z, layer));
                double[][] a = new double[m][];
                for (int i = 0; i < m; i++) {
                    a[i] = activate(layer, z[i]);
                }
                yield a;
            }
            case LOSS -> {
                double[][] yhat = own.apply(Quantity.YHAT);
                double total = 0;
                for (int i = 0; i < m; i++) {
                    total += sampleLoss(yhat[i], y[i]);
                }
                yield new double[][] {{factor() * total}};
            }
            case DZ -> {
                int n = units(l);
                double[][] z = own.apply(Quantity.of(Kind.Z, l));
                double[][] da = new double[m][];
                boolean shortcut = false;
                if (l == depth) {
                    double[][] yhat = own.apply(Quantity.YHAT);
                    Activation f = p.network().output().activation();
                    Loss loss = p.network().loss();
                    shortcut = (f instanceof Activation.Softmax && loss == Loss.CROSS_ENTROPY)
                            || (f instanceof Activation.Sigmoid && loss == Loss.BINARY_CROSS_ENTROPY);
                    for (int i = 0; i < m; i++) {
                        da[i] = shortcut ? yhat[i] : lossGradient(yhat[i], y[i]);
                    }
                } else {
                    da = own.apply(Quantity.of(Kind.DA, l));
                }
                double[][] delta = new double[m][n];
                for (int i = 0; i < m; i++) {
                    if (shortcut) {
                        for (int k = 0; k < n; k++) {
                            delta[i][k] = da[i][k] - y[i][k]; // ŷ − y
                        }
                        continue;
                    }
                    double[][] jac = jacobian(l, z[i]);
                    for (int k = 0; k < n; k++) {
                        for (int j = 0; j < n; j++) {
                            delta[i][k] += jac[j][k] * da[i][j]; // δ = Jᵀ · ∂ℓ/∂a
                        }
                    }
                }
                yield delta;
            }
            case DA -> {
                double[][] delta = own.apply(Quantity.of(Kind.DZ, l + 1));
                double[][] da = new double[m][units(l)];
                for (int i = 0; i < m; i++) {
                    for (int k = 0; k < units(l); k++) {
                        for (int j = 0; j < units(l + 1); j++) {
                            da[i][k] += delta[i][j] * weight(w[l + 1], j, k);
                        }
                    }
                }
                yield da;
            }
            case DW -> {
                double[][] delta = own.apply(Quantity.of(Kind.DZ, l));
                double[][] in = l == 1 ? x : own.apply(Quantity.of(Kind.A, l - 1));
                double[][] dW = new double[w[l].length][w[l][0].length];
                for (int j = 0; j < units(l); j++) {
                    for (int k = 0; k < p.network().inputsOf(l); k++) {
                        double s = 0;
                        for (int i = 0; i < m; i++) {
                            s += delta[i][j] * in[i][k];
                        }
                        if (p.network().weightLayout() == WeightLayout.OUT_IN) {
                            dW[j][k] = factor() * s;
                        } else {
                            dW[k][j] = factor() * s;
                        }
                    }
                }
                yield dW;
            }
            case DB -> {
                double[][] delta = own.apply(Quantity.of(Kind.DZ, l));
                double[] db = new double[units(l)];
                for (int j = 0; j < db.length; j++) {
                    for (int i = 0; i < m; i++) {
                        db[j] += delta[i][j];
                    }
                    db[j] *= factor();
                }
                yield new double[][] {db};
            }
            case W_NEXT -> {
                double[][] dW = own.apply(Quantity.of(Kind.DW, l));
                double[][] next = new double[dW.length][dW[0].length];
                for (int r = 0; r < dW.length; r++) {
                    for (int c = 0; c < dW[0].length; c++) {
                        next[r][c] = w[l][r][c] - p.learningRate() * dW[r][c];
                    }
                }
                yield next;
            }
            case B_NEXT -> {
                double[] db = own.apply(Quantity.of(Kind.DB, l))[0];
                double[] next = new double[db.length];
                for (int j = 0; j < db.length; j++) {
                    next[j] = b[l][j] - p.learningRate() * db[j];
                }
                yield new double[][] {next};
            }
            default -> throw new IllegalArgumentException(q + ": not a plain network's quantity");
        };
    }
}
