package nngrade.solve;

import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The lecture notes' worked example (problems/notes-softmax-step.json): one softmax layer,
 * W1 out-in 3×3, x = (1, 3, 0) of class 2, cross-entropy, mean over m = 1, η = 1. Expected
 * values are the notes' numbers to 7 decimals, so they are checked to 1e-7.
 */
class SolverNotesExampleTest {
    private static final double TOLERANCE = 1e-7;

    private static AnswerKey key;

    @BeforeAll
    static void solve() {
        Problem p = ProblemLoader.load(Path.of("problems/notes-softmax-step.json"));
        key = Solver.solve(p);
    }

    private static Matrix get(Kind kind) {
        return key.get(Quantity.of(kind, 1));
    }

    @Test
    void zIsWTimesXPlusB() {
        // (0.1 + 0.6 + 0 + 0.1, −0.6 − 1.5 + 0 + 0.1, −0.2 + 1.5 + 0 + 0.1)
        assertMatrix(new double[][] {{0.8, -2, 1.4}}, get(Kind.Z));
    }

    @Test
    void yhatIsTheSoftmaxOfZ() {
        assertMatrix(new double[][] {{0.3468695, 0.0210932, 0.6320374}}, key.get(Quantity.YHAT));
    }

    @Test
    void lossIsMinusLnOfTheTrueClassProbability() {
        // −ln 0.0210932 with y = (0, 1, 0)
        assertEquals(3.8588067, key.loss(), TOLERANCE);
        assertMatrix(new double[][] {{3.8588067}}, key.get(Quantity.LOSS));
    }

    @Test
    void dzIsYhatMinusY() {
        assertMatrix(new double[][] {{0.3468695, -0.9789068, 0.6320374}}, get(Kind.DZ));
    }

    @Test
    void dWIsDzTransposedTimesX() {
        // row j is δ_j · x = δ_j · (1, 3, 0); out-in keeps W's 3×3 shape
        assertMatrix(new double[][] {
                {0.3468695, 1.0406084, 0},
                {-0.9789068, -2.9367205, 0},
                {0.6320374, 1.8961121, 0}}, get(Kind.DW));
    }

    @Test
    void dbIsDz() {
        assertMatrix(new double[][] {{0.3468695, -0.9789068, 0.6320374}}, get(Kind.DB));
    }

    @Test
    void oneStepWithLearningRateOneSubtractsTheGradients() {
        // W1 − dW1 with W1 = [[0.1, 0.2, −0.3], [−0.6, −0.5, 2], [−0.2, 0.5, −3]]
        assertMatrix(new double[][] {
                {-0.2468695, -0.8406084, -0.3},
                {0.3789068, 2.4367205, 2},
                {-0.8320374, -1.3961121, -3}}, get(Kind.W_NEXT));
        // b1 − db1 with b1 = (0.1, 0.1, 0.1)
        assertMatrix(new double[][] {{-0.2468695, 1.0789068, -0.5320374}}, get(Kind.B_NEXT));
    }

    private static void assertMatrix(double[][] expected, Matrix actual) {
        assertEquals(expected.length, actual.rows(), "rows of " + actual);
        assertEquals(expected[0].length, actual.cols(), "columns of " + actual);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[0].length; j++) {
                int row = i + 1;
                int col = j + 1;
                assertEquals(expected[i][j], actual.get(i, j), TOLERANCE,
                        () -> "cell (" + row + ", " + col + ") of " + actual);
            }
        }
    }
}
