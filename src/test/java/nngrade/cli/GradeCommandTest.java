package nngrade.cli;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static nngrade.cli.GradeRuns.ASKED;
import static nngrade.cli.GradeRuns.NOTES;
import static nngrade.cli.GradeRuns.grade;
import static nngrade.cli.GradeRuns.gradebook;
import static nngrade.cli.GradeRuns.read;
import static nngrade.cli.GradeRuns.setModified;
import static nngrade.cli.GradeRuns.snapshot;
import static nngrade.cli.GradeRuns.submission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code nngrade grade} on a class: a mixed folder against a roster, every gradebook row and
 * cell, the exit codes, and the rule that the submissions folder is never written to.
 */
class GradeCommandTest {
    private static final String ALL_POINTS = "1,1,1,1,2,1,1,1";
    /** What the lecture notes' answers (submissions-sample/notes.json) earn per quantity. */
    private static final String NOTES_POINTS = "1,1,0,1,0,0,0,1";
    private static final String NO_POINTS = ",,,,,,,";
    private static final String UNREADABLE_NOTE = "line 1: expected a header quantity,row,col,value (one cell per line) "
            + "or quantity,value (one quantity per line, rows separated by ;), found \"name,answer\"";

    @TempDir
    Path tmp;

    /**
     * The mixed class: in/ holds good, rounded (in a subfolder), wrong, malformed, two files of
     * "dup" (the newer one, by modification time, is the wrong one, in a subfolder) and
     * "stranger", who is not on the roster; "absent" is on the roster without a file. A README
     * and a hidden JSON file are not submissions.
     */
    private Path mixedClass() throws IOException {
        Path in = tmp.resolve("in");
        submission(in, "good.json", "perfect.json", "good");
        submission(in.resolve("group-b"), "rounded.json", "rounded-2dp.json", "rounded");
        submission(in, "wrong.json", "notes.json", "wrong");
        Files.copy(GradeRuns.SAMPLES.resolve("unreadable.csv"), in.resolve("malformed.csv"));
        setModified(submission(in, "dup.json", "perfect.json", "dup"), "2024-01-01T10:00:00Z");
        setModified(submission(in.resolve("resubmitted"), "dup.json", "notes.json", "dup"), "2024-06-01T10:00:00Z");
        submission(in, "stranger.json", "perfect.json", "stranger");
        Files.writeString(in.resolve("README.txt"), "not a submission");
        submission(in, ".draft.json", "perfect.json", "draft");
        Files.writeString(tmp.resolve("roster.csv"), "id,name\ngood,G\nrounded,R\nwrong,W\nmalformed,M\ndup,D\nabsent,A\n");
        return in;
    }

    private static String[] cells(String csv) {
        return csv.split(",", -1);
    }

    /** One expected gradebook row: id, status, score, max, 8 point cells, diagnoses, file, note. */
    private static List<String> row(String id, String status, String score, String points, String diagnoses, String file,
                                    String note) {
        List<String> r = new ArrayList<>(List.of(id, status, score, "9"));
        r.addAll(List.of(cells(points)));
        r.addAll(List.of(diagnoses, file, note));
        return r;
    }

    /** The row with a roster's name column after the id. */
    private static List<String> named(String name, List<String> row) {
        List<String> r = new ArrayList<>(row);
        r.add(1, name);
        return r;
    }

    @Test
    void mixedClassWithRosterGivesOneCheckedRowPerFileAndPerAbsentStudent() throws IOException {
        Path in = mixedClass();
        Path out = tmp.resolve("out");
        GradeRuns.Run run = grade(NOTES, in, "--roster", tmp.resolve("roster.csv"), "--out", out, "--jobs", "3");

        assertEquals(1, run.code(), run.all());
        assertEquals(in.resolve("malformed.csv") + ": invalid: " + UNREADABLE_NOTE + System.lineSeparator(), run.err());
        assertEquals("", run.out());

        List<CSVRecord> records = gradebook(out);
        List<String> header = new ArrayList<>(List.of("id", "name", "status", "score", "max"));
        header.addAll(ASKED);
        header.addAll(List.of("diagnoses", "file", "note"));
        assertEquals(header, records.get(0).toList());

        // The roster's name column follows the id: a duplicate's row has it too, an unknown id none.
        String dupNew = in.resolve("resubmitted/dup.json").toString();
        List<List<String>> expected = List.of(
                named("A", row("absent", "missing", "0", NO_POINTS, "", "", "no submission")),
                named("D", row("dup", "duplicate", "9", ALL_POINTS, "", in.resolve("dup.json").toString(),
                        "not counted: " + dupNew + " is newer")),
                named("D", row("dup", "graded", "4", NOTES_POINTS, "dW1: transposed", dupNew, "counted (newest of 2 files)")),
                named("G", row("good", "graded", "9", ALL_POINTS, "", in.resolve("good.json").toString(), "")),
                named("M", row("malformed", "invalid", "0", NO_POINTS, "", in.resolve("malformed.csv").toString(),
                        UNREADABLE_NOTE)),
                named("R", row("rounded", "graded", "9", ALL_POINTS, "", in.resolve("group-b/rounded.json").toString(), "")),
                named("", row("stranger", "unknown", "9", ALL_POINTS, "", in.resolve("stranger.json").toString(),
                        "not on the roster")),
                named("W", row("wrong", "graded", "4", NOTES_POINTS, "dW1: transposed", in.resolve("wrong.json").toString(),
                        "")));
        assertEquals(expected.size() + 1, records.size(), "rows: " + records);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), records.get(i + 1).toList(), "row " + (i + 1));
        }

        // A report per file, named by id; the duplicate's carries its file name.
        assertEquals(List.of("dup--dup.html", "dup.html", "good.html", "malformed.html", "rounded.html",
                "stranger.html", "wrong.html"), list(out.resolve("reports")));
        assertEquals(List.of("changes.csv", "gradebook.csv", "reports", "summary.html", "summary.json"), list(out));

        // The class summary counts the same rows; statistics only over counted students.
        var summary = GradeRuns.JSON.readTree(out.resolve("summary.json").toFile());
        assertEquals("{\"graded\":4,\"invalid\":1,\"duplicate\":1,\"missing\":1,\"unknown\":1}",
                summary.get("rows").toString());
        // Graded as the gradebook counts them: stranger's file is graded, but stranger is not on the roster.
        assertEquals(summary.get("rows").get("graded").asInt(), summary.get("graded").asInt());
        assertEquals(4, summary.get("graded").asInt()); // dup (counted), good, rounded, wrong
        assertEquals(6.5, summary.get("meanScore").asDouble()); // (4 + 9 + 9 + 4) / 4
        assertEquals(6.5, summary.get("medianScore").asDouble());
        assertEquals(0.5, summary.get("quantities").get("dW1").get("correctRate").asDouble());
        assertEquals(1.0, summary.get("quantities").get("dW1").get("meanPoints").asDouble()); // (0 + 2 + 2 + 0) / 4
        assertEquals("[{\"quantity\":\"dW1\",\"code\":\"transposed\",\"count\":2}]", summary.get("diagnoses").toString());
    }

    @Test
    void whenTheNewerDuplicateIsTheOlderByPathTheModificationTimeStillDecides() throws IOException {
        Path in = tmp.resolve("in");
        // Same as above with the times swapped: the file first by path (dup.json) is the newer.
        setModified(submission(in, "dup.json", "perfect.json", "dup"), "2024-06-01T10:00:00Z");
        setModified(submission(in.resolve("resubmitted"), "dup.json", "notes.json", "dup"), "2024-01-01T10:00:00Z");
        Path out = tmp.resolve("out");
        assertEquals(0, grade(NOTES, in, "--out", out).code());
        String newer = in.resolve("dup.json").toString();
        List<CSVRecord> records = gradebook(out);
        assertEquals(3, records.size());
        assertEquals(row("dup", "graded", "9", ALL_POINTS, "", newer, "counted (newest of 2 files)"),
                records.get(1).toList());
        assertEquals(row("dup", "duplicate", "4", NOTES_POINTS, "dW1: transposed", in.resolve("resubmitted/dup.json").toString(),
                "not counted: " + newer + " is newer"), records.get(2).toList());
        assertEquals(List.of("dup--dup.html", "dup.html"), list(out.resolve("reports")));
        // with one job, dup.json is graded first and keeps the name dup.html it took while grading
        Path json = tmp.resolve("out-json");
        assertEquals(0, grade(NOTES, in, "--out", json, "--format", "json", "--jobs", "1").code());
        assertEquals(9.0, GradeRuns.JSON.readTree(json.resolve("reports/dup.json").toFile()).get("score").asDouble());
        assertEquals(4.0, GradeRuns.JSON.readTree(json.resolve("reports/dup--dup.json").toFile()).get("score").asDouble());
    }

    @Test
    void withoutARosterNobodyIsMissingOrUnknown() throws IOException {
        Path in = mixedClass();
        Path out = tmp.resolve("out");
        assertEquals(1, grade(NOTES, in, "--out", out).code());
        List<String> statuses = gradebook(out).stream().skip(1).map(r -> r.get(0) + ":" + r.get(1))
                .toList();
        assertEquals(List.of("dup:duplicate", "dup:graded", "good:graded", "malformed:invalid", "rounded:graded",
                "stranger:graded", "wrong:graded"), statuses);
    }

    /** JSON may spell half a UTF-16 pair ("\\ud800"); written out it becomes "?", and the class is graded. */
    @Test
    void aStudentIdWithAnUnpairedSurrogateIsGradedAndWrittenWithAQuestionMark() throws IOException {
        Path in = tmp.resolve("in");
        String perfect = Files.readString(GradeRuns.SAMPLES.resolve("perfect.json"), StandardCharsets.UTF_8);
        write(in.resolve("odd.json"), perfect.replace("\"student\": \"perfect\"", "\"student\": \"ana\\ud800\""));
        submission(in, "ion.json", "perfect.json", "ion");
        Path out = tmp.resolve("out");
        GradeRuns.Run run = grade(NOTES, in, "--out", out, "--format", "html,json", "--junit-xml", tmp.resolve("junit.xml"),
                "--id-from", "field");

        assertEquals(0, run.code(), run.all());
        assertEquals(List.of("ana?", "ion"), gradebook(out).stream().skip(1).map(r -> r.get(0)).toList());
        List<String> reports = list(out.resolve("reports"));
        assertEquals(4, reports.size(), reports.toString());
        String json = reports.stream().filter(n -> n.startsWith("ana_-") && n.endsWith(".json")).findFirst().orElseThrow();
        assertTrue(Files.readString(out.resolve("reports").resolve(json), StandardCharsets.UTF_8).contains("\"ana?\""),
                "the report names the student with the surrogate replaced");
        // XML 1.0 has no character for it at all: the escaper leaves it out.
        assertTrue(Files.readString(tmp.resolve("junit.xml"), StandardCharsets.UTF_8).contains("<testsuite name=\"ana\""));
    }

    /**
     * Three files saying they are ana's, two with the same name in different folders: with ids
     * from the field, each keeps its own report, and all three are flagged for the teacher.
     */
    @Test
    void filesClaimingOneIdWithTheSameFileNameInDifferentFoldersKeepTheirOwnReports() throws IOException {
        Path in = tmp.resolve("in");
        setModified(submission(in, "ana.json", "perfect.json", "ana"), "2024-03-10T10:00:00Z");
        setModified(submission(in.resolve("a"), "old.json", "notes.json", "ana"), "2024-03-01T10:00:00Z");
        setModified(submission(in.resolve("b"), "old.json", "rounded-2dp.json", "ana"), "2024-03-02T10:00:00Z");
        Path out = tmp.resolve("out");
        GradeRuns.Run run = grade(NOTES, in, "--out", out, "--format", "json", "--id-from", "field");
        assertEquals(1, run.code(), run.all());
        assertEquals(3, run.err().lines().filter(l -> l.contains(": look at this: 3 files say they are ana's: decide which "
                + "one counts")).count(), run.err());
        assertEquals(List.of("ana--old.json", "ana--old~2.json", "ana.json"), list(out.resolve("reports")));
        assertEquals(4.0, GradeRuns.JSON.readTree(out.resolve("reports/ana--old.json").toFile()).get("score").asDouble(),
                "a/old.json, the notes' answers");
        assertEquals(9.0, GradeRuns.JSON.readTree(out.resolve("reports/ana--old~2.json").toFile()).get("score").asDouble(),
                "b/old.json, rounded");
        List<CSVRecord> records = gradebook(out);
        // Sorted by id, then by file name as text: "in/a/old.json" < "in/ana.json" < "in/b/old.json".
        assertEquals(List.of("duplicate", "graded", "duplicate"), records.stream().skip(1).map(r -> r.get(1)).toList());
        assertEquals(List.of(in.resolve("a/old.json").toString(), in.resolve("ana.json").toString(),
                in.resolve("b/old.json").toString()), records.stream().skip(1).map(r -> r.get(13)).toList());
    }

    // ------------------------------------------------------------------ exit codes

    /** A case: what to set up in tmp (returns the arguments after "grade"), the exit code, a piece of stderr. */
    record Case(String name, Function<Path, List<Object>> setUp, int code, String errContains) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Path goodClass(Path tmp) {
        Path in = tmp.resolve("in");
        submission(in, "good.json", "perfect.json", "good");
        submission(in, "rounded.json", "rounded-2dp.json", "rounded");
        submission(in, "wrong.json", "notes.json", "wrong");
        return in;
    }

    private static Path write(Path f, String text) {
        try {
            Files.createDirectories(f.getParent());
            Files.writeString(f, text, StandardCharsets.UTF_8);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Case> exitCodes() {
        return Stream.of(
                new Case("every input graded", t -> List.of(NOTES, goodClass(t), "--out", t.resolve("out")), 0, ""),
                new Case("every input graded, a roster student missing, one unknown", t -> List.of(NOTES, goodClass(t),
                        "--roster", write(t.resolve("roster.csv"), "id\ngood\nrounded\nabsent\n"), "--out", t.resolve("out")),
                        0, ""),
                new Case("every input graded, as files not a folder", t -> {
                    Path in = goodClass(t);
                    return List.of(NOTES, in.resolve("good.json"), in.resolve("wrong.json"), "--out", t.resolve("out"));
                }, 0, ""),
                new Case("one input invalid", t -> {
                    Path in = goodClass(t);
                    write(in.resolve("broken.json"), "{\"answers\": [0.8, -2, 1.4]}");
                    return List.of(NOTES, in, "--out", t.resolve("out"));
                }, 1, "broken.json: invalid: line 1: answers: expected an object of quantity names and values, found a list"),
                new Case("bad problem: not JSON", t -> List.of(write(t.resolve("p.json"), "{\"id\": "), goodClass(t),
                        "--out", t.resolve("out")), 2, "p.json"),
                new Case("bad problem: no such file", t -> List.of(t.resolve("nope.json"), goodClass(t),
                        "--out", t.resolve("out")), 2, "nope.json"),
                new Case("--gradescope with two submissions", t -> List.of(NOTES, goodClass(t).resolve("good.json"),
                        t.resolve("in/wrong.json"), "--out", t.resolve("out"), "--gradescope", t.resolve("results.json")),
                        2, "command line: --gradescope: Gradescope grades one submission at a time, but 2 were given"),
                new Case("missing input path", t -> List.of(NOTES, goodClass(t), t.resolve("no-such-folder"),
                        "--out", t.resolve("out")), 2, "no-such-folder: no such file or folder"),
                new Case("--out inside the input folder", t -> List.of(NOTES, goodClass(t), "--out", t.resolve("in/graded")),
                        2, "command line: --out:"),
                new Case("--out is the input folder", t -> List.of(NOTES, goodClass(t), "--out", t.resolve("in")),
                        2, "nngrade never writes there"),
                new Case("--out is a file", t -> List.of(NOTES, goodClass(t), "--out", write(t.resolve("out"), "x")),
                        2, "out: cannot write"),
                new Case("--junit-xml inside the input folder", t -> List.of(NOTES, goodClass(t), "--out", t.resolve("out"),
                        "--junit-xml", t.resolve("in/junit.xml")), 2, "command line: --junit-xml:"),
                new Case("--gradescope would overwrite the submission", t -> List.of(NOTES, goodClass(t).resolve("good.json"),
                        "--out", t.resolve("out"), "--gradescope", t.resolve("in/good.json")), 2, "command line: --gradescope:"),
                new Case("roster without an id column", t -> List.of(NOTES, goodClass(t), "--roster",
                        write(t.resolve("roster.csv"), "name\nAna\n"), "--out", t.resolve("out")), 2,
                        "roster.csv:1: expected a header with an id column"),
                new Case("unknown report format", t -> List.of(NOTES, goodClass(t), "--out", t.resolve("out"),
                        "--format", "html,pdf"), 2, "pdf"),
                new Case("no --out", t -> List.of(NOTES, goodClass(t)), 2, "--out"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exitCodes")
    void exitCode(Case c) {
        List<Object> args = c.setUp().apply(tmp);
        Map<String, String> before = snapshot(tmp.resolve("in"));
        Map<String, String> outBefore = snapshot(tmp.resolve("out"));
        GradeRuns.Run run = grade(args.toArray());

        assertEquals(c.code(), run.code(), run.all());
        assertTrue(run.err().contains(c.errContains()), run.err());
        assertFalse(run.all().contains("\tat "), "no stack trace: " + run.all());
        assertFalse(run.all().contains("internal error"), run.all());
        assertEquals(before, snapshot(tmp.resolve("in")), "the input folder is never written to");
        if (c.code() == 2) {
            assertEquals(outBefore, snapshot(tmp.resolve("out")), "nothing written when nothing could be graded");
            assertFalse(Files.exists(tmp.resolve("results.json")));
        } else {
            assertTrue(Files.isRegularFile(tmp.resolve("out/gradebook.csv")));
        }
    }

    @Test
    void theInputFolderIsNeverWrittenToWhateverIsAskedFor() throws IOException {
        Path in = mixedClass();
        Map<String, String> before = snapshot(in);
        Map<String, String> rosterBefore = snapshot(tmp.resolve("roster.csv"));
        assertEquals(12, before.size(), before.toString()); // 9 files, in/, in/group-b/ and in/resubmitted/
        Path out = tmp.resolve("out");
        for (int i = 0; i < 2; i++) { // the second run replaces the first's outputs
            GradeRuns.Run run = grade(NOTES, in, "--roster", tmp.resolve("roster.csv"), "--out", out,
                    "--format", "html,md,json", "--junit-xml", out.resolve("junit.xml"), "--jobs", "4");
            assertEquals(1, run.code(), run.all());
            assertEquals(before, snapshot(in));
        }
        assertEquals(rosterBefore, snapshot(tmp.resolve("roster.csv")));
        assertEquals(List.of("changes.csv", "gradebook.csv", "junit.xml", "reports", "summary.html", "summary.json"), list(out));
        assertEquals(21, list(out.resolve("reports")).size());
    }

    @Test
    void anEmptyFolderGivesAnEmptyGradebookAndEveryRosterStudentMissing() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path roster = write(tmp.resolve("roster.csv"), "\uFEFFlogin;name\nzoe;Z\nana;A\n");
        Path out = tmp.resolve("out");
        assertEquals(0, grade(NOTES, in, "--roster", roster, "--out", out).code());
        List<CSVRecord> records = gradebook(out);
        assertEquals(3, records.size());
        assertEquals(named("A", row("ana", "missing", "0", NO_POINTS, "", "", "no submission")), records.get(1).toList());
        assertEquals(named("Z", row("zoe", "missing", "0", NO_POINTS, "", "", "no submission")), records.get(2).toList());
        assertEquals(List.of(), list(out.resolve("reports")));
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anUnreadableFileSupersededByANewerOneIsADuplicateExitZeroAndStillNamed() throws IOException {
        Path in = goodClass(tmp);
        Path old = write(in.resolve("old/good.json"), "{\"answers\": [1]}");
        Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        GradeRuns.Run r = grade(NOTES, in, "--out", tmp.resolve("out"));
        assertEquals(0, r.code(), r.all());
        assertEquals(old + ": invalid: line 1: answers: expected an object of quantity names and values, found a list\n",
                r.err());
        assertTrue(read(tmp.resolve("out/gradebook.csv")).contains("good,duplicate,,9,"), read(tmp.resolve("out/gradebook.csv")));
    }

    @Test
    void theUnreadableFilesAreNamedEvenWhenTheRunThenCannotWrite() throws IOException {
        Path in = goodClass(tmp);
        write(in.resolve("broken.json"), "{\"answers\": [1]}");
        Files.createDirectories(tmp.resolve("out/summary.html")); // found only when publishing
        GradeRuns.Run r = grade(NOTES, in, "--out", tmp.resolve("out"));
        assertEquals(2, r.code(), r.all());
        assertEquals(List.of(in.resolve("broken.json") + ": invalid: line 1: answers: expected an object of quantity names "
                        + "and values, found a list", tmp.resolve("out/summary.html") + ": cannot write: "
                        + tmp.resolve("out/summary.html") + " is a folder"), r.err().lines().toList());
        try (Stream<Path> left = Files.list(tmp.resolve("out"))) {
            assertEquals(List.of(tmp.resolve("out/summary.html")), left.toList(), "nothing published, no staging left");
        }
    }

    @Test
    void aJunitXmlThatIsAFolderIsRefusedBeforeGradingAndLeavesNoOutFolder() throws IOException {
        Files.createDirectories(tmp.resolve("junit.xml"));
        GradeRuns.Run r = grade(NOTES, goodClass(tmp), "--out", tmp.resolve("out"), "--junit-xml", tmp.resolve("junit.xml"));
        assertEquals(2, r.code(), r.all());
        assertEquals(tmp.resolve("junit.xml") + ": cannot write: " + tmp.resolve("junit.xml") + " is a folder\n", r.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void aFailedRunRemovesTheOutFolderItMadeAndKeepsOneThatWasThere() throws IOException {
        Path in = goodClass(tmp);
        Path readOnlyTarget = write(tmp.resolve("results-dir/x"), "").getParent();
        GradeRuns.Run made = grade(NOTES, in.resolve("good.json"), "--out", tmp.resolve("new-out"), "--gradescope",
                readOnlyTarget.resolve("x/results.json"));
        assertEquals(2, made.code(), made.all());
        assertFalse(Files.exists(tmp.resolve("new-out")), "made by the run, removed by it");
        Files.createDirectories(tmp.resolve("old-out"));
        GradeRuns.Run kept = grade(NOTES, in.resolve("good.json"), "--out", tmp.resolve("old-out"), "--gradescope",
                readOnlyTarget.resolve("x/results.json"));
        assertEquals(2, kept.code(), kept.all());
        try (Stream<Path> left = Files.list(tmp.resolve("old-out"))) {
            assertEquals(List.of(), left.toList(), "there before, still there, empty as it was");
        }
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(List.of("--bogus"), "command line: Unknown option: '--bogus'"),
                Arguments.of(List.of("--format", "pdf"), "command line: Invalid value for option '--format' (FORMATS): "
                        + "expected one of [html, md, json] (case-sensitive) but was 'pdf'"),
                Arguments.of(List.of("--jobs", "many"), "command line: Invalid value for option '--jobs': expected 0 (one grader per core) or a number of "
                        + "graders, found 'many'"),
                Arguments.of(List.of("--tolerance", "decimals=abc,relative=x"), "command line: Invalid value for option "
                        + "'--tolerance': relative: \"x\" is not a number; decimals: \"abc\" is not a number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usageErrors")
    void aUsageErrorIsOneLineAndAHintAndNothingIsWritten(List<String> options, String line) {
        List<Object> args = new ArrayList<>(List.of(NOTES, goodClass(tmp), "--out", tmp.resolve("out")));
        args.addAll(options);
        GradeRuns.Run r = grade(args.toArray());
        assertEquals(2, r.code(), r.all());
        assertEquals(List.of(line, "Try 'nngrade grade --help' for more information."), r.err().lines().toList());
        assertEquals("", r.out());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void withoutOutOrWithTwoFilesForGradescopeTheSameShapeOfMessage() {
        GradeRuns.Run noOut = grade(NOTES, goodClass(tmp));
        assertEquals(List.of("command line: Missing required option: '--out=DIR'",
                "Try 'nngrade grade --help' for more information."), noOut.err().lines().toList());
        GradeRuns.Run two = grade(NOTES, goodClass(tmp).resolve("good.json"), tmp.resolve("in/wrong.json"), "--out",
                tmp.resolve("out"), "--gradescope", tmp.resolve("results.json"));
        assertEquals(List.of("command line: --gradescope: Gradescope grades one submission at a time, but 2 were given",
                "Try 'nngrade grade --help' for more information."), two.err().lines().toList());
        assertEquals(2, two.code());
    }

    @Test
    void aBadSecretFileIsToldBeforeABadProblem() throws IOException {
        Path secret = write(tmp.resolve("empty.secret"), "");
        Path problem = write(tmp.resolve("p.json"), "{\"id\": ");
        GradeRuns.Run r = grade(problem, goodClass(tmp), "--out", tmp.resolve("out"), "--secret-file", secret);
        assertEquals(2, r.code());
        assertEquals(secret + ": is empty; expected the secret\n", r.err());
    }
}
