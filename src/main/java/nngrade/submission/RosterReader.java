package nngrade.submission;

import nngrade.input.BadInputException;
import nngrade.input.CsvRow;
import nngrade.input.CsvSpans;
import nngrade.input.CsvTable;
import nngrade.input.ErrorList;
import nngrade.input.Excerpts;
import nngrade.input.FileKind;
import nngrade.input.InputError;
import nngrade.input.TextFiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Reads a class roster, telling its kind from the header: a plain CSV with an {@code id} column,
 * Moodle's grading worksheet, or Canvas's gradebook export (see {@link RosterKind}).
 */
public final class RosterReader {
    private static final String CSV_UTF8 = "(CSV UTF-8 in a spreadsheet's Save As)";
    private static final FileKind FILE = new FileKind("a roster file", "a roster", SubmissionReader.MAX_BYTES,
            "a CSV file " + CSV_UTF8, "is not UTF-8 text; save it as UTF-8 " + CSV_UTF8, true);
    /** Columns named in one message, at most: a gradebook export may have hundreds. */
    private static final int MAX_NAMED = 5;
    private static final String MOODLE_AGAIN = "download the grading worksheet from Moodle again (View all submissions, "
            + "Download grading worksheet) and grade with the file as it was downloaded";

    private RosterReader() {
    }

    /** The roster as a class list: a Canvas export's assignment column is chosen only when it has one. */
    public static Roster read(Path path) {
        String source = path.toString();
        return parse(source, TextFiles.readRegular(path, source, FILE));
    }

    /**
     * The roster for a grade run, whose grades go back to the platform: of a Canvas export's
     * assignment columns the one {@code lmsColumn} names (by its whole header, its name or its
     * id), or the only one.
     */
    public static Roster read(Path path, Optional<String> lmsColumn) {
        return forGrades(read(path), lmsColumn);
    }

    /** {@link #read(Path)} of a file's bytes. */
    public static Roster parse(String source, byte[] bytes) {
        TextFiles.checkText(source, bytes, FILE);
        String text = new String(bytes, StandardCharsets.UTF_8); // valid: checked
        String body = TextFiles.withoutBom(text);
        CsvTable table = CsvTable.parse(source, body);
        List<CsvRow> rows = table.rows();
        if (rows.isEmpty()) {
            throw new BadInputException(InputError.inFile(source, "is empty; expected a header with an id column"));
        }
        List<String> header = rows.get(0).cells();
        List<CsvSpans.Record> spans = CsvSpans.of(body, table, text.length() - body.length());
        File f = new File(source, table, header, spans, text);
        if (RosterKind.Moodle.recognises(header)) {
            return f.moodle();
        } else if (RosterKind.Canvas.recognises(header)) {
            return f.canvas();
        }
        return f.plain();
    }

    /** {@link #read(Path, Optional)} of a roster already read. */
    public static Roster forGrades(Roster roster, Optional<String> lmsColumn) {
        String source = roster.source();
        if (!(roster.kind() instanceof RosterKind.Canvas canvas)) {
            if (lmsColumn.isPresent()) {
                throw new BadInputException(InputError.inFile(source, "is " + roster.kind().label()
                        + ", not a Canvas gradebook export: --lms-column chooses among a Canvas export's assignment columns"));
            }
            return roster;
        }
        List<RosterKind.Canvas.Assignment> all = canvas.assignments();
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (lmsColumn.isEmpty() || all.get(i).isNamed(lmsColumn.get())) {
                candidates.add(i);
            }
        }
        if (all.isEmpty()) {
            throw new BadInputException(InputError.atLine(source, canvas.headerLine(), "has no assignment column (a header like "
                    + "\"Homework 1 (1234)\"); create the assignment in Canvas and export the gradebook again"));
        }
        if (candidates.isEmpty()) {
            throw new BadInputException(InputError.atLine(source, canvas.headerLine(), "no assignment column is named \""
                    + Excerpts.shown(lmsColumn.get()) + "\"; the assignment columns are " + named(all, allIndices(all))));
        }
        if (candidates.size() > 1) {
            String which = lmsColumn.isPresent()
                    ? "--lms-column \"" + Excerpts.shown(lmsColumn.get()) + "\" names " + candidates.size() + " columns: "
                    + named(all, candidates) + "; give the whole header or the assignment id"
                    : "has " + candidates.size() + " assignment columns: " + named(all, candidates)
                    + "; choose one with --lms-column (its header, name or id)";
            throw new BadInputException(InputError.atLine(source, canvas.headerLine(), which));
        }
        RosterKind.Canvas chosen = canvas.choose(candidates.get(0));
        RosterKind.Canvas.Assignment a = chosen.assignment().orElseThrow();
        if (chosen.pointsPossibleLine() > 0) {
            var points = RosterKind.points(a.pointsPossible());
            if (points.isEmpty() || points.getAsDouble() <= 0) {
                throw new BadInputException(InputError.atLine(source, chosen.pointsPossibleLine(), "the Points Possible of \""
                        + Excerpts.shown(a.header()) + "\" is \"" + Excerpts.shown(a.pointsPossible())
                        + "\"; expected a number greater than 0, which nngrade scales its scores to"));
            }
        }
        return new Roster(source, chosen, roster.ids(), roster.header(), roster.extraColumns(), roster.extras(),
                roster.text(), roster.delimiter(), roster.rows());
    }

    private static List<Integer> allIndices(List<?> list) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            all.add(i);
        }
        return all;
    }

    /** "A (1)", "B (2)" …, the first few, then how many in all. */
    private static String named(List<RosterKind.Canvas.Assignment> all, List<Integer> which) {
        String shown = which.stream().limit(MAX_NAMED).map(i -> "\"" + Excerpts.shown(all.get(i).header()) + "\"")
                .collect(Collectors.joining(", "));
        return which.size() > MAX_NAMED ? shown + " … (" + which.size() + " in all)" : shown;
    }

    /** One file being read: its rows, and what every kind needs of them. */
    private record File(String source, CsvTable table, List<String> header, List<CsvSpans.Record> spans, String text) {

        Roster plain() {
            int column = RosterKind.Plain.idColumn(header);
            if (column < 0) {
                throw refused(headerLine(), "expected a header with an id column (id, student, username or login), "
                        + Excerpts.foundHeader(header, table.delimiter()));
            }
            RosterKind.Plain kind = new RosterKind.Plain(column);
            ErrorList errors = new ErrorList(source);
            List<Roster.Row> students = new ArrayList<>();
            Map<String, Integer> lines = new HashMap<>();
            for (int r = 1; r < table.rows().size(); r++) {
                CsvRow row = table.rows().get(r);
                String id = StudentIds.nfc(cell(row, column));
                if (id.isEmpty()) {
                    errors.add(InputError.atLine(source, row.line(), "the id is empty"));
                } else if (lines.putIfAbsent(id, row.line()) != null) {
                    errors.add(InputError.atLine(source, row.line(), "\"" + Excerpts.shown(id) + "\" is listed twice"));
                } else {
                    students.add(new Roster.Row(id, row.line(), row.cells(), spans.get(r)));
                }
            }
            errors.throwIfAny();
            return roster(kind, students);
        }

        Roster moodle() {
            int identifier = required(RosterKind.Moodle.IDENTIFIER, "the participants, \"Participant 1001\"", MOODLE_AGAIN);
            int grade = required(RosterKind.Moodle.GRADE, "where the grades go", MOODLE_AGAIN);
            required(RosterKind.Moodle.MODIFIED, "which Moodle's upload needs", MOODLE_AGAIN);
            int status = header.indexOf(RosterKind.Moodle.STATUS);
            RosterKind.Moodle kind = new RosterKind.Moodle(identifier, grade, optional(RosterKind.Moodle.MAXIMUM),
                    optional(RosterKind.Moodle.FEEDBACK), status >= 0 ? status : grade);
            ErrorList errors = new ErrorList(source);
            List<Roster.Row> students = new ArrayList<>();
            Map<String, Integer> lines = new HashMap<>();
            for (int r = 1; r < table.rows().size(); r++) {
                CsvRow row = table.rows().get(r);
                String cell = cell(row, identifier);
                String id = RosterKind.Moodle.participant(cell);
                Integer first = id == null ? null : lines.putIfAbsent(id, row.line());
                if (cell.isEmpty()) {
                    errors.add(InputError.atLine(source, row.line(), "the identifier is empty"));
                } else if (id == null) {
                    errors.add(InputError.atLine(source, row.line(), "\"" + Excerpts.shown(cell)
                            + "\" is not a participant identifier; expected one like \"Participant 1001\""));
                } else if (first != null) {
                    errors.add(InputError.atLine(source, row.line(), "participant " + Excerpts.shown(id)
                            + " is listed twice (first on line " + first + ")"));
                } else if (kind.maximum().isPresent() && !(kind.maximum(row.cells()).orElse(0) > 0)) {
                    errors.add(InputError.atLine(source, row.line(), "the Maximum Grade is \""
                            + Excerpts.shown(cell(row, kind.maximum().getAsInt()))
                            + "\"; expected a number greater than 0, which nngrade scales its scores to"));
                } else {
                    students.add(new Roster.Row(id, row.line(), row.cells(), spans.get(r)));
                }
            }
            errors.throwIfAny();
            return roster(kind, students);
        }

        Roster canvas() {
            int id = required(RosterKind.Canvas.ID, "the Canvas user ids, which the submissions' file names carry",
                    "export the gradebook from Canvas again (Grades, Export) and grade with the file as it was exported");
            int section = header.indexOf(RosterKind.Canvas.SECTION);
            int pointsLine = 0;
            CsvRow points = null;
            for (CsvRow row : table.rows().subList(1, table.rows().size())) {
                if (row.get(0).equals(RosterKind.Canvas.POINTS_POSSIBLE) && points == null) {
                    points = row;
                    pointsLine = row.line();
                }
            }
            List<RosterKind.Canvas.Assignment> assignments = new ArrayList<>();
            for (int c = Math.max(section, id) + 1; c < header.size(); c++) {
                var a = RosterKind.Canvas.Assignment.of(c, header.get(c), points == null ? "" : cell(points, c));
                if (a != null) {
                    assignments.add(a);
                }
            }
            RosterKind.Canvas kind = new RosterKind.Canvas(id, headerLine(), section, pointsLine, assignments,
                    OptionalInt.empty());
            ErrorList errors = new ErrorList(source);
            List<Roster.Row> students = new ArrayList<>();
            Map<String, Integer> lines = new HashMap<>();
            for (int r = 1; r < table.rows().size(); r++) {
                CsvRow row = table.rows().get(r);
                String user = cell(row, id);
                if (row == points || user.isEmpty() || RosterKind.Canvas.TEST_STUDENT.contains(row.get(0))) {
                    continue; // not a student: the points row, a row of posting policies, Canvas's test student
                }
                Integer first = lines.putIfAbsent(user, row.line());
                if (!user.matches("[0-9]+")) {
                    errors.add(InputError.atLine(source, row.line(), "\"" + Excerpts.shown(user)
                            + "\" is not a Canvas user id (a number)"));
                } else if (first != null) {
                    errors.add(InputError.atLine(source, row.line(), "\"" + Excerpts.shown(user)
                            + "\" is listed twice (first on line " + first + ")"));
                } else {
                    students.add(new Roster.Row(user, row.line(), row.cells(), spans.get(r)));
                }
            }
            errors.throwIfAny();
            return roster(kind, students);
        }

        private Roster roster(RosterKind kind, List<Roster.Row> students) {
            List<Integer> columns = kind.extraColumns(header);
            List<String> names = columns.stream().map(header::get).toList();
            Map<String, List<String>> extras = new LinkedHashMap<>();
            List<String> ids = new ArrayList<>();
            for (Roster.Row s : students) {
                ids.add(s.id());
                extras.put(s.id(), columns.stream().map(c -> c < s.cells().size() ? s.cells().get(c) : "").toList());
            }
            return new Roster(source, kind, new java.util.LinkedHashSet<>(ids), header, names, extras, text, table.delimiter(), students);
        }

        /** The column, which the platform's file always has: one line naming it, else. */
        private int required(String column, String why, String again) {
            int i = header.indexOf(column);
            if (i < 0) {
                throw refused(headerLine(), "has no \"" + column + "\" column (" + why + "); " + again);
            }
            return i;
        }

        int headerLine() {
            return table.rows().get(0).line();
        }

        private OptionalInt optional(String column) {
            int i = header.indexOf(column);
            return i >= 0 ? OptionalInt.of(i) : OptionalInt.empty();
        }

        private BadInputException refused(int line, String message) {
            return new BadInputException(InputError.atLine(source, line, message));
        }

        private static String cell(CsvRow row, int column) {
            return column < row.size() ? row.get(column) : "";
        }
    }
}
