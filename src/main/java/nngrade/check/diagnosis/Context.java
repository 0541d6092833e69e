package nngrade.check.diagnosis;

import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Tolerance;

import java.util.function.Function;

/**
 * What a diagnosis may look at: the problem, the quantity, its tolerance, and the values the
 * reference was computed from (the key's, or the student's own for a follow-through reference).
 */
public record Context(Problem problem, Quantity quantity, Tolerance tolerance, Function<Quantity, Matrix> values) {

    public int samples() {
        return problem.samples();
    }
}
