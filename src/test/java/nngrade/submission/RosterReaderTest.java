package nngrade.submission;

import nngrade.cli.Main;
import nngrade.input.BadInputException;
import nngrade.input.InputError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The roster reader, with the exact lines a teacher sees: every message names the file and the
 * physical line (blank lines and cells over several lines counted), never a record number or a
 * parser's class name; and the three kinds of roster, told from the header: a plain class list,
 * Moodle's grading worksheet and Canvas's gradebook export, as the platforms write them (a
 * byte-order mark, quoted names with commas, diacritics, CRLF, Canvas's Points Possible row and
 * test student). Fixtures are in src/test/resources/rosters/.
 */
class RosterReaderTest {
    private static final Path ROSTERS = Path.of("src/test/resources/rosters");

    private static List<String> refused(Path roster) {
        BadInputException e = assertThrows(BadInputException.class, () -> RosterReader.read(roster));
        return e.errors().stream().map(InputError::oneLine).toList();
    }

    @Test
    void aDuplicateIsReportedAtItsLineNotItsRecordNumber() {
        Path roster = ROSTERS.resolve("blank-lines-duplicate.csv");
        assertEquals(List.of(roster + ":7: \"ana\" is listed twice"), refused(roster));
    }

    @Test
    void aCellOverSeveralLinesCountsThemAll() {
        Path roster = ROSTERS.resolve("multi-line-cell.csv");
        assertEquals(List.of(roster + ":4: \"ana\" is listed twice"), refused(roster));
    }

    @Test
    void aRosterThatIsNotUtf8IsRefusedAtItsLine() {
        Path roster = ROSTERS.resolve("latin1.csv");
        assertEquals(List.of(roster + ":3: is not UTF-8 text; save it as UTF-8 (CSV UTF-8 in a spreadsheet's Save As)"),
                refused(roster));
    }

    @Test
    void aRosterThatIsNotUtf8StopsGradeWithExit2(@TempDir Path tmp) {
        Path roster = ROSTERS.resolve("latin1.csv");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"grade", "problems/notes-softmax-step.json", "submissions-sample/notes.json",
                "--roster", roster.toString(), "--out", tmp.resolve("out").toString()}, new PrintWriter(out),
                new PrintWriter(err));
        assertEquals(2, code, out + "" + err);
        assertEquals(roster + ":3: is not UTF-8 text; save it as UTF-8 (CSV UTF-8 in a spreadsheet's Save As)"
                + System.lineSeparator(), err.toString());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void aUtf16RosterIsRefusedOnLine1(@TempDir Path tmp) throws IOException {
        Path roster = Files.write(tmp.resolve("roster.csv"), "id\nana\n".getBytes(StandardCharsets.UTF_16));
        assertEquals(List.of(roster + ":1: is UTF-16 text (a spreadsheet's \"Unicode Text\"), not UTF-8; save it as UTF-8 "
                + "(CSV UTF-8 in a spreadsheet's Save As)"), refused(roster));
    }

    @Test
    void anUnclosedQuoteIsOnePlainLine() {
        Path roster = ROSTERS.resolve("unclosed-quote.csv");
        assertEquals(List.of(roster + ":2: is not valid CSV: a quoted value is not closed (a \" without its closing \")"),
                refused(roster));
    }

    @Test
    void anUnclosedQuotePastLine1000IsStillAtItsLine(@TempDir Path tmp) throws IOException {
        StringBuilder text = new StringBuilder("id\n");
        for (int i = 2; i < 1500; i++) {
            text.append("student").append(i).append('\n');
        }
        text.append("\"late\n");
        Path roster = Files.writeString(tmp.resolve("roster.csv"), text);
        assertEquals(List.of(roster + ":1500: is not valid CSV: a quoted value is not closed (a \" without its closing \")"),
                refused(roster));
    }

    @Test
    void aByteOrderMarkAndSemicolonsAreRead() {
        assertEquals(List.of("ana", "bob"), List.copyOf(RosterReader.read(ROSTERS.resolve("bom-semicolon.csv")).ids()));
    }

    @Test
    void anEmptyIdIsReportedAtItsLine() {
        Path roster = ROSTERS.resolve("empty-id.csv");
        assertEquals(List.of(roster + ":4: the id is empty"), refused(roster));
    }

    @Test
    void aHeaderWithoutAnIdColumnIsReportedAtItsLine() {
        Path roster = ROSTERS.resolve("no-id-column.csv");
        assertEquals(List.of(roster + ":3: expected a header with an id column (id, student, username or login), "
                + "found \"name,group\""), refused(roster));
    }

    @Test
    void idsAreKeptInFileOrderEachOnce(@TempDir Path tmp) throws IOException {
        Path roster = Files.writeString(tmp.resolve("roster.csv"), "Name,Login\r\nZoe,zoe\r\n\r\n  Ana , ana \r\n");
        assertEquals(List.of("zoe", "ana"), List.copyOf(RosterReader.read(roster).ids()));
    }

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("plain-extra-columns.csv", RosterKind.Plain.class, List.of("ana.popescu", "stefan.popescu"),
                        List.of("name", "group", "email", "Status"),
                        List.of("Ștefan Popescu", "A2", "stefan@example.ro", "auditing, no credit")),
                Arguments.of("bom-semicolon.csv", RosterKind.Plain.class, List.of("ana", "bob"), List.of("name"),
                        List.of("Bob")),
                Arguments.of("moodle-worksheet.csv", RosterKind.Moodle.class, List.of("1001", "1002", "1003", "1004"),
                        List.of("Full name", "Email address"), List.of("Mihai Georgescu", "mihai.g@example.ro")),
                Arguments.of("moodle-worksheet-online-text.csv", RosterKind.Moodle.class, List.of("2001", "2002"),
                        List.of("Full name", "ID number", "Email address"),
                        List.of("Radu Ene", "S-2002", "radu@example.ro")),
                Arguments.of("canvas-gradebook.csv", RosterKind.Canvas.class, List.of("1001", "1002", "1003", "1004"),
                        List.of("Student", "SIS User ID", "SIS Login ID", "Section"),
                        List.of("Georgescu, Mihai", "S1004", "mihai.g", "Grupa 342")),
                Arguments.of("canvas-semicolon.csv", RosterKind.Canvas.class, List.of("501", "502"),
                        List.of("Student", "SIS User ID", "SIS Login ID", "Section"),
                        List.of("Müller, Jürgen", "", "j.mueller", "Grupa 341")));
    }

    /** Ids in file order (Canvas's points row and test student left out), and the columns carried into the gradebook. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void eachKindIsToldFromItsHeaderWithItsIdsAndTheColumnsThatDescribeTheStudent(String file, Class<?> kind,
                                                                                  List<String> ids, List<String> columns,
                                                                                  List<String> lastExtras) {
        Roster r = RosterReader.read(ROSTERS.resolve(file));
        assertInstanceOf(kind, r.kind());
        assertEquals(ids, List.copyOf(r.ids()));
        assertEquals(columns, r.extraColumns());
        assertEquals(lastExtras, r.extrasOf(ids.get(ids.size() - 1)));
        assertEquals(List.of("", "", "").subList(0, Math.min(3, columns.size())),
                r.extrasOf("not-on-it").subList(0, Math.min(3, columns.size())));
        assertEquals(ids, r.rows().stream().map(Roster.Row::id).toList());
    }

    @Test
    void aMoodleWorksheetKnowsItsGradeMaximumAndFeedbackColumnsWhateverTheDecimalSeparator() {
        Roster r = RosterReader.read(ROSTERS.resolve("moodle-worksheet-online-text.csv"));
        RosterKind.Moodle m = (RosterKind.Moodle) r.kind();
        assertEquals(List.of("Grade", "Maximum Grade", "Feedback comments"),
                List.of(r.header().get(m.grade()), r.header().get(m.maximum().getAsInt()),
                        r.header().get(m.feedback().getAsInt())));
        assertEquals(OptionalDouble.of(12.5), m.maximum(r.rows().get(0).cells()));
        // the online text's cell over two lines: the second student's row starts on line 4
        assertEquals(List.of(2, 4), r.rows().stream().map(Roster.Row::line).toList());
        assertEquals(Optional.of("moodle-grades.csv"), m.uploadFile());
    }

    /** The participant number is what follows the word, which Moodle translates. */
    @ParameterizedTest
    @CsvSource({"Participant 1001,1001", "Participante 2001,2001", "Participant7,7", "Учасник 31 ,31"})
    void theParticipantNumberIsTheTrailingDigits(String identifier, String id) {
        assertEquals(id, RosterKind.Moodle.participant(identifier.strip()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "moodle-no-identifier.csv|1|has no \"Identifier\" column (the participants, \"Participant 1001\"); download the "
                    + "grading worksheet from Moodle again (View all submissions, Download grading worksheet) and grade with "
                    + "the file as it was downloaded",
            "moodle-no-digits.csv|4|\"Participant\" is not a participant identifier; expected one like \"Participant 1001\"",
            "moodle-duplicate.csv|4|participant 7 is listed twice (first on line 2)",
            "canvas-no-id.csv|1|has no \"ID\" column (the Canvas user ids, which the submissions' file names carry); export "
                    + "the gradebook from Canvas again (Grades, Export) and grade with the file as it was exported"})
    void anUnusableLmsFileIsOneLineAtItsLine(String file, int line, String message) {
        Path roster = ROSTERS.resolve(file);
        assertEquals(List.of(roster + ":" + line + ": " + message), refused(roster));
    }

    @Test
    void aMoodleMaximumGradeThatIsNotANumberIsRefusedAtItsRow(@TempDir Path tmp) throws IOException {
        Path roster = Files.writeString(tmp.resolve("w.csv"), "Identifier,Status,Grade,\"Maximum Grade\",\"Last modified (grade)\"\n"
                + "\"Participant 1\",x,,10.00,-\n\"Participant 2\",x,,ten,-\n\"Participant 3\",x,,0,-\n");
        assertEquals(List.of(roster + ":3: the Maximum Grade is \"ten\"; expected a number greater than 0, which nngrade "
                + "scales its scores to", roster + ":4: the Maximum Grade is \"0\"; expected a number greater than 0, which "
                + "nngrade scales its scores to"), refused(roster));
    }

    @Test
    void aCanvasUserIdThatIsNotANumberIsRefusedAtItsRow(@TempDir Path tmp) throws IOException {
        Path roster = Files.writeString(tmp.resolve("g.csv"), "Student,ID,Section,HW (1)\nAna,501,A,\nBob,bob,A,\nAna,501,A,\n");
        assertEquals(List.of(roster + ":3: \"bob\" is not a Canvas user id (a number)",
                roster + ":4: \"501\" is listed twice (first on line 2)"), refused(roster));
    }

    /** --lms-column names the column by its whole header, its name or its id. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Backprop homework (4711)|4711|20", "Backprop homework|4711|20", "4711|4711|20",
            "(4711)|4711|20", "Quiz 1|4712|5", " 4712 |4712|5"})
    void aCanvasColumnIsChosenByHeaderNameOrId(String name, String id, double points) {
        Roster r = RosterReader.read(ROSTERS.resolve("canvas-gradebook.csv"), Optional.of(name));
        RosterKind.Canvas c = (RosterKind.Canvas) r.kind();
        assertEquals(id, c.assignment().orElseThrow().id());
        assertEquals(OptionalDouble.of(points), c.pointsPossible());
    }

    @Test
    void theOnlyAssignmentColumnIsChosenWithoutAskingAndItsPointsPossibleReadWithADecimalComma() {
        RosterKind.Canvas c = (RosterKind.Canvas) RosterReader.read(ROSTERS.resolve("canvas-semicolon.csv"), Optional.empty())
                .kind();
        assertEquals("Backprop homework (4711)", c.assignment().orElseThrow().header());
        assertEquals(OptionalDouble.of(12.5), c.pointsPossible());
    }

    @Test
    void severalAssignmentColumnsWithoutAChoiceAreListed() {
        Path roster = ROSTERS.resolve("canvas-gradebook.csv");
        // a class list for task sheets needs no column
        assertEquals(Optional.empty(), ((RosterKind.Canvas) RosterReader.read(roster).kind()).assignment());
        BadInputException e = assertThrows(BadInputException.class, () -> RosterReader.read(roster, Optional.empty()));
        assertEquals(List.of(roster + ":1: has 2 assignment columns: \"Backprop homework (4711)\", \"Quiz 1 (4712)\"; "
                + "choose one with --lms-column (its header, name or id)"),
                e.errors().stream().map(InputError::oneLine).toList());
    }

    /** At the header's line, the points row's, or the file as a whole (line 0). */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "canvas-gradebook.csv|Current Score|1|no assignment column is named \"Current Score\"; the assignment columns are "
                    + "\"Backprop homework (4711)\", \"Quiz 1 (4712)\"",
            "canvas-points-not-number.csv||2|the Points Possible of \"Backprop homework (4711)\" is \"twenty\"; expected a "
                    + "number greater than 0, which nngrade scales its scores to",
            "moodle-worksheet.csv|Grade|0|is a Moodle grading worksheet, not a Canvas gradebook export: --lms-column chooses "
                    + "among a Canvas export's assignment columns",
            "plain-extra-columns.csv|name|0|is a roster, not a Canvas gradebook export: --lms-column chooses among a Canvas "
                    + "export's assignment columns"})
    void aColumnThatCannotBeUsedIsOneLine(String file, String column, int line, String message) {
        Path roster = ROSTERS.resolve(file);
        BadInputException e = assertThrows(BadInputException.class,
                () -> RosterReader.read(roster, Optional.ofNullable(column)));
        assertEquals(List.of(roster + (line > 0 ? ":" + line : "") + ": " + message),
                e.errors().stream().map(InputError::oneLine).toList());
    }

    /** Only a platform's file is read as one: a class list with some of the same column names stays a class list. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"id,Identifier,name|ana|PLAIN", "Student,ID,Section|Ana|PLAIN",
            "Identifier,Grade,\"Last modified (grade)\"|1|MOODLE", "Student,ID,Section,HW (7)|1|CANVAS",
            "Student,SIS Login ID,ID,Section|1|CANVAS", "student,id,section|Ana|PLAIN"})
    void theKindIsToldFromTheWholeHeader(String header, String id, String kind, @TempDir Path tmp) throws IOException {
        String row = kind.equals("PLAIN") ? (header.startsWith("id") ? "ana,x,y" : "Ana,501,A")
                : kind.equals("MOODLE") ? "\"Participant 1\",,-" : header.contains("SIS") ? "Ana,x,1,A" : "Ana,1,A,";
        Roster r = RosterReader.read(Files.writeString(tmp.resolve("r.csv"), header + "\n" + row + "\n"));
        assertEquals(kind, r.kind().getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT));
        assertEquals(List.of(id), List.copyOf(r.ids()));
    }

    @Test
    void twoAssignmentsOfOneNameAskForTheId(@TempDir Path tmp) throws IOException {
        Path roster = Files.writeString(tmp.resolve("g.csv"), "Student,ID,Section,HW (1),HW (2)\nAna,501,A,,\n");
        BadInputException e = assertThrows(BadInputException.class, () -> RosterReader.read(roster, Optional.of("HW")));
        assertEquals(List.of(roster + ":1: --lms-column \"HW\" names 2 columns: \"HW (1)\", \"HW (2)\"; give the whole "
                + "header or the assignment id"), e.errors().stream().map(InputError::oneLine).toList());
        assertEquals("2", ((RosterKind.Canvas) RosterReader.read(roster, Optional.of("HW (2)")).kind()).assignment()
                .orElseThrow().id());
    }

    @Test
    void theRawPlaceOfEveryCellIsKeptForWritingTheFileBack() {
        Roster r = RosterReader.read(ROSTERS.resolve("moodle-worksheet-online-text.csv"));
        RosterKind.Moodle m = (RosterKind.Moodle) r.kind();
        Roster.Row radu = r.rows().get(1);
        int grade = m.grade();
        // the raw text: the spaces and quotes around 7,50 are the cell's, as exported
        assertEquals("  \"7,50\" ", r.text().substring(radu.raw().starts()[grade], radu.raw().ends()[grade]));
        assertEquals("7,50", radu.cells().get(grade));
        Roster.Row first = RosterReader.read(ROSTERS.resolve("moodle-worksheet.csv")).rows().get(0);
        Roster w = RosterReader.read(ROSTERS.resolve("moodle-worksheet.csv"));
        // after the byte-order mark, which the text keeps
        assertEquals('\uFEFF', w.text().charAt(0));
        assertEquals("\"Participant 1001\"", w.text().substring(first.raw().starts()[0], first.raw().ends()[0]));
    }
}
