package nngrade.check.diagnosis;

import nngrade.problem.Matrix;

import java.util.List;

/** θ − dθ where η ≠ 1. With reference r = θ − η·dθ, dθ = (θ − r)/η. */
public final class LearningRateOmitted extends CandidateDiagnosis {
    @Override
    public String code() {
        return "learning-rate-omitted";
    }

    @Override
    public List<Matrix> candidates(Context c, Matrix reference) {
        Matrix theta = Parameters.before(c);
        double eta = c.problem().learningRate();
        if (theta == null || eta == 1) {
            return List.of();
        }
        Matrix gradient = theta.minus(reference).scale(1 / eta);
        return List.of(theta.minus(gradient));
    }
}
