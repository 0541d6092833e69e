package nngrade.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static nngrade.cli.GradeRuns.NOTES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A legal file within the size limits is graded in a 256 MB heap (issue 14, rule 5): a compact
 * CSV of 3 million values in one cell (15 MB), or a long one of 700,000 rows, used to end in
 * "ran out of memory".
 */
class BoundedMemoryTest {
    @TempDir
    Path tmp;

    /** compact: 3 million values in one cell (15 MB); long: 950,000 rows of one cell each (16 MB). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"compact", "long"})
    void aLargeLegalSubmissionIsReadIn256Megabytes(String layout) throws IOException, InterruptedException {
        Path csv = tmp.resolve("big.csv");
        Random random = new Random(1);
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.US_ASCII)) {
            if (layout.equals("compact")) {
                w.write("quantity,value\nz1,");
                for (int i = 0; i < 3_000_000; i++) {
                    w.write(String.format(Locale.ROOT, i == 0 ? "%.2f" : " %.2f", random.nextDouble()));
                }
                w.write("\n");
            } else {
                w.write("quantity,row,col,value\n");
                for (int i = 1; i <= 950_000; i++) {
                    w.write(String.format(Locale.ROOT, "z1,1,%d,%.2f\n", i, random.nextDouble()));
                }
            }
        }
        assertTrue(Files.size(csv) < 16L << 20, "inside the size limit");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "nngrade.cli.Main",
                "check", Path.of(NOTES).toAbsolutePath().toString(), csv.toString(), "--no-step-summary");
        pb.redirectErrorStream(true);
        pb.redirectOutput(tmp.resolve("output.txt").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "check finished");
        String output = Files.readString(tmp.resolve("output.txt"), StandardCharsets.UTF_8);
        assertEquals(1, p.exitValue(), output); // graded: the shape of z1 is wrong, and it says so
        assertTrue(output.contains("z1"), output);
    }
}
