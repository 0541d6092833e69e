package nngrade.grade;

import nngrade.check.Status;
import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import nngrade.report.Messages;
import nngrade.submission.Roster;
import nngrade.submission.RosterReader;
import nngrade.variant.ProblemSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The files a learning platform imports, written from a roster fixture and results given by
 * hand, compared byte for byte with the expected file in src/test/resources/lms/: only the
 * cells a grade goes into differ from the export (a byte-order mark, CRLF, quoting, a cell over
 * two lines and the spaces around a cell are kept).
 */
class LmsUploadTest {
    private static final Path ROSTERS = Path.of("src/test/resources/rosters");
    private static final Path EXPECTED = Path.of("src/test/resources/lms");
    private static final Messages EN = new Messages(Messages.Lang.en);
    private static final String UNREADABLE = "line 1: expected a header quantity,row,col,value (one cell per line) or "
            + "quantity,value (one quantity per line, rows separated by ;), found \"name,answer\"";

    private static String expected(String name) throws IOException {
        return Files.readString(EXPECTED.resolve(name), StandardCharsets.UTF_8);
    }

    private static Roster roster(String name, Optional<String> column) {
        return RosterReader.read(ROSTERS.resolve(name), column);
    }

    /**
     * 1001 full marks, 1002 the notes' 4 of 9, 1003 without a submission (the grade emptied,
     * the feedback as it was), 1004 unreadable (its earlier grade emptied, Moodle skips an empty
     * one; the feedback says why, its quotes doubled).
     */
    @Test
    void aMoodleWorksheetGetsGradeAndFeedbackAndEveryOtherCellAsExported() throws IOException {
        String out = LmsUpload.moodle(roster("moodle-worksheet.csv", Optional.empty()), Map.of(
                "1001", new LmsUpload.Graded(9, 9, 8, 8),
                "1002", new LmsUpload.Graded(4, 9, 4, 8),
                "1004", new LmsUpload.Unreadable(UNREADABLE)), EN);
        assertEquals(expected("moodle-worksheet.csv"), out);
    }

    /**
     * CRLF, no byte-order mark, a maximum of "12,50" (6.75 / 9 of it is 9.375: 9.38), a grade
     * cell written with spaces around it, an online text over two lines with quotes in it.
     */
    @Test
    void aWorksheetWithOnlineTextAndADecimalCommaKeepsThemAndIsScaledToItsMaximum() throws IOException {
        String out = LmsUpload.moodle(roster("moodle-worksheet-online-text.csv", Optional.empty()), Map.of(
                "2001", new LmsUpload.Graded(6.75, 9, 6, 8)), EN);
        assertEquals(expected("moodle-worksheet-online-text.csv"), out);
    }

    @Test
    void theFeedbackIsInTheLanguageOfTheReportsAndSafeAsHtml() {
        Roster r = roster("moodle-worksheet.csv", Optional.empty());
        String ro = LmsUpload.moodle(r, Map.of("1002", new LmsUpload.Graded(4, 9, 4, 8)), new Messages(Messages.Lang.ro));
        assertEquals("\"Participant 1002\",\"Ana-Maria Ionescu\",ana.ionescu@example.ro,\"Submitted for grading\",4.44,10.00,"
                + "Yes,\"Monday, 3 March 2025, 10:02 AM\",-,\"Punctaj 4,44 / 10 (4 / 9 puncte în raportul tău): 4 din 8 răspunsuri corecte. Raportul tău "
                + "arată ce este corect și ce trebuie corectat.\"", ro.lines().toList().get(2));
        String html = LmsUpload.moodle(r, Map.of("1001", new LmsUpload.Unreadable("line 2: \"<b>&\" is\nnot a number")), EN);
        assertEquals("\"Participant 1001\",\"Ștefan Popescu\",stefan.popescu@example.ro,\"Submitted for grading\",,10.00,Yes,"
                + "\"Monday, 3 March 2025, 9:15 AM\",-,\"Your file could not be read (line 2: \"\"&lt;b&gt;&amp;\"\" is not a "
                + "number), so it was not graded; your report lists every problem found.\"", html.lines().toList().get(1));
    }

    /** A worksheet without Maximum Grade (a scale) gets nngrade's points; one without feedback, the grade only. */
    @Test
    void aRowShorterThanTheHeaderGetsTheCellsItLacksAndNoMaximumMeansNngradesPoints(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws IOException {
        Path w = Files.writeString(tmp.resolve("w.csv"), "Identifier;Status;Grade;\"Last modified (grade)\";Note\n"
                + "\"Participant 1\";x\n\"Participant 2\";x;;-;kept\n");
        String out = LmsUpload.moodle(RosterReader.read(w), Map.of("1", new LmsUpload.Graded(7.5, 9, 7, 8),
                "2", new LmsUpload.Graded(9, 9, 8, 8)), EN);
        assertEquals("Identifier;Status;Grade;\"Last modified (grade)\";Note\n\"Participant 1\";x;7.5\n"
                + "\"Participant 2\";x;9;-;kept\n", out);
    }

    /**
     * The chosen column of the graded students, scaled to its Points Possible (20); 1003
     * without a submission and 1004 unreadable keep their cells as exported (an emptied cell
     * could remove a grade entered in Canvas), so does the test student.
     */
    @Test
    void aCanvasExportGetsTheChosenAssignmentsColumnOnly() throws IOException {
        String out = LmsUpload.canvas(roster("canvas-gradebook.csv", Optional.of("4711")), Map.of(
                "1001", new LmsUpload.Graded(9, 9, 8, 8),
                "1002", new LmsUpload.Graded(4, 9, 4, 8),
                "1004", new LmsUpload.Unreadable(UNREADABLE)));
        assertEquals(expected("canvas-gradebook.csv"), out);
    }

    @Test
    void aSemicolonExportKeepsItsDelimiterAndGetsADecimalPoint() throws IOException {
        String out = LmsUpload.canvas(roster("canvas-semicolon.csv", Optional.empty()), Map.of(
                "501", new LmsUpload.Graded(0, 9, 0, 8),
                "502", new LmsUpload.Graded(3, 9, 3, 8)));
        assertEquals(expected("canvas-semicolon.csv"), out);
    }

    @Test
    void withNoResultsACanvasExportComesBackByteForByte() throws IOException {
        Roster r = roster("canvas-gradebook.csv", Optional.of("Quiz 1"));
        assertEquals(Files.readString(ROSTERS.resolve("canvas-gradebook.csv"), StandardCharsets.UTF_8),
                LmsUpload.canvas(r, Map.of()));
    }

    /** Scaled to the maximum when there is one, rounded half up to 2 decimals, without trailing zeros. */
    @ParameterizedTest
    @CsvSource({"9,9,10,10", "4,9,10,4.44", "6.75,9,12.5,9.38", "1,3,100,33.33", "2,3,100,66.67", "0,9,10,0",
            "0,0,10,0", "8.5,9,,8.5", "2.125,9,,2.13", "1,8,1,0.13", "9,9,0.5,0.5"})
    void theGradeIsOnThePlatformsScale(double score, double max, Double maximum, String grade) {
        OptionalDouble m = maximum == null ? OptionalDouble.empty() : OptionalDouble.of(maximum);
        assertEquals(grade, LmsUpload.grade(new LmsUpload.Graded(score, max, 0, 0), m).toPlainString());
    }

    private static final Problem NOTES = new ProblemSource(ProblemLoader.read(Path.of("problems/notes-softmax-step.json")),
            null).forStudent("").problem();

    private static ClassRow graded(String id, RowStatus status, double score, Status[] statuses, double[] points) {
        return new ClassRow(id, status, id + ".json", "", score, 9, statuses, points, new String[statuses.length]);
    }

    /**
     * The row that counts, not a duplicate's: "a" right in z1, yhat, dz1 and b1_next (carried
     * forward with its point), not in W1_next (carried forward with half of it); "b"'s newest file
     * unreadable, told by the reason it was given when graded, not the gradebook's note about
     * duplicates; "c" without a submission gets nothing.
     */
    @Test
    void eachStudentGetsTheResultOfTheRowThatCounts() {
        Status c = Status.CORRECT;
        Status f = Status.FOLLOW_THROUGH;
        Status x = Status.INCORRECT;
        ClassRow a = graded("a", RowStatus.GRADED, 4.5, new Status[]{c, c, x, c, x, x, f, f},
                new double[]{1, 1, 0, 1, 0, 0, 0.5, 1});
        ClassRow aOld = graded("a", RowStatus.DUPLICATE, 9, new Status[]{c, c, c, c, c, c, c, c},
                new double[]{1, 1, 1, 1, 2, 1, 1, 1});
        ClassRow bAlone = ClassRow.ungraded("b", RowStatus.INVALID, "b.csv", "line 1: not CSV", 9);
        ClassRow b = bAlone.with(RowStatus.INVALID, "counted (newest of 2 files); line 1: not CSV");
        ClassRow cMissing = ClassRow.ungraded("c", RowStatus.MISSING, "", "no submission", 9);
        FileTime t = FileTime.fromMillis(0);
        List<GradedFile> files = List.of(new GradedFile(0, a, t, "a", null), new GradedFile(1, aOld, t, "a", null),
                new GradedFile(2, bAlone, t, "b", null));
        List<Reconciler.Row> rows = List.of(new Reconciler.Row(a, 0), new Reconciler.Row(aOld, 1),
                new Reconciler.Row(b, 2), new Reconciler.Row(cMissing, -1));
        assertEquals(Map.of("a", new LmsUpload.Graded(4.5, 9, 4, 8), "b", new LmsUpload.Unreadable("line 1: not CSV")),
                LmsUpload.results(NOTES, rows, files));
    }
}
