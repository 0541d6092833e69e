package nngrade.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static nngrade.cli.GradeRuns.grade;
import static nngrade.cli.GradeRuns.snapshot;
import static nngrade.cli.GradeRuns.submission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inputs are never outputs, however the paths are spelled; one run writes an output folder at a time. */
class GradeOutputSafetyTest {
    @TempDir
    Path tmp;

    private Path problem;
    private Path in;
    private Path out;

    /** A class graded once into out, the problem copied beside it (a refusal that failed would overwrite the copy, not the fixture). */
    private void gradedOnce() throws IOException {
        problem = Files.copy(Path.of(GradeRuns.NOTES), tmp.resolve("problem.json"));
        in = tmp.resolve("in");
        submission(in, "good.json", "perfect.json", "good");
        submission(in, "wrong.json", "notes.json", "wrong");
        out = tmp.resolve("out");
        assertEquals(0, grade(problem, in, "--out", out).code());
    }

    /** Runs grade with {@code args} (after the problem), expecting a refusal of one line and nothing changed anywhere. */
    private void refused(String expected, Object... args) {
        Map<String, String> before = snapshot(tmp);
        Object[] all = new Object[args.length + 1];
        all[0] = problem;
        System.arraycopy(args, 0, all, 1, args.length);
        GradeRuns.Run run = grade(all);
        assertEquals(2, run.code(), run.all());
        assertEquals(expected + "\n", run.err());
        assertEquals(before, snapshot(tmp), "every file as it was: bytes and times");
    }

    @Test
    void anOutReportsFolderThatLinksToTheSubmissionsIsRefused() throws IOException {
        gradedOnce();
        Path out2 = Files.createDirectories(tmp.resolve("out2"));
        Files.createSymbolicLink(out2.resolve("reports"), in);
        refused(in + ": is inside " + out2.resolve("reports") + " (a link to " + in.toRealPath() + "), which this run "
                + "replaces; grade a copy kept elsewhere, or choose another --out", in, "--out", out2);
    }

    @Test
    void aJunitXmlThatLinksToASubmissionIsRefused() throws IOException {
        gradedOnce();
        Path link = Files.createSymbolicLink(tmp.resolve("junit.xml"), in.resolve("good.json"));
        refused("command line: --junit-xml: " + link + " is inside the submissions folder " + in
                + "; nngrade never writes there: choose another file", in, "--out", out, "--junit-xml", link);
    }

    @Test
    void aJunitXmlOnTheProblemFileIsRefusedSpelledAnotherWay() throws IOException {
        gradedOnce();
        Path other = tmp.resolve("in/../problem.json");
        refused("command line: --junit-xml: " + other + " would overwrite PROBLEM " + problem
                + "; nngrade never writes over what it reads: choose another file", in, "--out", out, "--junit-xml", other);
    }

    @Test
    void aGradescopeFileThatIsTheRosterIsRefused() throws IOException {
        gradedOnce();
        Path roster = Files.writeString(tmp.resolve("roster.csv"), "login\ngood\n");
        refused("command line: --gradescope: " + roster + " would overwrite --roster " + roster
                        + "; nngrade never writes over what it reads: choose another file",
                in.resolve("good.json"), "--roster", roster, "--out", out, "--gradescope", roster);
    }

    @Test
    void anInputFolderInsideOutReportsIsRefused() throws IOException {
        gradedOnce();
        Path inReports = out.resolve("reports");
        refused(inReports + ": is inside " + out.resolve("reports") + ", which this run replaces; grade a copy kept "
                + "elsewhere, or choose another --out", inReports, "--out", out);
    }

    @Test
    void singleInputsThatAreFilesGradeWritesInOutAreRefused() throws IOException {
        gradedOnce();
        for (String name : List.of("summary.json", "gradebook.csv")) {
            refused(out.resolve(name) + ": is one of the files nngrade grade writes in " + out + ", which this run "
                    + "replaces; grade a copy kept elsewhere, or choose another --out", in.resolve("good.json"),
                    out.resolve(name), "--out", out);
        }
    }

    @Test
    void aRunRefusesWhileAnotherHoldsTheLockAndTakesOverADeadRunsLock() throws IOException, InterruptedException {
        gradedOnce();
        long me = ProcessHandle.current().pid(); // alive, as another grade writing out would be
        Files.writeString(out.resolve(".nngrade.lock"), me + " -\n");
        refused(out + ": another nngrade grade (pid " + me + ") is writing " + out + "; wait for it or remove "
                + out.resolve(".nngrade.lock") + " if it is gone", in, "--out", out);

        Process ended = new ProcessBuilder("java", "-version").redirectErrorStream(true).start();
        ended.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        ended.waitFor();
        Files.writeString(out.resolve(".nngrade.lock"), ended.pid() + " -\n");
        submission(in, "third.json", "perfect.json", "third");
        GradeRuns.Run run = grade(problem, in, "--out", out);
        assertEquals(0, run.code(), run.all());
        assertTrue(GradeRuns.read(out.resolve("gradebook.csv")).contains("\nthird,"), "graded after taking the lock over");
        assertFalse(Files.exists(out.resolve(".nngrade.lock")), "released");
    }

    @Test
    void leftoversOfAKilledRunAreRemovedByTheNext() throws IOException {
        gradedOnce();
        Function<String, Path> left = name -> {
            try {
                return Files.createDirectories(out.resolve(name));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        left.apply(".nngrade-staging-123/reports");
        left.apply(".nngrade-old-123");
        Files.writeString(out.resolve(".gradebook.csv.999999999.abc.tmp"), "half");
        assertEquals(0, grade(problem, in, "--out", out).code());
        try (var s = Files.list(out)) {
            assertEquals(List.of("changes.csv", "gradebook.csv", "reports", "summary.html", "summary.json"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
