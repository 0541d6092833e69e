package nngrade.check.diagnosis;

import nngrade.problem.Matrix;

import java.util.List;

/** −expected, e.g. δ = y − ŷ; under L2, dW's data term negated with the penalty term as shown. */
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
        return Penalty.scaled(c, reference, -1);
    }
}
