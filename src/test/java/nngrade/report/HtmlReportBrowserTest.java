package nngrade.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nngrade.cli.Main;
import nngrade.testing.Cdp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A student's HTML report in a real browser: headless Chromium driven over the Chrome DevTools
 * Protocol with nothing but the JDK (java.net.http's WebSocket) and Jackson. The page renders
 * with its score, the wrong cells stand out, nothing is fetched from anywhere, and on a phone
 * the page does not scroll sideways. Skipped when /usr/bin/chromium is not installed.
 */
class HtmlReportBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LONG_ID = "x".repeat(300);

    @TempDir
    static Path tmp;
    static Path reports;
    static Cdp cdp;

    /** The page target of one test, attached in flat mode: commands carry its session id. */
    Cdp.Page tab;
    String session;

    @BeforeAll
    static void gradeAndStartChromium() throws Exception {
        assumeTrue(Cdp.available(), Cdp.missing());
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(Path.of("submissions-sample/notes.json"), in.resolve("notes.json"));
        ObjectNode longId = (ObjectNode) JSON.readTree(Path.of("submissions-sample/notes.json").toFile());
        longId.put("student", LONG_ID);
        Files.writeString(in.resolve("long-id.json"), longId.toString());
        StringWriter err = new StringWriter();
        // A 300-character id cannot be a file name, so it comes from the student field.
        int code = Main.run(new String[]{"grade", "problems/notes-softmax-step.json", in.toString(), "--out",
                tmp.resolve("out").toString(), "--format", "html,json", "--id-from", "field"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        reports = tmp.resolve("out/reports");

        cdp = Cdp.launch(tmp);
    }

    @AfterAll
    static void stopChromium() throws Exception {
        if (cdp != null) {
            cdp.close();
        }
    }

    @BeforeEach
    void newPage() throws Exception {
        tab = cdp.newPage();
        session = tab.session();
    }

    @AfterEach
    void closePage() throws Exception {
        if (tab != null) {
            cdp.closePage(tab);
        }
    }

    /** Sets the viewport, opens the page and waits for its load event; returns the URLs it requested. */
    private List<String> open(Path page, int width, boolean mobile) throws Exception {
        cdp.send(session, "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", mobile ? 844 : 900, "deviceScaleFactor", mobile ? 3 : 1, "mobile", mobile));
        int from = cdp.mark();
        String url = page.toUri().toString();
        JsonNode nav = cdp.send(session, "Page.navigate", Map.of("url", url));
        assertTrue(nav.path("errorText").asText().isEmpty(), nav.toString());
        cdp.awaitEvent(session, "Page.loadEventFired", from);
        List<String> requested = new ArrayList<>();
        for (JsonNode e : cdp.events(session, "Network.requestWillBeSent", from)) {
            requested.add(e.get("params").get("request").get("url").asText());
        }
        return requested;
    }

    private JsonNode eval(String expression) throws Exception {
        return cdp.eval(session, expression);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    @Test
    void reportRendersWithItsScoreAndHighlightsWrongCells() throws Exception {
        JsonNode report = JSON.readTree(reports.resolve("notes.json").toFile());
        Path page = reports.resolve("notes.html");
        List<String> requested = open(page, 1024, false);

        assertEquals("Softmax regression: one gradient-descent step", eval("document.querySelector('h1').textContent").asText());
        String expectedScore = "Score " + number(report.get("score").asDouble()) + " / " + number(report.get("maxScore").asDouble());
        assertEquals("Score 4 / 9", expectedScore); // what the report JSON says today
        assertEquals(expectedScore, eval("document.getElementById('score').textContent").asText());
        assertTrue(eval("document.body.innerText").asText().contains(expectedScore));
        assertEquals(report.get("quantities").size(), eval("document.querySelectorAll('section.q').length").asInt());
        assertTrue(eval("document.getElementById('score').getBoundingClientRect().height").asDouble() > 0, "score is laid out");

        // dW1: as many highlighted cells as wrong cells in the report, the first one showing what was written.
        JsonNode dW1 = null;
        for (JsonNode q : report.get("quantities")) {
            if (q.get("name").asText().equals("dW1")) {
                dW1 = q;
            }
        }
        List<JsonNode> wrong = new ArrayList<>();
        dW1.get("cells").forEach(c -> {
            if (!c.get("correct").asBoolean()) {
                wrong.add(c);
            }
        });
        assertEquals(6, wrong.size());
        assertEquals(wrong.size(), eval("document.querySelectorAll('#q-dW1 td.bad').length").asInt());
        assertTrue(eval("document.querySelector('#q-dW1 td.bad').textContent").asText()
                .startsWith(wrong.get(0).get("submitted").asText()));

        String bad = eval("getComputedStyle(document.querySelector('td.bad')).backgroundColor").asText();
        String normal = eval("getComputedStyle(document.querySelector('table.m td:not(.bad)')).backgroundColor").asText();
        assertNotEquals(normal, bad, "a wrong cell is highlighted");
        assertEquals("rgba(0, 0, 0, 0)", normal);
        assertTrue(bad.startsWith("rgb("), bad); // opaque
        assertNotEquals(eval("getComputedStyle(document.querySelector('table.m td:not(.bad)')).color").asText(),
                eval("getComputedStyle(document.querySelector('td.bad')).color").asText());

        // Nothing but the page itself.
        assertEquals(List.of(page.toUri().toString()), requested.stream().filter(u -> !u.startsWith("data:")).toList());
        assertEquals(0, eval("performance.getEntriesByType('resource').length").asInt());
        assertEquals(0, eval("document.querySelectorAll('script,link,img,iframe,object,embed,[src]').length").asInt());
    }

    @Test
    void theRequestLogCatchesANetworkLoad() throws Exception {
        // The control: a page that does load from the network shows up in the same log.
        Path page = Files.writeString(tmp.resolve("control.html"),
                "<!DOCTYPE html><title>c</title><img src=\"http://127.0.0.1:9/pixel.png\">", StandardCharsets.UTF_8);
        List<String> requested = open(page, 1024, false);
        assertEquals(List.of(page.toUri().toString(), "http://127.0.0.1:9/pixel.png"), requested);
    }

    @ParameterizedTest
    @ValueSource(strings = {"notes.html", "long-id", "../summary.html"})
    void onAPhoneThePageDoesNotScrollSideways(String name) throws Exception {
        Path page = name.equals("long-id")
                ? reports.resolve(nngradeSafeName() + ".html")
                : reports.resolve(name).normalize();
        List<String> requested = open(page, 390, true);
        assertEquals(List.of(page.toUri().toString()), requested.stream().filter(u -> !u.startsWith("data:")).toList());
        assertEquals(390, eval("window.innerWidth").asInt(), "the phone viewport is in effect");
        int scrollWidth = eval("document.documentElement.scrollWidth").asInt();
        assertTrue(scrollWidth <= 390, page.getFileName() + " is " + scrollWidth + " px wide");
        assertTrue(eval("document.body.scrollWidth").asInt() <= 390);
        if (name.equals("long-id")) {
            assertTrue(eval("document.querySelector('.who').textContent").asText().startsWith(LONG_ID));
        }
    }

    /** The report of the 300-character id: the one file in reports/ whose name starts with x's. */
    private static String nngradeSafeName() throws IOException {
        try (var s = Files.list(reports)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("xxxx") && n.endsWith(".html"))
                    .map(n -> n.substring(0, n.length() - ".html".length())).findFirst().orElseThrow();
        }
    }
}
