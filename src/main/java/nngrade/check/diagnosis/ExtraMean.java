package nngrade.check.diagnosis;

import nngrade.problem.Matrix;
import nngrade.problem.Quantity.Kind;

import java.util.List;
import java.util.Set;

/** expected / m: the 1/m put into δ (which is per sample), or applied twice to dW, db. */
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
        if (c.samples() < 2 || !GRADIENTS.contains(c.quantity().kind())) {
            return List.of();
        }
        return List.of(reference.scale(1.0 / c.samples()));
    }
}
