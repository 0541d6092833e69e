package nngrade.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nngrade.problem.ProblemLoader;
import nngrade.report.Messages;
import nngrade.submission.Roster;
import nngrade.submission.RosterReader;
import nngrade.variant.ProblemSource;
import nngrade.variant.Secret;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the durability, crash and time-out tests of serve share: the notes' problem served to the
 * test roster, in this JVM or as `nngrade serve` in a child JVM, and a client of its API.
 */
final class ServeDurabilityFixture {
    static final String NOTES = "problems/notes-softmax-step.json";
    static final String PROBLEM = "notes-softmax-step";
    static final Path SECRET = Path.of("src/test/resources/serve/secret.txt");
    static final Path ROSTER = Path.of("src/test/resources/serve/roster.csv");
    static final Path SUBMISSION = Path.of("submissions-sample/notes.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");

    private ServeDurabilityFixture() {
    }

    static Secret secret() {
        try {
            return Secret.of(Files.readString(SECRET));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String token(String student) {
        return Tokens.token(secret(), student);
    }

    static byte[] submission() {
        try {
            return Files.readAllBytes(SUBMISSION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The notes' problem on {@code store}, on any free port of the loopback. */
    static ServeConfig config(AttemptStore store, Path data) {
        Secret secret = secret();
        Roster roster = RosterReader.read(ROSTER);
        List<ProblemSource> problems = List.of(new ProblemSource(ProblemLoader.read(Path.of(NOTES)), secret));
        return new ServeConfig(problems, roster, Tokens.of(secret, roster.ids()), TeacherToken.load(null, data), store,
                "127.0.0.1", 0, Optional.empty(), OptionalInt.empty(), Messages.Lang.en, Clock.systemUTC());
    }

    /** A client of one server's API. */
    record Client(HttpClient http, int port) {
        static Client of(int port) {
            return new Client(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build(), port);
        }

        HttpResponse<String> check(String student) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri("/api/v1/problems/" + PROBLEM + "/check"))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token(student))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(submission()))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The student's attempt numbers, as GET …/attempts lists them. */
        List<Integer> attempts(String student) throws IOException, InterruptedException {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/v1/problems/" + PROBLEM + "/attempts"))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token(student)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("attempts of " + student + ": " + r.statusCode() + " " + r.body());
            }
            List<Integer> numbers = new ArrayList<>();
            for (JsonNode a : json(r.body())) {
                numbers.add(a.get("attempt").asInt());
            }
            return numbers;
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }

    static JsonNode json(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** `nngrade serve` in a child JVM, on any free port; its stderr goes to {@code log}. */
    record Child(Process process, int port) {
        static Child start(Path data, Path log) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "nngrade.cli.Main", "serve", NOTES,
                    "--roster", ROSTER.toString(), "--secret-file", SECRET.toString(), "--data", data.toString(),
                    "--port", "0", "--lang", "en");
            pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Process p = pb.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine(); // the one line serve prints, or null when it failed to start
            Matcher m = line == null ? null : LISTENING.matcher(line);
            if (m == null || !m.find()) {
                p.destroyForcibly();
                throw new AssertionError("serve did not start: " + line + "; stderr: " + Files.readString(log));
            }
            return new Child(p, Integer.parseInt(m.group(1)));
        }
    }

    /** A check sent by hand, so that a test decides when each part of it leaves. */
    static final class RawCheck implements AutoCloseable {
        private final Socket socket;
        private final byte[] body = submission();

        RawCheck(int port, String student) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(60_000);
            String head = "POST /api/v1/problems/" + PROBLEM + "/check HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + token(student) + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }

        int length() {
            return body.length;
        }

        /** Sends the body's bytes from {@code from} to {@code to}. */
        void send(int from, int to) throws IOException {
            socket.getOutputStream().write(body, from, to - from);
            socket.getOutputStream().flush();
        }

        /** The whole answer (the server closes the connection after it), up to the read time-out. */
        String answer() throws IOException {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) >= 0; ) {
                all.write(buf, 0, n);
            }
            return all.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    static String statusLine(String answer) {
        int end = answer.indexOf("\r\n");
        return end < 0 ? answer : answer.substring(0, end);
    }

    static JsonNode bodyOf(String answer) {
        return json(answer.substring(answer.indexOf("\r\n\r\n") + 4));
    }
}
