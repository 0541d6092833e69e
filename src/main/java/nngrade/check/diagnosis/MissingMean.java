package nngrade.check.diagnosis;

import nngrade.problem.Matrix;
import nngrade.problem.Quantity.Kind;
import nngrade.problem.Reduction;

import java.util.List;
import java.util.Set;

/** m × expected: summed over the batch where the cost takes the mean (dW, db, the loss; dW's data term alone under L2). */
public final class MissingMean extends CandidateDiagnosis {
    private static final Set<Kind> AVERAGED = Set.of(Kind.DW, Kind.DB, Kind.LOSS);

    @Override
    public String code() {
        return "missing-mean";
    }

    @Override
    public boolean composable() {
        return true;
    }

    @Override
    public List<Matrix> candidates(Context c, Matrix reference) {
        if (c.samples() < 2 || c.problem().network().reduction() != Reduction.MEAN
                || !AVERAGED.contains(c.quantity().kind())) {
            return List.of();
        }
        return Penalty.scaled(c, reference, c.samples());
    }
}
