package nngrade.submission;

import nngrade.input.BadInputException;
import nngrade.input.InputError;
import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The overrides reader, with the exact lines a teacher sees: each problem named by the file and
 * the physical line, every problem of the file at once. Fixtures that must be bytes (a BOM, CRLF,
 * Latin-1) are in src/test/resources/overrides/.
 */
class OverridesReaderTest {
    private static final Path FIXTURES = Path.of("src/test/resources/overrides");
    private static final Problem NOTES = ProblemLoader.load(Path.of("problems/notes-softmax-step.json"));

    @TempDir
    Path tmp;

    private Path write(String text) throws IOException {
        return Files.writeString(tmp.resolve("overrides.csv"), text, StandardCharsets.UTF_8);
    }

    private static List<String> refused(Path file) {
        BadInputException e = assertThrows(BadInputException.class, () -> OverridesReader.read(file, NOTES));
        return e.errors().stream().map(InputError::oneLine).toList();
    }

    @Test
    void eachLineIsOneDecisionWithItsLineAndReason() throws IOException {
        Path f = write("id,quantity,points,reason\nana,dW1,2,the key's layout was ambiguous\n\nion,total,7.5,oral exam\n"
                + "dan,b1_next,0,\n");
        String s = f.toString();
        assertEquals(List.of(new PointsOverride(s, 2, "ana", "dW1", 2, "the key's layout was ambiguous"),
                new PointsOverride(s, 4, "ion", null, 7.5, "oral exam"),
                new PointsOverride(s, 5, "dan", "b1_next", 0, "")), OverridesReader.read(f, NOTES));
    }

    @Test
    void aSpreadsheetsFileWithABomSemicolonsCrlfAndDecimalCommasIsRead() {
        Path f = FIXTURES.resolve("bom-semicolon.csv");
        String s = f.toString();
        assertEquals(List.of(new PointsOverride(s, 2, "ana.popescu", "dW1", 1.5, "half the cells; the rest transposed"),
                new PointsOverride(s, 4, "ion", null, 8, "")), OverridesReader.read(f, NOTES));
    }

    @Test
    void theReasonMayBeLeftOutAndColumnsComeInAnyOrder() throws IOException {
        Path f = write("points,student,quantity\n1,ana,z1\n");
        assertEquals(List.of(new PointsOverride(f.toString(), 2, "ana", "z1", 1, "")), OverridesReader.read(f, NOTES));
    }

    @Test
    void anIdCopiedFromTheGradebookLosesTheApostropheThatGuardsIt() throws IOException {
        Path f = write("id,quantity,points\n'=1+1,total,3\n'quoted,total,3\n");
        assertEquals(List.of("=1+1", "'quoted"), OverridesReader.read(f, NOTES).stream().map(PointsOverride::id).toList());
    }

    @Test
    void aReasonOverSeveralLinesIsOneLineAndTheNextRowKeepsItsLine() {
        Path f = FIXTURES.resolve("multi-line-cell.csv");
        assertEquals(List.of(f + ":4: \"ana\" has dW1 set twice (first on line 2)"), refused(f));
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedAtItsLine() {
        Path f = FIXTURES.resolve("latin1.csv");
        assertEquals(List.of(f + ":2: is not UTF-8 text; save it as UTF-8 (CSV UTF-8 in a spreadsheet's Save As)"), refused(f));
    }

    record Bad(String name, String text, List<String> lines) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bad> bad() {
        String h = "id,quantity,points,reason\n";
        return Stream.of(
                new Bad("empty", "\n", List.of(": is empty; expected a header id,quantity,points,reason")),
                new Bad("no points column", "id,quantity,reason\nana,dW1,x\n",
                        List.of(":1: expected a header id,quantity,points,reason (reason may be left out), found "
                                + "\"id,quantity,reason\"")),
                new Bad("a quantity the problem does not ask", h + "ana,dW1,2,\nana,dW2,1,\n",
                        List.of(":3: \"dW2\" is not a quantity this problem asks; expected one of z1, yhat, loss, dz1, dW1, "
                                + "db1, W1_next, b1_next, or total")),
                new Bad("points that are not a number", h + "ana,dW1,two,\n", List.of(":2: points: \"two\" is not a number")),
                new Bad("no points", h + "ana,dW1,,\n", List.of(":2: points: the value is empty")),
                new Bad("more than the quantity is worth", h + "ana,dW1,3,\n",
                        List.of(":2: points: 3 is more than dW1 is worth; expected 0 to 2")),
                new Bad("more than the problem is worth", h + "ana,total,9.5,\n",
                        List.of(":2: points: 9.5 is more than the problem is worth; expected 0 to 9")),
                new Bad("negative", h + "ana,loss,-1,\n", List.of(":2: points: -1 is negative; expected 0 to 1")),
                new Bad("not a finite number", h + "ana,loss,1e309,\n",
                        List.of(":2: points: \"1e309\" is not a finite number (too large for a double)")),
                new Bad("an empty id", h + ",dW1,1,\n", List.of(":2: the id is empty")),
                new Bad("an empty quantity", h + "ana,,1,\n",
                        List.of(":2: the quantity is empty; expected one of z1, yhat, loss, dz1, dW1, db1, W1_next, "
                                + "b1_next, or total")),
                new Bad("the same total twice, in another letter case", h + "ana,total,3,\nana,Total,4,\n",
                        List.of(":3: \"ana\" has a total set twice (first on line 2)")),
                new Bad("every problem at once, each at its line", h + "ana,dW1,x,\n\nion,q9,1,\nana,dW1,x,\n",
                        List.of(":2: points: \"x\" is not a number",
                                ":4: \"q9\" is not a quantity this problem asks; expected one of z1, yhat, loss, dz1, dW1, "
                                        + "db1, W1_next, b1_next, or total",
                                ":5: points: \"x\" is not a number")),
                new Bad("not valid CSV", h + "ana,dW1,\"2,\n",
                        List.of(":2: is not valid CSV: a quoted value is not closed (a \" without its closing \")")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void eachProblemIsOneLineAtItsLine(Bad b) throws IOException {
        Path f = write(b.text());
        assertEquals(b.lines().stream().map(l -> f + l).toList(), refused(f));
    }
}
