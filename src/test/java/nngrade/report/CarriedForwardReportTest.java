package nngrade.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nngrade.check.CheckResult;
import nngrade.check.Checker;
import nngrade.check.Status;
import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import nngrade.problem.Quantity;
import nngrade.report.Messages.Lang;
import nngrade.solve.AnswerKey;
import nngrade.solve.Solver;
import nngrade.submission.Answer;
import nngrade.submission.Submission;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15's rule 6: an answer carried forward with all its points reads as passed in every
 * report, with a message that it follows from the student's own earlier answer and no
 * "expected" value beside it; the slip itself (δ2 = y − ŷ) fails where it was made.
 */
class CarriedForwardReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** δ2 flipped, and dW2, db2 from it: the backward pass is linear in δ2, so they are the key's negated. */
    private static CheckResult flippedDelta() {
        Problem p = ProblemLoader.load(Path.of("problems/two-layer-tanh-softmax.json"));
        AnswerKey key = Solver.solve(p);
        Map<Quantity, Answer> answers = new LinkedHashMap<>();
        for (Quantity q : p.ask()) {
            Matrix m = key.get(q);
            boolean flipped = List.of("dz2", "dW2", "db2").contains(q.name());
            answers.put(q, Answer.readable(q.name(), flipped ? m.map(v -> -v) : m));
        }
        CheckResult r = Checker.check(key, new Submission("s.json", p.id(), "s", answers, List.of()), null, "s");
        assertEquals(Status.FOLLOW_THROUGH, r.quantities().stream().filter(q -> q.name().equals("dW2")).findFirst()
                .orElseThrow().status());
        return r;
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void everyFormatShowsTheCarriedForwardAnswerAsPassed(Lang lang) throws Exception {
        CheckResult r = flippedDelta();
        ReportOptions o = new ReportOptions(new Messages(lang), false, false, false);
        String follows = lang == Lang.en ? "Computed correctly from your own dz2, a1: 2 of 2 points."
                : "Calculat corect din propriul tău dz2, a1";

        JsonNode json = JSON.readTree(CheckJson.render(r, o));
        JsonNode dW2 = quantity(json.get("quantities"), "name", "dW2");
        JsonNode dz2 = quantity(json.get("quantities"), "name", "dz2");
        assertTrue(dW2.get("passed").asBoolean());
        assertFalse(dz2.get("passed").asBoolean());
        assertEquals(0, dW2.get("diagnoses").size());
        assertTrue(dW2.get("message").asText().startsWith(follows), dW2.get("message").asText());

        JsonNode gradescope = JSON.readTree(Gradescope.render(r, o));
        assertEquals("passed", quantity(gradescope.get("tests"), "name", "dW2").get("status").asText());
        assertEquals("failed", quantity(gradescope.get("tests"), "name", "dz2").get("status").asText());
        assertTrue(quantity(gradescope.get("tests"), "name", "dW2").get("output").asText().startsWith(follows));

        String junit = JunitXml.render(r, o);
        assertTrue(junit.contains("failures=\"1\""), junit);
        String dW2Case = junit.substring(junit.indexOf("name=\"dW2\""), junit.indexOf("</testcase>", junit.indexOf("name=\"dW2\"")));
        assertFalse(dW2Case.contains("<failure"), dW2Case);
        String failure = lang == Lang.en ? "<failure message=\"incorrect: 0 of 1 point. " : "<failure message=\"incorrect: 0 din 1 punct. ";
        assertTrue(junit.contains(failure), junit);

        String wrongWord = lang == Lang.en ? "expected" : "corect este";
        String markdown = CheckMarkdown.render(r, o);
        assertTrue(markdown.contains("| 🟡 | `dW2` |"), markdown);
        for (String text : List.of(CheckText.render(r, o), markdown.substring(markdown.indexOf("### `dz2`")))) {
            String block = text.substring(text.indexOf("dW2"), text.indexOf("db2"));
            assertTrue(block.contains(follows), block);
            assertFalse(block.contains(wrongWord), block);
        }

        String html = CheckHtml.render(r, o);
        String section = html.substring(html.indexOf("id=\"q-dW2\""), html.indexOf("</section>", html.indexOf("id=\"q-dW2\"")));
        assertTrue(section.contains("<td class=\"carried\">"), section);
        assertFalse(section.contains("class=\"bad\""), section);
        assertFalse(section.contains("<small>"), "no key value under a carried-forward cell: " + section);
    }

    private static JsonNode quantity(JsonNode array, String field, String name) {
        for (JsonNode n : array) {
            if (n.get(field).asText().equals(name)) {
                return n;
            }
        }
        throw new AssertionError(name + " not in " + array);
    }
}
