package nngrade.report;

import nngrade.check.CellResult;
import nngrade.check.CheckResult;
import nngrade.check.QuantityResult;
import nngrade.check.Status;
import nngrade.input.InputError;
import nngrade.problem.Matrix;

import java.util.HashMap;
import java.util.Map;

/**
 * A student's report as one self-contained HTML page: each answer as a matrix with the wrong
 * cells highlighted, and the diagnosis and hint beside it.
 */
public final class CheckHtml {
    private CheckHtml() {
    }

    public static String render(CheckResult r, ReportOptions o) {
        Messages m = o.messages();
        StringBuilder sb = new StringBuilder();
        String title = m.get("title", r.problem(), r.student());
        Html.open(sb, m.lang().name(), title);
        sb.append("<h1>").append(Text.html(r.problemSpec().title())).append("</h1>\n");
        sb.append("<p class=\"who\">").append(Text.html(r.student())).append(" · ").append(Text.html(r.problem()))
                .append("</p>\n");
        sb.append("<p class=\"score\" id=\"score\">").append(Text.html(m.get("score", m.points(r.score()),
                m.points(r.maxScore())))).append("</p>\n");
        if (!r.errors().isEmpty()) {
            sb.append("<section class=\"q invalid\"><h2>").append(Text.html(m.get("errors"))).append("</h2><ul class=\"fb\">\n");
            for (InputError e : r.errors()) {
                sb.append("<li>").append(Text.html(e.oneLine())).append("</li>\n");
            }
            sb.append("</ul></section>\n");
        }
        for (QuantityResult q : r.quantities()) {
            quantity(sb, r, q, o);
        }
        Html.close(sb);
        return sb.toString();
    }

    private static void quantity(StringBuilder sb, CheckResult r, QuantityResult q, ReportOptions o) {
        Messages m = o.messages();
        String mark = switch (q.status()) {
            case CORRECT -> "✓";
            case FOLLOW_THROUGH -> "≈";
            case MISSING -> "–";
            default -> "✗";
        };
        sb.append("<section class=\"q ").append(q.status().label()).append("\" id=\"q-").append(Text.html(q.quantity().name()))
                .append("\">\n<h2><span class=\"mark\">").append(mark).append("</span> <span class=\"code\">")
                .append(Text.html(q.name())).append("</span> <span class=\"pts\">")
                .append(Text.html(m.get("points", m.points(q.points()), m.points(q.maxPoints()))));
        if (q.status() != Status.CORRECT) {
            sb.append(" · ").append(Text.html(m.get("status." + q.status().label())));
        }
        sb.append("</span></h2>\n");
        if (q.submitted() != null) {
            matrix(sb, q, o);
        }
        var lines = Feedback.explanation(r, q, m);
        if (!q.ownMisses().isEmpty()) {
            lines = new java.util.ArrayList<>(lines);
            lines.addAll(0, Feedback.cellLines(q, o));
        }
        if (!lines.isEmpty()) {
            sb.append("<ul class=\"fb\">\n");
            for (String line : lines) {
                sb.append("<li>").append(Text.html(line.strip())).append("</li>\n");
            }
            sb.append("</ul>\n");
        }
        sb.append("</section>\n");
    }

    private static void matrix(StringBuilder sb, QuantityResult q, ReportOptions o) {
        Messages m = o.messages();
        Matrix s = q.submitted();
        Map<Integer, CellResult> wrong = new HashMap<>();
        for (CellResult c : q.wrongCells()) {
            wrong.put((c.row() - 1) * s.cols() + (c.col() - 1), c);
        }
        sb.append("<div class=\"wrap\"><table class=\"m\">\n");
        for (int i = 0; i < s.rows(); i++) {
            sb.append("<tr>");
            for (int j = 0; j < s.cols(); j++) {
                CellResult c = q.shapeMatches() ? wrong.get(i * s.cols() + j) : null;
                String value = Text.html(m.exact(s.get(i, j)));
                if (c == null) {
                    sb.append("<td>").append(value).append("</td>");
                } else if (o.hideExpected()) {
                    sb.append("<td class=\"bad\">").append(value).append("</td>");
                } else {
                    sb.append("<td class=\"bad\">").append(value).append("<small>")
                            .append(Text.html(m.number(c.expected()))).append("</small></td>");
                }
            }
            sb.append("</tr>\n");
        }
        sb.append("</table></div>\n");
    }
}
