package nngrade.check.diagnosis;

import nngrade.problem.Matrix;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;

/** The parameters a step quantity updates. */
final class Parameters {
    private Parameters() {
    }

    /**
     * W_l for W_l_next, b_l for b_l_next, null for any other quantity: the given ones at step 1,
     * step s − 1's W_l_next and b_l_next (the reference's values) at step s.
     */
    static Matrix before(Context c) {
        Quantity q = c.quantity();
        int l = q.layer();
        if (q.kind() != Kind.W_NEXT && q.kind() != Kind.B_NEXT) {
            return null;
        }
        return q.kind() == Kind.W_NEXT ? c.stepProblem().w(l) : c.stepProblem().b(l);
    }
}
