package nngrade.check.diagnosis;

import nngrade.problem.Matrix;

import java.util.List;

/** θ + η·dθ instead of θ − η·dθ. With reference r = θ − η·dθ that is 2θ − r. */
public final class WrongUpdateSign extends CandidateDiagnosis {
    @Override
    public String code() {
        return "wrong-update-sign";
    }

    @Override
    public List<Matrix> candidates(Context c, Matrix reference) {
        Matrix theta = Parameters.before(c);
        return theta == null ? List.of() : List.of(theta.scale(2).minus(reference));
    }
}
