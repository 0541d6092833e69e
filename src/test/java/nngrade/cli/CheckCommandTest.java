package nngrade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nngrade.report.Text;
import nngrade.submission.SubmissionReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code nngrade check} end to end through {@link Main#run}: the sample submissions, a corpus
 * of malformed files (none may crash, print a stack trace or leave the file unnamed), the exit
 * codes of the spec (0 all correct, 1 graded with something wrong, 2 could not grade) and the
 * Romanian report.
 */
class CheckCommandTest {
    private static final String NOTES = "problems/notes-softmax-step.json";
    private static final Path MALFORMED = Path.of("src/test/resources/submissions/malformed");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int code, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + out, e);
            }
        }

        String all() {
            return out + err;
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static Run check(String submission, String... options) {
        List<String> args = new ArrayList<>(List.of("check", NOTES, submission));
        args.addAll(List.of(options));
        return run(args.toArray(String[]::new));
    }

    private static JsonNode quantity(JsonNode report, String name) {
        for (JsonNode q : report.get("quantities")) {
            if (q.get("name").asText().equals(name)) {
                return q;
            }
        }
        throw new AssertionError(name + " is not in the report: " + report);
    }

    private static void assertNoStackTrace(Run r) {
        assertFalse(r.all().contains("Exception"), r::all);
        assertFalse(r.all().contains("\tat "), r::all);
        assertFalse(r.all().contains("internal error"), r::all);
    }

    // ---------------------------------------------------------------- sample submissions

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"perfect.json", "rounded-2dp.json", "compact-ro.csv", "long.csv"})
    void sampleSubmissionsThatAreRightExitZero(String file) {
        Run r = check("submissions-sample/" + file, "--lang", "en");
        assertEquals(0, r.code(), r::all);
        assertEquals("", r.err());
        assertTrue(r.out().contains("Score 9 / 9"), r::out);
        assertTrue(r.out().contains("Everything is correct. Well done!"), r::out);
        String student = file.substring(0, file.lastIndexOf('.'));
        assertTrue(r.out().startsWith("nngrade check · notes-softmax-step · " + student + "\n"), r::out);

        JsonNode report = check("submissions-sample/" + file, "--format", "json").json();
        assertEquals("graded", report.get("status").asText());
        assertEquals(9.0, report.get("score").asDouble());
        assertEquals(9.0, report.get("maxScore").asDouble());
        assertEquals(0, report.get("errors").size());
        assertEquals(8, report.get("quantities").size());
        for (JsonNode q : report.get("quantities")) {
            assertEquals("correct", q.get("status").asText(), q::toString);
            assertEquals(q.get("maxPoints").asDouble(), q.get("points").asDouble());
            assertEquals(0, q.get("cells").size());
            assertEquals(0, q.get("diagnoses").size());
        }
    }

    @Test
    void theMalformedSampleExitsOneWithEachOfItsMessages() {
        Run r = check("submissions-sample/malformed.json", "--lang", "en");
        assertEquals(1, r.code(), r::all);
        for (String line : List.of(
                "  submissions-sample/malformed.json:6: answers.yhat[2]: \"zero point zero two\" is not a number",
                "  submissions-sample/malformed.json:7: answers.dW1: is ragged: row 2 has 2 values, but row 1 has 3",
                "  submissions-sample/malformed.json:8: answers.dW3: \"dW3\" is not a quantity of this problem (did you mean \"dW1\"?); "
                        + "expected one of z1, yhat, loss, dz1, dW1, db1, W1_next, b1_next",
                "  submissions-sample/malformed.json:9: answers.loss: \"NaN\" is not a number (NaN is not accepted)")) {
            assertTrue(r.out().lines().anyMatch(line::equals), () -> line + " not in\n" + r.out());
        }
        assertTrue(r.out().contains("Score 1 / 9"), r::out);
        assertNoStackTrace(r);

        JsonNode report = check("submissions-sample/malformed.json", "--format", "json").json();
        assertEquals("graded", report.get("status").asText());
        assertEquals("malformed", report.get("student").asText());
        assertEquals(1.0, report.get("score").asDouble());
        JsonNode errors = report.get("errors");
        assertEquals(4, errors.size());
        assertEquals("submissions-sample/malformed.json", errors.get(0).get("file").asText());
        assertEquals(6, errors.get(0).get("line").asInt());
        assertEquals("answers.yhat[2]", errors.get(0).get("field").asText());
        assertEquals("\"zero point zero two\" is not a number", errors.get(0).get("message").asText());
        assertEquals("answers.dW3", errors.get(2).get("field").asText());
        assertEquals("correct", quantity(report, "z1").get("status").asText());
        assertEquals("invalid", quantity(report, "yhat").get("status").asText());
        assertEquals("invalid", quantity(report, "dW1").get("status").asText());
        assertEquals("invalid", quantity(report, "loss").get("status").asText());
        assertEquals("missing", quantity(report, "dz1").get("status").asText());
        assertEquals("answers.dW1: is ragged: row 2 has 2 values, but row 1 has 3",
                quantity(report, "dW1").get("problems").get(0).asText());
    }

    @Test
    void theNotesSampleIsGradedQuantityByQuantity() {
        Run r = check("submissions-sample/notes.json", "--format", "json");
        assertEquals(1, r.code(), r::all);
        assertEquals("", r.err());
        JsonNode report = r.json();
        assertEquals("notes-softmax-step", report.get("problem").asText());
        assertEquals("notes", report.get("student").asText());
        assertEquals("graded", report.get("status").asText());
        assertEquals(0, report.get("errors").size());
        assertEquals(List.of("z1", "yhat", "loss", "dz1", "dW1", "db1", "W1_next", "b1_next"),
                names(report.get("quantities")));

        for (String name : List.of("z1", "yhat", "dz1")) {
            JsonNode q = quantity(report, name);
            assertEquals("correct", q.get("status").asText(), name);
            assertEquals(1.0, q.get("points").asDouble(), name);
            assertEquals(0, q.get("cells").size(), name);
        }
        assertEquals("missing", quantity(report, "loss").get("status").asText());

        JsonNode dW1 = quantity(report, "dW1");
        assertEquals("incorrect", dW1.get("status").asText());
        assertEquals(0.0, dW1.get("points").asDouble());
        assertEquals(2.0, dW1.get("maxPoints").asDouble());
        assertEquals("transposed", dW1.get("diagnoses").get(0).asText()); // the spec's example
        assertEquals(6, dW1.get("cells").size());

        JsonNode db1 = quantity(report, "db1");
        assertEquals("incorrect", db1.get("status").asText());
        assertEquals(0.0, db1.get("points").asDouble());
        JsonNode cells = db1.get("cells");
        assertEquals(1, cells.size(), cells::toString);
        assertEquals(1, cells.get(0).get("row").asInt());
        assertEquals(1, cells.get(0).get("col").asInt());
        assertEquals(0.37, cells.get(0).get("submitted").asDouble());
        assertEquals(0.3468694676544798, cells.get(0).get("expected").asDouble());
        assertFalse(cells.get(0).get("correct").asBoolean());

        JsonNode wNext = quantity(report, "W1_next");
        assertEquals("incorrect", wNext.get("status").asText());
        assertEquals(0.0, wNext.get("points").asDouble());

        // b1 − η·db1 from the student's own db1: the spec's follow-through
        JsonNode bNext = quantity(report, "b1_next");
        assertEquals("follow-through", bNext.get("status").asText());
        assertEquals("db1", bNext.get("carriedFrom").get(0).asText());

        assertEquals(9.0, report.get("maxScore").asDouble());
        assertEquals(4.0, report.get("score").asDouble());
    }

    private static List<String> names(JsonNode quantities) {
        List<String> out = new ArrayList<>();
        quantities.forEach(q -> out.add(q.get("name").asText()));
        return out;
    }

    @Test
    void theNotesSampleInText() {
        Run r = check("submissions-sample/notes.json", "--lang", "en", "--color", "never");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("Score 4 / 9"), r::out);
        assertTrue(r.out().contains("  ✓ z1 "), r::out);
        assertTrue(r.out().contains("  ✗ db1      0 / 1  wrong\n      row 1, column 1: you wrote 0.37, expected 0.3468695\n"),
                r::out);
        assertTrue(r.out().contains("  – loss     0 / 1  missing"), r::out);
        assertFalse(r.out().contains("\u001b["), "no colours with --color never");
    }

    @Test
    void hideExpectedLeavesTheExpectedValuesOut() {
        JsonNode report = check("submissions-sample/notes.json", "--format", "json", "--hide-expected").json();
        JsonNode cell = quantity(report, "db1").get("cells").get(0);
        assertFalse(cell.has("expected"), cell::toString);
        assertEquals(0.37, cell.get("submitted").asDouble());
        Run text = check("submissions-sample/notes.json", "--lang", "en", "--hide-expected");
        assertFalse(text.out().contains("0.3468695"), text::out);
    }

    @Test
    void studentOptionNamesTheReport() {
        JsonNode report = check("submissions-sample/perfect.json", "--format", "json", "--student", "ana.popescu").json();
        assertEquals("ana.popescu", report.get("student").asText());
    }

    // ---------------------------------------------------------------- --tolerance

    @Test
    void aToleranceOverrideChangesTheGrade() {
        Run strict = check("submissions-sample/rounded-2dp.json", "--tolerance", "decimals=3", "--format", "json");
        assertEquals(1, strict.code(), strict::all);
        JsonNode yhat = quantity(strict.json(), "yhat");
        assertEquals("incorrect", yhat.get("status").asText());
        assertEquals("3 decimals", yhat.get("tolerance").asText());
        assertEquals("±1%", quantity(strict.json(), "loss").get("tolerance").asText(), "per-quantity tolerance stays");

        Run twoDecimals = check("submissions-sample/rounded-2dp.json", "--tolerance", "decimals=2", "--format", "json");
        assertEquals(0, twoDecimals.code(), twoDecimals::all);
        assertEquals("2 decimals", quantity(twoDecimals.json(), "yhat").get("tolerance").asText());

        Run bad = check("submissions-sample/perfect.json", "--tolerance", "two decimals");
        assertEquals(2, bad.code());
        assertEquals("command line: Invalid value for option '--tolerance': expected kind=value such as decimals=2 "
                + "or absolute=0.01, found \"two decimals\"\nTry 'nngrade check --help' for more information.\n", bad.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"check", "grade"})
    void aBadToleranceValueNamesTheOptionAndWhatIsWrongInOneLineAndAHint(String command) {
        List<String> args = new ArrayList<>(List.of(command, NOTES, "submissions-sample/perfect.json", "--tolerance",
                "decimals=abc"));
        if (command.equals("grade")) {
            args.addAll(List.of("--out", "target/never-written"));
        }
        Run r = run(args.toArray(String[]::new));
        assertEquals(2, r.code());
        assertEquals("command line: Invalid value for option '--tolerance': decimals: \"abc\" is not a number\n"
                + "Try 'nngrade " + command + " --help' for more information.\n", r.err());
        assertFalse(Files.exists(Path.of("target/never-written")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"solve", "check", "template", "grade", "variant", "sheets"})
    void everyCommandPrintsTheVersion(String command) {
        Run r = run(command, "-V");
        assertEquals(0, r.code());
        assertEquals("nngrade 0.1.0\n", r.out());
    }

    // ---------------------------------------------------------------- languages

    @Test
    void romanianOutputUsesRomanianWordsAndDecimalCommas() {
        Run r = check("submissions-sample/notes.json", "--lang", "ro", "--color", "never");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("Punctaj 4 / 9"), r::out);
        assertTrue(r.out().contains("lipsește"), r::out);
        assertTrue(r.out().contains("greșit"), r::out);
        assertTrue(r.out().contains("rândul 1, coloana 1: ai scris 0,37, corect este 0,3468695"), r::out);
        assertTrue(r.out().contains("ai scris -0,97, corect este 1,040608"), r::out);
        assertFalse(r.out().contains("Score"), r::out);
        assertFalse(r.out().contains("you wrote"), r::out);

        Run perfect = check("submissions-sample/compact-ro.csv", "--lang", "ro");
        assertEquals(0, perfect.code());
        assertTrue(perfect.out().contains("Punctaj 9 / 9"), perfect::out);
        assertTrue(perfect.out().contains("Totul este corect. Bravo!"), perfect::out);
    }

    @Test
    void romanianOutputHasNoDecimalPoints() {
        Run r = check("submissions-sample/notes.json", "--lang", "ro", "--color", "never");
        assertTrue(r.out().contains("toleranță ±0,01"), r::out);
        Matcher m = Pattern.compile("\\d\\.\\d").matcher(r.out());
        assertFalse(m.find(), () -> "decimal point in Romanian output at \"" + r.out().substring(
                Math.max(0, m.start() - 30), Math.min(r.out().length(), m.end() + 30)) + "\"");
    }

    // ---------------------------------------------------------------- malformed submissions

    static List<Path> malformedFiles() {
        try (Stream<Path> files = Files.list(MALFORMED)) {
            List<Path> out = files.sorted().toList();
            assertTrue(out.size() >= 20, () -> "corpus: " + out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> malformedInEveryFormat() {
        return malformedFiles().stream().flatMap(f -> Stream.of("text", "json", "markdown")
                .map(fmt -> Arguments.of(f.getFileName().toString(), fmt)));
    }

    @ParameterizedTest(name = "{0} --format {1}")
    @MethodSource("malformedInEveryFormat")
    void aMalformedSubmissionIsReportedNotCrashedOn(String name, String format) {
        String path = MALFORMED.resolve(name).toString();
        Run r = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> check(path, "--format", format, "--lang", "en", "--color", "never"));
        assertTrue(r.code() == 1 || r.code() == 2, () -> "exit " + r.code() + "\n" + r.all());
        assertNoStackTrace(r);
        // Markdown escapes the name (bad\-values.json), as it does all student-controlled text
        String named = format.equals("markdown") ? Text.markdown(path) : path;
        assertTrue(r.all().contains(path) || r.all().contains(named), () -> "the file is not named:\n" + r.all());
        if (format.equals("json")) {
            JsonNode report = r.json();
            assertEquals(r.code() == 2 ? "invalid" : "graded", report.get("status").asText());
            assertTrue(report.get("errors").size() >= 1, report::toString);
            for (JsonNode e : report.get("errors")) {
                assertEquals(path, e.get("file").asText());
                assertFalse(e.get("message").asText().isBlank());
            }
            assertEquals(9.0, report.get("maxScore").asDouble());
            assertTrue(report.get("score").asDouble() < 9.0);
        }
        if (r.code() == 2) {
            assertEquals(0.0, format.equals("json") ? r.json().get("score").asDouble() : 0.0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty.json|2|: is empty; expected answers as JSON or CSV (nngrade template PROBLEM prints a blank answer sheet)",
            "whitespace-only.csv|2|: is empty; expected answers as JSON or CSV",
            "bom-only.csv|2|: is empty; expected answers as JSON or CSV",
            "binary-nul-bytes.png|2|: is not a text file (it contains NUL bytes); expected answers as JSON or CSV",
            "utf16.csv|2|: is UTF-16 text (a spreadsheet's \"Unicode Text\"), not UTF-8; save it as UTF-8",
            "invalid-utf8-latin1.csv|2|: is not UTF-8 text; save it as UTF-8 (CSV UTF-8 in a spreadsheet's Save As)",
            "invalid-utf8-overlong.json|2|: is not UTF-8 text",
            "syntax-error.json|2|:4: invalid JSON: expected , or } after the value of answers.z1, found '\"' (a comma is "
                    + "missing before the next name) (column 5)",
            "truncated.json|2|:4: invalid JSON: the file ends inside an object, after answers.z1: expected , or } (column 1)",
            "top-level-array.json|2|:1: expected an object {\"answers\": {...}}, found a list",
            "answers-not-object.json|2|:1: answers: expected an object of quantity names and values, found a list",
            "deep-nesting.json|2|: invalid JSON: Document nesting depth (33) exceeds the maximum allowed (32)",
            "trailing-content.json|2|:2: unexpected content after the answers object",
            "no-answers.json|2|: has no \"answers\" object; expected {\"answers\": {\"z1\": [...], ...}} (nngrade template PROBLEM prints one)",
            "unknown-header.csv|2|:1: expected a header quantity,row,col,value (one cell per line) or quantity,value "
                    + "(one quantity per line, rows separated by ;), found \"name,i,j,x\"",
            "header-only.csv|2|: has a header but no answers",
            "unterminated-quote.csv|2|:2: is not valid CSV: a quoted value is not closed (a \" without its closing \")",
            "row-2147483647.csv|1|:2: z1: row 2147483647 is out of range; z1 is 1×3 (indices start at 1)",
            "bad-values.json|1|:1: answers.loss: \"NaN\" is not a number (NaN is not accepted)",
            "duplicate-and-range.csv|1|:3: z1 row 1, column 1 is given twice (first on line 2)",
            "unknown-names-and-escapes.csv|1|:2: \"weights\" is not a quantity of this problem; expected one of z1, "
                    + "yhat, loss, dz1, dW1, db1, W1_next, b1_next",
            "very-long-number.json|1|:1: answers.z1[1]: a value of 5000 characters is not a number",
            "very-long-name.json|1|:1: answers.zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"})
    void eachMalformedSubmissionGetsItsExitCodeAndMessage(String name, int code, String message) {
        String path = MALFORMED.resolve(name).toString();
        Run r = check(path, "--format", "json");
        assertEquals(code, r.code(), r::all);
        String line = path + message;
        if (code == 2) {
            // the file could not be read: the message is on stderr, one line per problem
            assertTrue(r.err().lines().anyMatch(l -> l.startsWith(line)), () -> line + "\nnot in\n" + r.err());
            assertEquals("invalid", r.json().get("status").asText());
            assertEquals(0, r.json().get("quantities").size());
        } else {
            Run text = check(path, "--lang", "en");
            assertEquals(1, text.code());
            assertTrue(text.out().lines().anyMatch(l -> l.startsWith("  " + line)), () -> line + "\nnot in\n" + text.out());
            assertEquals("graded", r.json().get("status").asText());
        }
    }

    @Test
    void aHugeSubmissionIsRefusedWithoutReadingIt(@TempDir Path dir) throws IOException {
        Path huge = dir.resolve("huge.json");
        try (OutputStream out = Files.newOutputStream(huge)) {
            out.write("{\"answers\": {\"z1\": [".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "0.1, ".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII); // 320 KB of numbers
            for (int i = 0; i < 64; i++) {
                out.write(chunk);
            }
        }
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(20L << 20); // exactly 20 MB of a real (if endless) answer list
        }
        assertEquals(20L << 20, Files.size(huge));
        Run r = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> check(huge.toString(), "--lang", "en"));
        assertEquals(2, r.code(), r::all);
        assertTrue(r.out().contains(huge + ": is 20 MB; a submission is at most 16 MB"), r::out);
        assertNoStackTrace(r);

        Run json = check(huge.toString(), "--format", "json");
        assertEquals(2, json.code());
        assertEquals(huge + ": is 20 MB; a submission is at most 16 MB\n", json.err());
    }

    @Test
    void aSparseFileOfManyGigabytesIsRefusedAsQuickly(@TempDir Path dir) throws IOException {
        Path huge = dir.resolve("sparse.csv");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(4L << 30);
        }
        Run r = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> check(huge.toString(), "--format", "json"));
        assertEquals(2, r.code());
        assertEquals(huge + ": is 4096 MB; a submission is at most " + (SubmissionReader.MAX_BYTES >> 20) + " MB\n",
                r.err());
    }

    @Test
    void aMissingSubmissionFileCannotBeGraded() {
        Run r = check("submissions-sample/nope.json", "--format", "json");
        assertEquals(2, r.code());
        assertEquals("submissions-sample/nope.json: no such file\n", r.err());
        assertEquals("invalid", r.json().get("status").asText());
    }

    @Test
    void aMissingProblemFileExitsTwoWithOneLineOnStderr() {
        Run r = run("check", "problems/nope.json", "submissions-sample/perfect.json");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r::err);
        assertEquals("problems/nope.json: no such file\n", r.err());
    }

    @Test
    void aMissingArgumentIsAUsageErrorWithExitTwo() {
        Run r = run("check", NOTES);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Missing required parameter: 'SUBMISSION'"), r::err);
        assertNoStackTrace(r);
    }

    // ---------------------------------------------------------------- student text on a terminal

    @Test
    void studentTextCannotInjectTerminalEscapesIntoTheTextReport() {
        for (Path f : malformedFiles()) {
            Run r = check(f.toString(), "--lang", "en", "--color", "never");
            assertFalse(r.out().contains("\u001b"), f + ":\n" + r.out());
            assertFalse(r.err().contains("\u001b"), f + ":\n" + r.err());
        }
    }

    @Test
    void studentTextCannotInjectTerminalEscapesIntoStderr(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("escape.csv");
        Files.writeString(f, "quantity,va\u001b[31mlue\nz1,1 2 3\n");
        for (String format : List.of("json", "markdown")) {
            Run r = check(f.toString(), "--format", format);
            assertEquals(2, r.code());
            assertFalse(r.err().contains("\u001b"), r::err);
        }
    }
}
