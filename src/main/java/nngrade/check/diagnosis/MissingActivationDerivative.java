package nngrade.check.diagnosis;

import nngrade.problem.Matrix;
import nngrade.problem.Network;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;

import java.util.List;

/**
 * δ without the f′(z) factor: at the output, the ŷ − y shortcut (or ∂ℓ/∂ŷ) used where the
 * loss and activation do not allow it; in a hidden layer, δ_l = da_l.
 */
public final class MissingActivationDerivative extends CandidateDiagnosis {
    @Override
    public String code() {
        return "missing-activation-derivative";
    }

    @Override
    public List<Matrix> candidates(Context c, Matrix reference) {
        Quantity q = c.quantity();
        if (q.kind() != Kind.DZ) {
            return List.of();
        }
        Network n = c.problem().network();
        if (q.layer() < n.depth()) {
            return List.of(c.values().apply(Quantity.of(Kind.DA, q.layer())));
        }
        Matrix yhat = c.values().apply(Quantity.YHAT);
        Matrix y = c.problem().y();
        return List.of(yhat.minus(y), n.loss().gradient(yhat, y));
    }
}
