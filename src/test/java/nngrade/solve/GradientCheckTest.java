package nngrade.solve;

import nngrade.problem.Activation;
import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.solve.RandomProblems.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The solver's gradients against central differences of a cost computed independently
 * ({@link NaiveNetwork}), over random networks covering every activation, loss, layout and
 * reduction with 1–3 layers and 1–5 samples.
 */
class GradientCheckTest {
    /** Near the optimum step for a central difference in double precision (≈ ε^(1/3)). */
    private static final double H = 1e-5;
    private static final double MAX_RELATIVE_ERROR = 1e-6;

    static Stream<Case> cases() {
        return RandomProblems.everyCombination(1_000);
    }

    /** Only the networks with a hidden layer have a da to check. */
    static Stream<Case> casesWithHiddenLayers() {
        return cases().filter(c -> c.hidden() != null);
    }

    /** dWl and dbl are ∂C/∂Wl and ∂C/∂bl of the batch cost (with the 1/m of mean). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void dWAndDbAreTheDerivativesOfTheBatchCost(Case c) {
        Problem p = RandomProblems.problem(c);
        AnswerKey key = solveFinite(p);
        NaiveNetwork net = new NaiveNetwork(p);
        double cost = net.cost(net.weights(), net.biases());
        List<String> failures = new ArrayList<>();
        for (int l = 1; l <= net.depth(); l++) {
            Matrix dW = key.get(Quantity.of(Kind.DW, l));
            Matrix db = key.get(Quantity.of(Kind.DB, l));
            double[][] w = p.w(l).toArray2d();
            assertEquals(w.length, dW.rows(), "rows of dW" + l);
            assertEquals(w[0].length, dW.cols(), "columns of dW" + l);
            for (int r = 0; r < w.length; r++) {
                for (int col = 0; col < w[0].length; col++) {
                    double numeric = costSlopeInWeight(net, l, r, col);
                    compare(failures, "dW" + l, r, col, dW.get(r, col), numeric, cost);
                }
            }
            assertEquals(p.b(l).cols(), db.cols(), "length of db" + l);
            for (int j = 0; j < db.cols(); j++) {
                double numeric = costSlopeInBias(net, l, j);
                compare(failures, "db" + l, 0, j, db.get(0, j), numeric, cost);
            }
        }
        assertNoFailures(c, failures);
    }

    /** Row i of dzl is ∂ℓ_i/∂z_l of sample i alone, without the 1/m. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void dzIsThePerSampleDerivativeOfTheLoss(Case c) {
        Problem p = RandomProblems.problem(c);
        AnswerKey key = solveFinite(p);
        NaiveNetwork net = new NaiveNetwork(p);
        double[][][] z = net.preActivations();
        List<String> failures = new ArrayList<>();
        for (int l = 1; l <= net.depth(); l++) {
            Matrix dz = key.get(Quantity.of(Kind.DZ, l));
            for (int i = 0; i < net.samples(); i++) {
                double loss = net.sampleLossFromZ(l, i, z[l][i]);
                for (int j = 0; j < z[l][i].length; j++) {
                    double[] up = z[l][i].clone();
                    double[] down = z[l][i].clone();
                    up[j] += H;
                    down[j] -= H;
                    double numeric = (net.sampleLossFromZ(l, i, up) - net.sampleLossFromZ(l, i, down)) / (2 * H);
                    compare(failures, "dz" + l, i, j, dz.get(i, j), numeric, loss);
                }
            }
        }
        assertNoFailures(c, failures);
    }

    /** Row i of dal (hidden layers) is ∂ℓ_i/∂a_l of sample i alone. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("casesWithHiddenLayers")
    void daIsThePerSampleDerivativeOfTheLoss(Case c) {
        Problem p = RandomProblems.problem(c);
        AnswerKey key = solveFinite(p);
        NaiveNetwork net = new NaiveNetwork(p);
        double[][][] a = net.activations();
        List<String> failures = new ArrayList<>();
        for (int l = 1; l < net.depth(); l++) {
            Matrix da = key.get(Quantity.of(Kind.DA, l));
            for (int i = 0; i < net.samples(); i++) {
                double loss = net.sampleLossFromA(l, i, a[l][i]);
                for (int j = 0; j < a[l][i].length; j++) {
                    double[] up = a[l][i].clone();
                    double[] down = a[l][i].clone();
                    up[j] += H;
                    down[j] -= H;
                    double numeric = (net.sampleLossFromA(l, i, up) - net.sampleLossFromA(l, i, down)) / (2 * H);
                    compare(failures, "da" + l, i, j, da.get(i, j), numeric, loss);
                }
            }
        }
        assertNoFailures(c, failures);
    }

    /**
     * The generator really spans the spec: every activation in the hidden and the output
     * position, every loss, layout and reduction, 1–3 layers and 1–5 samples.
     */
    @Test
    void theCasesCoverTheWholeSpec() {
        Set<String> hidden = new HashSet<>();
        Set<String> output = new HashSet<>();
        Set<String> lossLayoutReduction = new HashSet<>();
        Set<Integer> depths = new HashSet<>();
        Set<Integer> samples = new HashSet<>();
        boolean customLeakySlope = false;
        List<Case> all = cases().toList();
        for (Case c : all) {
            Problem p = RandomProblems.problem(c);
            var n = p.network();
            for (int l = 1; l < n.depth(); l++) {
                hidden.add(n.layer(l).activation().name());
            }
            output.add(n.output().activation().name() + " " + n.loss().label());
            lossLayoutReduction.add(n.loss() + " " + n.weightLayout() + " " + n.reduction());
            depths.add(n.depth());
            samples.add(p.samples());
            for (int l = 1; l <= n.depth(); l++) {
                if (n.layer(l).activation() instanceof Activation.LeakyRelu leaky
                        && leaky.alpha() != Activation.DEFAULT_LEAKY_SLOPE) {
                    customLeakySlope = true;
                }
            }
        }
        assertTrue(all.size() >= 300, "a few hundred networks, found " + all.size());
        assertEquals(Set.copyOf(RandomProblems.ACTIVATIONS), hidden, "hidden activations");
        // 6 activations with quadratic and with mse, sigmoid and softmax with each log loss
        assertEquals(6 + 6 + 2 + 2, output.size(), "output activation × loss pairs: " + output);
        assertEquals(4 * 2 * 2, lossLayoutReduction.size(), "loss × layout × reduction");
        assertEquals(Set.of(1, 2, 3), depths, "depths");
        assertEquals(Set.of(1, 2, 3, 4, 5), samples, "samples");
        assertTrue(customLeakySlope, "some leaky-relu has an alpha other than 0.01");
    }

    // ---------------------------------------------------------------- helpers

    private static AnswerKey solveFinite(Problem p) {
        AnswerKey key = Solver.solve(p);
        assertEquals(Quantity.all(p.network().depth()), List.copyOf(key.values().keySet()), "the key's quantities");
        key.values().forEach((q, m) -> {
            for (int i = 0; i < m.size(); i++) {
                if (!Double.isFinite(m.at(i))) {
                    fail(q + " has the non-finite value " + m.at(i) + " at index " + i);
                }
            }
        });
        return key;
    }

    private static double costSlopeInWeight(NaiveNetwork net, int l, int r, int c) {
        double[][][] w = net.weights();
        double theta = w[l][r][c];
        w[l][r][c] = theta + H;
        double up = net.cost(w, net.biases());
        w[l][r][c] = theta - H;
        double down = net.cost(w, net.biases());
        return (up - down) / (2 * H);
    }

    private static double costSlopeInBias(NaiveNetwork net, int l, int j) {
        double[][] b = net.biases();
        double theta = b[l][j];
        b[l][j] = theta + H;
        double up = net.cost(net.weights(), b);
        b[l][j] = theta - H;
        double down = net.cost(net.weights(), b);
        return (up - down) / (2 * H);
    }

    /**
     * |a − n| / max(|a| + |n|, floor): scale-free where the slope is large enough for a
     * central difference to resolve, and 0 when both are 0 (a dead relu unit). Rounding makes
     * the difference quotient uncertain by about ε·|C|/h ≈ 1e-11·|C| whatever the slope, so a
     * slope of 1e-7 cannot be checked to 1e-6 relatively. The floor, 1e-3·max(1, |C|), turns
     * the check for such tiny slopes into |a − n| < 1e-9·max(1, |C|): a hundred times that
     * noise, and still far below any real mistake (a lost factor, sign or 1/m).
     */
    static double relativeError(double analytic, double numeric, double cost) {
        double floor = 1e-3 * Math.max(1, Math.abs(cost));
        return Math.abs(analytic - numeric) / Math.max(floor, Math.abs(analytic) + Math.abs(numeric));
    }

    /** Records a mismatch; {@code cost} is the value differentiated (C, or ℓ_i per sample). */
    private static void compare(List<String> failures, String name, int row, int col, double analytic,
                                double numeric, double cost) {
        double error = relativeError(analytic, numeric, cost);
        if (!(error < MAX_RELATIVE_ERROR)) {
            failures.add(String.format("%s[%d][%d]: solver %.12g, central difference %.12g, relative error %.3g",
                    name, row + 1, col + 1, analytic, numeric, error));
        }
    }

    private static void assertNoFailures(Case c, List<String> failures) {
        assertTrue(failures.isEmpty(), c + ": " + failures.size() + " gradient(s) off:\n" + String.join("\n", failures));
    }
}
