package nngrade.problem;

import java.util.List;
import java.util.Optional;

/** How the per-sample losses ℓ_i make the batch cost C. */
public enum Reduction implements Labelled {
    /** C = (1/m) Σ_i ℓ_i. */
    MEAN("mean") {
        @Override
        public double factor(int m) {
            return 1.0 / m;
        }

        @Override
        public String divisor() {
            return " / m";
        }
    },
    /** C = Σ_i ℓ_i. */
    SUM("sum") {
        @Override
        public double factor(int m) {
            return 1.0;
        }

        @Override
        public String divisor() {
            return "";
        }
    };

    private final String label;

    Reduction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** ∂C/∂ℓ_i, the factor every batch gradient carries. */
    public abstract double factor(int m);

    /** How the factor is written after a sum in a formula. */
    public abstract String divisor();

    /** The reduction a problem file calls {@code label}, if there is one. */
    public static Optional<Reduction> byLabel(String label) {
        return Labelled.byLabel(values(), label);
    }

    /** The labels, in the order a teacher is shown them. */
    public static List<String> labels() {
        return Labelled.labels(values());
    }
}
