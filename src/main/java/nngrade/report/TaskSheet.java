package nngrade.report;

import nngrade.problem.Layer;
import nngrade.problem.Matrix;
import nngrade.problem.Network;
import nngrade.problem.Numbers;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;

/** A printable task sheet for one student: statement, their given values, what to answer, a template. */
public final class TaskSheet {
    private TaskSheet() {
    }

    public static String markdown(Problem p, String student) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(Text.markdown(p.title())).append("\n\n");
        sb.append("Student: **").append(Text.markdown(student)).append("** · problem `").append(p.id()).append("`\n\n");
        if (!p.statement().isBlank()) {
            sb.append(p.statement().strip()).append("\n\n");
        }
        sb.append("## Network\n\n").append(network(p)).append("\n\n## Given\n\n");
        given(p, (name, m) -> {
            sb.append("`").append(name).append("` (").append(m.shape()).append(")\n\n```\n");
            for (int i = 0; i < m.rows(); i++) {
                StringBuilder row = new StringBuilder();
                for (int j = 0; j < m.cols(); j++) {
                    row.append(j == 0 ? "" : "  ").append(String.format("%8s", Numbers.exact(m.get(i, j))));
                }
                sb.append(row).append('\n');
            }
            sb.append("```\n\n");
        });
        sb.append("## Answer\n\n");
        for (Quantity q : p.ask()) {
            int[] s = p.shapeOf(q);
            sb.append("- `").append(q.name()).append("` ").append(q.equals(Quantity.LOSS) ? "(a number)" : "(" + s[0] + "×" + s[1] + ")")
                    .append(", ").append(p.points().of(q) == 1 ? "1 point" : Numbers.exact(p.points().of(q)) + " points").append('\n');
        }
        sb.append("\nHand in a JSON file like this one (fill in every `null`), or a CSV from `nngrade template`:\n\n```json\n");
        sb.append(SubmissionWriter.json(withStudent(p, student))).append("```\n");
        return sb.toString();
    }

    public static String html(Problem p, String student) {
        StringBuilder sb = new StringBuilder();
        Html.open(sb, "en", p.title() + " · " + student);
        sb.append("<h1>").append(Text.html(p.title())).append("</h1>\n");
        sb.append("<p class=\"who\">").append(Text.html(student)).append(" · ").append(Text.html(p.id())).append("</p>\n");
        if (!p.statement().isBlank()) {
            sb.append("<p>").append(Text.html(p.statement().strip())).append("</p>\n");
        }
        sb.append("<h2>Network</h2>\n<p>").append(Text.html(network(p))).append("</p>\n<h2>Given</h2>\n");
        given(p, (name, m) -> {
            sb.append("<p><span class=\"code\">").append(Text.html(name)).append("</span> (").append(m.shape())
                    .append(")</p>\n<div class=\"wrap\"><table class=\"m\">\n");
            for (int i = 0; i < m.rows(); i++) {
                sb.append("<tr>");
                for (int j = 0; j < m.cols(); j++) {
                    sb.append("<td>").append(Text.html(Numbers.exact(m.get(i, j)))).append("</td>");
                }
                sb.append("</tr>\n");
            }
            sb.append("</table></div>\n");
        });
        sb.append("<h2>Answer</h2>\n<ul>\n");
        for (Quantity q : p.ask()) {
            int[] s = p.shapeOf(q);
            sb.append("<li><span class=\"code\">").append(q.name()).append("</span> ")
                    .append(q.equals(Quantity.LOSS) ? "(a number)" : "(" + s[0] + "×" + s[1] + ")").append("</li>\n");
        }
        sb.append("</ul>\n<p>Hand in a JSON file like this one (fill in every <span class=\"code\">null</span>):</p>\n<pre>")
                .append(Text.html(SubmissionWriter.json(withStudent(p, student)))).append("</pre>\n");
        Html.close(sb);
        return sb.toString();
    }

    private static Answers withStudent(Problem p, String student) {
        Answers blank = Answers.blank(p);
        return new Answers(blank.problem(), student, blank.entries());
    }

    private static String network(Problem p) {
        Network n = p.network();
        StringBuilder sb = new StringBuilder().append(n.inputs()).append(" inputs");
        for (Layer l : n.layers()) {
            sb.append(" → ").append(l.units()).append(' ').append(l.activation().name());
        }
        return sb.append("; loss ").append(n.loss().label()).append(" (").append(n.reduction().label())
                .append(" over ").append(p.samples()).append(p.samples() == 1 ? " sample" : " samples")
                .append("); weights ").append(n.weightLayout().shapeWords()).append("; learning rate η = ")
                .append(Numbers.exact(p.learningRate())).toString();
    }

    private static void given(Problem p, java.util.function.BiConsumer<String, Matrix> each) {
        each.accept("x", p.x());
        each.accept("y", p.y());
        for (int l = 1; l <= p.network().depth(); l++) {
            each.accept("W" + l, p.w(l));
            each.accept("b" + l, p.b(l));
        }
    }
}
