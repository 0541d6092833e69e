package nngrade.grade;

import nngrade.check.Status;
import nngrade.input.CsvSpans;
import nngrade.problem.Problem;
import nngrade.report.Messages;
import nngrade.report.Text;
import nngrade.submission.Roster;
import nngrade.submission.RosterKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The grades going back to a learning platform: its own export, every byte as it was but the
 * cells a grade goes into, ready for the platform's import. Pure: text in, text out.
 *
 * <ul>
 * <li>Moodle's grading worksheet gets a Grade and a one-line "Feedback comments" for each
 * student whose file was graded; an unreadable file gets an empty grade (Moodle's upload skips
 * it, so an earlier grade stays) and a feedback saying why it could not be read; a student
 * without a submission an empty grade and the feedback as it was (an empty one would erase a
 * comment the teacher wrote in Moodle).
 * <li>Canvas's gradebook export gets the chosen assignment's cell of each graded student; the
 * others keep theirs as exported, since an emptied cell could remove a grade entered in Canvas
 * (Canvas imports no comments).
 * </ul>
 *
 * Scores are scaled to the platform's maximum (Moodle's Maximum Grade, Canvas's Points Possible)
 * when it has one, rounded to 2 decimals and written with a decimal point, which both read in
 * every language.
 */
public final class LmsUpload {

    /** What one student's row of the platform's file gets: nothing (no submission) has no result. */
    public sealed interface Result permits Graded, Unreadable {
    }

    /**
     * A graded file.
     *
     * @param right quantities right: correct, or carried forward with every point
     */
    public record Graded(double score, double maxScore, int right, int asked) implements Result {
    }

    /** A file that could not be read, and the first reason why. */
    public record Unreadable(String reason) implements Result {
    }

    private record Edit(int start, int end, String text) {
    }

    private LmsUpload() {
    }

    /** The file the roster's platform imports, by its artifact; none for a plain roster. */
    static Map<Artifact, String> files(Roster roster, Problem p, List<Reconciler.Row> rows, List<GradedFile> graded,
                                       Messages messages) {
        Map<Artifact, String> files = new EnumMap<>(Artifact.class);
        if (roster.kind() instanceof RosterKind.Moodle) {
            files.put(Artifact.MOODLE_GRADES, moodle(roster, results(p, rows, graded), messages));
        } else if (roster.kind() instanceof RosterKind.Canvas c && c.assignment().isPresent()) {
            files.put(Artifact.CANVAS_GRADES, canvas(roster, results(p, rows, graded)));
        }
        return files;
    }

    /**
     * Per student, the result of the row that counts (a duplicate's does not): the grade of a
     * graded file, or why an invalid one could not be read, as it was told when it was graded.
     *
     * @param graded every file as graded alone, in index order
     */
    static Map<String, Result> results(Problem p, List<Reconciler.Row> rows, List<GradedFile> graded) {
        Map<String, Result> results = new HashMap<>();
        for (Reconciler.Row r : rows) {
            ClassRow row = r.row();
            if (row.status() == RowStatus.GRADED || row.status() == RowStatus.UNKNOWN) {
                if (row.graded()) {
                    results.put(row.id(), new Graded(row.score(), row.maxScore(), right(p, row), p.ask().size()));
                }
            } else if (row.status() == RowStatus.INVALID) {
                ClassRow alone = r.index() >= 0 && r.index() < graded.size() ? graded.get(r.index()).row() : row;
                results.put(row.id(), new Unreadable(alone.status() == RowStatus.INVALID ? alone.note() : row.note()));
            }
        }
        return results;
    }

    private static int right(Problem p, ClassRow row) {
        int right = 0;
        for (int i = 0; i < p.ask().size(); i++) {
            Status s = row.statuses()[i];
            if (s == Status.CORRECT || (s == Status.FOLLOW_THROUGH && row.points()[i] >= p.points().of(p.ask().get(i)))) {
                right++;
            }
        }
        return right;
    }

    /** Moodle's worksheet with Grade and Feedback comments filled, for "Upload grading worksheet". */
    public static String moodle(Roster roster, Map<String, Result> results, Messages messages) {
        RosterKind.Moodle kind = (RosterKind.Moodle) roster.kind();
        List<Edit> edits = new ArrayList<>();
        for (Roster.Row row : roster.rows()) {
            Result result = results.get(row.id());
            Map<Integer, String> cells = new TreeMap<>();
            OptionalDouble maximum = kind.maximum(row.cells());
            if (result instanceof Graded g) {
                BigDecimal grade = grade(g, maximum);
                cells.put(kind.grade(), moodleCell(grade.toPlainString(), roster.delimiter()));
                double outOf = maximum.orElse(g.maxScore());
                kind.feedback().ifPresent(f -> cells.put(f, moodleCell(feedback(messages.get("lms.feedback",
                        messages.points(grade.doubleValue()), messages.points(outOf), g.right(), g.asked(),
                        messages.points(g.score()), messages.count(g.maxScore()))),
                        roster.delimiter())));
            } else {
                cells.put(kind.grade(), "");
                if (result instanceof Unreadable u) {
                    kind.feedback().ifPresent(f -> cells.put(f, moodleCell(feedback(messages.get("lms.unreadable",
                            u.reason())), roster.delimiter())));
                }
            }
            edits.addAll(edits(row.raw(), cells, roster.delimiter()));
        }
        return apply(roster.text(), edits);
    }

    /** Canvas's export with the chosen assignment's column filled, for "Import" in the Gradebook. */
    public static String canvas(Roster roster, Map<String, Result> results) {
        RosterKind.Canvas kind = (RosterKind.Canvas) roster.kind();
        int column = kind.assignment().orElseThrow(() -> new IllegalStateException("no assignment column chosen")).column();
        List<Edit> edits = new ArrayList<>();
        for (Roster.Row row : roster.rows()) {
            if (results.get(row.id()) instanceof Graded g) {
                String grade = grade(g, kind.pointsPossible()).toPlainString();
                edits.addAll(edits(row.raw(), Map.of(column, grade), roster.delimiter()));
            }
        }
        return apply(roster.text(), edits);
    }

    /** nngrade's score on the platform's scale when it has a maximum, else as it is; 2 decimals. */
    static BigDecimal grade(Graded g, OptionalDouble maximum) {
        double v = g.score();
        if (maximum.isPresent()) {
            v = g.maxScore() > 0 ? g.score() / g.maxScore() * maximum.getAsDouble() : 0;
        }
        BigDecimal rounded = BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.signum() == 0 ? BigDecimal.ZERO : rounded;
    }

    /**
     * What a student reads: one line, and HTML-safe, as Moodle keeps feedback comments as HTML;
     * guarded against spreadsheet formulas, though nngrade's own text never starts one.
     */
    private static String feedback(String text) {
        String safe = Text.oneLine(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return Text.csvCell(safe);
    }

    /** A cell as Moodle's own export writes one (PHP's fputcsv): quoted when it holds a space, a quote, a delimiter … */
    private static String moodleCell(String value, char delimiter) {
        boolean quote = false;
        for (char c : value.toCharArray()) {
            quote |= c == delimiter || c == '"' || c == '\n' || c == '\r' || c == '\t' || c == ' ' || c == '\\';
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** The edits that give a row these cells (column → raw text), past its last cell too. */
    private static List<Edit> edits(CsvSpans.Record raw, Map<Integer, String> cells, char delimiter) {
        List<Edit> edits = new ArrayList<>();
        StringBuilder appended = new StringBuilder();
        int last = cells.keySet().stream().max(Integer::compare).orElse(-1);
        for (int c = 0; c <= last; c++) {
            String text = cells.get(c);
            if (c < raw.size()) {
                if (text != null) {
                    edits.add(new Edit(raw.starts()[c], raw.ends()[c], text));
                }
            } else {
                appended.append(delimiter).append(text == null ? "" : text);
            }
        }
        if (appended.length() > 0) {
            edits.add(new Edit(raw.end(), raw.end(), appended.toString()));
        }
        return edits;
    }

    private static String apply(String text, List<Edit> edits) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start));
        StringBuilder out = new StringBuilder(text.length() + 64 * sorted.size());
        int at = 0;
        for (Edit e : sorted) {
            out.append(text, at, e.start()).append(e.text());
            at = e.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
