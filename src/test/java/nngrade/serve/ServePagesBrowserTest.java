package nngrade.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nngrade.problem.ProblemLoader;
import nngrade.submission.Roster;
import nngrade.submission.RosterReader;
import nngrade.testing.Cdp;
import nngrade.variant.ProblemSource;
import nngrade.variant.Secret;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * nngrade serve's pages in a real browser, as a student uses them: headless Chromium, driven over
 * the DevTools protocol, opens the student's link, types answers with decimal commas, pastes a
 * matrix copied from a spreadsheet, checks, and reads the feedback; on a phone the pages do not
 * scroll sideways. Skipped when /usr/bin/chromium is not installed.
 */
class ServePagesBrowserTest {
    private static final Path SECRET = Path.of("src/test/resources/serve/secret.txt");
    private static final Path ROSTER = Path.of("src/test/resources/serve/roster.csv");
    private static final String PROBLEM = "notes-softmax-step";
    private static final String PAGE = "/p/" + PROBLEM;
    /** A page load, a check or a redirect on a loaded 2-core machine: generous, polled. */
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The notes' slip, x·(ŷ − y)ᵀ: the transpose of dW1, as a spreadsheet copies it. */
    private static final String[][] TRANSPOSED_DW1 = {
        {"0,3469", "-0,9789", "0,632"}, {"1,0407", "-2,9367", "1,8961"}, {"0", "0", "0"}};
    /** Reports a securitypolicyviolation event of any page of the tab to the test. */
    private static final String VIOLATION_BINDING = "nngradeCspViolation";

    @TempDir
    static Path browserDir;
    static Cdp cdp;

    @TempDir
    Path data;
    private final ServeHttpTest.TestClock clock = new ServeHttpTest.TestClock();
    private Secret secret;
    private AttemptStore store;
    private Server server;
    private Cdp.Page tab;
    private String session;
    private int from;
    /** On a phone a click is a tap of a finger. */
    private boolean touch;

    @BeforeAll
    static void startChromium() throws Exception {
        assumeTrue(Cdp.available(), Cdp.missing() + ": the browser test of serve's pages is skipped");
        cdp = Cdp.launch(browserDir);
    }

    @AfterAll
    static void stopChromium() throws Exception {
        if (cdp != null) {
            cdp.close();
        }
    }

    @BeforeEach
    void startServerAndOpenATab() throws Exception {
        secret = Secret.of(Files.readString(SECRET));
        store = AttemptStore.open(null, data);
        Roster roster = RosterReader.read(ROSTER);
        List<ProblemSource> problems = List.of(new ProblemSource(ProblemLoader.read(Path.of("problems/" + PROBLEM + ".json")), secret));
        // A deadline ahead and reveal after it: the expected values exist and must still not show.
        server = Server.start(new ServeConfig(problems, roster, Tokens.of(secret, roster.ids()), TeacherToken.load(null, data), store,
                "127.0.0.1", 0, Optional.of(Instant.parse("2026-12-24T22:00:00Z")), OptionalInt.empty(), Optional.empty(),
                Reveal.AFTER_DEADLINE, false, clock));

        tab = cdp.newIsolatedPage();
        session = tab.session();
        from = cdp.mark();
        cdp.send(session, "Runtime.enable", Map.of());
        cdp.send(session, "Log.enable", Map.of());
        cdp.send(session, "Runtime.addBinding", Map.of("name", VIOLATION_BINDING));
        cdp.send(session, "Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "document.addEventListener('securitypolicyviolation', function (e) { " + VIOLATION_BINDING
                        + "(e.violatedDirective + ' ' + e.blockedURI); }, true);"));
    }

    @AfterEach
    void closeTabAndServer() throws Exception {
        try {
            if (tab != null) {
                cdp.closePage(tab);
            }
        } finally {
            if (server != null) {
                server.close();
            }
            if (store != null) {
                store.close();
            }
        }
    }

    @Test
    void aStudentTypesAndPastesAnswersWithDecimalCommasChecksThemAndReadsTheFeedback() throws Exception {
        viewport(1024, 900, false);
        signIn("s001");
        assertEquals("", eval("document.cookie").asText(), "the page's script can read no cookie");
        assertStudentCookieIsHttpOnly();

        click("a[href=\"" + PAGE + "\"]");
        waitFor("location.pathname === " + js(PAGE) + " && document.readyState === 'complete' && !!document.getElementById('answers')",
                "the problem page");
        assertEquals("Softmax regression: one gradient-descent step", eval("document.querySelector('h1').textContent").asText());

        String[] z1 = {"0,8", "-2", "1,4"};
        for (int j = 0; j < z1.length; j++) {
            String cell = "input[name=\"q.z1.1." + (j + 1) + "\"]";
            click(cell);
            waitFor("document.activeElement === document.querySelector(" + js(cell) + ")", cell + " has the focus");
            cdp.send(session, "Input.insertText", Map.of("text", z1[j]));
            assertEquals(z1[j], eval("document.querySelector(" + js(cell) + ").value").asText());
        }

        click("input[name=\"q.dW1.1.1\"]");
        waitFor("document.activeElement.name === 'q.dW1.1.1'", "dW1's first cell has the focus");
        StringBuilder copied = new StringBuilder();
        for (String[] row : TRANSPOSED_DW1) {
            copied.append(String.join("\t", row)).append("\r\n"); // as a spreadsheet on Windows copies
        }
        boolean handled = eval("(() => { const dt = new DataTransfer(); dt.setData('text/plain', " + js(copied.toString()) + ");"
                + " const e = new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true});"
                + " document.activeElement.dispatchEvent(e); return e.defaultPrevented; })()").asBoolean();
        assertTrue(handled, "the page's script took the paste");
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                String name = "q.dW1." + (i + 1) + "." + (j + 1);
                assertEquals(TRANSPOSED_DW1[i][j], eval("document.querySelector('input[name=\"" + name + "\"]').value").asText(), name);
            }
        }

        click("#check");
        waitFor("location.pathname === " + js(PAGE + "/a/1") + " && document.readyState === 'complete'"
                + " && !!document.getElementById('score')", "the attempt page");
        assertEquals("#feedback", eval("location.hash").asText());
        screenshot(Path.of("target/serve-attempt.png"));

        assertEquals("Score 1 / 9", eval("document.getElementById('score').textContent").asText());
        assertTrue(eval("document.body.innerText").asText().contains("Check 1 · 2026-12-01 10:00:00 · 1 / 9"),
                eval("document.body.innerText").asText());
        assertTrue(eval("document.getElementById('q-z1').classList.contains('correct')").asBoolean());
        assertEquals("✓", eval("document.querySelector('#q-z1 .mark').textContent").asText());
        assertEquals(0, eval("document.querySelectorAll('#q-z1 td.bad').length").asInt());

        String dW1 = eval("document.getElementById('q-dW1').innerText").asText();
        assertTrue(eval("document.getElementById('q-dW1').classList.contains('incorrect')").asBoolean(), dW1);
        assertTrue(dW1.contains("transpose"), dW1);
        // Each wrong cell shows exactly what was written in its place, nothing of the key beside it.
        JsonNode bad = eval("[...document.querySelectorAll('#q-dW1 td.bad')]"
                + ".map(td => [td.parentElement.rowIndex, td.cellIndex, td.textContent])");
        assertEquals(6, bad.size(), bad.toString());
        assertEquals(6, eval("document.querySelectorAll('td.bad').length").asInt());
        for (JsonNode cell : bad) {
            String written = TRANSPOSED_DW1[cell.get(0).asInt()][cell.get(1).asInt()].replace(',', '.');
            assertEquals(written, cell.get(2).asText(), "the wrong cell " + cell);
        }
        assertEquals(0, eval("document.querySelectorAll('td.bad small').length").asInt());
        assertEquals(1, eval("document.querySelectorAll('#feedback ~ .feedback').length").asInt());
        assertEquals(0, eval("document.querySelectorAll('#feedback ~ .feedback small').length").asInt());

        // The form holds the answers checked, ready to change one and check again.
        assertEquals("-2", eval("document.querySelector('input[name=\"q.z1.1.2\"]').value").asText());
        assertEquals("", eval("document.cookie").asText());
        assertNoConsoleErrorsAndNoCspViolations();
        assertEquals(1, store.attemptsOf("s001", PROBLEM).size());
    }

    @Test
    void onAPhoneTheProblemPageDoesNotScrollSidewaysOutsideItsWraps() throws Exception {
        viewport(390, 844, true);
        signIn("s003");
        assertEquals(390, eval("window.innerWidth").asInt(), "the phone viewport is in effect");
        assertFitsThePhone("the student's home page");
        click("a[href=\"" + PAGE + "\"]");
        waitFor("location.pathname === " + js(PAGE) + " && document.readyState === 'complete' && !!document.getElementById('answers')",
                "the problem page");
        assertFitsThePhone("the problem page");
        assertTrue(eval("document.querySelectorAll('.wrap').length").asInt() > 0, "the sheet's matrices are in .wrap containers");
        assertNoConsoleErrorsAndNoCspViolations();

        // The control: a wide thing outside every .wrap is caught, the same inside one is not.
        eval("(() => { const w = document.querySelector('.wrap'); w.insertAdjacentHTML('beforeend', '<div style=\\'width:600px\\'>inside</div>');"
                + " return true; })()");
        assertEquals("[]", overflowing().toString());
        eval("(() => { document.getElementById('answers').insertAdjacentHTML('beforeend', '<div id=wide style=\\'width:600px\\'>outside</div>');"
                + " return true; })()");
        assertEquals("[\"DIV#wide\"]", overflowing().toString());
        eval("(() => { const w = document.getElementById('wide'); w.remove(); return true; })()");
    }

    @Test
    void theWatchersCatchACspViolation() throws Exception {
        // The control: an inline script is refused by the pages' policy, and the test hears of it.
        viewport(1024, 900, false);
        signIn("s001");
        eval("(() => { const s = document.createElement('script'); s.textContent = 'window.ran = 1'; document.head.appendChild(s);"
                + " return true; })()");
        JsonNode e = cdp.awaitEvent(session, "Runtime.bindingCalled", from);
        assertTrue(e.get("params").get("payload").asText().startsWith("script-src"), e.toString());
        assertFalse(eval("'ran' in window").asBoolean(), "the inline script did not run");
        assertFalse(problems().isEmpty());
    }

    /** Opens the student's own link and waits for the meta refresh to lead to their problems. */
    private void signIn(String id) throws Exception {
        JsonNode nav = cdp.send(session, "Page.navigate", Map.of("url", url("/s/" + Tokens.token(secret, id))));
        assertTrue(nav.path("errorText").asText().isEmpty(), nav.path("errorText").asText());
        // The link's page names no token in what a failure prints: only the home page's title and path.
        waitFor("location.pathname === '/' && document.readyState === 'complete' && !!document.querySelector('a[href=\"" + PAGE + "\"]')",
                "the student's home page after the link's refresh");
    }

    private void assertStudentCookieIsHttpOnly() throws Exception {
        JsonNode cookies = cdp.send(session, "Network.getCookies", Map.of("urls", List.of(url("/")))).get("cookies");
        int found = 0;
        for (JsonNode c : cookies) {
            if (c.get("name").asText().equals(Pages.STUDENT_COOKIE)) {
                found++;
                assertTrue(c.get("httpOnly").asBoolean(), "the student's cookie is HttpOnly");
                assertEquals("Strict", c.path("sameSite").asText());
                assertEquals("/", c.get("path").asText());
            }
        }
        assertEquals(1, found, "one student cookie");
    }

    /** Nothing outside a .wrap reaches past the screen's right edge, so only a .wrap scrolls sideways. */
    private void assertFitsThePhone(String what) throws Exception {
        int clientWidth = eval("document.documentElement.clientWidth").asInt();
        int scrollWidth = eval("document.documentElement.scrollWidth").asInt();
        assertEquals("[]", overflowing().toString(), what + ": wider than the screen");
        assertTrue(scrollWidth <= clientWidth, what + " is " + scrollWidth + " px wide on a " + clientWidth + " px screen");
        assertTrue(eval("document.body.scrollWidth").asInt() <= clientWidth, what);
    }

    /** The elements outside every .wrap that reach past the screen's right edge. */
    private JsonNode overflowing() throws Exception {
        return eval("[...document.body.querySelectorAll('*')].filter(e => !e.closest('.wrap')"
                + " && e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)"
                + ".map(e => e.tagName + (e.id ? '#' + e.id : '') + (e.name ? '[' + e.name + ']' : ''))");
    }

    private void assertNoConsoleErrorsAndNoCspViolations() {
        assertEquals(List.of(), problems());
    }

    /** Console errors, uncaught exceptions, the browser's logged errors and CSP violations since the tab opened. */
    private List<String> problems() {
        List<String> found = new ArrayList<>();
        for (JsonNode e : cdp.events(session, "Runtime.consoleAPICalled", from)) {
            String type = e.get("params").get("type").asText();
            if (type.equals("error") || type.equals("assert")) {
                found.add("console." + type + ": " + e.get("params").get("args"));
            }
        }
        for (JsonNode e : cdp.events(session, "Runtime.exceptionThrown", from)) {
            found.add("exception: " + e.get("params").get("exceptionDetails").path("text").asText());
        }
        for (JsonNode e : cdp.events(session, "Log.entryAdded", from)) {
            JsonNode entry = e.get("params").get("entry");
            if (entry.get("level").asText().equals("error")) {
                found.add("log " + entry.get("source").asText() + ": " + entry.get("text").asText());
            }
        }
        for (JsonNode e : cdp.events(session, "Runtime.bindingCalled", from)) {
            found.add("CSP violation: " + e.get("params").get("payload").asText());
        }
        return found;
    }

    private void viewport(int width, int height, boolean mobile) throws Exception {
        cdp.send(session, "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", mobile ? 3 : 1, "mobile", mobile));
        cdp.send(session, "Emulation.setTouchEmulationEnabled", Map.of("enabled", mobile, "maxTouchPoints", 5));
        touch = mobile;
    }

    /** A real click (or tap) in the middle of the element, once scrolled into view, as a student's mouse or finger makes it. */
    private void click(String selector) throws Exception {
        waitFor("!!document.querySelector(" + js(selector) + ")", selector + " on the page");
        JsonNode at = eval("(() => { const e = document.querySelector(" + js(selector) + "); e.scrollIntoView({block: 'center'});"
                + " const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()");
        double x = at.get(0).asDouble();
        double y = at.get(1).asDouble();
        if (touch) {
            cdp.send(session, "Input.dispatchTouchEvent", Map.of("type", "touchStart", "touchPoints", List.of(Map.of("x", x, "y", y))));
            cdp.send(session, "Input.dispatchTouchEvent", Map.of("type", "touchEnd", "touchPoints", List.of()));
            return;
        }
        for (String type : List.of("mousePressed", "mouseReleased")) {
            cdp.send(session, "Input.dispatchMouseEvent", Map.of("type", type, "x", x, "y", y, "button", "left", "clickCount", 1));
        }
    }

    private void screenshot(Path file) throws Exception {
        JsonNode shot = cdp.send(session, "Page.captureScreenshot", Map.of("format", "png"));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
    }

    private void waitFor(String condition, String what) throws Exception {
        cdp.waitFor(session, condition, WAIT, what);
    }

    private JsonNode eval(String expression) throws Exception {
        return cdp.eval(session, expression);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** A JavaScript string literal (JSON's is one). */
    private static String js(String s) throws JsonProcessingException {
        return JSON.writeValueAsString(s);
    }
}
