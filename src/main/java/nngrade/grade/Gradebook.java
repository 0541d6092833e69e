package nngrade.grade;

import nngrade.problem.Numbers;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.report.Text;
import nngrade.submission.Roster;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The gradebook CSV: one row per student (and per extra file of a student), sorted by id, with
 * the roster's own columns (name, group, email …) after the id. Safe to open in a spreadsheet:
 * a text cell that would start a formula is neutralised.
 */
public final class Gradebook {
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();

    private Gradebook() {
    }

    public static void write(Writer out, Problem p, List<ClassRow> rows) {
        write(out, p, rows, Optional.empty());
    }

    /** With the roster's extra columns after {@code id}: empty for an id not on it. */
    public static void write(Writer out, Problem p, List<ClassRow> rows, Optional<Roster> roster) {
        try (CSVPrinter csv = new CSVPrinter(out, CSV)) {
            List<String> own = new ArrayList<>(List.of("status", "score", "max"));
            for (Quantity q : p.ask()) {
                own.add(q.name());
            }
            own.addAll(List.of("diagnoses", "file", "note"));
            List<String> header = new ArrayList<>(List.of("id"));
            roster.ifPresent(r -> r.extraColumns().forEach(c -> header.add(Text.csvCell(rosterColumn(c, own)))));
            header.addAll(own);
            csv.printRecord(header);
            for (ClassRow r : rows) {
                List<String> cells = new ArrayList<>();
                cells.add(Text.csvCell(r.id()));
                roster.ifPresent(ro -> ro.extrasOf(r.id()).forEach(c -> cells.add(Text.csvCell(c))));
                cells.add(r.status().label());
                cells.add(r.graded() || r.status() == RowStatus.MISSING || r.status() == RowStatus.INVALID
                        ? Numbers.score(r.score()) : "");
                cells.add(Numbers.score(r.maxScore()));
                List<String> diagnoses = new ArrayList<>();
                for (int i = 0; i < p.ask().size(); i++) {
                    cells.add(r.graded() ? Numbers.score(r.points()[i]) : "");
                    if (r.graded() && r.diagnoses()[i] != null) {
                        diagnoses.add(p.ask().get(i).name() + ": " + r.diagnoses()[i]);
                    }
                }
                cells.add(Text.csvCell(String.join("; ", diagnoses)));
                cells.add(Text.csvCell(r.file()));
                cells.add(Text.csvCell(r.note()));
                csv.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A roster column's name in the gradebook: prefixed when the gradebook has a column of that name. */
    static String rosterColumn(String name, List<String> own) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean taken = lower.equals("id") || own.stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).equals(lower));
        return taken ? "roster:" + name : name;
    }

}
