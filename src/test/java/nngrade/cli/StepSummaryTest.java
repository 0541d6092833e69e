package nngrade.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static nngrade.cli.GradeRuns.NOTES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GitHub Actions' job summary gets the result, unless --no-step-summary; a JVM of its own, as the variable is the environment's. */
class StepSummaryTest {
    @TempDir
    Path tmp;

    private int run(Path summary, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "nngrade.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("GITHUB_STEP_SUMMARY", summary.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(tmp.resolve("output.txt").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return p.exitValue();
    }

    @Test
    void checkAndGradeAppendTheirResultAndNoStepSummaryKeepsThemOut() throws IOException, InterruptedException {
        Path summary = tmp.resolve("summary.md");
        assertEquals(1, run(summary, "check", NOTES, "submissions-sample/notes.json", "--lang", "en"));
        String afterCheck = Files.readString(summary, StandardCharsets.UTF_8);
        assertTrue(afterCheck.startsWith("## nngrade check · notes\\-softmax\\-step · notes\n"), afterCheck);
        assertEquals(1, run(summary, "grade", NOTES, "submissions-sample", "--out", tmp.resolve("out").toString()));
        String afterGrade = Files.readString(summary, StandardCharsets.UTF_8);
        assertTrue(afterGrade.startsWith(afterCheck) && afterGrade.contains("## nngrade · notes\\-softmax\\-step"), afterGrade);

        assertEquals(1, run(summary, "check", NOTES, "submissions-sample/notes.json", "--no-step-summary"));
        assertEquals(1, run(summary, "grade", NOTES, "submissions-sample", "--out", tmp.resolve("out2").toString(),
                "--no-step-summary"));
        assertEquals(afterGrade, Files.readString(summary, StandardCharsets.UTF_8));
        assertFalse(Files.exists(tmp.resolve("summary.md.tmp")));
    }

    /** Before: exit 3, "internal error: java.io.UncheckedIOException", after the gradebook was written. */
    @Test
    void anUnwritableSummaryIsAWarningAndTheExitCodeStaysTheGradings() throws IOException, InterruptedException {
        Path folder = Files.createDirectories(tmp.resolve("a-folder"));
        assertEquals(0, run(folder, "check", NOTES, "submissions-sample/perfect.json", "--lang", "en"));
        String check = Files.readString(tmp.resolve("output.txt"), StandardCharsets.UTF_8);
        assertTrue(check.contains("warning: the job summary (GITHUB_STEP_SUMMARY) was not written: " + folder + ": is a folder\n"),
                check);
        Path missing = tmp.resolve("no/such/summary.md");
        assertEquals(1, run(missing, "grade", NOTES, "submissions-sample", "--out", tmp.resolve("out").toString()));
        String grade = Files.readString(tmp.resolve("output.txt"), StandardCharsets.UTF_8);
        assertTrue(grade.contains("warning: the job summary (GITHUB_STEP_SUMMARY) was not written: " + missing
                + ": no such file or folder\n"), grade);
        assertFalse(grade.contains("internal error") || grade.contains("Exception"), grade);
        assertTrue(Files.exists(tmp.resolve("out/gradebook.csv")));
    }
}
