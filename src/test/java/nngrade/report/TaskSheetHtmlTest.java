package nngrade.report;

import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTML task sheet renders the problem statement as Markdown, and nothing in a statement
 * becomes markup of its own: raw HTML shows as text, a javascript: link loses its target.
 */
class TaskSheetHtmlTest {
    static Problem problem;
    static String html;

    @BeforeAll
    static void render() {
        problem = ProblemLoader.load(Path.of("src/test/resources/sheets/markdown-statement.json"));
        html = TaskSheet.html(problem, "ana \"<b>\"");
    }

    /** The statement's part of the page: from after the student line to the Network heading. */
    private static String statement() {
        int from = html.indexOf("</p>\n", html.indexOf("<p class=\"who\">")) + "</p>\n".length();
        return html.substring(from, html.indexOf("<h2>Network</h2>"));
    }

    @Test
    void emphasisBecomesMarkup() {
        assertTrue(statement().startsWith("<p>Compute <strong>bold</strong> things, <em>gently</em>.</p>\n"), statement());
        assertFalse(html.contains("**"), html);
    }

    @Test
    void rawHtmlIsShownAsTextNotPassedThrough() {
        assertTrue(statement().contains("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"), statement());
        assertTrue(statement().contains("Inline &lt;img src=x onerror=alert(2)&gt; and"), statement());
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script"), html);
        assertFalse(lower.contains("<img"), html);
        assertFalse(lower.contains("onerror=alert(2)>"), html);
    }

    @Test
    void aJavascriptLinkIsNeutralisedAndASafeOneKept() {
        assertFalse(html.toLowerCase(Locale.ROOT).contains("javascript:"), html);
        assertTrue(statement().contains(" and a <a rel=\"nofollow\" href=\"\">x</a> link, "), statement());
        assertTrue(statement().contains("<a rel=\"nofollow\" href=\"https://example.org/a?b=1&amp;c=2\">safe</a>"), statement());
    }

    @Test
    void listsCodeAndControlCharacters() {
        assertTrue(statement().contains("<ul>\n<li>one &amp; two</li>\n<li><code>W1 &lt; 0</code></li>\n</ul>\n"), statement());
        assertTrue(statement().endsWith("<p>Bell  and escape [31m here.</p>\n"), statement());
    }

    @Test
    void theRestOfTheSheetIsEscapedAsBefore() {
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n"), html);
        assertTrue(html.contains("<title>A statement in Markdown · ana &quot;&lt;b&gt;&quot;</title>"), html);
        assertTrue(html.contains("<p class=\"who\">ana &quot;&lt;b&gt;&quot; · markdown-statement</p>\n"), html);
        assertTrue(html.contains("<pre>{\n  &quot;problem&quot;: &quot;markdown-statement&quot;,\n  &quot;student&quot;: &quot;ana \\&quot;&lt;b&gt;\\&quot;&quot;,\n"), html);
        assertTrue(html.endsWith("</pre>\n</main>\n</body>\n</html>\n"), html);
    }

    /** A problem without a statement has nothing between the student line and the network. */
    @Test
    void noStatementNoParagraph() {
        String sheet = TaskSheet.html(ProblemLoader.load(Path.of("src/test/resources/golden/problem.json")), "ana");
        assertTrue(sheet.contains("<p class=\"who\">ana · golden &lt;id&gt; &amp; &quot;q&quot;</p>\n<h2>Network</h2>\n"), sheet);
        assertEquals(1, sheet.split("<h2>Network</h2>", -1).length - 1);
    }

    /** A student's own variant: its code under the title and in the file to hand in; without one, neither. */
    @Test
    void aVariantsCodeIsShownAndPreFilled() {
        String sheet = TaskSheet.html(problem, "ana", "7K3M-Q9XD");
        assertTrue(sheet.contains("<p class=\"who\">ana · markdown-statement · variant <span class=\"code\">7K3M-Q9XD</span></p>\n"), sheet);
        assertTrue(sheet.contains("<pre>{\n  &quot;problem&quot;: &quot;markdown-statement&quot;,\n  &quot;student&quot;: &quot;ana&quot;,\n"
                + "  &quot;variant&quot;: &quot;7K3M-Q9XD&quot;,\n  &quot;answers&quot;: {\n"), sheet);
        assertTrue(sheet.contains("keep the <span class=\"code\">variant</span> line"), sheet);
        assertFalse(html.contains("variant"), html);
    }
}
