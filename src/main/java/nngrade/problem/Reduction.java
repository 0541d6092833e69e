package nngrade.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How the per-sample losses ℓ_i make the batch cost C. */
public enum Reduction {
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

    public String label() {
        return label;
    }

    /** ∂C/∂ℓ_i, the factor every batch gradient carries. */
    public abstract double factor(int m);

    /** How the factor is written after a sum in a formula. */
    public abstract String divisor();

    /** The reduction a problem file calls {@code label}, if there is one. */
    public static Optional<Reduction> byLabel(String label) {
        for (Reduction r : values()) {
            if (r.label.equals(label)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The labels, in the order a teacher is shown them. */
    public static List<String> labels() {
        List<String> labels = new ArrayList<>();
        for (Reduction r : values()) {
            labels.add(r.label);
        }
        return List.copyOf(labels);
    }
}
