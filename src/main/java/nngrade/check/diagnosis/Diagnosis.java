package nngrade.check.diagnosis;

import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;

/**
 * A known mistake: a rule that says whether it explains a wrong answer. Each rule is its own
 * class; {@link Diagnoser#RULES} lists them, most specific first.
 */
public interface Diagnosis {

    /** The spec's code, e.g. {@code transposed}. */
    String code();

    /** Whether this mistake, applied to {@code reference}, gives {@code submitted}. */
    boolean explains(Context c, Matrix submitted, Matrix reference);

    /**
     * The message explaining this mistake on q, as a key of the report's bundles: a mistake
     * reads differently where the problem's conventions differ (a 1/m too many in δ, in dW of a
     * mean cost, in dW of a summed cost), so no message states a convention the problem lacks.
     */
    default String messageKey(Problem p, Quantity q) {
        return "diagnosis." + code();
    }
}
