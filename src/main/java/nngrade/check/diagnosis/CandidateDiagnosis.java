package nngrade.check.diagnosis;

import nngrade.problem.Matrix;
import nngrade.problem.Tolerance;

import java.util.List;

/**
 * A mistake that turns the right value into a predictable wrong one (its candidates). It
 * explains an answer that matches a candidate within the tolerance, provided the candidate
 * is itself wrong: a "sign flip" of a value within the tolerance of 0 explains nothing.
 */
public abstract class CandidateDiagnosis implements Diagnosis {

    /** The wrong values this mistake makes of {@code reference}; empty where it cannot occur. */
    public abstract List<Matrix> candidates(Context c, Matrix reference);

    /** Whether this mistake can combine with another (transposed and sign-flipped, say). */
    public boolean composable() {
        return false;
    }

    @Override
    public boolean explains(Context c, Matrix submitted, Matrix reference) {
        for (Matrix candidate : candidates(c, reference)) {
            if (fits(c.tolerance(), submitted, candidate, reference)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The answer matches the candidate, the candidate differs from the reference beyond the
     * tolerance, and in every cell that tells them apart the answer is nearer the candidate than
     * the reference. A cell where the answer is within tolerance of both (the candidate and the
     * reference are close there, and the answer was rounded in between) tells nothing.
     */
    static boolean fits(Tolerance t, Matrix submitted, Matrix candidate, Matrix reference) {
        if (!t.accepts(submitted, candidate)) {
            return false;
        }
        if (!candidate.sameShape(reference)) {
            return true; // a shape change is a mistake by itself
        }
        if (t.accepts(candidate, reference)) {
            return false;
        }
        for (int i = 0; i < submitted.size(); i++) {
            if (t.accepts(candidate.at(i), reference.at(i)) || t.accepts(submitted.at(i), reference.at(i))) {
                continue;
            }
            double toCandidate = Math.abs(submitted.at(i) - candidate.at(i));
            double toReference = Math.abs(submitted.at(i) - reference.at(i));
            if (toCandidate > toReference) {
                return false;
            }
        }
        return true;
    }
}
