package nngrade.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nngrade.check.CellResult;
import nngrade.check.CheckResult;
import nngrade.check.QuantityResult;
import nngrade.input.InputError;

import java.util.List;

/** The spec's check report as JSON. Field order is fixed, so equal results give equal bytes. */
public final class CheckJson {

    private CheckJson() {
    }

    public static String render(CheckResult r, ReportOptions o) {
        return Json.pretty(tree(r, o));
    }

    public static ObjectNode tree(CheckResult r, ReportOptions o) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("problem", r.problem());
        root.put("student", r.student());
        root.put("status", r.status());
        root.put("score", round(r.score()));
        root.put("maxScore", round(r.maxScore()));
        ArrayNode errors = root.putArray("errors");
        for (InputError e : r.errors()) {
            ObjectNode n = errors.addObject();
            n.put("file", e.file());
            if (e.line() > 0) {
                n.put("line", e.line());
            }
            if (e.field() != null) {
                n.put("field", e.field());
            }
            n.put("message", e.message());
        }
        if (!r.notes().isEmpty()) {
            ArrayNode notes = root.putArray("notes");
            r.notes().forEach(notes::add);
        }
        ArrayNode qs = root.putArray("quantities");
        for (QuantityResult q : r.quantities()) {
            ObjectNode n = qs.addObject();
            n.put("name", q.name());
            n.put("status", q.status().label());
            n.put("passed", q.passed());
            n.put("points", round(q.points()));
            n.put("maxPoints", round(q.maxPoints()));
            ArrayNode d = n.putArray("diagnoses");
            q.diagnoses().forEach(d::add);
            String message = message(r, q, o);
            if (message != null) {
                n.put("message", message);
            }
            if (!q.carriedFrom().isEmpty()) {
                ArrayNode c = n.putArray("carriedFrom");
                q.carriedFrom().forEach(c::add);
            }
            if (!q.ownMisses().isEmpty()) {
                ArrayNode own = n.putArray("followThroughCells");
                for (CellResult c : q.ownMisses()) {
                    ObjectNode cn = own.addObject();
                    cn.put("row", c.row());
                    cn.put("col", c.col());
                    cn.put("submitted", c.submitted());
                    if (!o.hideExpected()) {
                        cn.put("expected", c.expected());
                    }
                    cn.put("correct", false);
                }
            }
            n.put("formula", o.messages().formula(r.problemSpec(), q.quantity()));
            n.put("tolerance", o.messages().tolerance(q.tolerance()));
            if (q.submitted() != null && !q.shapeMatches()) {
                n.put("shape", q.submitted().shape());
                n.put("expectedShape", q.expected().shape());
            }
            if (!q.problems().isEmpty()) {
                ArrayNode p = n.putArray("problems");
                q.problems().forEach(p::add);
            }
            ArrayNode cells = n.putArray("cells");
            List<CellResult> shown = o.allCells() ? q.cells() : q.wrongCells();
            for (CellResult c : shown) {
                ObjectNode cn = cells.addObject();
                cn.put("row", c.row());
                cn.put("col", c.col());
                cn.put("submitted", c.submitted());
                if (!o.hideExpected()) {
                    cn.put("expected", c.expected());
                }
                cn.put("correct", c.correct());
            }
        }
        return root;
    }

    /** The feedback on a quantity that is not simply correct, as one paragraph. */
    static String message(CheckResult r, QuantityResult q, ReportOptions o) {
        List<String> lines = Feedback.explanation(r, q, o.messages());
        return lines.isEmpty() ? null : String.join(" ", lines.stream().map(String::strip).toList());
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
