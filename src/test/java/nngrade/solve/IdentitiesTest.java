package nngrade.solve;

import nngrade.problem.Activation;
import nngrade.problem.Loss;
import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.problem.Reduction;
import nngrade.problem.WeightLayout;
import nngrade.solve.RandomProblems.Case;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The output error δ_L of the matched pairs (softmax with cross-entropy, sigmoid with binary
 * cross-entropy) is ŷ − y, and that shortcut agrees with the generic chain rule
 * f′ applied to ∂ℓ/∂ŷ, for one-hot and soft targets alike.
 */
class IdentitiesTest {
    private static final double TOLERANCE = 1e-12;

    /** Each matched pair × layout × reduction × (no hidden layer, or each hidden activation). */
    static Stream<Case> matchedPairs() {
        return cases(List.of(new Pair("softmax", Loss.CROSS_ENTROPY), new Pair("sigmoid", Loss.BINARY_CROSS_ENTROPY)),
                5_000);
    }

    /** sigmoid with cross-entropy, the pair that looks matched but is not. */
    static Stream<Case> sigmoidWithCrossEntropy() {
        return cases(List.of(new Pair("sigmoid", Loss.CROSS_ENTROPY)), 6_000);
    }

    private record Pair(String output, Loss loss) {
    }

    private static Stream<Case> cases(List<Pair> pairs, long firstSeed) {
        List<String> hidden = new ArrayList<>();
        hidden.add(null);
        hidden.addAll(RandomProblems.ACTIVATIONS);
        List<Case> out = new ArrayList<>();
        long seed = firstSeed;
        for (Pair pair : pairs) {
            for (WeightLayout layout : WeightLayout.values()) {
                for (Reduction reduction : Reduction.values()) {
                    for (String h : hidden) {
                        out.add(new Case(pair.loss(), pair.output(), h, layout, reduction, seed++));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matchedPairs")
    void outputDeltaIsYhatMinusY(Case c) {
        Problem p = RandomProblems.problem(c);
        AnswerKey key = Solver.solve(p);
        Matrix yhat = key.get(Quantity.YHAT);
        Matrix y = p.y();
        double[][] yhatMinusY = new double[y.rows()][y.cols()];
        for (int i = 0; i < y.rows(); i++) {
            for (int k = 0; k < y.cols(); k++) {
                yhatMinusY[i][k] = yhat.get(i, k) - y.get(i, k);
            }
        }
        assertClose(yhatMinusY, outputDelta(p, key), "δ_L against ŷ − y");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matchedPairs")
    void outputDeltaIsTheGenericChainRule(Case c) {
        Problem p = RandomProblems.problem(c);
        AnswerKey key = Solver.solve(p);
        Activation f = p.network().output().activation();
        Loss loss = p.network().loss();
        Matrix zL = key.get(Quantity.of(Kind.Z, p.network().depth()));
        Matrix yhat = key.get(Quantity.YHAT);
        Matrix chainRule = f.backprop(zL, loss.gradient(yhat, p.y()));
        assertClose(chainRule.toArray2d(), outputDelta(p, key), "δ_L against f′ applied to ∂ℓ/∂ŷ");
    }

    /**
     * The control: sigmoid with cross-entropy is not a matched pair. Its δ_L is
     * −y ⊙ (1 − ŷ) (from ∂ℓ/∂ŷ = −y/ŷ and σ′ = ŷ(1 − ŷ)), which differs from ŷ − y wherever
     * y_k &lt; 1, so a shortcut taken here would be caught.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sigmoidWithCrossEntropy")
    void sigmoidWithCrossEntropyKeepsTheSigmoidDerivative(Case c) {
        Problem p = RandomProblems.problem(c);
        AnswerKey key = Solver.solve(p);
        Matrix yhat = key.get(Quantity.YHAT);
        Matrix y = p.y();
        double[][] expected = new double[y.rows()][y.cols()];
        for (int i = 0; i < y.rows(); i++) {
            for (int k = 0; k < y.cols(); k++) {
                expected[i][k] = -y.get(i, k) * (1 - yhat.get(i, k));
            }
        }
        assertClose(expected, outputDelta(p, key), "δ_L against −y ⊙ (1 − ŷ)");
    }

    private static Matrix outputDelta(Problem p, AnswerKey key) {
        return key.get(Quantity.of(Kind.DZ, p.network().depth()));
    }

    private static void assertClose(double[][] expected, Matrix actual, String what) {
        assertEquals(expected.length, actual.rows(), what + ": rows");
        assertEquals(expected[0].length, actual.cols(), what + ": columns");
        for (int i = 0; i < expected.length; i++) {
            for (int k = 0; k < expected[0].length; k++) {
                int row = i + 1;
                int col = k + 1;
                assertEquals(expected[i][k], actual.get(i, k), TOLERANCE,
                        () -> what + " at (" + row + ", " + col + "): " + actual);
            }
        }
    }
}
