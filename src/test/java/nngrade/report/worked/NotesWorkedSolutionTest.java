package nngrade.report.worked;

import nngrade.problem.ProblemLoader;
import nngrade.report.Messages;
import nngrade.report.Messages.Lang;
import nngrade.solve.Solver;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lecture notes' example as the notes should have read: Z = W·x + b with the products
 * written out, dW1 in W's shape (units × inputs), and without the notes' slips (ŷ₂ = 0.0211,
 * not 0.21; W1_next from −0.2, not −0.1). The English solution is pinned byte for byte.
 */
class NotesWorkedSolutionTest {
    private static final Path NOTES = Path.of("problems/notes-softmax-step.json");
    private static final Path GOLDEN = Path.of("src/test/resources/worked/notes-softmax-step.en.md");

    private static String worked(Lang lang) {
        Messages m = new Messages(lang);
        return WorkedMarkdown.render(WorkedSolutions.of(Solver.solve(ProblemLoader.load(NOTES)), m.words()), m);
    }

    @Test
    void englishIsPinned() throws IOException {
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), worked(Lang.en));
    }

    @Test
    void theSameBytesWhateverTheSystemLocale() throws IOException {
        String golden = Files.readString(GOLDEN, StandardCharsets.UTF_8);
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            for (String tag : new String[] {"ar-EG", "tr-TR", "de-DE", "hi-IN-u-nu-deva"}) {
                java.util.Locale.setDefault(java.util.Locale.forLanguageTag(tag));
                assertEquals(golden, worked(Lang.en), tag);
            }
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void theForwardPassReadsAsTheNotes() {
        String md = worked(Lang.en);
        assertTrue(md.contains("$x\\cdot W_{1}^{\\top} + b_{1} = (0.7, -2.1, 1.3) + (0.1, 0.1, 0.1) = (0.8, -2, 1.4)$"), md);
        assertTrue(md.contains("$(x\\cdot W_{1}^{\\top})_{1} = 0.1 \\cdot 1 + 0.2 \\cdot 3 + (-0.3) \\cdot 0 = 0.7$"), md);
        assertTrue(md.contains("$(x\\cdot W_{1}^{\\top})_{2} = (-0.6) \\cdot 1 + (-0.5) \\cdot 3 + 2 \\cdot 0 = -2.1$"), md);
        assertTrue(md.contains("- Result: $\\hat{y} = (0.3469, 0.0211, 0.632)$"), "ŷ₂ is 0.0211, not the notes' 0.21");
    }

    @Test
    void theGradientHasWsShapeNeverTransposed() {
        var sections = WorkedMarkdownTest.sections(worked(Lang.en));
        String dW = sections.get("dW1");
        double[] cells = WorkedMarkdownTest.numbers(WorkedMarkdownTest.rhs(WorkedMarkdownTest.math(
                WorkedMarkdownTest.line(dW, "Result", "dW1"))), Lang.en);
        // row j is unit j: δ1_j·x = δ1_j·(1, 3, 0); x's third input is 0, so the third column is 0
        assertArrayEquals(new double[] {0.3469, 1.0406, 0, -0.9789, -2.9367, 0, 0.632, 1.8961, 0}, cells, 1e-12);
        assertTrue(dW.contains("- $dW_{1}$: 3×3 (units × inputs), the shape of $W_{1}$"), dW);
        double[] next = WorkedMarkdownTest.numbers(WorkedMarkdownTest.rhs(WorkedMarkdownTest.math(
                WorkedMarkdownTest.line(sections.get("W1_next"), "Result", "W1_next"))), Lang.en);
        assertEquals(-0.832, next[6], 1e-12, "W1_next from W1's −0.2 (the notes copied it as −0.1)");
    }

    @Test
    void romanianWritesDecimalCommas() {
        String md = worked(Lang.ro);
        assertTrue(md.contains("$x\\cdot W_{1}^{\\top} + b_{1} = (0{,}7;\\ -2{,}1;\\ 1{,}3) + (0{,}1;\\ 0{,}1;\\ 0{,}1)"
                + " = (0{,}8;\\ -2;\\ 1{,}4)$"), md);
        assertTrue(md.contains("- $dW_{1}$: 3×3 (unități × intrări), forma lui $W_{1}$"), md);
        assertTrue(md.contains("(\\operatorname{softmax} \\text{ cu entropia încrucișată})"), md);
    }
}
