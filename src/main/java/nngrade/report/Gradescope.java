package nngrade.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nngrade.check.CheckResult;
import nngrade.check.QuantityResult;
import nngrade.check.Status;
import nngrade.input.InputError;


/** Gradescope's results.json for one submission: score, max_score and a test per quantity. */
public final class Gradescope {

    private Gradescope() {
    }

    public static String render(CheckResult r, ReportOptions o) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("score", r.score());
        root.put("max_score", r.maxScore());
        root.put("visibility", "visible");
        StringBuilder sb = new StringBuilder();
        for (String note : r.notes()) { // a variant code of another's, points changed by the teacher
            sb.append(note).append('\n');
        }
        if (!r.graded()) {
            for (InputError e : r.errors()) {
                sb.append(e.oneLine()).append('\n');
            }
        }
        if (!r.graded() || !sb.isEmpty()) {
            root.put("output", sb.toString());
        }
        ArrayNode tests = root.putArray("tests");
        for (QuantityResult q : r.quantities()) {
            ObjectNode t = tests.addObject();
            t.put("name", q.quantity().name());
            t.put("score", q.points());
            t.put("max_score", q.maxPoints());
            t.put("status", q.passed() ? "passed" : "failed");
            t.put("output", q.status() == Status.CORRECT ? o.messages().get("status.correct")
                    : String.join("\n", Feedback.details(r, q, o)));
        }
        return Json.pretty(root);
    }
}
