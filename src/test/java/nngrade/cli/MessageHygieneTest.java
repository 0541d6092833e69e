package nngrade.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static nngrade.cli.GradeRuns.NOTES;
import static nngrade.cli.GradeRuns.grade;
import static nngrade.cli.GradeRuns.run;
import static nngrade.cli.GradeRuns.submission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What nngrade prints stays nngrade's: a file name or a student field holding a newline, a carriage
 * return or ESC is shown escaped, one line per problem, and no Java class name reaches the user.
 */
class MessageHygieneTest {
    @TempDir
    Path tmp;

    private static void assertNoControlCharacters(String text) {
        for (String line : text.split("\n", -1)) {
            assertFalse(line.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f), () -> "raw control in: " + line);
        }
    }

    @Test
    void aFileNameWithANewlineOrEscIsOneEscapedLineOnGradesStderr() throws IOException {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        Files.writeString(in.resolve("a\nFAKE: all 30 files graded OK.json"), "{");
        Files.writeString(in.resolve("\u001b[31mred.json"), "{");
        GradeRuns.Run r = grade(NOTES, in, "--out", tmp.resolve("out"));
        assertEquals(1, r.code(), r::all);
        assertNoControlCharacters(r.err());
        List<String> lines = r.err().lines().filter(l -> l.contains(": invalid: ")).toList();
        assertEquals(2, lines.size(), r::err);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(in + "/a\\nFAKE: all 30 files graded OK.json: invalid: line 1: ")),
                r::err);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(in + "/\\u001b[31mred.json: invalid: line 1: ")), r::err);
        assertFalse(r.err().lines().anyMatch(l -> l.startsWith("FAKE")), r::err);
    }

    @Test
    void aStudentFieldWithEscIsEscapedInChecksTextReport() {
        Path f = submission(tmp, "esc.json", "notes.json", "\u001b[2J");
        GradeRuns.Run r = run("check", NOTES, f.toString(), "--lang", "en");
        assertEquals(1, r.code(), r::all);
        assertNoControlCharacters(r.out());
        assertEquals("nngrade check · notes-softmax-step · \\u001b[2J", r.out().lines().findFirst().orElseThrow());
    }

    @Test
    void aFileNameWithControlsIsEscapedInChecksProblems() throws IOException {
        Path f = tmp.resolve("x\r\u001b[2Ky.json");
        Files.writeString(f, "{");
        GradeRuns.Run r = run("check", NOTES, f.toString(), "--lang", "en");
        assertEquals(2, r.code(), r::all);
        assertNoControlCharacters(r.all());
        assertTrue(r.all().contains(tmp + "/x\\r\\u001b[2Ky.json:1: invalid JSON: "), r::all);
    }

    /** Before: "cannot be read: MalformedInputException", and /dev/zero an OutOfMemoryError. */
    @Test
    void anUnusableSecretFileIsOneLineInWordsAndNeverQuoted() throws IOException {
        Path notUtf8 = tmp.resolve("secret.txt");
        Files.write(notUtf8, new byte[] {(byte) 0xC3, 'h', 'u', 'n', 't', 'e', 'r', '2'});
        Path huge = tmp.resolve("huge.txt");
        Files.write(huge, new byte[(1 << 20) + 1]);
        for (Object[] c : List.of(
                new Object[] {notUtf8, notUtf8 + ": is not UTF-8 text; expected the secret as text"},
                new Object[] {huge, huge + ": is 2 MB; a secret file is at most 1 MB"},
                new Object[] {tmp, tmp + ": is a folder; expected the secret (a text file, or the NNGRADE_SECRET environment variable instead)"},
                new Object[] {Path.of("/dev/zero"), "/dev/zero: is not a regular file (a pipe, a socket or a device); "
                        + "expected the secret (a text file, or the NNGRADE_SECRET environment variable instead)"})) {
            GradeRuns.Run r = run("solve", NOTES, "--secret-file", c[0].toString());
            assertEquals(2, r.code(), r::all);
            assertEquals(c[1] + "\n", r.err());
            assertFalse(r.all().contains("hunter2") || r.all().contains("Exception"), r::all);
        }
    }

    /** Before, each of these quoted the token: "found \"ghp_…\"", "Unrecognized token 'ghp_…'". */
    @Test
    void aSecretGivenAsARosterOverridesOrProblemIsNeverQuoted() throws IOException {
        String token = "ghp_S3cr3tT0k3nValue123";
        Path txt = Files.writeString(tmp.resolve("secret.txt"), token + "\n");
        Path json = Files.writeString(tmp.resolve("secret.json"), token + "\n");
        Path pair = Files.writeString(tmp.resolve("pair.txt"), "TOKEN=" + token + ", other\n");
        String notQuoted = "(not quoted: a file that is not what it was given as may hold a secret)";
        for (Path f : List.of(txt, json, pair)) {
            GradeRuns.Run roster = grade(NOTES, "submissions-sample/notes.json", "--roster", f, "--out", tmp.resolve("o"));
            assertEquals(f + ":1: expected a header with an id column (id, student, username or login), found a line "
                    + "that is not a table's header " + notQuoted + "\n", roster.err());
            GradeRuns.Run overrides = grade(NOTES, "submissions-sample/notes.json", "--overrides", f, "--out", tmp.resolve("o"));
            assertEquals(f + ":1: expected a header id,quantity,points,reason (reason may be left out), found a line "
                    + "that is not a table's header " + notQuoted + "\n", overrides.err());
            GradeRuns.Run problem = run("solve", f.toString());
            assertEquals(2, problem.code());
            assertFalse(problem.all().contains("ghp_") || problem.all().contains("TOKEN"), problem::all);
        }
        assertEquals(json + ":1: invalid JSON at column 24; expected an object {…} of a problem's fields, and the file does "
                + "not start with { " + notQuoted + "\n", run("solve", json.toString()).err());
        assertEquals(txt + ": expected an object with the fields of a problem, found a single value " + notQuoted + "\n",
                run("solve", txt.toString()).err());
    }

    @Test
    void aRosterWithoutAnIdColumnStillShowsItsHeader() throws IOException {
        Path roster = Files.writeString(tmp.resolve("roster.csv"), "name,Email address\nA,a@x\n");
        GradeRuns.Run r = grade(NOTES, "submissions-sample/notes.json", "--roster", roster, "--out", tmp.resolve("o"));
        assertEquals(roster + ":1: expected a header with an id column (id, student, username or login), found "
                + "\"name,Email address\"\n", r.err());
    }

    /** Before: "nngrade: internal error: java.lang.OutOfMemoryError: Java heap space … (please report it)". */
    @Test
    void runningOutOfMemoryIsOneLineAndExit3() throws IOException, InterruptedException {
        Path big = Files.writeString(tmp.resolve("big.json"), "{\"id\": \"x\", \"statement\": \"" + "x".repeat(15_000_000) + "\"}");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx16m",
                "-cp", System.getProperty("java.class.path"), "nngrade.cli.Main", "solve", big.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(tmp.resolve("output.txt").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(3, p.exitValue());
        assertEquals("nngrade ran out of memory (the Java heap is at most 16 MB): raise -Xmx (NNGRADE_JAVA_OPTS=-Xmx2g "
                + "bin/nngrade …) or run it with bin/nngrade, whose settings keep grade's memory small\n",
                Files.readString(tmp.resolve("output.txt")));
    }

    @Test
    void jobsAreCappedAtFourPerCoreAndANegativeCountIsAUsageError() {
        assertEquals(8, Jobs.capped(100_000, 2));
        assertEquals(3, Jobs.capped(3, 2));
        assertEquals(0, Jobs.capped(0, 2));
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(4 * cores, new Jobs().convert("99999999999"));
        assertEquals(1, new Jobs().convert("0001"));
        GradeRuns.Run r = grade(NOTES, "submissions-sample/notes.json", "--jobs", "-1", "--out", tmp.resolve("o"));
        assertEquals(2, r.code());
        assertEquals("command line: Invalid value for option '--jobs': expected 0 (one grader per core) or a number of "
                + "graders, found '-1'", r.err().lines().findFirst().orElseThrow());
        assertEquals(0, grade(NOTES, "submissions-sample/perfect.json", "--jobs", "1000000", "--out", tmp.resolve("o2")).code());
    }
}
