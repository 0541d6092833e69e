package nngrade.report;

import nngrade.check.CheckResult;
import nngrade.check.QuantityResult;
import nngrade.check.Status;
import nngrade.input.InputError;

/** The check report as GitHub-flavoured Markdown (pull-request comments, step summaries). */
public final class CheckMarkdown {
    private CheckMarkdown() {
    }

    public static String render(CheckResult r, ReportOptions o) {
        Messages m = o.messages();
        StringBuilder sb = new StringBuilder();
        sb.append("## ").append(Text.markdown(m.get("title", r.problem(), r.student()))).append("\n\n");
        sb.append("**").append(m.get("score", m.points(r.score()), m.points(r.maxScore()))).append("**\n\n");
        for (String note : r.notes()) {
            sb.append("> ").append(Text.markdown(note)).append("\n\n");
        }
        sb.append("| | ").append(m.get("table.quantity")).append(" | ").append(m.get("table.points")).append(" | |\n|---|---|---|---|\n");
        for (QuantityResult q : r.quantities()) {
            String mark = switch (q.status()) {
                case CORRECT -> "✅";
                case FOLLOW_THROUGH -> "🟡";
                case MISSING -> "⬜";
                default -> "❌";
            };
            sb.append("| ").append(mark).append(" | `").append(Text.oneLine(q.name()).replace("`", "'")).append("` | ")
                    .append(m.get("points", m.points(q.points()), m.points(q.maxPoints()))).append(" | ")
                    .append(q.status() == Status.CORRECT ? "" : m.get("status." + q.status().label())).append(" |\n");
        }
        for (QuantityResult q : r.quantities()) {
            if (q.status() == Status.CORRECT && !o.allCells()) {
                continue;
            }
            sb.append("\n### `").append(Text.oneLine(q.name()).replace("`", "'")).append("`\n\n");
            for (String line : Feedback.details(r, q, o)) {
                sb.append("- ").append(Text.markdown(line.strip())).append('\n');
            }
        }
        if (!r.errors().isEmpty()) {
            sb.append("\n### ").append(m.get("errors")).append("\n\n");
            for (InputError e : r.errors()) {
                sb.append("- ").append(Text.markdown(e.oneLine())).append('\n');
            }
        }
        return sb.toString();
    }
}
