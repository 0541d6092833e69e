package nngrade.serve;

import nngrade.variant.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * What the tests of a running server share: the class's secret, a store and a teacher's token
 * in a temporary data folder, a clock the test moves, and a look at every answer once the test
 * is done (no token in any body; the headers every answer carries, and each test's own).
 */
abstract class ServeHttpTest {
    static final Path SECRET = Path.of("src/test/resources/serve/secret.txt");
    static final Path ROSTER = Path.of("src/test/resources/serve/roster.csv");
    static final String NOTES = "problems/notes-softmax-step.json";
    static final String VARIANT = "problems/variant-softmax-step.json";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    Path data;

    final TestClock clock = new TestClock();
    private final List<HttpResponse<String>> seen = new ArrayList<>();
    Secret secret;
    AttemptStore store;
    TeacherToken teacher;
    Server server;
    String teacherToken;

    @BeforeEach
    void openStore() throws IOException {
        secret = Secret.of(Files.readString(SECRET));
        store = AttemptStore.open(null, data);
        teacher = TeacherToken.load(null, data);
        teacherToken = Files.readString(teacher.where()).strip();
    }

    @AfterEach
    void closeAndLookAtEveryAnswer() {
        if (server != null) {
            server.close();
        }
        store.close();
        for (HttpResponse<String> r : seen) {
            for (String id : List.of("s001", "s002")) {
                assertFalse(r.body().contains(token(id)), "a student's token in the answer to " + r.uri());
            }
            assertFalse(r.body().contains(teacherToken), "the teacher's token in the answer to " + r.uri());
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
            assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(null));
            assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
            headers(r);
        }
    }

    /** What else every answer of this test's routes carries. */
    abstract void headers(HttpResponse<String> r);

    String token(String id) {
        return Tokens.token(secret, id);
    }

    HttpResponse<String> send(HttpRequest r) throws Exception {
        HttpResponse<String> response = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        seen.add(response);
        return response;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
