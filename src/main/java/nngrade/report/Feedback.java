package nngrade.report;

import nngrade.check.CellResult;
import nngrade.check.QuantityResult;
import nngrade.check.Status;
import nngrade.problem.Quantity;

import java.util.ArrayList;
import java.util.List;

/** The lines of feedback on a quantity, shared by the text, Markdown and JSON reports. */
final class Feedback {
    private Feedback() {
    }

    /** Cell lines, then the explanation: what a student reads under a quantity. */
    static List<String> details(QuantityResult q, ReportOptions o) {
        List<String> out = new ArrayList<>(cellLines(q, o));
        out.addAll(explanation(q, o.messages()));
        return out;
    }

    /** What is wrong and what to re-check, without cell values; empty for a correct answer. */
    static List<String> explanation(QuantityResult q, Messages m) {
        List<String> out = new ArrayList<>();
        switch (q.status()) {
            case CORRECT -> {
                return out;
            }
            case MISSING -> {
                out.add(q.quantity().equals(Quantity.LOSS) ? m.get("missing.scalar", q.name())
                        : m.get("missing", q.expected().shape(), q.name()));
                return out;
            }
            case INVALID -> {
                if (q.submitted() == null) {
                    out.add(m.get("unreadable"));
                    for (String p : q.problems()) {
                        out.add("  " + Text.oneLine(p));
                    }
                } else {
                    out.add(m.get("shape", Text.oneLine(q.name()), q.submitted().shape(), q.expected().shape()));
                }
            }
            default -> {
                if (!q.shapeMatches()) {
                    out.add(m.get("shape.transposed", Text.oneLine(q.name()), q.submitted().shape(), q.expected().shape()));
                }
            }
        }
        if (q.status() == Status.FOLLOW_THROUGH) {
            out.add(m.get("carried", String.join(", ", q.carriedFrom()), m.points(q.points())));
        }
        out.add(m.get("hint", q.formula()) + "  (" + m.get("tolerance", q.tolerance().describe()) + ")");
        return out;
    }

    /** The wrong cells (every cell with --all-cells), at most a few unless all are asked for. */
    static List<String> cellLines(QuantityResult q, ReportOptions o) {
        List<String> out = new ArrayList<>();
        if (!q.shapeMatches() || (q.status() == Status.CORRECT && !o.allCells())) {
            return out;
        }
        Messages m = o.messages();
        List<CellResult> cells = o.allCells() ? q.cells() : q.wrongCells();
        boolean scalar = q.expected().size() == 1;
        int shown = 0;
        for (CellResult c : cells) {
            if (!o.allCells() && shown == ReportOptions.MAX_CELLS_SHOWN) {
                out.add(m.get("more.cells", cells.size() - shown));
                break;
            }
            String mark = o.allCells() ? (c.correct() ? "✓ " : "✗ ") : "";
            String s = m.exact(c.submitted());
            String line;
            if (scalar) {
                line = o.hideExpected() ? m.get("cell.scalar.hidden", s) : m.get("cell.scalar", s, m.number(c.expected()));
            } else {
                line = o.hideExpected() ? m.get("cell.hidden", c.row(), c.col(), s)
                        : m.get("cell", c.row(), c.col(), s, m.number(c.expected()));
            }
            out.add(mark + line);
            shown++;
        }
        return out;
    }
}
