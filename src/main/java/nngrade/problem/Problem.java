package nngrade.problem;

import java.util.List;
import java.util.Map;

/**
 * A validated problem: the network, its given values, what students must answer and how it
 * is graded. Every instance satisfies the spec's shape rules, so the solver never checks them.
 *
 * @param source    the file it came from, as the user named it (for messages)
 * @param weights   W1..WL, in the problem's layout
 * @param biases    b1..bL, each 1×units
 * @param ask       the quantities students must answer, in the problem's order
 * @param tolerance per-quantity tolerances, falling back to a default
 * @param points    per-quantity points, falling back to a default
 * @param l2        λ of the cost's L2 penalty (λ/2)·Σ_l ‖W_l‖², 0 without one (v1.1 "regularization")
 */
public record Problem(
        String source,
        String id,
        String title,
        String statement,
        Network network,
        double learningRate,
        Matrix x,
        Matrix y,
        List<Matrix> weights,
        List<Matrix> biases,
        List<Quantity> ask,
        Tolerances tolerance,
        Points points,
        boolean partialCredit,
        double followThrough,
        double l2) {

    public Problem {
        weights = List.copyOf(weights);
        biases = List.copyOf(biases);
        ask = List.copyOf(ask);
    }

    /** A problem without regularisation. */
    public Problem(String source, String id, String title, String statement, Network network, double learningRate,
                   Matrix x, Matrix y, List<Matrix> weights, List<Matrix> biases, List<Quantity> ask,
                   Tolerances tolerance, Points points, boolean partialCredit, double followThrough) {
        this(source, id, title, statement, network, learningRate, x, y, weights, biases, ask, tolerance, points,
                partialCredit, followThrough, 0);
    }

    /** The same problem with another λ (the tests of the penalty). */
    public Problem withL2(double lambda) {
        return new Problem(source, id, title, statement, network, learningRate, x, y, weights, biases, ask, tolerance,
                points, partialCredit, followThrough, lambda);
    }

    /** Number of samples m. */
    public int samples() {
        return x.rows();
    }

    /** The most a submission can score: the points of every asked quantity. */
    public double maxScore() {
        double sum = 0;
        for (Quantity q : ask) {
            sum += points.of(q);
        }
        return sum;
    }

    /** Wl, 1-based. */
    public Matrix w(int layer) {
        return weights.get(layer - 1);
    }

    /** bl, 1-based. */
    public Matrix b(int layer) {
        return biases.get(layer - 1);
    }

    public int[] shapeOf(Quantity q) {
        return network.shapeOf(q, samples());
    }

    /** Tolerances: a default and overrides per quantity. */
    public record Tolerances(Tolerance byDefault, Map<Quantity, Tolerance> perQuantity) {
        public Tolerances {
            perQuantity = Map.copyOf(perQuantity);
        }

        public Tolerance of(Quantity q) {
            return perQuantity.getOrDefault(q, byDefault);
        }

        public Tolerances withDefault(Tolerance newDefault) {
            return new Tolerances(newDefault, perQuantity);
        }
    }

    /** Points: a default and overrides per quantity. */
    public record Points(double byDefault, Map<Quantity, Double> perQuantity) {
        public Points {
            perQuantity = Map.copyOf(perQuantity);
        }

        public double of(Quantity q) {
            return perQuantity.getOrDefault(q, byDefault);
        }
    }
}
