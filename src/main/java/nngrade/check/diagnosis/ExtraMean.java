package nngrade.check.diagnosis;

import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.problem.Reduction;

import java.util.List;
import java.util.Set;

/**
 * expected / m: the 1/m put into δ (which is per sample), applied twice to dW, db, or put where
 * the cost is the sum over the batch (dW, db and the loss of {@code reduction: sum} have none).
 */
public final class ExtraMean extends CandidateDiagnosis {
    private static final Set<Kind> GRADIENTS = Set.of(Kind.DZ, Kind.DA, Kind.DW, Kind.DB);

    @Override
    public String code() {
        return "extra-mean";
    }

    @Override
    public boolean composable() {
        return true;
    }

    @Override
    public List<Matrix> candidates(Context c, Matrix reference) {
        Kind kind = c.quantity().kind();
        boolean meanOfSum = kind == Kind.LOSS && c.problem().network().reduction() == Reduction.SUM;
        if (c.samples() < 2 || !(GRADIENTS.contains(kind) || meanOfSum)) {
            return List.of();
        }
        return Penalty.scaled(c, reference, 1.0 / c.samples());
    }

    /** δ and da never carry 1/m; dW, db carry it once for a mean cost and not at all for a sum. */
    @Override
    public String messageKey(Problem p, Quantity q) {
        if (q.kind() == Kind.DZ || q.kind() == Kind.DA) {
            return "diagnosis.extra-mean.per-sample";
        }
        if (q.kind() == Kind.LOSS) {
            return "diagnosis.extra-mean.loss";
        }
        return p.network().reduction() == Reduction.SUM ? "diagnosis.extra-mean.sum" : "diagnosis.extra-mean";
    }
}
