package nngrade.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nngrade.check.CheckResult;
import nngrade.check.QuantityResult;
import nngrade.check.Status;
import nngrade.problem.InputError;

import java.io.UncheckedIOException;

/** Gradescope's results.json for one submission: score, max_score and a test per quantity. */
public final class Gradescope {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Gradescope() {
    }

    public static String render(CheckResult r, ReportOptions o) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("score", r.score());
        root.put("max_score", r.maxScore());
        root.put("visibility", "visible");
        if (!r.graded()) {
            StringBuilder sb = new StringBuilder();
            for (InputError e : r.errors()) {
                sb.append(e.oneLine()).append('\n');
            }
            root.put("output", sb.toString());
        }
        ArrayNode tests = root.putArray("tests");
        for (QuantityResult q : r.quantities()) {
            ObjectNode t = tests.addObject();
            t.put("name", q.quantity().name());
            t.put("score", q.points());
            t.put("max_score", q.maxPoints());
            t.put("status", q.status() == Status.CORRECT ? "passed" : "failed");
            t.put("output", q.status() == Status.CORRECT ? o.messages().get("status.correct")
                    : String.join("\n", Feedback.details(r, q, o)));
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
