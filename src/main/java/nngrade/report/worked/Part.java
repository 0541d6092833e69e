package nngrade.report.worked;

import nngrade.problem.Matrix;

/**
 * One piece of a formula with the numbers put in: math written as a formula writes it, or a
 * value kept exactly with the rounding it is shown with. A renderer writes each in its format.
 */
public sealed interface Part {

    /** Math as {@code nngrade.solve.Formulas} writes it: {@code x·W1ᵀ + b1}, {@code  = }. */
    record Symbols(String math) implements Part {
    }

    /** A value (a scalar is 1×1), shown with {@code rounding}. */
    record Value(Matrix value, Rounding rounding) implements Part {
    }

    /** A product too large to write out: its operands' and its result's shapes. */
    record Shapes(String left, String right, String result) implements Part {
    }
}
