package nngrade.check.diagnosis;

import nngrade.problem.Matrix;
import nngrade.problem.Optimizer;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.solve.Backprop;

import java.util.List;

/**
 * The L2 penalty left out: dW without its factor·λ·W (and the step taken with such a dW), or
 * the loss without factor·(λ/2)·Σ‖W‖² (factor 1/m under mean, 1 under sum).
 */
public final class RegularizationOmitted extends CandidateDiagnosis {
    @Override
    public String code() {
        return "regularization-omitted";
    }

    @Override
    public List<Matrix> candidates(Context c, Matrix reference) {
        var p = c.stepProblem();
        if (p.l2() == 0) {
            return List.of();
        }
        Quantity q = c.quantity();
        if ((q.kind() == Quantity.Kind.DW || q.kind() == Quantity.Kind.W_NEXT) && !p.w(q.layer()).sameShape(reference)) {
            return List.of(); // a reference in another shape has no penalty term of its own
        }
        return switch (q.kind()) {
            case DW -> List.of(reference.minus(Backprop.penaltyGradient(p, q.layer())));
            // W − η·dW from a dW without the penalty: the step is η·factor·λ·W short (sgd's step alone is linear in dW)
            case W_NEXT -> !(p.optimizer() instanceof Optimizer.Sgd) ? List.<Matrix>of() : List.of(reference.plus(Backprop.penaltyGradient(p, q.layer()).scale(p.learningRate())));
            case LOSS -> List.of(reference.map(v -> v - p.network().reduction().factor(p.samples()) * Backprop.penalty(p)));
            default -> List.of();
        };
    }

    @Override
    public String messageKey(Problem p, Quantity q) {
        return switch (q.kind()) {
            case LOSS -> "diagnosis.regularization-omitted.loss";
            case W_NEXT -> "diagnosis.regularization-omitted.step";
            default -> "diagnosis.regularization-omitted";
        };
    }
}
