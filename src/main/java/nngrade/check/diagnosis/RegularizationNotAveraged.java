package nngrade.check.diagnosis;

import nngrade.problem.Matrix;
import nngrade.problem.Quantity;
import nngrade.problem.Reduction;
import nngrade.solve.Backprop;

import java.util.List;

/**
 * The penalty with the wrong factor: λ·W in dW where the mean cost gives (λ/m)·W, or (λ/m)·W
 * where the summed cost gives λ·W; the same for (λ/2)·Σ‖W‖² in the loss. Only a batch of m > 1
 * tells them apart.
 */
public final class RegularizationNotAveraged extends CandidateDiagnosis {
    @Override
    public String code() {
        return "regularization-not-averaged";
    }

    @Override
    public List<Matrix> candidates(Context c, Matrix reference) {
        var p = c.stepProblem();
        Quantity q = c.quantity();
        int m = p.samples();
        if (p.l2() == 0 || m == 1) {
            return List.of();
        }
        boolean mean = p.network().reduction() == Reduction.MEAN;
        if (q.kind() == Quantity.Kind.LOSS) {
            // (1/m)Σℓ + (λ/2)‖W‖² under mean, Σℓ + (λ/2m)‖W‖² under sum
            double right = p.network().reduction().factor(m) * Backprop.penalty(p);
            double wrong = mean ? Backprop.penalty(p) : Backprop.penalty(p) / m;
            return List.of(reference.map(v -> v - right + wrong));
        }
        if (q.kind() != Quantity.Kind.DW) {
            return List.of();
        }
        Matrix w = p.w(q.layer());
        if (!w.sameShape(reference)) {
            return List.of();
        }
        Matrix wrongTerm = w.scale(mean ? p.l2() : p.l2() / m);
        return List.of(reference.minus(Backprop.penaltyGradient(p, q.layer())).plus(wrongTerm));
    }
}
