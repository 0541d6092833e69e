package nngrade.check.diagnosis;

import nngrade.problem.Activation;
import nngrade.problem.Matrix;
import nngrade.problem.Network;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;

import java.util.List;

/**
 * δ with f(z) where f′(z) belongs: δ_l = da_l ⊙ f(z_l) in a hidden layer, ∂ℓ/∂ŷ ⊙ f(z_L) at the
 * output (σ(z) for σ′(z), the commonest slip once σ′ = σ(1 − σ) is half remembered). Only for an
 * activation applied unit by unit: softmax has no f′(z) of one unit, and for linear f(z) = z is
 * not a value anyone takes for f′ = 1.
 */
public final class ActivationInsteadOfDerivative extends CandidateDiagnosis {
    @Override
    public String code() {
        return "activation-instead-of-derivative";
    }

    @Override
    public List<Matrix> candidates(Context c, Matrix reference) {
        Quantity q = c.quantity();
        if (q.kind() != Kind.DZ) {
            return List.of();
        }
        Network n = c.problem().network();
        Activation f = n.layer(q.layer()).activation();
        if (!(f instanceof Activation.Elementwise) || f instanceof Activation.Linear) {
            return List.of();
        }
        Matrix z = c.values().apply(Quantity.of(Kind.Z, q.layer()).atStep(q.step()));
        return List.of(c.deltaUpstream(q.layer()).hadamard(f.apply(z)));
    }
}
