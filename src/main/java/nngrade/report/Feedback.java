package nngrade.report;

import nngrade.check.CellResult;
import nngrade.check.CheckResult;
import nngrade.check.QuantityResult;
import nngrade.check.Status;
import nngrade.check.diagnosis.Diagnoser;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;

import java.util.ArrayList;
import java.util.List;

/** The lines of feedback on a quantity, shared by the text, Markdown and JSON reports. */
final class Feedback {
    private Feedback() {
    }

    /** Cell lines, then the explanation: what a student reads under a quantity. */
    static List<String> details(CheckResult r, QuantityResult q, ReportOptions o) {
        List<String> out = new ArrayList<>(cellLines(q, o));
        out.addAll(explanation(r, q, o.messages()));
        return out;
    }

    /** What is wrong and what to re-check, without cell values; empty for a correct answer. */
    static List<String> explanation(CheckResult r, QuantityResult q, Messages m) {
        List<String> out = new ArrayList<>();
        String name = Text.oneLine(q.name());
        switch (q.status()) {
            case CORRECT -> {
                return out;
            }
            case MISSING -> {
                out.add(q.quantity().isScalar() ? m.get("missing.scalar", name)
                        : m.get("missing", q.expected().shape(), name));
                return out;
            }
            case INVALID -> {
                if (q.submitted() == null) {
                    out.add(m.get("unreadable"));
                    for (String p : q.problems()) {
                        out.add("  " + Text.oneLine(p));
                    }
                }
            }
            default -> {
            }
        }
        for (String code : q.diagnoses()) {
            out.add(diagnosis(r.problemSpec(), q, code, m));
        }
        if (!q.diagnoses().isEmpty() && !q.carriedFrom().isEmpty()) {
            out.add(m.get("diagnosis.own", String.join(", ", q.carriedFrom())));
        }
        if (q.status() == Status.FOLLOW_THROUGH) {
            out.add(m.get("carried", String.join(", ", q.carriedFrom()), m.points(q.points()), m.count(q.maxPoints())));
        }
        if (q.diagnoses().isEmpty() && q.status() != Status.FOLLOW_THROUGH) {
            out.add(m.get("hint", m.formula(r.problemSpec(), q.quantity())) + "  (" + m.get("tolerance", m.tolerance(q.tolerance())) + ")");
        }
        return out;
    }

    private static String diagnosis(Problem p, QuantityResult q, String code, Messages m) {
        Quantity quantity = q.quantity();
        if (quantity.kind().graph()) { // no layers, activation or loss: the messages of a graph use {0}, {1}, {6}
            return m.get(Diagnoser.messageKey(code, p, quantity), Text.oneLine(q.name()), m.formula(p, quantity),
                    p.samples(), m.exact(p.learningRate()), "", "", m.tolerance(q.tolerance()),
                    q.submitted() == null ? "" : q.submitted().shape(), q.expected().shape(), "", "", 0, "0");
        }
        int l = quantity.kind() == Quantity.Kind.YHAT || quantity.kind() == Quantity.Kind.LOSS
                ? p.network().depth() : quantity.layer();
        return m.get(Diagnoser.messageKey(code, p, quantity), Text.oneLine(q.name()), m.formula(p, quantity), p.samples(),
                m.exact(p.learningRate()), m.words().shape(p.network().weightLayout()), "W" + quantity.layer(),
                m.tolerance(q.tolerance()), q.submitted() == null ? "" : q.submitted().shape(), q.expected().shape(),
                p.network().layer(l).activation().name(), m.words().loss(p.network().loss()), l, m.exact(p.l2()));
    }

    /** The wrong cells (every cell with --all-cells), at most a few unless all are asked for. */
    static List<String> cellLines(QuantityResult q, ReportOptions o) {
        List<String> out = new ArrayList<>();
        // A carried-forward answer is right by the student's own earlier answers: its cells
        // differ from the key only because of those, which their own feedback explains.
        boolean right = q.status() == Status.CORRECT || q.status() == Status.FOLLOW_THROUGH;
        if (!q.shapeMatches() || (right && !o.allCells())) {
            return out;
        }
        Messages m = o.messages();
        if (!q.ownMisses().isEmpty() && !o.allCells()) {
            String from = String.join(", ", q.carriedFrom());
            out.add(m.get("own.except", from));
            for (CellResult c : q.ownMisses()) {
                out.add("  " + (o.hideExpected() ? m.get("cell.hidden", c.row(), c.col(), m.exact(c.submitted()))
                        : m.get("own.cell", c.row(), c.col(), m.exact(c.submitted()), from, m.number(c.expected()))));
            }
            return out;
        }
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
