package nngrade.serve;

import nngrade.problem.ProblemLoader;
import nngrade.problem.Quantity;
import nngrade.report.Messages;
import nngrade.report.ServedPages;
import nngrade.report.worked.WorkedHtml;
import nngrade.report.worked.WorkedSolutions;
import nngrade.submission.Roster;
import nngrade.submission.RosterReader;
import nngrade.variant.ProblemSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A student's own worked solution on nngrade serve's pages: shown once the deadline has passed
 * under --reveal after-deadline, with that student's variant's numbers, and never before the
 * deadline or without --reveal (the key is not worked out for a page then).
 */
class ServeWorkedTest extends ServeHttpTest {
    private static final String VARIANT_PAGE = "/p/variant-softmax-step";
    private static final String NOTES_PAGE = "/p/notes-softmax-step";
    private static final String GRAPH = "problems/graph-add-mul.json";
    private static final Instant DEADLINE = Instant.parse("2026-12-24T22:00:00Z");
    private static final Instant AFTER = Instant.parse("2026-12-25T08:00:00Z");

    private List<ProblemSource> problems;

    @Override
    void headers(HttpResponse<String> r) {
        if (r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
            assertEquals(Pages.CSP, r.headers().firstValue("Content-Security-Policy").orElse(null), r.uri().toString());
        }
    }

    private void start(Optional<Instant> deadline, Reveal reveal) {
        Roster r = RosterReader.read(ROSTER);
        problems = List.of(new ProblemSource(ProblemLoader.read(Path.of(NOTES)), secret),
                new ProblemSource(ProblemLoader.read(Path.of(VARIANT)), secret),
                new ProblemSource(ProblemLoader.read(Path.of(GRAPH)), secret));
        server = Server.start(new ServeConfig(problems, r, Tokens.of(secret, r.ids()), teacher, store, "127.0.0.1", 0,
                deadline, OptionalInt.empty(), Optional.empty(), reveal, false, clock));
    }

    private HttpResponse<String> get(String path, String student, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET()
                .header("Cookie", Pages.STUDENT_COOKIE + "=" + token(student));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    /** The article WorkedHtml writes for a student's own variant of problem {@code index}, in a language. */
    private String articleOf(int index, String student, Messages.Lang lang) {
        Messages m = new Messages(lang);
        return WorkedHtml.article(WorkedSolutions.of(problems.get(index).forStudent(student).key(), m.words()), m,
                Optional.of(student));
    }

    /** The Result line of yhat as the article writes it, from the key's values rounded to 4 decimals (all positive). */
    private String yhatResult(String student) {
        double[] row = problems.get(1).forStudent(student).key().get(Quantity.YHAT).rowValues(0);
        StringBuilder b = new StringBuilder("<li>Result: <math><mover accent=\"true\"><mrow><mi>y</mi></mrow><mo>^</mo>"
                + "</mover><mo>=</mo><mrow><mo stretchy=\"false\">(</mo>");
        for (int j = 0; j < row.length; j++) {
            b.append(j == 0 ? "" : "<mo lspace=\"0\" rspace=\"0.2em\">,</mo>").append("<mn>")
                    .append(BigDecimal.valueOf(row[j]).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString())
                    .append("</mn>");
        }
        return b.append("<mo stretchy=\"false\">)</mo></mrow></math> (rounded to 4 decimals)</li>").toString();
    }

    @Test
    void afterTheDeadlineWithRevealEachStudentSeesTheirOwnWorkedSolution() throws Exception {
        start(Optional.of(DEADLINE), Reveal.AFTER_DEADLINE);
        clock.now = AFTER;
        String mine = get(VARIANT_PAGE, "s001").body();
        String theirs = get(VARIANT_PAGE, "s002").body();
        String myArticle = articleOf(1, "s001", Messages.Lang.en);
        String theirArticle = articleOf(1, "s002", Messages.Lang.en);
        assertNotEquals(myArticle, theirArticle, "two variants, two solutions");
        String worked = between(mine, "<section class=\"worked-solution\" id=\"worked\">", "id=\"attempts\"");
        assertTrue(worked.contains("<h2>Your worked solution</h2>"), worked);
        assertTrue(worked.contains(myArticle), worked);
        assertTrue(worked.contains("<p class=\"who\">Student: s001</p>"), worked);
        assertTrue(worked.contains(yhatResult("s001")), yhatResult("s001") + "\n" + worked);
        assertTrue(worked.contains("<a href=\"/p/variant-softmax-step/worked\">"), worked);
        assertTrue(theirs.contains(theirArticle), theirs);
        assertTrue(theirs.contains(yhatResult("s002")), theirs);
        assertFalse(theirs.contains(myArticle), "s002 sees s001's solution");
        assertFalse(theirs.contains("Student: s001"), theirs);
        assertFalse(mine.contains(yhatResult("s002")), "s001's page has s002's yhat");
        // the solution comes once, below the sheet (and any feedback), above the list of checks
        assertEquals(1, count(mine, "class=\"worked\""));
        assertTrue(mine.indexOf("<h2>Given</h2>") < mine.indexOf("id=\"worked\"")
                && mine.indexOf("id=\"worked\"") < mine.indexOf("id=\"attempts\""), mine);
    }

    @Test
    void theWorkedSolutionComesBelowTheFeedbackOfTheLastCheck() throws Exception {
        start(Optional.of(DEADLINE), Reveal.AFTER_DEADLINE);
        HttpResponse<String> checked = send(HttpRequest.newBuilder(uri("/api/v1/problems/notes-softmax-step/check"))
                .header("Authorization", "Bearer " + token("s003"))
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of("submissions-sample/notes.json"))).build());
        assertEquals(200, checked.statusCode(), checked.body());
        clock.now = AFTER;
        String page = get(NOTES_PAGE, "s003").body();
        assertTrue(page.indexOf("id=\"feedback\"") >= 0 && page.indexOf("id=\"feedback\"") < page.indexOf("id=\"worked\""),
                page);
        assertTrue(page.contains(articleOf(0, "s003", Messages.Lang.en)), page);
        // the notes' problem has no variants: its numbers are the notes' (z1 = (0.8, −2, 1.4), as perfect.json has it)
        assertTrue(page.contains("<li>Result: <math><msub><mi>z</mi><mrow><mn>1</mn></mrow></msub><mo>=</mo><mrow>"
                + "<mo stretchy=\"false\">(</mo><mn>0.8</mn><mo lspace=\"0\" rspace=\"0.2em\">,</mo><mrow><mo>−</mo>"
                + "<mn>2</mn></mrow><mo lspace=\"0\" rspace=\"0.2em\">,</mo><mn>1.4</mn><mo stretchy=\"false\">)</mo>"
                + "</mrow></math> (rounded to 4 decimals)</li>"), page);
    }

    @Test
    void theWorkedSolutionSpeaksThePagesLanguage() throws Exception {
        start(Optional.of(DEADLINE), Reveal.AFTER_DEADLINE);
        clock.now = AFTER;
        String ro = get(VARIANT_PAGE, "s001", "Accept-Language", "ro").body();
        String article = articleOf(1, "s001", Messages.Lang.ro);
        assertTrue(ro.contains("<h2>Rezolvarea ta detaliată</h2>"), ro);
        assertTrue(ro.contains(article), ro);
        assertTrue(article.contains("<p class=\"who\">Student: s001</p>\n<p>Date: "), article);
        assertTrue(article.contains("(rotunjit la 4 zecimale)"), article);
        assertFalse(ro.contains(articleOf(1, "s001", Messages.Lang.en)));
    }

    /** The 403 page of /worked says when the solution comes, or, without --reveal, that none does. */
    @ParameterizedTest
    @CsvSource({
            // before the deadline
            "AFTER_DEADLINE, true, false, No worked solution yet, "
                    + "'The worked solution is shown once the deadline has passed, if the teacher reveals the answers.'",
            // after it, without --reveal
            "NEVER, true, true, No worked solution, The teacher does not reveal worked solutions for this problem.",
            // no deadline at all
            "NEVER, false, true, No worked solution, The teacher does not reveal worked solutions for this problem.",
    })
    void beforeTheDeadlineOrWithoutRevealNoWorkedSolutionIsShown(Reveal reveal, boolean deadline, boolean after,
                                                                 String heading, String text) throws Exception {
        start(deadline ? Optional.of(DEADLINE) : Optional.empty(), reveal);
        if (after) {
            clock.now = AFTER;
        }
        for (String student : new String[] {"s001", "s002"}) {
            for (String path : new String[] {VARIANT_PAGE, NOTES_PAGE, "/p/graph-add-mul"}) {
                String page = get(path, student).body();
                assertFalse(page.contains("class=\"worked\""), page);
                assertFalse(page.contains("id=\"worked\""), page);
                assertFalse(page.contains("/worked"), page);
                assertFalse(page.contains("Your worked solution"), page);
            }
            assertFalse(get(VARIANT_PAGE, student).body().contains(yhatResult(student)));
            HttpResponse<String> alone = get(VARIANT_PAGE + "/worked", student);
            assertEquals(403, alone.statusCode(), alone.body());
            assertTrue(alone.body().contains("<h1>" + heading + "</h1>"), alone.body());
            assertTrue(alone.body().contains("<p>" + text + "</p>"), alone.body());
            assertFalse(alone.body().contains("<math"), alone.body());
        }
    }

    @ParameterizedTest
    @CsvSource({
            "AFTER_DEADLINE, false, Încă nu există o rezolvare detaliată, "
                    + "'Rezolvarea detaliată apare după termen, dacă profesorul dezvăluie răspunsurile.'",
            "NEVER, true, Nu există rezolvare detaliată, "
                    + "Profesorul nu dezvăluie rezolvările detaliate pentru această problemă.",
    })
    void theRefusalOfTheWorkedPageSpeaksRomanianToo(Reveal reveal, boolean after, String heading, String text)
            throws Exception {
        start(Optional.of(DEADLINE), reveal);
        if (after) {
            clock.now = AFTER;
        }
        HttpResponse<String> alone = get(VARIANT_PAGE + "/worked", "s001", "Accept-Language", "ro");
        assertEquals(403, alone.statusCode(), alone.body());
        assertTrue(alone.body().contains("<h1>" + heading + "</h1>"), alone.body());
        assertTrue(alone.body().contains("<p>" + text + "</p>"), alone.body());
    }

    @Test
    void theWorkedSolutionHasAPageOfItsOwnForTheSignedInStudentOnly() throws Exception {
        start(Optional.of(DEADLINE), Reveal.AFTER_DEADLINE);
        clock.now = AFTER;
        Messages en = new Messages(Messages.Lang.en);
        HttpResponse<String> mine = get(VARIANT_PAGE + "/worked", "s001");
        assertEquals(200, mine.statusCode(), mine.body());
        assertEquals(WorkedHtml.render(WorkedSolutions.of(problems.get(1).forStudent("s001").key(), en.words()), en,
                Optional.of("s001")), mine.body());
        assertTrue(mine.body().contains(yhatResult("s001")));
        HttpResponse<String> theirs = get(VARIANT_PAGE + "/worked", "s002");
        assertTrue(theirs.body().contains(yhatResult("s002")) && !theirs.body().contains(yhatResult("s001")));
        HttpResponse<String> nobody = send(HttpRequest.newBuilder(uri(VARIANT_PAGE + "/worked")).GET().build());
        assertEquals(401, nobody.statusCode());
        assertFalse(nobody.body().contains("<math"), nobody.body());
        assertEquals(404, get("/p/no-such-problem/worked", "s001").statusCode());
    }

    @Test
    void aComputationalGraphIsWorkedNodeByNode() throws Exception {
        start(Optional.of(DEADLINE), Reveal.AFTER_DEADLINE);
        clock.now = AFTER;
        String page = get("/p/graph-add-mul", "s001").body();
        String worked = between(page, "id=\"worked\"", "id=\"attempts\"");
        // f = q·z with q = x + y = 3 and z = −4: dq = df·z = −4
        assertTrue(worked.contains("<code>dq</code>"), worked);
        assertTrue(worked.contains("<mn>1</mn><mo>·</mo><mo stretchy=\"false\">(</mo><mrow><mo>−</mo><mn>4</mn></mrow><mo stretchy=\"false\">)</mo>"),
                worked);
        assertTrue(page.contains("/p/graph-add-mul/worked"), page);
        HttpResponse<String> alone = get("/p/graph-add-mul/worked", "s001");
        assertEquals(200, alone.statusCode());
        assertTrue(alone.body().contains("<code>dq</code>"), alone.body());
    }

    /** "Your own variant" only where there is one: a problem the same for everyone has a neutral intro. */
    @ParameterizedTest
    @CsvSource({
            "/p/variant-softmax-step, en, "
                    + "'The deadline has passed: here is the solution of your own variant, step by step, with your numbers.'",
            "/p/notes-softmax-step, en, "
                    + "'The deadline has passed: here is the worked solution, step by step, with the problem''s numbers.'",
            "/p/graph-add-mul, en, "
                    + "'The deadline has passed: here is the worked solution, step by step, with the problem''s numbers.'",
            "/p/variant-softmax-step, ro, "
                    + "'Termenul a trecut: iată rezolvarea variantei tale, pas cu pas, cu numerele tale.'",
            "/p/notes-softmax-step, ro, 'Termenul a trecut: iată rezolvarea detaliată, pas cu pas, cu numerele problemei.'",
    })
    void theIntroSpeaksOfAVariantOnlyWhereThereIsOne(String path, String lang, String intro) throws Exception {
        start(Optional.of(DEADLINE), Reveal.AFTER_DEADLINE);
        clock.now = AFTER;
        String page = get(path, "s001", "Accept-Language", lang).body();
        // the page escapes the apostrophe
        assertTrue(page.contains("<p class=\"muted\">" + intro.replace("'", "&#39;") + " <a href=\"" + path + "/worked\">"),
                page);
    }

    /**
     * A worked section that fails to be made is left out (the page's sheet, feedback and attempts
     * are served without it) and the teacher told once per problem. The failure is forced on the
     * seam the problem page builds its section through: no real problem fails to be worked.
     */
    @Test
    void aWorkedSolutionThatFailsIsLeftOutAndToldOncePerProblem() {
        Roster r = RosterReader.read(ROSTER);
        List<String> log = new ArrayList<>();
        Pages pages = new Pages(new Classroom(new ServeConfig(List.of(new ProblemSource(ProblemLoader.read(Path.of(NOTES)),
                secret)), r, Tokens.of(secret, r.ids()), teacher, store, "127.0.0.1", 0, Optional.of(DEADLINE),
                OptionalInt.empty(), Optional.empty(), Reveal.AFTER_DEADLINE, false, clock, log::add)));
        Supplier<ServedPages.Worked> failing = () -> {
            throw new IllegalStateException("no terms\nwritten");
        };
        assertNull(pages.orLeftOut("notes-softmax-step", "s001", failing));
        assertNull(pages.orLeftOut("notes-softmax-step", "s002", failing));
        assertEquals(List.of("the worked solution of problem notes-softmax-step could not be made (for s001: "
                + "java.lang.IllegalStateException: no terms written); its problem pages are served without it. "
                + "Told once per problem; please report it, with the problem file"), log);
        assertNull(pages.orLeftOut("graph-add-mul", "s002", failing));
        assertEquals(2, log.size(), "another problem is told of too");
        assertTrue(log.get(1).startsWith("the worked solution of problem graph-add-mul could not be made (for s002: "),
                log.get(1));
        var made = new ServedPages.Worked("h", "i", "<article></article>", "/p/x/worked", "p");
        assertEquals(made, pages.orLeftOut("notes-softmax-step", "s001", () -> made), "one that is made is kept");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static String between(String page, String from, String to) {
        int a = page.indexOf(from);
        assertTrue(a >= 0, "no " + from + " in the page");
        int b = page.indexOf(to, a);
        return page.substring(a, b < 0 ? page.length() : b);
    }
}
