package nngrade.check.diagnosis;

import nngrade.problem.Matrix;
import nngrade.problem.Quantity;

import java.util.List;

/**
 * The optimiser's state after the step written as it was before it (vW1_next = vW1): the
 * step's update β·v + (1 − β)·dP, or its like, left out.
 */
public final class StateNotUpdated extends CandidateDiagnosis {
    @Override
    public String code() {
        return "state-not-updated";
    }

    @Override
    public List<Matrix> candidates(Context c, Matrix reference) {
        Quantity q = c.quantity();
        if (!q.kind().state()) {
            return List.of();
        }
        Matrix before = c.stepProblem().stateOf(q.kind(), q.layer());
        return before == null || !before.sameShape(reference) ? List.of() : List.of(before);
    }
}
