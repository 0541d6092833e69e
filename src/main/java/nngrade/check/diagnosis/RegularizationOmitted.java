package nngrade.check.diagnosis;

import nngrade.problem.Matrix;
import nngrade.problem.Quantity;
import nngrade.solve.Backprop;

import java.util.List;

/**
 * The L2 penalty left out: dW without its factor·λ·W, or the loss without factor·(λ/2)·Σ‖W‖²
 * (factor 1/m under mean, 1 under sum).
 */
public final class RegularizationOmitted extends CandidateDiagnosis {
    @Override
    public String code() {
        return "regularization-omitted";
    }

    @Override
    public List<Matrix> candidates(Context c, Matrix reference) {
        var p = c.problem();
        if (p.l2() == 0) {
            return List.of();
        }
        Quantity q = c.quantity();
        return switch (q.kind()) {
            case DW -> List.of(reference.minus(Backprop.penaltyGradient(p, q.layer())));
            case LOSS -> List.of(reference.map(v -> v - p.network().reduction().factor(p.samples()) * Backprop.penalty(p)));
            default -> List.of();
        };
    }
}
