package nngrade.check.diagnosis;

import nngrade.problem.Matrix;
import nngrade.problem.Tolerance;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When an answer is a mistake's value c rather than a rough right value r, with hand-worked
 * numbers under a relative tolerance of 50% (wider around a larger value: ±5 around 10, ±0.5
 * around 1), where an answer can be within c's tolerance and yet nearer r.
 */
class CandidateDiagnosisTest {
    private static final Tolerance HALF = new Tolerance.Bound(0, 0.5);

    private static Matrix m(double... v) {
        return Matrix.row(v);
    }

    @Test
    void theCandidatesValueFits() {
        assertTrue(CandidateDiagnosis.fits(HALF, m(10), m(10), m(1)));
        // |6 − 10| = 4 ≤ 5, and 6 is nearer 10 (4) than 1 (5)
        assertTrue(CandidateDiagnosis.fits(HALF, m(6), m(10), m(1)));
    }

    /** |5.2 − 10| = 4.8 ≤ 5, but 5.2 is nearer 1 (4.2): a rough right value, not the mistake's. */
    @Test
    void anAnswerNearerTheReferenceInACellThatTellsThemApartDoesNotFit() {
        assertFalse(CandidateDiagnosis.fits(HALF, m(5.2), m(10), m(1)));
        assertFalse(CandidateDiagnosis.fits(HALF, m(10, 5.2), m(10, 10), m(1, 1)));
    }

    /**
     * The second cell tells nothing: c = 2.1 is within ±1 of r = 2, so 1.3 there (nearer r) does not
     * count against c; the first cell (6 for c = 10, r = 1) decides.
     */
    @Test
    void aCellWhereTheCandidateAndTheReferenceAgreeTellsNothing() {
        assertTrue(CandidateDiagnosis.fits(HALF, m(6, 1.3), m(10, 2.1), m(1, 2)));
    }

    /** The second cell: 2.6 is within ±1 of r = 2 and within ±1.75 of c = 3.5, nearer r; it tells nothing either. */
    @Test
    void aCellWhereTheAnswerIsWithinTheReferencesToleranceTellsNothing() {
        assertTrue(CandidateDiagnosis.fits(HALF, m(6, 2.6), m(10, 3.5), m(1, 2)));
    }

    @Test
    void aCandidateWithinTheToleranceOfTheReferenceExplainsNothing() {
        assertFalse(CandidateDiagnosis.fits(HALF, m(1.2), m(1.2), m(1)));
    }

    @Test
    void anAnswerOutsideTheCandidatesToleranceDoesNotFit() {
        assertFalse(CandidateDiagnosis.fits(HALF, m(16), m(10), m(1)));
    }

    /** A transpose of another shape is a mistake by its shape: [1, 2]ᵀ against [1, 2]. */
    @Test
    void aCandidateOfAnotherShapeFitsByItsShape() {
        Matrix column = Matrix.of(new double[][] {{1}, {2}});
        assertTrue(CandidateDiagnosis.fits(HALF, column, column, m(1, 2)));
        assertFalse(CandidateDiagnosis.fits(HALF, m(1, 2), column, m(1, 2)));
    }
}
