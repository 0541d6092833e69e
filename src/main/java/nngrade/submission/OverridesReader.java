package nngrade.submission;

import nngrade.input.BadInputException;
import nngrade.input.CsvRow;
import nngrade.input.CsvTable;
import nngrade.input.ErrorList;
import nngrade.input.Excerpts;
import nngrade.input.FileKind;
import nngrade.input.InputError;
import nngrade.input.TextFiles;
import nngrade.problem.Numbers;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the teacher's overrides ({@code grade --overrides}): a CSV with the columns id,
 * quantity (an asked quantity, or {@code total}), points and, optionally, reason. Read as
 * rosters are ({@code ;} or {@code ,}, a byte-order mark, blank lines; a decimal comma with
 * {@code ;}), and checked against the problem: a quantity it does not ask, points that are not a
 * number or more than the quantity is worth, the same decision given twice are each one line at
 * their line. Whether an id is in the class is only known once the class is graded, so that is
 * the grade's to say.
 */
public final class OverridesReader {
    private static final String CSV_UTF8 = "(CSV UTF-8 in a spreadsheet's Save As)";
    private static final FileKind FILE = new FileKind("an overrides file", "an overrides file", SubmissionReader.MAX_BYTES,
            "a CSV file " + CSV_UTF8, "is not UTF-8 text; save it as UTF-8 " + CSV_UTF8, true);
    private static final List<String> ID_COLUMNS = List.of("id", "student", "username", "login");
    private static final String HEADER = "id,quantity,points,reason";
    /** The word that sets a student's total rather than one quantity's points. */
    public static final String TOTAL = "total";

    private OverridesReader() {
    }

    /** The overrides in file order. */
    public static List<PointsOverride> read(Path path, Problem p) {
        String source = path.toString();
        return parse(source, TextFiles.readRegular(path, source, FILE), p);
    }

    /** {@link #read} of bytes already read ({@code source} names them in messages). */
    public static List<PointsOverride> parse(String source, byte[] bytes, Problem p) {
        TextFiles.checkText(source, bytes, FILE);
        CsvTable table = CsvTable.parse(source, TextFiles.withoutBom(new String(bytes, StandardCharsets.UTF_8)));
        List<CsvRow> rows = table.rows();
        if (rows.isEmpty()) {
            throw new BadInputException(InputError.inFile(source, "is empty; expected a header " + HEADER));
        }
        CsvRow header = rows.get(0);
        int id = column(header, ID_COLUMNS);
        int quantity = column(header, List.of("quantity"));
        int points = column(header, List.of("points"));
        int reason = column(header, List.of("reason"));
        if (id < 0 || quantity < 0 || points < 0) {
            throw new BadInputException(InputError.atLine(source, header.line(), "expected a header " + HEADER
                    + " (reason may be left out), " + Excerpts.foundHeader(header.cells(), table.delimiter())));
        }
        ErrorList errors = new ErrorList(source);
        List<PointsOverride> overrides = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>(); // id and quantity → the line it was first set on
        for (CsvRow r : rows.subList(1, rows.size())) {
            String student = gradebookId(cell(r, id));
            String name = cell(r, quantity);
            InputError bad = null;
            Quantity q = null;
            if (student.isEmpty()) {
                bad = InputError.atLine(source, r.line(), "the id is empty");
            } else if (name.isEmpty()) {
                bad = InputError.atLine(source, r.line(), "the quantity is empty; expected " + expected(p));
            } else if (!name.equalsIgnoreCase(TOTAL)) {
                q = asked(name, p);
                if (q == null) {
                    bad = InputError.atLine(source, r.line(), "\"" + Excerpts.shown(name) + "\" is not a quantity this "
                            + "problem asks; expected " + expected(p));
                }
            }
            double value = 0;
            if (bad == null) {
                double max = q == null ? p.maxScore() : p.points().of(q);
                String what = q == null ? "the problem" : q.name();
                String text = cell(r, points);
                Numbers.Parsed parsed = Numbers.parse(text);
                if (parsed instanceof Numbers.NotANumber n) {
                    bad = InputError.atLine(source, r.line(), "points: " + n.reason());
                } else {
                    value = ((Numbers.Value) parsed).value() + 0.0; // -0 is 0
                    if (value < 0 || value > max) {
                        bad = InputError.atLine(source, r.line(), "points: " + Excerpts.shown(text) + " is "
                                + (value < 0 ? "negative" : "more than " + what + " is worth") + "; expected 0 to "
                                + Numbers.score(max));
                    }
                }
            }
            if (bad == null) {
                String key = student + "\u0000" + (q == null ? TOTAL : q.name());
                Integer first = seen.putIfAbsent(key, r.line());
                if (first != null) {
                    bad = InputError.atLine(source, r.line(), "\"" + Excerpts.shown(student) + "\" has "
                            + (q == null ? "a total" : q.name()) + " set twice (first on line " + first + ")");
                }
            }
            if (bad != null) {
                errors.add(bad);
            } else {
                overrides.add(new PointsOverride(source, r.line(), student, q == null ? null : q.name(), value,
                        cell(r, reason).replaceAll("\\s+", " ")));
            }
        }
        errors.throwIfAny();
        return List.copyOf(overrides);
    }

    private static int column(CsvRow header, List<String> names) {
        for (int i = 0; i < header.size(); i++) {
            if (names.contains(header.get(i).toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    private static String cell(CsvRow r, int column) {
        return column >= 0 && column < r.size() ? r.get(column) : "";
    }

    /**
     * The id as the gradebook writes it, read back: the gradebook shows an id that a spreadsheet
     * would take for a formula with a leading apostrophe ({@code '=1+1}), and a teacher copies it
     * from there.
     */
    private static String gradebookId(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0 ? cell.substring(1)
                : cell;
    }

    /** The asked quantity a name means: the problem's spelling in any letter case, or a one-layer network's unindexed name. */
    private static Quantity asked(String name, Problem p) {
        Quantity named = QuantityNames.resolve(name, p.quantities()).orElse(null);
        return named != null && p.ask().contains(named) ? named : null;
    }

    private static String expected(Problem p) {
        List<String> names = new ArrayList<>();
        p.ask().forEach(q -> names.add(q.name()));
        return "one of " + String.join(", ", names) + ", or " + TOTAL;
    }
}
