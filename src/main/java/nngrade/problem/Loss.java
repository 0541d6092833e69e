package nngrade.problem;

import java.util.List;
import java.util.Optional;

/** The per-sample loss ℓ(ŷ, y), summed over output units (natural log). */
public enum Loss implements Labelled {
    /** ℓ = −Σ_k y_k ln ŷ_k. */
    CROSS_ENTROPY("cross-entropy", "−Σₖ yₖ ln ŷₖ", "−y / ŷ") {
        @Override
        double term(double yhat, double y, double lnYhat, double ln1mYhat, int k) {
            return y == 0 ? 0 : -y * lnYhat;
        }

        @Override
        double gradient(double yhat, double y, int k) {
            return y == 0 ? 0 : -y / yhat;
        }

        @Override
        public boolean simplifiesWith(Activation output) {
            return output instanceof Activation.Softmax;
        }
    },
    /** ℓ = −Σ_k [y_k ln ŷ_k + (1−y_k) ln(1−ŷ_k)]. */
    BINARY_CROSS_ENTROPY("binary-cross-entropy", "−Σₖ [yₖ ln ŷₖ + (1−yₖ) ln(1−ŷₖ)]", "(ŷ − y) / (ŷ(1 − ŷ))") {
        @Override
        double term(double yhat, double y, double lnYhat, double ln1mYhat, int k) {
            double t = 0;
            if (y != 0) {
                t -= y * lnYhat;
            }
            if (y != 1) {
                t -= (1 - y) * ln1mYhat;
            }
            return t;
        }

        @Override
        double gradient(double yhat, double y, int k) {
            double g = 0;
            if (y != 0) {
                g -= y / yhat;
            }
            if (y != 1) {
                g += (1 - y) / (1 - yhat);
            }
            return g;
        }

        @Override
        public boolean simplifiesWith(Activation output) {
            return output instanceof Activation.Sigmoid;
        }
    },
    /** ℓ = ½ Σ_k (ŷ_k − y_k)². */
    QUADRATIC("quadratic", "½ Σₖ (ŷₖ − yₖ)²", "ŷ − y") {
        @Override
        double term(double yhat, double y, double lnYhat, double ln1mYhat, int k) {
            double d = yhat - y;
            return 0.5 * d * d;
        }

        @Override
        double gradient(double yhat, double y, int k) {
            return yhat - y;
        }
    },
    /** ℓ = (1/K) Σ_k (ŷ_k − y_k)². */
    MSE("mse", "(1/K) Σₖ (ŷₖ − yₖ)²", "2(ŷ − y) / K") {
        @Override
        double term(double yhat, double y, double lnYhat, double ln1mYhat, int k) {
            double d = yhat - y;
            return d * d / k;
        }

        @Override
        double gradient(double yhat, double y, int k) {
            return 2 * (yhat - y) / k;
        }
    };

    private final String label;
    private final String formula;
    private final String gradientFormula;

    Loss(String label, String formula, String gradientFormula) {
        this.label = label;
        this.formula = formula;
        this.gradientFormula = gradientFormula;
    }

    @Override
    public String label() {
        return label;
    }

    /** ℓ written out, e.g. {@code −Σₖ yₖ ln ŷₖ}. */
    public String formula() {
        return formula;
    }

    /** ∂ℓ/∂ŷ written out. */
    public String gradientFormula() {
        return gradientFormula;
    }

    /** Whether this loss uses logarithms (and so needs probabilities as outputs). */
    public boolean usesLog() {
        return this == CROSS_ENTROPY || this == BINARY_CROSS_ENTROPY;
    }

    /** The contribution of output unit k; K is the number of output units. */
    abstract double term(double yhat, double y, double lnYhat, double ln1mYhat, int units);

    /** ∂ℓ/∂ŷ_k. */
    abstract double gradient(double yhat, double y, int units);

    /**
     * Whether δ_L = ∂ℓ/∂z_L reduces to ŷ − y with this output activation (softmax with
     * cross-entropy, sigmoid with binary cross-entropy; for cross-entropy this needs every
     * row of y to sum to 1, which validation guarantees).
     */
    public boolean simplifiesWith(Activation output) {
        return false;
    }

    /**
     * ℓ_i for each sample, as an m×1 column. {@code lnYhat} and {@code ln1mYhat} are ln ŷ and
     * ln(1 − ŷ), passed in so a caller that knows z can compute them without rounding ŷ to 0 or 1.
     * A term that is infinite (ln 0 with a non-zero weight) makes the result infinite.
     */
    public Matrix perSample(Matrix yhat, Matrix y, Matrix lnYhat, Matrix ln1mYhat) {
        int k = yhat.cols();
        double[] out = new double[yhat.rows()];
        for (int i = 0; i < yhat.rows(); i++) {
            double s = 0;
            for (int j = 0; j < k; j++) {
                s += term(yhat.get(i, j), y.get(i, j), lnYhat.get(i, j), ln1mYhat.get(i, j), k);
            }
            out[i] = s;
        }
        return Matrix.wrap(yhat.rows(), 1, out);
    }

    /** ℓ_i from ŷ alone (logs taken of ŷ itself), as a student working from their own ŷ would. */
    public Matrix perSample(Matrix yhat, Matrix y) {
        return perSample(yhat, y, yhat.map(Math::log), yhat.map(v -> Math.log1p(-v)));
    }

    /** ∂ℓ_i/∂ŷ per sample, m×K. */
    public Matrix gradient(Matrix yhat, Matrix y) {
        int k = yhat.cols();
        double[] out = new double[yhat.size()];
        for (int i = 0; i < yhat.rows(); i++) {
            for (int j = 0; j < k; j++) {
                out[i * k + j] = gradient(yhat.get(i, j), y.get(i, j), k);
            }
        }
        return Matrix.wrap(yhat.rows(), k, out);
    }

    /** δ_L = ∂ℓ/∂z_L: ŷ − y where the pair simplifies, else the chain rule through f. */
    public Matrix outputDelta(Activation output, Matrix zL, Matrix yhat, Matrix y) {
        if (simplifiesWith(output)) {
            return yhat.minus(y);
        }
        return output.backprop(zL, gradient(yhat, y));
    }

    /** The loss a problem file calls {@code label}, if there is one. */
    public static Optional<Loss> byLabel(String label) {
        return Labelled.byLabel(values(), label);
    }

    /** The labels, in the order a teacher is shown them. */
    public static List<String> labels() {
        return Labelled.labels(values());
    }
}
