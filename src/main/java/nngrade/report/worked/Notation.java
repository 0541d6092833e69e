package nngrade.report.worked;

import java.util.List;

/**
 * How a format writes math: TeX for Markdown and LaTeX ({@link Tex}), MathML for HTML
 * ({@link MathMl}). Everything returned is math content, to be put inside the format's inline
 * math ({@code $…$}, {@code \(…\)}, {@code <math>…</math>}); fragments concatenate.
 */
sealed interface Notation permits Tex, MathMl {

    /** The math {@code nngrade.solve.Formulas} writes ({@code x·W1ᵀ + b1}, {@code  = }), in this notation. */
    String of(String math);

    /** A plain decimal ({@code -0.25}) in the language's notation ({@code −0,25} in Romanian). */
    String number(String plain);

    /** A row of (written) entries as the notes write one: {@code (0.8, −2, 1.4)}. */
    String row(List<String> entries);

    /** A matrix of (written) entries, in parentheses. */
    String matrix(List<List<String>> rows);

    /** {@code base} (written) with the subscript {@code indices}, separated by commas: {@code (x·W1ᵀ)₁,₂}. */
    String subscript(String base, List<Integer> indices);
}
