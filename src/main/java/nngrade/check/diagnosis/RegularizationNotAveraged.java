package nngrade.check.diagnosis;

import nngrade.problem.Matrix;
import nngrade.problem.Quantity;
import nngrade.problem.Reduction;
import nngrade.solve.Backprop;

import java.util.List;

/**
 * dW's penalty term with the wrong factor: λ·W where the mean cost gives (λ/m)·W, or (λ/m)·W
 * where the summed cost gives λ·W. Only a batch of m > 1 tells them apart.
 */
public final class RegularizationNotAveraged extends CandidateDiagnosis {
    @Override
    public String code() {
        return "regularization-not-averaged";
    }

    @Override
    public List<Matrix> candidates(Context c, Matrix reference) {
        var p = c.problem();
        Quantity q = c.quantity();
        int m = p.samples();
        if (p.l2() == 0 || m == 1 || q.kind() != Quantity.Kind.DW) {
            return List.of();
        }
        Matrix w = p.w(q.layer());
        Matrix wrongTerm = w.scale(p.network().reduction() == Reduction.MEAN ? p.l2() : p.l2() / m);
        return List.of(reference.minus(Backprop.penaltyGradient(p, q.layer())).plus(wrongTerm));
    }
}
