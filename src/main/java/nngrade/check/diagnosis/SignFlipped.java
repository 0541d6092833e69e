package nngrade.check.diagnosis;

import nngrade.problem.Matrix;

import java.util.List;

/** −expected, e.g. δ = y − ŷ. */
public final class SignFlipped extends CandidateDiagnosis {
    @Override
    public String code() {
        return "sign-flipped";
    }

    @Override
    public boolean composable() {
        return true;
    }

    @Override
    public List<Matrix> candidates(Context c, Matrix reference) {
        return List.of(reference.scale(-1));
    }
}
