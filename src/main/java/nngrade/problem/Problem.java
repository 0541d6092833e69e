package nngrade.problem;

import java.util.HashMap;
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
 * @param optimizer the step's rule (v1.1 "optimizer"), {@link Optimizer#SGD} by default
 * @param steps     how many steps on the same batch (v1.1 "steps"), 1 by default
 * @param t         Adam's steps already taken, from {@code given} (0 by default)
 * @param state     the optimiser's state before the first step by its given name ({@code vW1}, {@code sb2}),
 *                  every one the optimiser keeps, zeros where the file gives none
 * @param graph     a computational graph problem's graph (v1.1), null for a network; then {@code network},
 *                  {@code x}, {@code y} are null and {@code weights}, {@code biases} empty
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
        double l2,
        Optimizer optimizer,
        int steps,
        int t,
        Map<String, Matrix> state,
        Graph graph) {

    public Problem {
        weights = List.copyOf(weights);
        biases = List.copyOf(biases);
        ask = List.copyOf(ask);
        state = Map.copyOf(state);
    }

    /** A network problem of one plain step. */
    public Problem(String source, String id, String title, String statement, Network network, double learningRate,
                   Matrix x, Matrix y, List<Matrix> weights, List<Matrix> biases, List<Quantity> ask,
                   Tolerances tolerance, Points points, boolean partialCredit, double followThrough, double l2) {
        this(source, id, title, statement, network, learningRate, x, y, weights, biases, ask, tolerance, points,
                partialCredit, followThrough, l2, Optimizer.SGD, 1, 0, Map.of(), null);
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
                points, partialCredit, followThrough, lambda, optimizer, steps, t, state, graph);
    }

    /**
     * The problem of the next step: the same batch from the parameters and state this one's step
     * left, with t + 1 steps taken.
     */
    public Problem next(List<Matrix> weightsNext, List<Matrix> biasesNext, Map<String, Matrix> stateNext) {
        return new Problem(source, id, title, statement, network, learningRate, x, y, weightsNext, biasesNext, ask,
                tolerance, points, partialCredit, followThrough, l2, optimizer, steps, t + 1, stateNext, graph);
    }

    /** The same problem under another optimiser, given state and step count (zeros for state not given). */
    public Problem withOptimizer(Optimizer o, int k, int t0, Map<String, Matrix> given) {
        Map<String, Matrix> full = new HashMap<>();
        for (int l = 1; l <= network.depth(); l++) {
            for (Quantity.Kind kind : o.stateOfW()) {
                String name = kind.statePrefix() + l;
                full.put(name, given.getOrDefault(name, Matrix.zeros(w(l).rows(), w(l).cols())));
            }
            for (Quantity.Kind kind : o.stateOfB()) {
                String name = kind.statePrefix() + l;
                full.put(name, given.getOrDefault(name, Matrix.zeros(1, b(l).cols())));
            }
        }
        return new Problem(source, id, title, statement, network, learningRate, x, y, weights, biases, ask, tolerance,
                points, partialCredit, followThrough, l2, o, k, t0, full, graph);
    }

    /** The same problem asking {@code asked} (tests over every quantity). */
    public Problem withAsk(List<Quantity> asked) {
        return new Problem(source, id, title, statement, network, learningRate, x, y, weights, biases, asked, tolerance,
                points, partialCredit, followThrough, l2, optimizer, steps, t, state, graph);
    }

    /** The given state of kind {@code kind} for layer l (vW1 for VW_NEXT, 1), before this step. */
    public Matrix stateOf(Quantity.Kind kind, int layer) {
        return state.get(kind.statePrefix() + layer);
    }

    /** Whether it is a computational graph problem rather than a network's. */
    public boolean isGraph() {
        return graph != null;
    }

    /** Every quantity this problem has, and the names they go by. */
    public Quantities quantities() {
        return isGraph() ? graph.quantities()
                : Quantities.network(network.depth(), optimizer.stateOfW(), optimizer.stateOfB(), steps);
    }

    /** Number of samples m (1 for a graph). */
    public int samples() {
        return x == null ? 1 : x.rows();
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
        return q.kind().graph() ? new int[] {1, 1} : network.shapeOf(q, samples());
    }

    /** Tolerances: a default and overrides per quantity. */
    public record Tolerances(Tolerance byDefault, Map<Quantity, Tolerance> perQuantity) {
        public Tolerances {
            perQuantity = Map.copyOf(perQuantity);
        }

        /** q's own tolerance, else the one its name has at step 1 (loss's for loss@2), else the default. */
        public Tolerance of(Quantity q) {
            return perQuantity.getOrDefault(q, perQuantity.getOrDefault(q.atStep(1), byDefault));
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

        /** q's own points, else those its name has at step 1 (dW1's for dW1@2), else the default. */
        public double of(Quantity q) {
            return perQuantity.getOrDefault(q, perQuantity.getOrDefault(q.atStep(1), byDefault));
        }
    }
}
