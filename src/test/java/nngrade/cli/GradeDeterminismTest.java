package nngrade.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static nngrade.cli.GradeRuns.NOTES;
import static nngrade.cli.GradeRuns.contents;
import static nngrade.cli.GradeRuns.grade;
import static nngrade.cli.GradeRuns.gradebook;
import static nngrade.cli.GradeRuns.snapshot;
import static nngrade.cli.GradeRuns.submission;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Same inputs, same bytes, however many graders run in parallel; and a run that cannot write
 * one of its outputs leaves the previous run's outputs exactly as they were, with nothing
 * half-written beside them.
 */
class GradeDeterminismTest {
    @TempDir
    Path tmp;

    /**
     * A class of 60 files: the samples (one unreadable), 40 students with one dW1 cell off by
     * a different amount, duplicates, and awkward ids; a roster with absent students.
     */
    private Path bigClass() throws IOException {
        Path in = tmp.resolve("in");
        Path samples = Files.createDirectories(in.resolve("sample"));
        try (Stream<Path> s = Files.list(GradeRuns.SAMPLES)) {
            for (Path f : s.toList()) {
                Files.copy(f, samples.resolve(f.getFileName()));
            }
        }
        for (int i = 0; i < 40; i++) {
            Path f = submission(in.resolve("group-" + (i % 4)), String.format(Locale.ROOT, "st%02d.json", i), "perfect.json",
                    String.format(Locale.ROOT, "student-%02d", i));
            ObjectNode doc = (ObjectNode) GradeRuns.JSON.readTree(f.toFile());
            ArrayNode row = (ArrayNode) doc.get("answers").get("dW1").get(i % 3);
            row.set(i / 3 % 3, row.get(i / 3 % 3).asDouble() + (i % 5) * 0.25);
            if (i % 7 == 0) {
                ((ObjectNode) doc.get("answers")).remove("loss");
            }
            Files.writeString(f, doc.toString(), StandardCharsets.UTF_8);
        }
        GradeRuns.setModified(submission(in, "dup-a.json", "notes.json", "student-03"), "2030-01-01T00:00:00Z");
        GradeRuns.setModified(submission(in, "dup-b.json", "rounded-2dp.json", "student-03"), "2020-01-01T00:00:00Z");
        submission(in, "wrong.json", "notes.json", "Student-03");
        for (int i = 0; i < GradeInjectionTest.IDS.size(); i++) {
            submission(in.resolve("odd"), "o" + i + ".json", "notes.json", GradeInjectionTest.IDS.get(i));
        }
        StringBuilder roster = new StringBuilder("id\n");
        for (int i = 0; i < 45; i++) {
            roster.append(String.format(Locale.ROOT, "student-%02d\n", i));
        }
        Files.writeString(tmp.resolve("roster.csv"), roster);
        return in;
    }

    private GradeRuns.Run gradeInto(Path in, Path out, int jobs) {
        return grade(NOTES, in, "--roster", tmp.resolve("roster.csv"), "--out", out, "--format", "html,md,json",
                "--junit-xml", out.resolve("junit.xml"), "--jobs", jobs, "--id-from", "field");
    }

    @ParameterizedTest(name = "--jobs {0} and --jobs {1}")
    @CsvSource({"1, 4", "4, 4", "2, 16"})
    void twoRunsGiveTheSameBytes(int jobsA, int jobsB) throws IOException {
        Path in = bigClass();
        GradeRuns.Run a = gradeInto(in, tmp.resolve("a"), jobsA);
        GradeRuns.Run b = gradeInto(in, tmp.resolve("b"), jobsB);
        assertEquals(1, a.code(), a.all()); // sample/unreadable.csv
        assertEquals(a, b);

        Map<String, byte[]> filesA = contents(tmp.resolve("a"));
        Map<String, byte[]> filesB = contents(tmp.resolve("b"));
        assertEquals(filesA.keySet(), filesB.keySet());
        for (String name : filesA.keySet()) {
            assertArrayEquals(filesA.get(name), filesB.get(name), name);
        }
        // Not vacuous: every output is there, for every row.
        int files = 7 + 40 + 3 + GradeInjectionTest.IDS.size();
        assertEquals(1 + files + 5, gradebook(tmp.resolve("a")).size()); // header, a row per file, student-40..44 missing
        assertEquals(5 + 3 * files, filesA.size(), filesA.keySet().toString());
        for (String f : List.of("gradebook.csv", "changes.csv", "summary.json", "summary.html", "junit.xml", "reports/student-00.html",
                "reports/student-03--dup-b.json", "reports/Student-03~2.md")) {
            assertTrue(filesA.containsKey(f), f);
        }

        // A first run has nothing to compare: changes.csv is its header alone.
        assertEquals("id,quantity,old,new,change\n", new String(filesA.get("changes.csv"), StandardCharsets.UTF_8));

        // And a third run over the second's outputs changes nothing, changes.csv included.
        GradeRuns.Run c = gradeInto(in, tmp.resolve("b"), jobsB);
        assertEquals(a, c);
        Map<String, byte[]> filesC = contents(tmp.resolve("b"));
        assertEquals(filesA.keySet(), filesC.keySet());
        for (String name : filesA.keySet()) {
            assertArrayEquals(filesA.get(name), filesC.get(name), name);
        }
    }

    // ------------------------------------------------------------------ atomicity

    /** A way for the second run to fail while publishing: extra arguments, set up in tmp. */
    record Failure(String name, Function<Path, List<Object>> setUp, boolean oneSubmission, String target, String why) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Path file(Path f, String text) {
        try {
            Files.createDirectories(f.getParent());
            return Files.writeString(f, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Failure> failures() {
        return Stream.of(
                new Failure("--junit-xml in a folder that is a file",
                        t -> List.of("--junit-xml", file(t.resolve("blocker"), "a file").resolve("junit.xml")),
                        false, "blocker/junit.xml", "blocker is in the way: it is not a folder"),
                new Failure("--junit-xml deep under a file",
                        t -> List.of("--junit-xml", file(t.resolve("blocker"), "a file").resolve("ci/reports/junit.xml")),
                        false, "blocker/ci/reports/junit.xml", "not a folder"),
                new Failure("--junit-xml is a folder", t -> {
                    file(t.resolve("ci/junit.xml/keep.txt"), "keep");
                    return List.of("--junit-xml", t.resolve("ci/junit.xml"));
                }, false, "ci/junit.xml", "ci/junit.xml is a folder"),
                new Failure("--gradescope in a folder that is a file",
                        t -> List.of("--gradescope", file(t.resolve("blocker"), "a file").resolve("results.json")),
                        true, "blocker/results.json", "blocker is in the way"),
                new Failure("a folder in the way of summary.html", t -> {
                    try {
                        Files.delete(t.resolve("out/summary.html"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    file(t.resolve("out/summary.html/index.html"), "someone's folder");
                    return List.of();
                }, false, "out/summary.html", "summary.html is a folder"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void aRunThatCannotWriteAnOutputLeavesThePreviousOutputsUntouched(Failure f) throws IOException {
        Path in = tmp.resolve("in");
        Path out = tmp.resolve("out");
        submission(in, "good.json", "perfect.json", "good");
        // The previous, good run: its gradebook, summaries, reports and JUnit XML.
        List<Object> first = new ArrayList<>(List.of(NOTES, f.oneSubmission() ? in.resolve("good.json") : in, "--out", out,
                "--format", "html,json", "--junit-xml", out.resolve("junit.xml")));
        assertEquals(0, grade(first.toArray()).code());
        List<Object> extra = f.setUp().apply(tmp);
        Map<String, String> before = snapshot(out);
        String gradebookBefore = GradeRuns.read(out.resolve("gradebook.csv"));
        assertTrue(gradebookBefore.contains("\ngood,graded,9,9,"), gradebookBefore);

        // The class changes (one more student, or another single submission), and publishing fails.
        Path wrong = submission(in, "wrong.json", "notes.json", "wrong");
        List<Object> second = new ArrayList<>(List.of(NOTES, f.oneSubmission() ? wrong : in, "--out", out,
                "--format", "html,json"));
        second.addAll(extra);
        GradeRuns.Run run = grade(second.toArray());

        assertEquals(2, run.code(), run.all());
        String line = run.err().strip();
        assertFalse(line.contains("\n"), "one line: " + line);
        assertTrue(line.startsWith(tmp.resolve(f.target()) + ": cannot write: "), line);
        assertTrue(line.toLowerCase(Locale.ROOT).contains(f.why()), line);
        assertEquals(gradebookBefore, GradeRuns.read(out.resolve("gradebook.csv")));
        assertEquals(before, snapshot(out), "every file in --out as it was: bytes, times, no staging or temporary files");
        try (Stream<Path> s = Files.walk(tmp)) {
            List<String> leftovers = s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".nngrade-staging-") || n.endsWith(".tmp") || n.contains(".old-")).toList();
            assertEquals(List.of(), leftovers);
        }
    }

    @Test
    void aRunThatSucceedsReplacesEveryOutputAndLeavesNothingBehind() throws IOException {
        Path in = tmp.resolve("in");
        Path out = tmp.resolve("out");
        submission(in, "good.json", "perfect.json", "good");
        submission(in, "gone.json", "perfect.json", "gone");
        assertEquals(0, grade(NOTES, in, "--out", out, "--junit-xml", tmp.resolve("ci/junit.xml")).code());
        assertTrue(Files.exists(out.resolve("reports/gone.html")));
        Files.delete(in.resolve("gone.json"));
        submission(in, "wrong.json", "notes.json", "wrong");
        assertEquals(0, grade(NOTES, in, "--out", out, "--junit-xml", tmp.resolve("ci/junit.xml")).code());

        try (Stream<Path> s = Files.walk(tmp.resolve("out"))) {
            assertEquals(List.of("", "changes.csv", "gradebook.csv", "reports", "reports/good.html", "reports/wrong.html",
                    "summary.html", "summary.json"), s.map(p -> out.relativize(p).toString()).sorted().toList());
        }
        // The regrade says who came and went.
        assertEquals("""
                id,quantity,old,new,change
                gone,status,graded,,
                gone,total,9,,
                wrong,status,,graded,
                wrong,total,,4,
                """, GradeRuns.read(out.resolve("changes.csv")));
        assertEquals(List.of("junit.xml"), Arrays.stream(tmp.resolve("ci").toFile().list()).sorted().toList());
        assertEquals(3, gradebook(out).size());
        assertTrue(GradeRuns.read(tmp.resolve("ci/junit.xml")).contains("<testsuite name=\"wrong\" tests=\"8\" failures=\"4\""));
    }
}
