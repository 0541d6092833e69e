package nngrade.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import nngrade.check.CheckResult;
import nngrade.check.Checker;
import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import nngrade.solve.Solver;
import nngrade.submission.SubmissionReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A report's notes (a variant code that is another variant's) in every format, as text a student wrote may be in them. */
class CheckNotesTest {
    private static final String NOTE = "Note: this file carries variant code \"<b>x</b>\", but";
    private static final ReportOptions OPTIONS = new ReportOptions(new Messages(Messages.Lang.en), false, false, false);
    private static CheckResult plain;
    private static CheckResult noted;

    @BeforeAll
    static void check() {
        Problem p = ProblemLoader.load(Path.of("problems/notes-softmax-step.json"));
        plain = Checker.check(Solver.solve(p), SubmissionReader.read(Path.of("submissions-sample/perfect.json"), p), null, "ana");
        noted = plain.withNote(NOTE);
    }

    @Test
    void textAndMarkdownShowTheNoteUnderTheScore() {
        assertEquals(CheckText.render(plain, OPTIONS).replace("Score 9 / 9\n\n", "Score 9 / 9\n\n" + NOTE + "\n\n"),
                CheckText.render(noted, OPTIONS));
        String md = CheckMarkdown.render(noted, OPTIONS);
        assertTrue(md.contains("**Score 9 / 9**\n\n> Note: this file carries variant code \"\\<b\\>x\\</b\\>\", but\n\n| |"), md);
    }

    @Test
    void jsonHasNotesOnlyWhenThereAreSome() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertFalse(json.readTree(CheckJson.render(plain, OPTIONS)).has("notes"));
        assertEquals(NOTE, json.readTree(CheckJson.render(noted, OPTIONS)).get("notes").get(0).asText());
    }

    @Test
    void htmlShowsTheNoteEscaped() {
        String html = CheckHtml.render(noted, OPTIONS);
        assertTrue(html.contains("<section class=\"q follow-through\" id=\"notes\"><ul class=\"fb\">\n<li>Note: this file carries "
                + "variant code &quot;&lt;b&gt;x&lt;/b&gt;&quot;, but</li>\n</ul></section>\n"), html);
        assertFalse(CheckHtml.render(plain, OPTIONS).contains("id=\"notes\""));
    }
}
