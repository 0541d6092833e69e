package nngrade.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** summary.json: the class statistics for scripts. */
public final class SummaryJson {

    private SummaryJson() {
    }

    public static String render(ClassSummary s) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("problem", s.problem());
        root.put("maxScore", s.maxScore());
        ObjectNode counts = root.putObject("rows");
        s.counts().forEach(counts::put);
        root.put("graded", s.graded());
        root.put("meanScore", round(s.mean()));
        root.put("medianScore", round(s.median()));
        ArrayNode hist = root.putArray("scoreDistribution");
        for (int i = 0; i < s.histogram().length; i++) {
            ObjectNode bin = hist.addObject();
            bin.put("fromPercent", i * 100 / ClassSummary.BINS);
            bin.put("toPercent", (i + 1) * 100 / ClassSummary.BINS);
            bin.put("students", s.histogram()[i]);
        }
        ObjectNode success = root.putObject("quantities");
        s.successRate().forEach((q, rate) -> {
            ObjectNode n = success.putObject(q);
            n.put("correctRate", round(rate));
            n.put("followThroughRate", round(s.followThroughRate().get(q)));
            n.put("meanPoints", round(s.meanPoints().get(q)));
            n.put("maxPoints", s.maxPoints().get(q));
        });
        ArrayNode diagnoses = root.putArray("diagnoses");
        for (Map.Entry<String, Integer> e : s.diagnoses()) {
            String[] parts = e.getKey().split(": ", 2);
            ObjectNode n = diagnoses.addObject();
            n.put("quantity", parts[0]);
            n.put("code", parts[1]);
            n.put("count", e.getValue());
        }
        ArrayNode students = root.putArray("students");
        for (ClassSummary.Student st : s.students()) {
            ObjectNode n = students.addObject();
            n.put("id", st.id());
            if (!st.name().isEmpty()) {
                n.put("name", st.name());
            }
            n.put("status", st.status());
            n.put("score", round(st.score()));
            if (st.report() != null) {
                n.put("report", st.report());
            }
            if (!st.note().isEmpty()) {
                n.put("note", st.note());
            }
            if (st.attention()) {
                n.put("attention", true);
            }
        }
        return Json.pretty(root);
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
