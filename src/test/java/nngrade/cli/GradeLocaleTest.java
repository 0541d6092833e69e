package nngrade.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static nngrade.cli.GradeRuns.NOTES;
import static nngrade.cli.GradeRuns.gradebook;
import static nngrade.cli.GradeRuns.submission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * grade in a JVM started under LANG=C, as in many containers: Java then decodes file names as
 * ASCII, so "müller.json" and "möller.json" both read as "m??ller.json". Each must still be
 * read, graded and reported as itself. The JVM's file-name encoding is fixed at start-up,
 * hence a second JVM. The ids come from the files' student fields here: ids from such file
 * names under LANG=C are issue 14's.
 */
@DisabledOnOs(OS.WINDOWS) // file names there are UTF-16 whatever the locale
class GradeLocaleTest {
    @TempDir
    Path tmp;

    /** grade of {@code in} into {@code out} in a JVM under LANG=C, which must exit 0. */
    private void gradeUnderLangC(Path in, Path out, String... more) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("grade", Path.of(NOTES).toAbsolutePath().toString(), in.toString(),
                "--out", out.toString()));
        args.addAll(List.of(more));
        Process p = underLangC(args);
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("output.txt"), StandardCharsets.UTF_8));
    }

    /** nngrade with {@code args} in a JVM under LANG=C, finished; its output (both streams) in output.txt. */
    private Process underLangC(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "nngrade.cli.Main"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("LANG", "C");
        pb.environment().put("LC_ALL", "C");
        pb.redirectErrorStream(true);
        pb.redirectOutput(tmp.resolve("output.txt").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), args.get(0) + " finished");
        return p;
    }

    @Test
    void namesTheLocaleCannotDecodeAreStillReadAndEachReportedOnce() throws IOException, InterruptedException {
        Path in = tmp.resolve("in");
        submission(in, "müller.json", "perfect.json", "mueller");
        submission(in, "möller.json", "notes.json", "moeller");
        Path out = tmp.resolve("out");
        Path junit = tmp.resolve("junit.xml");

        gradeUnderLangC(in, out, "--junit-xml", junit.toString(), "--id-from", "field");
        assertEquals(List.of("moeller:graded:4", "mueller:graded:9"), gradebook(out).stream().skip(1)
                .map(r -> r.get(0) + ":" + r.get(1) + ":" + r.get(2)).toList());
        String xml = Files.readString(junit, StandardCharsets.UTF_8);
        assertTrue(xml.contains("<testsuite name=\"moeller\""), xml);
        assertTrue(xml.contains("<testsuite name=\"mueller\""), xml);
    }

    /**
     * The same class with the ids from the file names: under LANG=C each name is decoded from
     * its own bytes as UTF-8, so müller and möller are themselves, as under any other locale.
     */
    @Test
    void idsFromNamesAreTheNamesWhateverTheLocale() throws IOException, InterruptedException {
        Path in = tmp.resolve("in");
        submission(in, "m\u00fcller.json", "perfect.json", null);
        submission(in, "m\u00f6ller.json", "notes.json", null);
        Path out = tmp.resolve("out");
        Path roster = Files.writeString(tmp.resolve("roster.csv"), "id\nm\u00fcller\nm\u00f6ller\n", StandardCharsets.UTF_8);
        gradeUnderLangC(in, out, "--roster", roster.toString());
        assertEquals(List.of("m\u00f6ller:graded:4", "m\u00fcller:graded:9"), gradebook(out).stream().skip(1)
                .map(r -> r.get(0) + ":" + r.get(1) + ":" + r.get(2)).toList());
    }

    /**
     * check of a file named on the command line with a non-ASCII name, under LANG=C: the JVM
     * decodes the argument lossily and cannot make a path of it. One line says why and what to
     * do, exit 2, no Java class name.
     */
    @Test
    void aNameTheLocaleCannotReadOnTheCommandLineIsOneLineSayingWhatToDo() throws IOException, InterruptedException {
        Path file = Files.copy(Path.of("submissions-sample/perfect.json"), tmp.resolve("jos\u00e9.json"));
        Process p = underLangC(List.of("check", Path.of(NOTES).toAbsolutePath().toString(), file.toString()));
        String output = Files.readString(tmp.resolve("output.txt"), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), output);
        assertTrue(output.contains("is not a file name this locale can read") && output.contains("LC_ALL=C.UTF-8"), output);
        assertTrue(!output.contains("Exception"), output);
    }
}
