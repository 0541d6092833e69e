package nngrade.solve;

import nngrade.problem.Activation;
import nngrade.problem.Layer;
import nngrade.problem.Loss;
import nngrade.problem.Matrix;
import nngrade.problem.Network;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.problem.Reduction;
import nngrade.problem.WeightLayout;
import nngrade.solve.RandomProblems.Case;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The solver's whole key (z, a, ŷ, loss, dz, da, dW, db, W_next, b_next) against the naive
 * loop-by-loop implementation in {@link NaiveNetwork}, over random problems spanning every
 * activation, loss, layout and reduction, 1–3 layers, 1–5 samples and random learning rates.
 */
class IndependentReferenceTest {
    /** Both compute the same formulas in double precision, only in a different order. */
    private static final double TOLERANCE = 1e-9;

    /** Two draws of every combination, with seeds apart from the other tests' ones. */
    static Stream<Case> cases() {
        return Stream.concat(RandomProblems.everyCombination(20_000), RandomProblems.everyCombination(30_000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void solverKeyEqualsTheNaiveKey(Case c) {
        Problem p = RandomProblems.problem(c);
        assertKeysAgree(p, Solver.solve(p), c.toString());
    }

    static Stream<Arguments> kinks() {
        List<Activation> activations = List.of(new Activation.Relu(), new Activation.LeakyRelu(Activation.DEFAULT_LEAKY_SLOPE),
                new Activation.LeakyRelu(0.2));
        return activations.stream().flatMap(f -> Stream.of(WeightLayout.values()).map(layout -> Arguments.of(f, layout)));
    }

    /**
     * The random problems keep relu inputs away from 0; here z is exactly 0, where the spec
     * fixes relu′(0) = 0 and leaky-relu′(0) = α (the left slope).
     */
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("kinks")
    void theDerivativeAtTheKinkIsTheSpecsOne(Activation f, WeightLayout layout) {
        Network network = new Network(2, List.of(new Layer(3, f), new Layer(2, new Activation.Linear())),
                Loss.QUADRATIC, Reduction.MEAN, layout);
        // Sample 1 is x = 0, so its z1 is b1 exactly, and b1's first unit is 0.
        Matrix x = Matrix.of(new double[][] {{0, 0}, {0.5, -1}});
        Matrix y = Matrix.of(new double[][] {{1, -1}, {0.3, 0.2}});
        Matrix w1 = Matrix.of(new double[][] {{0.4, -0.3}, {0.2, 0.7}, {-0.6, 0.1}}); // units × inputs
        Matrix w2 = Matrix.of(new double[][] {{0.5, -0.4, 0.3}, {-0.2, 0.6, 0.9}});
        List<Matrix> w = layout == WeightLayout.OUT_IN ? List.of(w1, w2) : List.of(w1.transpose(), w2.transpose());
        Problem p = RandomProblems.problem("kink-" + f.name(), network, 0.5, x, y, w,
                List.of(Matrix.row(0, 0.5, -0.5), Matrix.row(0.1, -0.2)));

        AnswerKey key = Solver.solve(p);
        assertEquals(0.0, key.get(Quantity.of(Kind.Z, 1)).get(0, 0), "z1 at the kink");
        double da = key.get(Quantity.of(Kind.DA, 1)).get(0, 0);
        assertTrue(Math.abs(da) > 0.1, "da1 at the kink is far from 0, so its factor shows: " + da);
        double slope = f instanceof Activation.LeakyRelu leaky ? leaky.alpha() : 0;
        assertEquals(slope * da, key.get(Quantity.of(Kind.DZ, 1)).get(0, 0), 1e-15, "dz1 = da1 · f′(0)");
        assertKeysAgree(p, key, "kink of " + f);
    }

    private static void assertKeysAgree(Problem p, AnswerKey key, String label) {
        Map<Quantity, double[][]> reference = new NaiveNetwork(p).key();

        List<Quantity> all = Quantity.all(p.network().depth());
        assertEquals(all, List.copyOf(key.values().keySet()), "the solver's quantities, in order");
        assertEquals(Set.copyOf(all), reference.keySet(), "the reference's quantities");

        List<String> failures = new ArrayList<>();
        for (Quantity q : all) {
            Matrix actual = key.get(q);
            double[][] expected = reference.get(q);
            int[] shape = p.shapeOf(q);
            assertEquals(shape[0], expected.length, q + ": rows of the reference");
            assertEquals(shape[1], expected[0].length, q + ": columns of the reference");
            assertEquals(shape[0], actual.rows(), q + ": rows");
            assertEquals(shape[1], actual.cols(), q + ": columns");
            for (int i = 0; i < shape[0]; i++) {
                for (int j = 0; j < shape[1]; j++) {
                    double s = actual.get(i, j);
                    double e = expected[i][j];
                    if (!Double.isFinite(s) || !(Math.abs(s - e) <= TOLERANCE * Math.max(1, Math.abs(e)))) {
                        failures.add(String.format("%s[%d][%d]: solver %.15g, reference %.15g", q, i + 1, j + 1, s, e));
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), label + ": " + failures.size() + " cell(s) differ:\n" + String.join("\n", failures));
    }
}
