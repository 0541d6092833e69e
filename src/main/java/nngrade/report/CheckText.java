package nngrade.report;

import nngrade.check.CheckResult;
import nngrade.check.QuantityResult;
import nngrade.check.Status;
import nngrade.input.Excerpts;
import nngrade.input.InputError;

/** The check report for a student at a terminal: score, one line per quantity, what to fix. */
public final class CheckText {
    private static final String GREEN = "\u001b[32m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String DIM = "\u001b[2m";
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    private CheckText() {
    }

    public static String render(CheckResult r, ReportOptions o) {
        Messages m = o.messages();
        StringBuilder sb = new StringBuilder();
        sb.append(paint(o, BOLD, m.get("title", Excerpts.escaped(r.problem()), Excerpts.escaped(r.student())))).append('\n');
        sb.append(paint(o, BOLD, m.get("score", m.points(r.score()), m.points(r.maxScore())))).append("\n\n");
        for (String note : r.notes()) {
            sb.append(paint(o, YELLOW, Text.oneLine(note))).append("\n\n");
        }
        int width = r.quantities().stream().mapToInt(q -> q.name().length()).max().orElse(4);
        for (QuantityResult q : r.quantities()) {
            quantity(sb, r, q, width, o);
        }
        if (!r.errors().isEmpty()) {
            sb.append('\n').append(m.get("errors")).append('\n');
            for (InputError e : r.errors()) {
                sb.append("  ").append(Text.oneLine(e.oneLine())).append('\n');
            }
        }
        sb.append('\n').append(r.allCorrect() ? m.get("all.correct") : !r.graded() ? m.get("unreadable.hint")
                : m.get("exit.hint")).append('\n');
        return sb.toString();
    }

    private static void quantity(StringBuilder sb, CheckResult r, QuantityResult q, int width, ReportOptions o) {
        Messages m = o.messages();
        String mark = switch (q.status()) {
            case CORRECT -> paint(o, GREEN, "✓");
            case FOLLOW_THROUGH -> paint(o, YELLOW, "≈");
            case MISSING -> paint(o, DIM, "–");
            default -> paint(o, RED, "✗");
        };
        sb.append("  ").append(mark).append(' ').append(Text.oneLine(q.name()))
                .append(" ".repeat(Math.max(0, width - q.name().length()))).append("  ")
                .append(m.get("points", m.points(q.points()), m.points(q.maxPoints())));
        if (q.status() != Status.CORRECT) {
            sb.append("  ").append(m.get("status." + q.status().label()));
        }
        sb.append('\n');
        for (String line : Feedback.details(r, q, o)) {
            sb.append("      ").append(line).append('\n');
        }
    }

    private static String paint(ReportOptions o, String code, String text) {
        return o.color() ? code + text + RESET : text;
    }
}
