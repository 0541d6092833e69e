package nngrade.report;

import nngrade.check.CellResult;
import nngrade.check.CheckResult;
import nngrade.check.QuantityResult;
import nngrade.check.Status;
import nngrade.input.InputError;
import nngrade.problem.Matrix;
import nngrade.report.html.JtecheckGenerated;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A student's report as one self-contained HTML page (template src/main/jte/check.jte): each
 * answer as a matrix with the wrong cells highlighted, and the diagnosis and hint beside it.
 */
public final class CheckHtml {
    private CheckHtml() {
    }

    /** What the report shows, every text as it is: the template escapes. */
    public record Page(String lang, String title, String heading, String student, String problem, String score,
                       List<String> notes, String errorsHeading, List<String> errors, List<Section> sections) {
    }

    /**
     * One asked quantity.
     *
     * @param status     its CSS class, the status's label
     * @param statusText the status in words, null when correct (no need to say so beside the tick)
     * @param rows       the submitted matrix, null when not answered
     */
    public record Section(String status, String id, String mark, String name, String points, String statusText,
                          List<List<Cell>> rows, List<String> feedback) {
    }

    /**
     * @param wrong    its CSS class: "bad" for a wrong cell, "carried" for one that differs from the key
     *                 in an answer carried forward with every point earned (not a mistake), else null
     * @param expected what the cell should hold, null when it is right or expected values are hidden
     */
    public record Cell(String value, String wrong, String expected) {
    }

    public static String render(CheckResult r, ReportOptions o) {
        PageOutput out = new PageOutput();
        JtecheckGenerated.render(out, null, page(r, o));
        return out.toString();
    }

    /** What the report shows, for a page of its own or one that holds it (the served attempt page). */
    public static Page page(CheckResult r, ReportOptions o) {
        Messages m = o.messages();
        List<String> errors = new ArrayList<>(r.errors().size());
        for (InputError e : r.errors()) {
            errors.add(e.oneLine());
        }
        List<Section> sections = new ArrayList<>(r.quantities().size());
        for (QuantityResult q : r.quantities()) {
            sections.add(section(r, q, o));
        }
        return new Page(m.lang().name(), m.get("title", r.problem(), r.student()), r.problemSpec().title(),
                r.student(), r.problem(), m.get("score", m.points(r.score()), m.points(r.maxScore())),
                r.notes(), m.get("errors"), errors, sections);
    }

    private static Section section(CheckResult r, QuantityResult q, ReportOptions o) {
        Messages m = o.messages();
        String mark = switch (q.status()) {
            case CORRECT -> "✓";
            case FOLLOW_THROUGH -> "≈";
            case MISSING -> "–";
            default -> "✗";
        };
        List<String> lines = new ArrayList<>();
        if (!q.ownMisses().isEmpty()) {
            lines.addAll(Feedback.cellLines(q, o));
        }
        lines.addAll(Feedback.explanation(r, q, m));
        lines.replaceAll(String::strip);
        return new Section(q.status().label(), q.quantity().name(), mark, q.name(),
                m.get("points", m.points(q.points()), m.points(q.maxPoints())),
                q.status() == Status.CORRECT ? null : m.get("status." + q.status().label()),
                q.submitted() == null ? null : rows(q, o), lines);
    }

    private static List<List<Cell>> rows(QuantityResult q, ReportOptions o) {
        Messages m = o.messages();
        Matrix s = q.submitted();
        String differs = q.passed() ? "carried" : "bad";
        Map<Integer, CellResult> wrong = new HashMap<>();
        for (CellResult c : q.wrongCells()) {
            wrong.put((c.row() - 1) * s.cols() + (c.col() - 1), c);
        }
        List<List<Cell>> rows = new ArrayList<>(s.rows());
        for (int i = 0; i < s.rows(); i++) {
            List<Cell> row = new ArrayList<>(s.cols());
            for (int j = 0; j < s.cols(); j++) {
                CellResult c = q.shapeMatches() ? wrong.get(i * s.cols() + j) : null;
                String value = m.exact(s.get(i, j));
                if (c == null) {
                    row.add(new Cell(value, null, null));
                } else {
                    // a carried-forward answer is right by the student's own values: the key's number
                    // under it would read as a correction
                    row.add(new Cell(value, differs, o.hideExpected() || q.passed() ? null : m.number(c.expected())));
                }
            }
            rows.add(row);
        }
        return rows;
    }
}
