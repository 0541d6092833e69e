package nngrade.check.diagnosis;

import nngrade.problem.Activation;
import nngrade.problem.Matrix;
import nngrade.problem.Network;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;

import java.util.List;

/**
 * δ without the f′(z) factor: at the output, the ŷ − y shortcut (or ∂ℓ/∂ŷ) used where the
 * loss and activation do not allow it; in a hidden layer, δ_l = da_l. A linear layer has
 * f′ = 1, so nothing can be missing there (ŷ − y for the mse's 2(ŷ − y)/K is another mistake).
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
        if (n.layer(q.layer()).activation() instanceof Activation.Linear) {
            return List.of();
        }
        Matrix upstream = c.deltaUpstream(q.layer());
        if (q.layer() < n.depth()) {
            return List.of(upstream);
        }
        return List.of(c.values().apply(Quantity.YHAT.atStep(c.quantity().step())).minus(c.problem().y()), upstream);
    }

    /** The ŷ − y shortcut is an output layer's mistake; in a hidden layer δ is da without f′. */
    @Override
    public String messageKey(Problem p, Quantity q) {
        return q.layer() < p.network().depth() ? "diagnosis.missing-activation-derivative.hidden"
                : "diagnosis.missing-activation-derivative";
    }
}
