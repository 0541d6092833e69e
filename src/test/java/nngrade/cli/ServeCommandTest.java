package nngrade.cli;

import nngrade.serve.Tokens;
import nngrade.variant.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServeCommandTest {
    private static final String SECRET = "src/test/resources/serve/secret.txt";
    private static final String ROSTER = "src/test/resources/serve/roster.csv";
    private static final Pattern LISTENING = Pattern.compile(
            "nngrade serve: listening on http://127\\.0\\.0\\.1:(\\d+)/ for 6 students; the teacher's token is in (.+)\n");

    @TempDir
    Path data;

    @Test
    void serveSaysWhereItListensAndWhereTheTokenIsButNeverATokenAndStopsWhenInterrupted() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        Thread serve = new Thread(() -> code.set(Main.run(new String[] {"serve", "problems/notes-softmax-step.json",
            "--roster", ROSTER, "--secret-file", SECRET, "--port", "0", "--data", data.toString(), "--max-checks", "3"},
                new PrintWriter(out, true), new PrintWriter(err, true))));
        serve.start();
        Matcher m = LISTENING.matcher("");
        for (int i = 0; i < 300 && !m.reset(out.toString()).matches(); i++) {
            Thread.sleep(50);
        }
        assertTrue(m.matches(), out + "|" + err);
        Path tokenFile = data.resolve("teacher-token");
        assertEquals(tokenFile.toString(), m.group(2));
        String student = Tokens.token(Secret.of(Files.readString(Path.of(SECRET))), "s001");
        String teacher = Files.readString(tokenFile).strip();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.group(1)
                + "/api/v1/problems/notes-softmax-step/check")).header("Authorization", "Bearer " + student)
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of("submissions-sample/perfect.json"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"checksLeft\" : 2"), r.body());
        serve.interrupt();
        serve.join(20_000);
        assertFalse(serve.isAlive());
        assertEquals(ExitCode.OK, code.get());
        assertEquals("", err.toString());
        assertFalse(out.toString().contains(student) || out.toString().contains(teacher));
        assertFalse(r.body().contains(student) || r.body().contains(teacher));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--deadline 2026-12-24 23:59|--deadline|2026-12-24T23:59:00+02:00",
        "--reveal after-deadline|--reveal|expected --deadline ISO-8601 with it",
        "--reveal always|--reveal|expected never or after-deadline",
        "--max-checks 0|--max-checks|1 or more"})
    void aBadOptionIsOneLineAndNothingStarts(String options, String named, String expected) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("serve", "problems/notes-softmax-step.json", "--roster", ROSTER,
                "--secret-file", SECRET, "--port", "0", "--data", data.toString()));
        String[] o = options.split(" ", 2);
        args.add(o[0]);
        args.add(o[1]);
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(ExitCode.BAD_INPUT, code, err.toString());
        assertEquals("", out.toString());
        // one line says what is wrong; picocli's own refusals add where --help is
        String first = err.toString().lines().findFirst().orElse("");
        assertTrue(err.toString().lines().skip(1).allMatch(l -> l.startsWith("Try 'nngrade serve --help'")), err.toString());
        assertTrue(first.contains(named), err.toString());
        assertTrue(first.contains(expected), err.toString());
    }

    @Test
    void theHelpOfRevealSaysTheWorkedSolutionComesToo() {
        StringWriter out = new StringWriter();
        assertEquals(0, Main.run(new String[] {"serve", "--help"}, new PrintWriter(out), new PrintWriter(new StringWriter())));
        assertTrue(out.toString().replaceAll("\\s+", " ").contains("--reveal=WHEN When students see the expected values: "
                + "never, or after-deadline (then each check's feedback shows them, and each student's problem page their "
                + "own worked solution; needs --deadline). Default: never."), out.toString());
    }
}
