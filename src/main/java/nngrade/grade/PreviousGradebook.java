package nngrade.grade;

import nngrade.input.BadInputException;
import nngrade.input.CsvRow;
import nngrade.input.CsvTable;
import nngrade.input.Excerpts;
import nngrade.input.InputError;
import nngrade.problem.Numbers;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The gradebook an earlier run left in {@code --out}, read back to tell what a regrade changed
 * ({@link Changes}): the row that counts of each id (any status but duplicate), with its status,
 * score and per-quantity points. Columns are found by name, so columns added since (or a
 * roster's name and group) do not matter; a spreadsheet's re-save ({@code ;}, decimal commas, a
 * byte-order mark) is read too. Anything else that is not as nngrade writes it is one located
 * error: the run then compares nothing, and says so.
 */
final class PreviousGradebook {
    private static final Set<String> STATUSES = new TreeSet<>();

    static {
        for (RowStatus s : RowStatus.values()) {
            STATUSES.add(s.label());
        }
    }

    private PreviousGradebook() {
    }

    /**
     * One id's counted row, as {@link Changes} compares it: values rounded as the gradebook writes them.
     *
     * @param score  null when the cell was empty
     * @param points per asked quantity with a number in its cell (none for a row that was not graded)
     */
    record Counted(String status, Double score, Map<String, Double> points) {
    }

    /**
     * The counted rows by id, ids as the gradebook writes them ({@code '=1+1}).
     *
     * @param quantities the quantities this run asks: the columns looked for
     */
    static Map<String, Counted> read(String source, String text, List<String> quantities) {
        CsvTable table = CsvTable.parse(source, text);
        List<CsvRow> rows = table.rows();
        if (rows.isEmpty()) {
            throw new BadInputException(InputError.inFile(source, "is empty"));
        }
        CsvRow header = rows.get(0);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = header.size() - 1; i >= 0; i--) {
            columns.put(header.get(i), i); // the first of a repeated name wins
        }
        Integer id = column(header, "id");
        Integer status = column(header, "status");
        Integer score = column(header, "score");
        if (id == null || status == null || score == null) {
            throw new BadInputException(InputError.atLine(source, header.line(), "expected a gradebook's header (id, "
                    + "status, score, …), found \"" + Excerpts.shown(String.join(String.valueOf(table.delimiter()),
                    header.cells())) + "\""));
        }
        Map<String, Counted> counted = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        for (CsvRow r : rows.subList(1, rows.size())) {
            String who = cell(r, id);
            String what = cell(r, status);
            if (who.isEmpty()) {
                throw new BadInputException(InputError.atLine(source, r.line(), "the id is empty"));
            }
            if (!STATUSES.contains(what)) {
                throw new BadInputException(InputError.atLine(source, r.line(), "status: \"" + Excerpts.shown(what)
                        + "\" is not one of " + String.join(", ", STATUSES)));
            }
            if (what.equals(RowStatus.DUPLICATE.label())) {
                continue;
            }
            Integer first = lines.putIfAbsent(who, r.line());
            if (first != null) {
                throw new BadInputException(InputError.atLine(source, r.line(), "\"" + Excerpts.shown(who)
                        + "\" has a second row that counts (the first is on line " + first + ")"));
            }
            Map<String, Double> points = new LinkedHashMap<>();
            for (String q : quantities) {
                Integer c = columns.get(q);
                Double v = c == null ? null : number(source, r, c, q);
                if (v != null) {
                    points.put(q, v);
                }
            }
            counted.put(who, new Counted(what, number(source, r, score, "score"), points));
        }
        return counted;
    }

    /** A column by its name in any letter case (a spreadsheet may have capitalised it). */
    private static Integer column(CsvRow header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).toLowerCase(Locale.ROOT).equals(name)) {
                return i;
            }
        }
        return null;
    }

    private static String cell(CsvRow r, int column) {
        return column < r.size() ? r.get(column) : "";
    }

    /** The cell's number rounded as the gradebook writes it, or null for an empty cell. */
    private static Double number(String source, CsvRow r, int column, String name) {
        String text = cell(r, column);
        if (text.isEmpty()) {
            return null;
        }
        if (Numbers.parse(text) instanceof Numbers.Value v) {
            return Changes.rounded(v.value());
        }
        throw new BadInputException(InputError.atLine(source, r.line(), name + ": \"" + Excerpts.shown(text)
                + "\" is not a number"));
    }
}
