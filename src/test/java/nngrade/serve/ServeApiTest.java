package nngrade.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nngrade.cli.Main;
import nngrade.problem.ProblemLoader;
import nngrade.report.Messages;
import nngrade.submission.Roster;
import nngrade.submission.RosterReader;
import nngrade.variant.ProblemSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServeApiTest extends ServeHttpTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    void headers(HttpResponse<String> r) {
        assertEquals("default-src 'none'", r.headers().firstValue("Content-Security-Policy").orElse(null));
    }

    private void start(Optional<Instant> deadline, OptionalInt maxChecks) {
        start(deadline, maxChecks, Optional.of(Messages.Lang.en), Reveal.NEVER);
    }

    private void start(Optional<Instant> deadline, OptionalInt maxChecks, Optional<Messages.Lang> lang, Reveal reveal) {
        Roster roster = RosterReader.read(ROSTER);
        List<ProblemSource> problems = List.of(new ProblemSource(ProblemLoader.read(Path.of(NOTES)), secret),
                new ProblemSource(ProblemLoader.read(Path.of(VARIANT)), secret));
        server = Server.start(new ServeConfig(problems, roster, Tokens.of(secret, roster.ids()), teacher, store,
                "127.0.0.1", 0, deadline, maxChecks, lang, reveal, false, clock));
    }

    private void start() {
        start(Optional.empty(), OptionalInt.empty());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    private HttpResponse<String> post(String path, String token, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    private HttpResponse<String> check(String student, String file, String contentType) throws Exception {
        return post("/api/v1/problems/notes-softmax-step/check", token(student), contentType,
                Files.readAllBytes(Path.of(file)));
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return MAPPER.readTree(r.body());
    }

    private static void assertError(int status, String code, HttpResponse<String> r) throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(code, json(r).get("error").asText(), r.body());
        assertFalse(json(r).get("message").asText().isBlank());
    }

    private static JsonNode quantity(JsonNode report, String name) {
        for (JsonNode q : report.get("quantities")) {
            if (q.get("name").asText().equals(name)) {
                return q;
            }
        }
        throw new AssertionError(name + " not in the report");
    }

    /** Every field named "expected" anywhere in the tree. */
    private static List<String> expectedFields(JsonNode n, String at) {
        List<String> out = new ArrayList<>();
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                if (e.getKey().equals("expected")) {
                    out.add(at + "." + e.getKey());
                }
                out.addAll(expectedFields(e.getValue(), at + "." + e.getKey()));
            });
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                out.addAll(expectedFields(n.get(i), at + "[" + i + "]"));
            }
        }
        return out;
    }

    private static JsonNode checkCommand(String file, String student) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main.run(new String[] {"check", NOTES, file, "--format", "json", "--hide-expected", "--student", student,
            "--lang", "en"}, new PrintWriter(out, true), new PrintWriter(err, true));
        return MAPPER.readTree(out.toString());
    }

    @Test
    void healthzAnswersOk() throws Exception {
        start();
        HttpResponse<String> r = get("/healthz", null);
        assertEquals(200, r.statusCode());
        assertEquals("ok\n", r.body());
    }

    @ParameterizedTest
    @CsvSource({
        "submissions-sample/notes.json, application/json",
        "submissions-sample/perfect.json, application/json",
        "submissions-sample/long.csv, text/csv",
        "submissions-sample/compact-ro.csv, text/csv; charset=utf-8",
    })
    void aCheckAnswersWhatCheckHideExpectedGivesWithTheAttempt(String file, String contentType) throws Exception {
        start();
        HttpResponse<String> r = check("s001", file, contentType);
        assertEquals(200, r.statusCode(), r.body());
        ObjectNode report = (ObjectNode) json(r);
        assertEquals(1, report.get("attempt").asInt());
        assertFalse(report.has("checksLeft"));
        report.remove("attempt");
        assertEquals(checkCommand(file, "s001"), report);
        assertEquals(List.of(), expectedFields(report, "$"));
        assertEquals("s001", report.get("student").asText());
    }

    @Test
    void aPerfectSubmissionScoresTheMaximumAndTheNotesSampleWhatCheckGives() throws Exception {
        start();
        JsonNode perfect = json(check("s001", "submissions-sample/perfect.json", "application/json"));
        assertEquals(perfect.get("maxScore").asDouble(), perfect.get("score").asDouble());
        assertTrue(perfect.get("maxScore").asDouble() > 0);
        JsonNode notes = json(check("s001", "submissions-sample/notes.json", "application/json"));
        JsonNode cli = checkCommand("submissions-sample/notes.json", "s001");
        assertEquals(2, notes.get("attempt").asInt());
        assertEquals(cli.get("score").asDouble(), notes.get("score").asDouble());
        assertTrue(notes.get("score").asDouble() < notes.get("maxScore").asDouble());
        for (int i = 0; i < cli.get("quantities").size(); i++) {
            assertEquals(cli.get("quantities").get(i).get("diagnoses"), notes.get("quantities").get(i).get("diagnoses"));
        }
        // wrong cells are named without their expected value
        JsonNode z1 = notes.get("quantities").get(0);
        assertEquals("z1", z1.get("name").asText());
        assertEquals(List.of(), expectedFields(notes, "$"));
        // nor the values computed from the student's own answers: W1_next is the notes' dW1 carried
        // forward but for one cell, whose follow-through value equals the key's there
        JsonNode w1Next = quantity(notes, "W1_next");
        assertEquals(List.of("dW1"), List.of(w1Next.get("carriedFrom").get(0).asText()));
        assertEquals(1, w1Next.get("followThroughCells").size());
        assertEquals(-0.1, w1Next.get("followThroughCells").get(0).get("submitted").asDouble());
        assertFalse(w1Next.get("followThroughCells").get(0).has("expected"));
        assertEquals("follow-through", quantity(notes, "b1_next").get("status").asText());
        assertTrue(store.attemptsOf("s001", "notes-softmax-step").size() == 2, "both attempts stored before the 200s");
    }

    @Test
    void attemptsAreNumberedAndOnlyTheStudentsOwn() throws Exception {
        start();
        check("s001", "submissions-sample/notes.json", "application/json");
        clock.now = clock.now.plusSeconds(60);
        check("s001", "submissions-sample/perfect.json", "application/json");
        check("s002", "submissions-sample/perfect.json", "application/json");
        JsonNode mine = json(get("/api/v1/problems/notes-softmax-step/attempts", token("s001")));
        assertEquals(2, mine.size());
        assertEquals(1, mine.get(0).get("attempt").asInt());
        assertEquals("2026-12-01T10:00:00Z", mine.get(0).get("time").asText());
        assertEquals(2, mine.get(1).get("attempt").asInt());
        assertEquals("2026-12-01T10:01:00Z", mine.get(1).get("time").asText());
        assertEquals(mine.get(1).get("maxScore").asDouble(), mine.get(1).get("score").asDouble());
        assertTrue(mine.get(0).get("score").asDouble() < mine.get(0).get("maxScore").asDouble());
        assertEquals(1, json(get("/api/v1/problems/notes-softmax-step/attempts", token("s002"))).size());
        assertEquals(0, json(get("/api/v1/problems/notes-softmax-step/attempts", token("s003"))).size());
    }

    @Test
    void meListsTheProblemsWithTheCountedScore() throws Exception {
        start();
        check("s001", "submissions-sample/perfect.json", "application/json");
        JsonNode me = json(get("/api/v1/me", token("s001")));
        assertEquals("s001", me.get("student").asText());
        assertEquals(2, me.get("problems").size());
        JsonNode notes = me.get("problems").get(0);
        assertEquals("notes-softmax-step", notes.get("id").asText());
        assertEquals(1, notes.get("attempts").asInt());
        assertEquals(notes.get("maxScore").asDouble(), notes.get("score").asDouble());
        JsonNode variant = me.get("problems").get(1);
        assertEquals("variant-softmax-step", variant.get("id").asText());
        assertEquals(0, variant.get("attempts").asInt());
        assertTrue(variant.get("score").isNull());
        assertTrue(variant.get("maxScore").asDouble() > 0);
    }

    @Test
    void aStudentGetsTheirOwnVariantAsVariantPrintsIt() throws Exception {
        start();
        JsonNode one = json(get("/api/v1/problems/variant-softmax-step", token("s001")));
        JsonNode two = json(get("/api/v1/problems/variant-softmax-step", token("s002")));
        StringWriter out = new StringWriter();
        Main.run(new String[] {"variant", VARIANT, "--student", "s001", "--secret-file", SECRET.toString()},
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertEquals(MAPPER.readTree(out.toString()), one);
        assertEquals("variant-softmax-step", one.get("id").asText());
        assertNotEquals(one.get("variant"), two.get("variant"));
        assertFalse(json(get("/api/v1/problems/notes-softmax-step", token("s001"))).has("variant"));
    }

    @Test
    void theGradebookHasGradesColumnsFromTheCountedAttempt() throws Exception {
        start(Optional.of(Instant.parse("2026-12-01T10:30:00Z")), OptionalInt.empty());
        check("s001", "submissions-sample/perfect.json", "application/json");
        clock.now = clock.now.plusSeconds(60);
        check("s001", "submissions-sample/notes.json", "application/json");
        check("s002", "submissions-sample/perfect.json", "application/json");
        HttpResponse<String> r = get("/api/v1/teacher/gradebook.csv?problem=notes-softmax-step", teacherToken);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = r.body().lines().toList();
        assertEquals("id,name,group,status,score,max,z1,yhat,loss,dz1,dW1,db1,W1_next,b1_next,diagnoses,file,note",
                lines.get(0));
        assertEquals(7, lines.size());
        JsonNode notes = checkCommand("submissions-sample/notes.json", "s001");
        String max = nngrade.problem.Numbers.score(notes.get("maxScore").asDouble());
        assertTrue(lines.get(1).startsWith("s001,Ana Pop,A,graded," + nngrade.problem.Numbers.score(notes.get("score").asDouble())
                + "," + max + ","), lines.get(1));
        assertTrue(lines.get(1).endsWith(",attempt 2 at 2026-12-01T10:01:00Z"), lines.get(1));
        assertTrue(lines.get(2).startsWith("s002,"), lines.get(2));
        assertTrue(lines.get(2).contains(",graded," + max + "," + max + ","), lines.get(2));
        assertTrue(lines.get(3).startsWith("s003,\"Ioan, Marin\",A,missing,0," + max + ","), lines.get(3));

        HttpResponse<String> all = get("/api/v1/teacher/attempts.csv?problem=notes-softmax-step", teacherToken);
        List<String> rows = all.body().lines().toList();
        assertEquals("id,attempt,time,score,max,variant,diagnoses", rows.get(0));
        assertEquals(4, rows.size());
        assertTrue(rows.get(1).startsWith("s001,1,2026-12-01T10:00:00Z," + max + "," + max + ",,"), rows.get(1));
        assertTrue(rows.get(2).startsWith("s001,2,2026-12-01T10:01:00Z,"), rows.get(2));
        assertTrue(rows.get(3).startsWith("s002,1,"), rows.get(3));
    }

    @Test
    void tokensAreRequiredAndKeptInTheirPlace() throws Exception {
        start();
        assertError(401, "unauthorized", get("/api/v1/me", null));
        assertError(401, "unauthorized", get("/api/v1/me", "not-a-token"));
        assertError(401, "unauthorized", get("/api/v1/teacher/gradebook.csv?problem=notes-softmax-step", null));
        assertError(403, "teacher-only", get("/api/v1/teacher/gradebook.csv?problem=notes-softmax-step", token("s001")));
        assertError(403, "teacher-only", get("/api/v1/teacher/attempts.csv?problem=notes-softmax-step", token("s001")));
        assertError(403, "student-only", get("/api/v1/me", teacherToken));
        assertError(401, "unauthorized", post("/api/v1/problems/notes-softmax-step/check", null, "application/json",
                Files.readAllBytes(Path.of("submissions-sample/perfect.json"))));
        assertEquals(0, store.attemptsOn("notes-softmax-step").size());
    }

    @Test
    void unknownProblemsAndRoutesAre404() throws Exception {
        start();
        assertError(404, "unknown-problem", get("/api/v1/problems/nope", token("s001")));
        assertError(404, "unknown-problem", get("/api/v1/problems/%3Cscript%3E/attempts", token("s001")));
        assertError(404, "unknown-problem", get("/api/v1/teacher/gradebook.csv?problem=nope", teacherToken));
        assertError(404, "not-found", get("/api/v1/nothing", token("s001")));
        assertError(405, "method-not-allowed", get("/api/v1/problems/notes-softmax-step/check", token("s001")));
    }

    @Test
    void aBodyOverOneMebibyteIs413AndNothingIsStored() throws Exception {
        start();
        byte[] big = new byte[Api.MAX_BODY + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        assertError(413, "body-too-large", post("/api/v1/problems/notes-softmax-step/check", token("s001"),
                "application/json", big));
        assertEquals(0, store.attemptsOn("notes-softmax-step").size());
    }

    @Test
    void anUnreadableSubmissionIs422WithTheReportsErrors() throws Exception {
        start();
        HttpResponse<String> r = check("s001", "submissions-sample/unreadable.csv", "text/csv");
        assertError(422, "unreadable-submission", r);
        JsonNode errors = json(r).get("errors");
        assertEquals(checkCommand("submissions-sample/unreadable.csv", "s001").get("errors").size(), errors.size());
        assertTrue(errors.size() > 0);
        assertEquals("submission.csv", errors.get(0).get("file").asText());
        assertEquals(0, store.attemptsOn("notes-softmax-step").size());
    }

    @Test
    void pastMaxChecksIs429WithRetryAfter() throws Exception {
        start(Optional.empty(), OptionalInt.of(2));
        JsonNode first = json(check("s001", "submissions-sample/notes.json", "application/json"));
        assertEquals(1, first.get("checksLeft").asInt());
        clock.now = clock.now.plusSeconds(600);
        JsonNode second = json(check("s001", "submissions-sample/notes.json", "application/json"));
        assertEquals(0, second.get("checksLeft").asInt());
        clock.now = clock.now.plusSeconds(600);
        HttpResponse<String> third = check("s001", "submissions-sample/notes.json", "application/json");
        assertError(429, "too-many-checks", third);
        assertEquals("2400", third.headers().firstValue("Retry-After").orElse(null)); // 10:00 + 1 h - 10:20
        assertEquals(200, check("s002", "submissions-sample/notes.json", "application/json").statusCode());
        clock.now = Instant.parse("2026-12-01T11:00:00.001Z"); // the 10:00 check has left the hour
        assertEquals(3, json(check("s001", "submissions-sample/notes.json", "application/json")).get("attempt").asInt());
    }

    @Test
    void afterTheDeadlineChecksAre403() throws Exception {
        start(Optional.of(Instant.parse("2026-12-01T10:00:00Z")), OptionalInt.empty());
        assertEquals(200, check("s001", "submissions-sample/notes.json", "application/json").statusCode());
        clock.now = clock.now.plusMillis(1);
        assertError(403, "deadline-passed", check("s001", "submissions-sample/perfect.json", "application/json"));
        assertEquals(1, store.attemptsOf("s001", "notes-softmax-step").size());
    }

    @ParameterizedTest
    @CsvSource({"NEVER, false", "AFTER_DEADLINE, true"})
    void anAttemptsReportComesBackAndWithRevealItsExpectedValuesAfterTheDeadline(Reveal reveal, boolean shown)
            throws Exception {
        start(Optional.of(Instant.parse("2026-12-01T12:00:00Z")), OptionalInt.empty(), Optional.of(Messages.Lang.en),
                reveal);
        HttpResponse<String> sent = check("s001", "submissions-sample/notes.json", "application/json");
        assertEquals(200, sent.statusCode());
        HttpResponse<String> before = get("/api/v1/problems/notes-softmax-step/attempts/1", token("s001"));
        assertEquals(200, before.statusCode());
        assertEquals(json(sent), json(before), "the report as it was sent");
        assertEquals(List.of(), expectedFields(json(before), "$"));
        assertError(404, "unknown-attempt", get("/api/v1/problems/notes-softmax-step/attempts/1", token("s002")));
        assertError(404, "unknown-attempt", get("/api/v1/problems/notes-softmax-step/attempts/x", token("s001")));

        clock.now = Instant.parse("2026-12-01T12:00:01Z");
        JsonNode after = json(get("/api/v1/problems/notes-softmax-step/attempts/1", token("s001")));
        assertEquals(1, after.get("attempt").asInt());
        assertEquals(json(sent).get("score"), after.get("score"));
        assertEquals(shown, !expectedFields(after, "$").isEmpty(), after.toString());
    }

    @Test
    void withoutALanguageOfItsOwnTheServerAnswersInTheClientsLanguage() throws Exception {
        start(Optional.empty(), OptionalInt.empty(), Optional.empty(), Reveal.NEVER);
        HttpRequest ro = HttpRequest.newBuilder(uri("/api/v1/problems/notes-softmax-step/check"))
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of("submissions-sample/notes.json")))
                .header("Authorization", "Bearer " + token("s001")).header("Accept-Language", "ro-RO,ro;q=0.9")
                .header("Content-Type", "application/json").build();
        JsonNode report = json(send(ro));
        assertTrue(report.toString().contains("este transpusa"), report.toString());
        JsonNode en = json(check("s002", "submissions-sample/notes.json", "application/json"));
        assertTrue(en.toString().contains("is the transpose"), en.toString());
    }

    @Test
    void aStoreThatFailsIs503() throws Exception {
        AttemptStore real = store;
        store = new Unavailable(real);
        start();
        HttpResponse<String> r = check("s001", "submissions-sample/notes.json", "application/json");
        assertError(503, "store-unavailable", r);
        assertEquals("the database is locked (test)", json(r).get("message").asText());
        store = real;
        assertEquals(0, store.attemptsOn("notes-softmax-step").size());
    }

    /** A store whose database is gone: every write is refused as a locked database's is. */
    private record Unavailable(AttemptStore real) implements AttemptStore {
        @Override
        public int record(Check check) {
            throw new StoreUnavailableException("the database is locked (test)", null);
        }

        @Override
        public OptionalInt recordIfUnder(Check check, int limit, Instant since) {
            throw new StoreUnavailableException("the database is locked (test)", null);
        }

        @Override
        public List<Attempt> attemptsOf(String student) {
            return real.attemptsOf(student);
        }

        @Override
        public List<Attempt> attemptsOf(String student, String problem) {
            return real.attemptsOf(student, problem);
        }

        @Override
        public int countSince(String student, String problem, Instant since) {
            return real.countSince(student, problem, since);
        }

        @Override
        public Optional<Attempt> counted(String student, String problem, Optional<Instant> deadline) {
            return real.counted(student, problem, deadline);
        }

        @Override
        public java.util.Map<String, Attempt> counted(String problem, Optional<Instant> deadline) {
            return real.counted(problem, deadline);
        }

        @Override
        public List<Attempt> attemptsOn(String problem) {
            return real.attemptsOn(problem);
        }

        @Override
        public void close() {
            real.close();
        }
    }
}
