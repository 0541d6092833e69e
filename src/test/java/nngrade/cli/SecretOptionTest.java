package nngrade.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static nngrade.cli.GradeRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code --secret-file}: a file that is not a regular one is refused in one line, never opened. */
class SecretOptionTest {
    private static final String PROBLEM = "problems/variant-softmax-step.json";

    @TempDir
    Path tmp;

    private Path fifo;

    @BeforeEach
    void makeAFifo() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mkfifo")), "mkfifo is not installed");
        fifo = tmp.resolve("secret.fifo");
        Process p = new ProcessBuilder("/usr/bin/mkfifo", fifo.toString()).start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed");
    }

    /** Every command that takes --secret-file; opening the pipe would wait for a writer that never comes. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"solve", "check", "template", "variant", "sheets", "grade", "links"})
    void aPipeAsTheSecretIsOneLineAndExit2(String command) throws IOException {
        Path roster = Files.writeString(tmp.resolve("roster.csv"), "id\nana\n");
        List<String> args = new ArrayList<>(List.of(command));
        switch (command) {
            case "solve", "template", "variant" -> args.addAll(List.of(PROBLEM, "--student", "ana"));
            case "check" -> args.addAll(List.of(PROBLEM, "submissions-sample/perfect.json"));
            case "sheets" -> args.addAll(List.of(PROBLEM, "--roster", roster.toString(), "--out", tmp.resolve("out").toString()));
            case "grade" -> args.addAll(List.of(PROBLEM, "submissions-sample/perfect.json", "--out", tmp.resolve("out").toString()));
            case "links" -> args.addAll(List.of("--roster", roster.toString(), "--base-url", "https://nn.example.edu/"));
            default -> throw new IllegalArgumentException(command);
        }
        args.addAll(List.of("--secret-file", fifo.toString()));
        // a thread of its own: were the pipe opened, the test fails here instead of hanging the suite
        GradeRuns.Run r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run(args.toArray(String[]::new)),
                "nngrade " + command + " waited on the pipe");
        assertEquals(2, r.code(), r::all);
        assertEquals(fifo + ": is not a regular file (a pipe, a socket or a device); expected the secret (a text file, or the NNGRADE_SECRET environment variable instead)"
                + System.lineSeparator(), r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
    }
}
