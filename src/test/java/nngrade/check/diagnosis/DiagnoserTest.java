package nngrade.check.diagnosis;

import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.solve.AnswerKey;
import nngrade.solve.Solver;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The diagnoser against one reference, on the batch problem's dW1 (1×2, so its transpose is
 * 2×1): the codes follow from what was done to the right value, whatever that value is.
 */
class DiagnoserTest {
    private static final Problem P = ProblemLoader.load(Path.of("problems", "logistic-batch.json"));
    private static final AnswerKey KEY = Solver.solve(P);
    private static final Quantity DW1 = Quantity.of(Kind.DW, 1);

    private static List<String> diagnose(Matrix submitted) {
        return diagnose(DW1, submitted);
    }

    private static List<String> diagnose(Quantity q, Matrix submitted) {
        Context c = new Context(P, q, P.tolerance().of(q), KEY::get);
        return Diagnoser.diagnose(c, submitted, KEY.get(q));
    }

    @Test
    void oneMistakeIsNamedAlone() {
        Matrix r = KEY.get(DW1);
        assertEquals(List.of("sign-flipped"), diagnose(r.scale(-1)));
        assertEquals(List.of("transposed"), diagnose(r.transpose()));
        assertEquals(List.of("missing-mean"), diagnose(r.scale(4))); // m = 4
        assertEquals(List.of("extra-mean"), diagnose(r.scale(0.25)));
    }

    @Test
    void twoMistakesAreNamedInTheOrderOfTheRules() {
        Matrix r = KEY.get(DW1);
        assertEquals(List.of("transposed", "sign-flipped"), diagnose(r.transpose().scale(-1)));
        assertEquals(List.of("sign-flipped", "missing-mean"), diagnose(r.scale(-4)));
        assertEquals(List.of("sign-flipped", "extra-mean"), diagnose(r.scale(-0.25)));
        assertEquals(List.of("transposed", "extra-mean"), diagnose(r.transpose().scale(0.25)));
        assertEquals(List.of("transposed", "missing-mean"), diagnose(r.transpose().scale(4)));
    }

    /** W1_next is a row here (one unit), but a matrix: its transpose is a mistake, unlike a bias's. */
    @Test
    void aOneRowWeightMatrixCanBeTransposed() {
        Quantity w1Next = Quantity.of(Kind.W_NEXT, 1);
        assertEquals(1, KEY.get(w1Next).rows());
        assertEquals(List.of("transposed"), diagnose(w1Next, KEY.get(w1Next).transpose()));
    }

    @Test
    void theRightValueAndAnUnrelatedOneAreNotDiagnosed() {
        Matrix r = KEY.get(DW1);
        assertEquals(List.of(), diagnose(r));
        assertEquals(List.of(), diagnose(r.map(v -> v + 7.77)));
    }
}
