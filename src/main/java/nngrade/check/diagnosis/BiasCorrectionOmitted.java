package nngrade.check.diagnosis;

import nngrade.problem.Matrix;
import nngrade.problem.Optimizer;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;

import java.util.List;

/**
 * Adam's step from the moments themselves, P − η·m / (√v + ε), where the bias-corrected
 * m̂ = m / (1 − β1^t') and v̂ = v / (1 − β2^t') belong; the moments are the reference's own.
 */
public final class BiasCorrectionOmitted extends CandidateDiagnosis {
    @Override
    public String code() {
        return "bias-correction-omitted";
    }

    @Override
    public List<Matrix> candidates(Context c, Matrix reference) {
        Quantity q = c.quantity();
        Matrix theta = Parameters.before(c);
        if (theta == null || !(c.problem().optimizer() instanceof Optimizer.Adam adam)) {
            return List.of();
        }
        boolean weights = q.kind() == Kind.W_NEXT;
        Matrix m = c.values().apply(Quantity.of(weights ? Kind.MW_NEXT : Kind.MB_NEXT, q.layer()).atStep(q.step()));
        Matrix v = c.values().apply(Quantity.of(weights ? Kind.VW_NEXT : Kind.VB_NEXT, q.layer()).atStep(q.step()));
        if (!m.sameShape(theta) || !v.sameShape(theta)) {
            return List.of();
        }
        return List.of(adam.uncorrected(theta, m, v, c.problem().learningRate()));
    }
}
