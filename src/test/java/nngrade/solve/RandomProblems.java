package nngrade.solve;

import nngrade.problem.Activation;
import nngrade.problem.Layer;
import nngrade.problem.Loss;
import nngrade.problem.Matrix;
import nngrade.problem.Network;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Reduction;
import nngrade.problem.Tolerance;
import nngrade.problem.WeightLayout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Random, valid problems for the solver tests, each a pure function of a {@link Case} (its
 * seed included), so every run and every failure message is reproducible.
 */
final class RandomProblems {
    private RandomProblems() {
    }

    static final List<String> ACTIVATIONS = List.of("sigmoid", "tanh", "relu", "leaky-relu", "linear", "softmax");

    /**
     * No relu or leaky-relu pre-activation is drawn closer than this to the kink at 0. A
     * finite-difference step of 1e-5 on any parameter or z moves every downstream z by at most
     * about 3e-4 (|x| ≤ 2, |W| ≤ 1, at most 4 inputs or units, activations 1-Lipschitz), so no
     * difference quotient straddles the kink.
     */
    static final double KINK_MARGIN = 1e-3;

    /**
     * One random problem to draw: its loss, output activation, the activation of the first
     * hidden layer (null for a one-layer network), the layout, the reduction and the seed.
     */
    record Case(Loss loss, String output, String hidden, WeightLayout layout, Reduction reduction, long seed) {
        @Override
        public String toString() {
            return (hidden == null ? "" : hidden + " → ") + output + ", " + loss.label() + ", "
                    + layout.label() + ", " + reduction.label() + ", seed " + seed;
        }
    }

    /** Output activations the loader allows with {@code loss}: the log losses need probabilities. */
    static List<String> outputsFor(Loss loss) {
        return loss.usesLog() ? List.of("sigmoid", "softmax") : ACTIVATIONS;
    }

    /**
     * Every loss × allowed output activation × (no hidden layer, or each hidden activation)
     * × layout × reduction, once, with seeds from {@code firstSeed} upwards.
     */
    static Stream<Case> everyCombination(long firstSeed) {
        List<String> hiddenChoices = new ArrayList<>();
        hiddenChoices.add(null);
        hiddenChoices.addAll(ACTIVATIONS);
        List<Case> cases = new ArrayList<>();
        long seed = firstSeed;
        for (Loss loss : Loss.values()) {
            for (String output : outputsFor(loss)) {
                for (String hidden : hiddenChoices) {
                    for (WeightLayout layout : WeightLayout.values()) {
                        for (Reduction reduction : Reduction.values()) {
                            cases.add(new Case(loss, output, hidden, layout, reduction, seed++));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    /** The problem a case describes: 1–3 layers, 1–4 inputs and units, 1–5 samples. */
    static Problem problem(Case c) {
        Random rnd = new Random(c.seed());
        List<Layer> layers = new ArrayList<>();
        if (c.hidden() != null) {
            layers.add(layer(rnd, c.hidden()));
            if (rnd.nextBoolean()) {
                layers.add(layer(rnd, ACTIVATIONS.get(rnd.nextInt(ACTIVATIONS.size()))));
            }
        }
        layers.add(layer(rnd, c.output()));
        Network network = new Network(1 + rnd.nextInt(4), layers, c.loss(), c.reduction(), c.layout());
        int m = 1 + rnd.nextInt(5);
        Matrix y = targets(rnd, c.loss(), m, network.output().units());
        double learningRate = 0.1 + 1.9 * rnd.nextDouble();

        for (int attempt = 0; attempt < 10_000; attempt++) {
            Matrix x = uniform(rnd, m, network.inputs(), 2);
            List<Matrix> w = new ArrayList<>();
            List<Matrix> b = new ArrayList<>();
            for (int l = 1; l <= network.depth(); l++) {
                int[] shape = network.weightShape(l);
                w.add(uniform(rnd, shape[0], shape[1], 1));
                b.add(uniform(rnd, 1, network.layer(l).units(), 1));
            }
            Problem p = problem("random-" + c.seed(), network, learningRate, x, y, w, b);
            if (clearOfKinks(p)) {
                return p;
            }
        }
        throw new IllegalStateException("no draw of " + c + " keeps relu inputs away from 0");
    }

    /** A problem with these numbers that asks for every quantity, graded with the defaults. */
    static Problem problem(String id, Network network, double learningRate, Matrix x, Matrix y,
                           List<Matrix> w, List<Matrix> b) {
        return new Problem("test", id, id, "", network, learningRate, x, y, w, b, Quantity.all(network.depth()),
                new Problem.Tolerances(Tolerance.DEFAULT, Map.of()), new Problem.Points(1, Map.of()), false, 1.0);
    }

    private static Layer layer(Random rnd, String activation) {
        double alpha = rnd.nextBoolean() ? Activation.DEFAULT_LEAKY_SLOPE : 0.5 * rnd.nextDouble();
        // softmax over one unit is refused by the loader (it always outputs 1).
        int units = activation.equals("softmax") ? 2 + rnd.nextInt(3) : 1 + rnd.nextInt(4);
        return new Layer(units, Activation.byName(activation, alpha).orElseThrow());
    }

    /** Valid targets: rows summing to 1 for cross-entropy, [0, 1] for binary, anything else. */
    private static Matrix targets(Random rnd, Loss loss, int m, int k) {
        double[][] y = new double[m][k];
        for (int i = 0; i < m; i++) {
            switch (loss) {
                case CROSS_ENTROPY -> {
                    if (rnd.nextBoolean()) {
                        y[i][rnd.nextInt(k)] = 1; // one-hot
                    } else {
                        double total = 0;
                        for (int j = 0; j < k; j++) {
                            y[i][j] = rnd.nextDouble();
                            total += y[i][j];
                        }
                        for (int j = 0; j < k; j++) {
                            y[i][j] /= total;
                        }
                    }
                }
                // exact 0 and 1 are the usual labels, and the cases where one log term drops out
                case BINARY_CROSS_ENTROPY -> {
                    for (int j = 0; j < k; j++) {
                        int kind = rnd.nextInt(3);
                        y[i][j] = kind == 0 ? 0 : kind == 1 ? 1 : rnd.nextDouble();
                    }
                }
                case QUADRATIC, MSE -> {
                    for (int j = 0; j < k; j++) {
                        y[i][j] = 4 * rnd.nextDouble() - 2;
                    }
                }
            }
        }
        return Matrix.of(y);
    }

    private static Matrix uniform(Random rnd, int rows, int cols, double bound) {
        double[][] v = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                v[r][c] = bound * (2 * rnd.nextDouble() - 1);
            }
        }
        return Matrix.of(v);
    }

    /** Whether every relu and leaky-relu pre-activation is at least KINK_MARGIN from 0. */
    private static boolean clearOfKinks(Problem p) {
        double[][][] z = new NaiveNetwork(p).preActivations();
        for (int l = 1; l <= p.network().depth(); l++) {
            Activation f = p.network().layer(l).activation();
            if (!(f instanceof Activation.Relu || f instanceof Activation.LeakyRelu)) {
                continue;
            }
            for (double[] row : z[l]) {
                for (double v : row) {
                    if (Math.abs(v) < KINK_MARGIN) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
