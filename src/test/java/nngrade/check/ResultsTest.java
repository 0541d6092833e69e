package nngrade.check;

import nngrade.input.InputError;
import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.solve.AnswerKey;
import nngrade.solve.Solver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a grading says beside its points: the statuses, which answers show as passed, a teacher's
 * override of the points, a file that could not be read. On the notes' problem (9 points, dW1
 * worth 2) with its key's z1 and ŷ, a wrong shape for dz1, and b1_next carried from a wrong db1.
 */
class ResultsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"CORRECT, correct, true", "FOLLOW_THROUGH, follow-through, true", "INCORRECT, incorrect, false",
            "MISSING, missing, false", "INVALID, invalid, false"})
    void statuses(Status s, String label, boolean earns) {
        assertEquals(label, s.label());
        assertEquals(earns, s.earnsPoints());
    }

    private static Problem notes(double share) {
        return Mistakes.with(Mistakes.load("notes-softmax-step.json"), 1.0, share);
    }

    /** z1 and ŷ the key's, dz1 as a column of four, db1 wrong in its first cell and b1_next = b1 − db1 of it. */
    private static CheckResult graded(Problem p) {
        AnswerKey key = Solver.solve(p);
        Map<Quantity, Matrix> a = new LinkedHashMap<>();
        a.put(Quantity.of(Kind.Z, 1), key.get(Quantity.of(Kind.Z, 1)));
        a.put(Quantity.YHAT, key.get(Quantity.YHAT));
        a.put(Quantity.of(Kind.DZ, 1), Matrix.of(new double[][] {{0.34}, {-0.97}, {0.63}, {0}}));
        Matrix db = key.get(Quantity.of(Kind.DB, 1)).plus(Matrix.row(0.5, 0, 0));
        a.put(Quantity.of(Kind.DB, 1), db);
        a.put(Quantity.of(Kind.B_NEXT, 1), p.b(1).minus(db)); // η = 1
        return Mistakes.grade(key, a);
    }

    @Test
    void passedIsCorrectOrCarriedForwardWithEveryPoint() {
        CheckResult full = graded(notes(1.0));
        QuantityResult z1 = Mistakes.result(full, Quantity.of(Kind.Z, 1));
        assertEquals(Status.CORRECT, z1.status());
        assertTrue(z1.passed());
        QuantityResult bNext = Mistakes.result(full, Quantity.of(Kind.B_NEXT, 1));
        assertEquals(Status.FOLLOW_THROUGH, bNext.status());
        assertEquals(1.0, bNext.points());
        assertTrue(bNext.passed());
        assertFalse(Mistakes.result(full, Quantity.of(Kind.DB, 1)).passed());
        assertFalse(Mistakes.result(full, Quantity.LOSS).passed());

        QuantityResult half = Mistakes.result(graded(notes(0.5)), Quantity.of(Kind.B_NEXT, 1));
        assertEquals(Status.FOLLOW_THROUGH, half.status());
        assertEquals(0.5, half.points());
        assertFalse(half.passed());
        assertTrue(half.withPoints(1.0).passed());
    }

    @Test
    void anOverrideChangesOnlyThePoints() {
        QuantityResult db = Mistakes.result(graded(notes(1.0)), Quantity.of(Kind.DB, 1));
        QuantityResult overridden = db.withPoints(0.25);
        assertEquals(0.25, overridden.points());
        assertEquals(0.0, db.points());
        assertEquals(new QuantityResult(db.quantity(), db.name(), db.status(), 0.25, db.maxPoints(), db.submitted(),
                db.expected(), db.tolerance(), db.cells(), db.diagnoses(), db.carriedFrom(), db.ownMisses(), db.formula(),
                db.problems()), overridden);
    }

    @Test
    void theShapeMatchesOnlyForAnAnswerOfTheKeysShape() {
        CheckResult r = graded(notes(1.0));
        assertTrue(Mistakes.result(r, Quantity.of(Kind.DB, 1)).shapeMatches());
        QuantityResult dz = Mistakes.result(r, Quantity.of(Kind.DZ, 1));
        assertEquals(Status.INVALID, dz.status());
        assertFalse(dz.shapeMatches());
        assertFalse(Mistakes.result(r, Quantity.LOSS).shapeMatches()); // not answered
        assertEquals(3.0, r.score(), 1e-12); // z1, ŷ, and b1_next carried forward; db1 wrong (no partial credit)
    }

    @Test
    void aFileThatCannotBeReadScoresNothingOfTheWhole() {
        Problem p = notes(1.0);
        List<InputError> errors = List.of(InputError.inFile("s.json", "not JSON"));
        CheckResult r = CheckResult.invalid(p, "ana", "s.json", errors);
        assertFalse(r.graded());
        assertEquals("invalid", r.status());
        assertEquals(0.0, r.score());
        assertEquals(9.0, r.maxScore());
        assertEquals("notes-softmax-step", r.problem());
        assertEquals("ana", r.student());
        assertEquals(errors, r.errors());
        assertEquals(List.of(), r.quantities());
        assertFalse(r.allCorrect());
    }

    @Test
    void aNoteIsAddedWithoutChangingTheResult() {
        CheckResult r = graded(notes(1.0));
        CheckResult noted = r.withNote("first").withNote("second");
        assertEquals(List.of("first", "second"), noted.notes());
        assertEquals(List.of(), r.notes());
        assertEquals(r.score(), noted.score());
        assertEquals(r.quantities(), noted.quantities());
        assertEquals("graded", noted.status());
    }
}
