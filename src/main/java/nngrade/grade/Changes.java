package nngrade.grade;

import nngrade.problem.Numbers;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.report.Text;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a regrade changed (changes.csv): the counted row of each id in the previous gradebook
 * against this run's, a line per difference. Per id, sorted by id as the gradebook writes it:
 * {@code status} when the status changed (missing → graded; "" for an id one side lacks), each
 * asked quantity whose points changed where both rows have points, in the problem's order, and
 * {@code total} when the score changed. Values are compared as the gradebook writes them
 * (rounded to 4 decimals), so a difference in the 10th decimal is none. Pure.
 */
public final class Changes {
    static final List<String> HEADER = List.of("id", "quantity", "old", "new", "change");
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();

    private Changes() {
    }

    /**
     * One line of changes.csv.
     *
     * @param change new − old, where both are numbers; "" otherwise
     */
    public record Change(String id, String quantity, String old, String now, String change) {
    }

    /** A value as the gradebook shows it, as a number again. */
    static double rounded(double v) {
        return Double.parseDouble(Numbers.score(v));
    }

    /**
     * The differences, in changes.csv's order.
     *
     * @param previous the previous gradebook's counted rows ({@link PreviousGradebook#read}); none: nothing to compare
     * @param rows     this run's gradebook rows
     */
    public static List<Change> between(Optional<Map<String, PreviousGradebook.Counted>> previous, Problem p,
                                       List<ClassRow> rows) {
        if (previous.isEmpty()) {
            return List.of();
        }
        Map<String, PreviousGradebook.Counted> before = previous.get();
        Map<String, PreviousGradebook.Counted> after = counted(p, rows);
        TreeSet<String> ids = new TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (String id : ids) {
            PreviousGradebook.Counted o = before.get(id);
            PreviousGradebook.Counted n = after.get(id);
            String os = o == null ? "" : o.status();
            String ns = n == null ? "" : n.status();
            if (!os.equals(ns)) {
                changes.add(new Change(id, "status", os, ns, ""));
            }
            if (o != null && n != null) {
                for (Quantity q : p.ask()) {
                    Double ov = o.points().get(q.name());
                    Double nv = n.points().get(q.name());
                    if (ov != null && nv != null && !ov.equals(nv)) {
                        changes.add(number(id, q.name(), ov, nv));
                    }
                }
            }
            Double ot = o == null ? null : o.score();
            Double nt = n == null ? null : n.score();
            if (ot != null && nt != null) {
                if (!ot.equals(nt)) {
                    changes.add(number(id, "total", ot, nt));
                }
            } else if (ot != null || nt != null) {
                changes.add(new Change(id, "total", ot == null ? "" : Numbers.score(ot), nt == null ? "" : Numbers.score(nt), ""));
            }
        }
        return changes;
    }

    private static Change number(String id, String quantity, double old, double now) {
        return new Change(id, quantity, Numbers.score(old), Numbers.score(now), Numbers.score(now - old));
    }

    /** This run's counted rows, as {@link PreviousGradebook} reads them from a gradebook. */
    private static Map<String, PreviousGradebook.Counted> counted(Problem p, List<ClassRow> rows) {
        Map<String, PreviousGradebook.Counted> counted = new LinkedHashMap<>();
        for (ClassRow r : rows) {
            if (r.status() == RowStatus.DUPLICATE) {
                continue;
            }
            Map<String, Double> points = new LinkedHashMap<>();
            if (r.graded()) {
                for (int i = 0; i < p.ask().size(); i++) {
                    points.put(p.ask().get(i).name(), rounded(r.points()[i]));
                }
            }
            counted.putIfAbsent(Text.csvCell(r.id()), new PreviousGradebook.Counted(r.status().label(), rounded(r.score()),
                    points));
        }
        return counted;
    }

    /**
     * changes.csv: the header, then a line per change. Text cells (ids, quantity names, statuses)
     * are guarded against formulas; numbers are written as numbers (a change of −2 is −2).
     */
    public static String csv(List<Change> changes) {
        StringWriter w = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(w, CSV)) {
            csv.printRecord(HEADER);
            for (Change c : changes) {
                boolean numbers = !c.quantity().equals("status");
                csv.printRecord(Text.csvCell(c.id()), Text.csvCell(c.quantity()), numbers ? c.old() : Text.csvCell(c.old()),
                        numbers ? c.now() : Text.csvCell(c.now()), c.change());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.toString();
    }
}
