package nngrade.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An activation function f with what backpropagation needs of it. The set is closed: the
 * spec's activations are the records below.
 */
public sealed interface Activation {

    /** The name used in problem files, e.g. {@code leaky-relu}. */
    String name();

    /** a = f(z), row by row (one row per sample). */
    Matrix apply(Matrix z);

    /** δ = ∂ℓ/∂z from da = ∂ℓ/∂a, per sample: da ⊙ f′(z), or Jᵀ·da for softmax. */
    Matrix backprop(Matrix z, Matrix da);

    /** ln f(z), computed from z where that is more accurate than taking the log of f(z). */
    default Matrix logOf(Matrix z) {
        return apply(z).map(Math::log);
    }

    /** ln(1 − f(z)), likewise. */
    default Matrix log1mOf(Matrix z) {
        return apply(z).map(a -> Math.log1p(-a));
    }

    /** How this activation is written in a formula, e.g. {@code σ} or {@code softmax}. */
    default String symbol() {
        return name();
    }

    /** f′ written out, for the formulas of an answer key and of feedback, in {@code n}'s language. */
    String prime(Notation n);

    /** How a formula writes a number and a split into cases, in the reader's language. */
    interface Notation {
        /** v as written in a problem file (shortest round-trip form), with the language's decimal separator. */
        String number(double v);

        /** "value if condition, else otherwise". */
        String cases(String value, String condition, String otherwise);

        /** Between the items of a list of values: "; " where the comma is the decimal separator (β = 0,9; ε = 1e-8). */
        String separator();
    }

    /** The names of the spec's activations, in the order they are listed to a teacher who mistyped one. */
    static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Activation a : every(DEFAULT_LEAKY_SLOPE)) {
            names.add(a.name());
        }
        return List.copyOf(names);
    }

    /** The activation called {@code name} in a problem file, if there is one. */
    static Optional<Activation> byName(String name, double leakySlope) {
        for (Activation a : every(leakySlope)) {
            if (a.name().equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** One of each activation (each knows its own name), in the order of {@link #names}. */
    private static List<Activation> every(double leakySlope) {
        return List.of(new Sigmoid(), new Tanh(), new Relu(), new LeakyRelu(leakySlope), new Linear(), new Softmax());
    }

    /** Default slope of leaky-relu for z &lt; 0. */
    double DEFAULT_LEAKY_SLOPE = 0.01;

    /** Activations applied to each unit on its own, with f′ a function of z alone. */
    sealed interface Elementwise extends Activation {
        double f(double z);

        double derivative(double z);

        @Override
        default Matrix apply(Matrix z) {
            return z.map(this::f);
        }

        @Override
        default Matrix backprop(Matrix z, Matrix da) {
            return da.hadamard(z.map(this::derivative));
        }
    }

    record Sigmoid() implements Elementwise {
        @Override
        public String prime(Notation n) {
            return "σ′(z) = σ(z)(1 − σ(z))";
        }

        @Override
        public String name() {
            return "sigmoid";
        }

        @Override
        public String symbol() {
            return "σ";
        }

        @Override
        public double f(double z) {
            // Two branches so exp never overflows.
            if (z >= 0) {
                return 1 / (1 + Math.exp(-z));
            }
            double e = Math.exp(z);
            return e / (1 + e);
        }

        @Override
        public double derivative(double z) {
            double s = f(z);
            return s * (1 - s);
        }

        /** ln σ(z) = −softplus(−z), finite even where σ(z) rounds to 0. */
        @Override
        public Matrix logOf(Matrix z) {
            return z.map(v -> -softplus(-v));
        }

        /** ln(1 − σ(z)) = −softplus(z). */
        @Override
        public Matrix log1mOf(Matrix z) {
            return z.map(v -> -softplus(v));
        }

        /** softplus(t) = ln(1 + eᵗ), without overflow. */
        static double softplus(double t) {
            return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
        }
    }

    record Tanh() implements Elementwise {
        @Override
        public String prime(Notation n) {
            return "tanh′(z) = 1 − tanh²(z)";
        }

        @Override
        public String name() {
            return "tanh";
        }

        @Override
        public double f(double z) {
            return Math.tanh(z);
        }

        @Override
        public double derivative(double z) {
            double t = Math.tanh(z);
            return 1 - t * t;
        }
    }

    /** max(0, z); the derivative at z = 0 is 0, as the spec fixes it. */
    record Relu() implements Elementwise {
        @Override
        public String prime(Notation n) {
            return "relu′(z) = " + n.cases("1", "z > 0", "0");
        }

        @Override
        public String name() {
            return "relu";
        }

        @Override
        public double f(double z) {
            return z > 0 ? z : 0;
        }

        @Override
        public double derivative(double z) {
            return z > 0 ? 1 : 0;
        }
    }

    /** z for z &gt; 0, αz otherwise; the derivative at z = 0 is α (the left slope, like relu's 0). */
    record LeakyRelu(double alpha) implements Elementwise {
        @Override
        public String prime(Notation n) {
            return "f′(z) = " + n.cases("1", "z > 0", n.number(alpha));
        }

        @Override
        public String name() {
            return "leaky-relu";
        }

        @Override
        public double f(double z) {
            return z > 0 ? z : alpha * z;
        }

        @Override
        public double derivative(double z) {
            return z > 0 ? 1 : alpha;
        }
    }

    record Linear() implements Elementwise {
        @Override
        public String prime(Notation n) {
            return "f′(z) = 1";
        }

        @Override
        public String name() {
            return "linear";
        }

        @Override
        public double f(double z) {
            return z;
        }

        @Override
        public double derivative(double z) {
            return 1;
        }
    }

    /** softmax over the units of one sample (one row). */
    record Softmax() implements Activation {
        @Override
        public String prime(Notation n) {
            return "∂aⱼ/∂zₖ = aⱼ(1[j=k] − aₖ)";
        }

        @Override
        public String name() {
            return "softmax";
        }

        @Override
        public Matrix apply(Matrix z) {
            double[] out = new double[z.size()];
            int k = z.cols();
            for (int i = 0; i < z.rows(); i++) {
                double max = rowMax(z, i);
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    double e = Math.exp(z.get(i, j) - max); // max-subtraction: no overflow
                    out[i * k + j] = e;
                    sum += e;
                }
                for (int j = 0; j < k; j++) {
                    out[i * k + j] /= sum;
                }
            }
            return Matrix.wrap(z.rows(), k, out);
        }

        /** δ_j = a_j (da_j − Σ_k a_k da_k): the softmax Jacobian (diag(a) − a·aᵀ) applied to da. */
        @Override
        public Matrix backprop(Matrix z, Matrix da) {
            Matrix a = apply(z);
            int k = z.cols();
            double[] out = new double[z.size()];
            for (int i = 0; i < z.rows(); i++) {
                double dot = 0;
                for (int j = 0; j < k; j++) {
                    dot += a.get(i, j) * da.get(i, j);
                }
                for (int j = 0; j < k; j++) {
                    out[i * k + j] = a.get(i, j) * (da.get(i, j) - dot);
                }
            }
            return Matrix.wrap(z.rows(), k, out);
        }

        /** ln softmax(z)_j = z_j − M − ln Σ_k e^(z_k − M), M = max z. */
        @Override
        public Matrix logOf(Matrix z) {
            int k = z.cols();
            double[] out = new double[z.size()];
            for (int i = 0; i < z.rows(); i++) {
                double max = rowMax(z, i);
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    sum += Math.exp(z.get(i, j) - max);
                }
                double lse = max + Math.log(sum);
                for (int j = 0; j < k; j++) {
                    out[i * k + j] = z.get(i, j) - lse;
                }
            }
            return Matrix.wrap(z.rows(), k, out);
        }

        /** ln(1 − softmax(z)_j) = ln Σ_{k≠j} e^(z_k − M) − ln Σ_k e^(z_k − M). */
        @Override
        public Matrix log1mOf(Matrix z) {
            int k = z.cols();
            double[] out = new double[z.size()];
            for (int i = 0; i < z.rows(); i++) {
                double max = rowMax(z, i);
                double[] e = new double[k];
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    e[j] = Math.exp(z.get(i, j) - max);
                    sum += e[j];
                }
                for (int j = 0; j < k; j++) {
                    double others = 0;
                    for (int q = 0; q < k; q++) {
                        if (q != j) {
                            others += e[q];
                        }
                    }
                    out[i * k + j] = Math.log(others) - Math.log(sum);
                }
            }
            return Matrix.wrap(z.rows(), k, out);
        }

        private static double rowMax(Matrix z, int i) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < z.cols(); j++) {
                max = Math.max(max, z.get(i, j));
            }
            return max;
        }
    }
}
