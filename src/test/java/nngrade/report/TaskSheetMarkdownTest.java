package nngrade.report;

import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Markdown task sheet keeps the statement's Markdown but is as safe as the HTML sheet: a
 * Markdown viewer or an LMS shows raw HTML of a statement as text and follows no javascript: link.
 */
class TaskSheetMarkdownTest {

    @Test
    void rawHtmlBecomesTextAndAnUnsafeLinkLosesItsTarget() {
        Problem p = ProblemLoader.load(Path.of("src/test/resources/sheets/markdown-statement.json"));
        String md = TaskSheet.markdown(p, "ana");
        String statement = md.substring(md.indexOf("\n\n", md.indexOf("Student:")) + 2, md.indexOf("## Network"));
        assertEquals("""
                Compute **bold** things, *gently*.

                \\<script\\>alert(1)\\</script\\>

                Inline \\<img src=x onerror=alert(2)\\> and a [x]() link, a [safe](https://example.org/a?b=1\\&c=2) one.

                - one \\& two
                - `W1 < 0`

                Bell  and escape \\[31m here.

                """, statement);
        assertFalse(md.toLowerCase(Locale.ROOT).contains("javascript:"), md);
    }

    @Test
    void theBundledStatementsAreWrittenAsTheTeacherWroteThem() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("problems"))) {
            for (Path f : files.filter(f -> f.toString().matches(".*\\.(json|ya?ml)") && !f.toString().contains("variant")).toList()) {
                Problem p = ProblemLoader.load(f);
                assertTrue(TaskSheet.markdown(p, "ana").contains(p.statement().strip() + "\n\n## " + (p.isGraph() ? "Graph" : "Network")),
                        f.toString());
            }
        }
    }

    @Test
    void aVariantsCodeIsShownAndPreFilled() {
        Problem p = ProblemLoader.load(Path.of("src/test/resources/sheets/markdown-statement.json"));
        String md = TaskSheet.markdown(p, "ana", "7K3M-Q9XD");
        assertTrue(md.contains("\nStudent: **ana** · problem `markdown-statement` · variant `7K3M-Q9XD`\n\n"), md);
        assertTrue(md.contains("  \"student\": \"ana\",\n  \"variant\": \"7K3M-Q9XD\",\n  \"answers\": {\n"), md);
        assertTrue(md.contains("or a CSV from `nngrade template` with the row `variant,7K3M-Q9XD` (`variant,,,7K3M-Q9XD` in the "
                + "long layout):\n"), md);
        String none = TaskSheet.markdown(p, "ana");
        assertFalse(none.contains("variant"), none);
        assertTrue(none.contains("\nStudent: **ana** · problem `markdown-statement`\n\n"), none);
    }
}
