package nngrade.report.worked;

import com.fasterxml.jackson.databind.JsonNode;
import nngrade.problem.ProblemLoader;
import nngrade.report.Messages;
import nngrade.report.Messages.Lang;
import nngrade.solve.Solver;
import nngrade.testing.Cdp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The notes' worked solution as a page in headless Chromium (over the DevTools protocol, see
 * {@link Cdp}): MathML is laid out as math (a subscript sits below its letter, a matrix is a
 * table), the page loads nothing, fits an A4 page's width, its screenshot shows the formulas,
 * and it prints to A4 PDF pages. The screenshots are kept in target/worked-screenshots/ for a
 * person to look at. Skipped when Chromium is not installed.
 */
class WorkedHtmlBrowserTest {
    /** An A4 page's width in CSS pixels (210 mm at 96 px per inch). */
    static final int A4_WIDTH = 794;

    @TempDir
    static Path tmp;
    static Cdp cdp;

    @BeforeAll
    static void startChromium() throws Exception {
        assumeTrue(Cdp.available(), Cdp.missing());
        cdp = Cdp.launch(tmp);
    }

    @AfterAll
    static void stopChromium() throws Exception {
        if (cdp != null) {
            cdp.close();
        }
    }

    /** Opens {@code page} in session {@code s} at an A4 page's width; returns the event mark from before it loaded. */
    private static int openAtA4Width(String s, Path page) throws Exception {
        cdp.send(s, "Emulation.setDeviceMetricsOverride",
                Map.of("width", A4_WIDTH, "height", 1123, "deviceScaleFactor", 1, "mobile", false));
        int from = cdp.mark();
        JsonNode nav = cdp.send(s, "Page.navigate", Map.of("url", page.toUri().toString()));
        assertTrue(nav.path("errorText").asText().isEmpty(), nav.toString());
        cdp.awaitEvent(s, "Page.loadEventFired", from);
        return from;
    }

    /** Every problem's page at an A4 page's width, in each language: nothing runs off the right edge. */
    @ParameterizedTest
    @EnumSource(Lang.class)
    void everyProblemsPageFitsAnA4PagesWidth(Lang lang) throws Exception {
        Messages m = new Messages(lang);
        List<String> wide = new ArrayList<>();
        for (WorkedMarkdownTest.Solved solved : WorkedMarkdownTest.problems()) {
            String name = Path.of(solved.file()).getFileName().toString();
            Path page = Files.writeString(tmp.resolve(name + "-" + lang + ".html"),
                    WorkedHtml.render(WorkedSolutions.of(solved.key(), m.words()), m, Optional.empty()), StandardCharsets.UTF_8);
            Cdp.Page tab = cdp.newPage();
            String s = tab.session();
            try {
                openAtA4Width(s, page);
                int width = cdp.eval(s, "document.documentElement.scrollWidth").asInt();
                if (width > A4_WIDTH) {
                    wide.add(name + " " + width + " px: " + cdp.eval(s, "[...document.querySelectorAll('math')]"
                            + ".filter(e => e.getBoundingClientRect().right > " + A4_WIDTH + ").map(e => e.closest('section')"
                            + " ? e.closest('section').querySelector('code').textContent : 'given').join(', ')").asText());
                }
            } finally {
                cdp.closePage(tab);
            }
        }
        assertEquals(List.of(), wide, "pages wider than A4");
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void theNotesSolutionIsSetAsMathAndPrintsOnA4(Lang lang) throws Exception {
        Messages m = new Messages(lang);
        WorkedSolution w = WorkedSolutions.of(Solver.solve(ProblemLoader.load(Path.of("problems/notes-softmax-step.json"))),
                m.words());
        Path page = Files.writeString(tmp.resolve("notes-" + lang + ".html"), WorkedHtml.render(w, m, Optional.empty()),
                StandardCharsets.UTF_8);
        Cdp.Page tab = cdp.newPage();
        String s = tab.session();
        try {
            int from = openAtA4Width(s, page);
            List<String> requested = new ArrayList<>();
            for (JsonNode e : cdp.events(s, "Network.requestWillBeSent", from)) {
                requested.add(e.get("params").get("request").get("url").asText());
            }
            assertEquals(List.of(page.toUri().toString()), requested, "the page loads nothing else");

            // MathML, laid out as math: z1's subscript below its z, the given W1 a three-row table
            assertEquals("http://www.w3.org/1998/Math/MathML", cdp.eval(s, "document.querySelector('math').namespaceURI").asText());
            assertTrue(cdp.eval(s, "document.querySelectorAll('section').length").asInt() >= 8);
            double baseBottom = cdp.eval(s, "document.querySelector('msub > :first-child').getBoundingClientRect().bottom").asDouble();
            double subBottom = cdp.eval(s, "document.querySelector('msub > :last-child').getBoundingClientRect().bottom").asDouble();
            assertTrue(subBottom > baseBottom + 1, "a subscript sits lower than its letter: " + subBottom + " vs " + baseBottom);
            double rowHeight = cdp.eval(s, "document.querySelector('mtr').getBoundingClientRect().height").asDouble();
            double tableHeight = cdp.eval(s, "document.querySelector('mtable').getBoundingClientRect().height").asDouble();
            assertTrue(tableHeight > 2.5 * rowHeight, "W1's three rows stacked: " + tableHeight + " vs a row of " + rowHeight);
            assertTrue(cdp.eval(s, "document.documentElement.scrollWidth").asInt() <= A4_WIDTH, "fits an A4 page's width; wider: "
                    + cdp.eval(s, "[...document.querySelectorAll('li > math, p > math')].filter(e => e.getBoundingClientRect().right > "
                    + A4_WIDTH + ").map(e => e.closest('section') ? e.closest('section').querySelector('code').textContent + ' '"
                    + " + Math.round(e.getBoundingClientRect().width) : 'given').join('; ')").asText());

            // the screenshot shows ink where the first formula is
            JsonNode rect = cdp.eval(s, "(() => { const r = document.querySelector('section math').getBoundingClientRect();"
                    + " return {x: r.x, y: r.y, w: r.width, h: r.height}; })()");
            byte[] png = Base64.getDecoder().decode(cdp.send(s, "Page.captureScreenshot", Map.of("format", "png"))
                    .get("data").asText());
            Path shots = Files.createDirectories(Path.of("target", "worked-screenshots"));
            Files.write(shots.resolve("notes-softmax-step." + lang + ".png"), png);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals(A4_WIDTH, image.getWidth());
            int ink = 0;
            for (int x = (int) rect.get("x").asDouble(); x < rect.get("x").asDouble() + rect.get("w").asDouble(); x++) {
                for (int y = (int) rect.get("y").asDouble(); y < rect.get("y").asDouble() + rect.get("h").asDouble(); y++) {
                    int rgb = image.getRGB(x, y);
                    if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 3 * 128) {
                        ink++;
                    }
                }
            }
            assertTrue(ink > 50, "the first formula shows in the screenshot: " + ink + " dark pixels in " + rect);

            // printed: A4 (595 × 842 points), more than one page for the notes' eight quantities
            String pdf = new String(Base64.getDecoder().decode(cdp.send(s, "Page.printToPDF",
                    Map.of("preferCSSPageSize", true, "printBackground", false)).get("data").asText()), StandardCharsets.ISO_8859_1);
            assertTrue(pdf.startsWith("%PDF-"), "a PDF");
            assertTrue(pdf.contains("/MediaBox [0 0 594.95996 841.91998]") || pdf.matches("(?s).*/MediaBox \\[0 0 59[45]\\.?\\d* 84[12]\\.?\\d*\\].*"),
                    "an A4 page");
            long pages = pdf.split("/Type /Page\\b(?!s)", -1).length - 1;
            assertTrue(pages >= 2, "pages: " + pages);
        } finally {
            cdp.closePage(tab);
        }
    }
}
