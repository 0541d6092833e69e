package nngrade.check.diagnosis;

import nngrade.problem.Matrix;

/**
 * A known mistake: a rule that says whether it explains a wrong answer. Each rule is its own
 * class; {@link Diagnoser#RULES} lists them, most specific first.
 */
public interface Diagnosis {

    /** The spec's code, e.g. {@code transposed}. */
    String code();

    /** Whether this mistake, applied to {@code reference}, gives {@code submitted}. */
    boolean explains(Context c, Matrix submitted, Matrix reference);
}
