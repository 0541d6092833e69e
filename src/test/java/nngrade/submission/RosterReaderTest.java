package nngrade.submission;

import nngrade.cli.Main;
import nngrade.input.BadInputException;
import nngrade.input.InputError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The roster reader, with the exact lines a teacher sees: every message names the file and the
 * physical line (blank lines and cells over several lines counted), never a record number or a
 * parser's class name. Fixtures are in src/test/resources/rosters/.
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
        assertEquals(List.of(roster + ":1: is not a text file (it contains NUL bytes); expected a CSV file "
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
        assertEquals(List.of("ana", "bob"), List.copyOf(RosterReader.read(ROSTERS.resolve("bom-semicolon.csv"))));
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
        assertEquals(List.of("zoe", "ana"), List.copyOf(RosterReader.read(roster)));
    }
}
