package nngrade.check.diagnosis;

import nngrade.problem.Matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the mistake that explains a wrong answer: the first rule that does, in the order of
 * {@link #RULES}; if none does alone, a pair of mistakes that combine (transposed and
 * sign-flipped, say); and if the shape is wrong with nothing to explain it, shape-mismatch.
 */
public final class Diagnoser {
    /** Most specific first, so one answer gets one explanation. */
    public static final List<Diagnosis> RULES = List.of(
            new Transposed(),
            new SignFlipped(),
            new MissingMean(),
            new ExtraMean(),
            new WrongUpdateSign(),
            new LearningRateOmitted(),
            new MissingActivationDerivative(),
            new WrongActivation(),
            new RoundedTooCoarsely());

    private Diagnoser() {
    }

    /** The codes explaining {@code submitted} against {@code reference}; empty when nothing does. */
    public static List<String> diagnose(Context c, Matrix submitted, Matrix reference) {
        for (Diagnosis d : RULES) {
            if (d.explains(c, submitted, reference)) {
                return List.of(d.code());
            }
        }
        List<CandidateDiagnosis> composable = new ArrayList<>();
        for (Diagnosis d : RULES) {
            if (d instanceof CandidateDiagnosis cd && cd.composable()) {
                composable.add(cd);
            }
        }
        for (int i = 0; i < composable.size(); i++) {
            for (int j = i + 1; j < composable.size(); j++) {
                CandidateDiagnosis first = composable.get(i);
                CandidateDiagnosis second = composable.get(j);
                for (Matrix once : first.candidates(c, reference)) {
                    for (Matrix twice : second.candidates(c, once)) {
                        if (CandidateDiagnosis.fits(c.tolerance(), submitted, twice, reference)) {
                            return List.of(first.code(), second.code());
                        }
                    }
                }
            }
        }
        return List.of();
    }

    /** The code for a wrong shape that no rule explains. */
    public static final String SHAPE_MISMATCH = "shape-mismatch";
}
