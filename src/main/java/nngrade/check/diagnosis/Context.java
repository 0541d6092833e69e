package nngrade.check.diagnosis;

import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Tolerance;
import nngrade.solve.Steps;

import java.util.function.Function;

/**
 * What a diagnosis may look at: the problem, the quantity, its tolerance, and the values the
 * reference was computed from (the key's, or the student's own for a follow-through reference).
 */
public record Context(Problem problem, Quantity quantity, Tolerance tolerance, Function<Quantity, Matrix> values) {

    /**
     * The problem of the quantity's step: the given one at step 1, at step s the one step s − 1
     * left by the reference's values (its W_next, b_next and state).
     */
    public Problem stepProblem() {
        Problem ps = problem;
        for (int r = 1; r < quantity.step(); r++) {
            ps = Steps.after(ps, r, values);
        }
        return ps;
    }

    public int samples() {
        return problem.samples();
    }

    /**
     * What the δ of layer l multiplies by f′(z_l): da_l in a hidden layer, ∂ℓ/∂ŷ at the output,
     * from the reference's values.
     */
    Matrix deltaUpstream(int layer) {
        int s = quantity.step();
        return layer < problem.network().depth() ? values.apply(Quantity.of(Quantity.Kind.DA, layer).atStep(s))
                : problem.network().loss().gradient(values.apply(Quantity.YHAT.atStep(s)), problem.y());
    }
}
