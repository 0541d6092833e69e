package nngrade.grade;

import nngrade.check.CheckResult;
import nngrade.check.QuantityResult;
import nngrade.input.Excerpts;
import nngrade.input.InputError;
import nngrade.problem.Numbers;
import nngrade.report.Messages;
import nngrade.submission.PointsOverride;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The teacher's overrides of a class run ({@code --overrides}), as a value: applied to each
 * graded file of their student before its reports are rendered, so that the report, the
 * gradebook, JUnit XML and Gradescope all show the same points. A quantity's points are
 * replaced (its marks and feedback stay: the answer is what it was, the teacher credits it
 * otherwise), then a total, if given, replaces the score. Pure: no files, no printing.
 */
public final class Overrides {
    public static final Overrides NONE = new Overrides(List.of());

    private final List<PointsOverride> all;
    private final Map<String, List<PointsOverride>> byId = new HashMap<>();

    private Overrides(List<PointsOverride> all) {
        this.all = List.copyOf(all);
        for (PointsOverride o : this.all) {
            byId.computeIfAbsent(o.id(), k -> new ArrayList<>()).add(o);
        }
    }

    /** The overrides as read ({@code OverridesReader}): at most one per student and quantity, one total per student. */
    public static Overrides of(List<PointsOverride> overrides) {
        return overrides.isEmpty() ? NONE : new Overrides(overrides);
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    /**
     * A grading with its student's overrides applied.
     *
     * @param result the grading as the reports show it, a note per change in the report's language
     * @param notes  the same changes for the gradebook's note ({@code override: dW1 0 → 2: reason})
     */
    public record Applied(CheckResult result, List<String> notes) {
    }

    /**
     * {@code r} with the overrides of {@code r.student()} applied: quantities in the problem's
     * order, then the total. A file that could not be read has no points to change and is left
     * as it is ({@link #unapplied} says so).
     */
    public Applied apply(CheckResult r, Messages m) {
        List<PointsOverride> mine = byId.get(r.student());
        if (mine == null || !r.graded()) {
            return new Applied(r, List.of());
        }
        List<QuantityResult> quantities = new ArrayList<>(r.quantities());
        List<String> reportNotes = new ArrayList<>(r.notes());
        List<String> notes = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < quantities.size(); i++) {
            QuantityResult q = quantities.get(i);
            for (PointsOverride o : mine) {
                if (!o.total() && o.quantity().equals(q.quantity().name())) {
                    reportNotes.add(reportNote(m, q.quantity().name(), q.points(), o));
                    notes.add(gradebookNote(q.quantity().name(), q.points(), o));
                    quantities.set(i, q.withPoints(o.points()));
                    changed = true;
                }
            }
        }
        double score = r.score();
        if (changed) {
            score = 0;
            for (QuantityResult q : quantities) {
                score += q.points();
            }
        }
        for (PointsOverride o : mine) {
            if (o.total()) {
                reportNotes.add(reportNote(m, m.get("override.total"), score, o));
                notes.add(gradebookNote("total", score, o));
                score = o.points();
            }
        }
        CheckResult out = new CheckResult(r.problemSpec(), r.problem(), r.student(), r.source(), true, score, r.maxScore(),
                r.errors(), quantities, reportNotes);
        return new Applied(out, notes);
    }

    private static String reportNote(Messages m, String what, double before, PointsOverride o) {
        return o.reason().isEmpty() ? m.get("note.override", what, m.points(before), m.points(o.points()))
                : m.get("note.override.reason", what, m.points(before), m.points(o.points()), o.reason());
    }

    private static String gradebookNote(String what, double before, PointsOverride o) {
        return "override: " + what + " " + Numbers.score(before) + " → " + Numbers.score(o.points())
                + (o.reason().isEmpty() ? "" : ": " + o.reason());
    }

    /**
     * A warning per override that the gradebook does not show, in file order: its student is
     * not in the class, handed in nothing, or the file that counts could not be read (then
     * there are no points to change: the teacher grades it by hand).
     *
     * @param rows the final gradebook rows
     */
    public List<String> unapplied(List<ClassRow> rows) {
        if (all.isEmpty()) {
            return List.of();
        }
        Map<String, ClassRow> counted = new HashMap<>();
        for (ClassRow r : rows) {
            if (r.status() != RowStatus.DUPLICATE) {
                counted.putIfAbsent(r.id(), r);
            }
        }
        List<String> warnings = new ArrayList<>();
        for (PointsOverride o : all) {
            ClassRow r = counted.get(o.id());
            String why = r == null ? "no student \"" + Excerpts.shown(o.id()) + "\" in this class"
                    : r.status() == RowStatus.MISSING ? o.id() + " handed in nothing"
                    : r.status() == RowStatus.INVALID ? o.id() + "'s file could not be read, so it has no points to change"
                    : null;
            if (why != null) {
                warnings.add(InputError.atLine(o.source(), o.line(), why + ": not applied").oneLine()); // one line, whatever the id holds
            }
        }
        return warnings;
    }
}
