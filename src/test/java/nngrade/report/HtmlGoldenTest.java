package nngrade.report;

import nngrade.check.CheckResult;
import nngrade.check.Checker;
import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import nngrade.report.Messages.Lang;
import nngrade.solve.Solver;
import nngrade.submission.Submission;
import nngrade.submission.SubmissionReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The check report and the class summary, byte for byte: the files in src/test/resources/golden/
 * were first written by the string-building renderers before the pages became templates (the
 * templates reproduced them exactly), and since changed only on purpose (a fully credited
 * carried-forward answer's cells shown as carried, not wrong; "1 of 1 point", the
 * counted noun in its plural form, and Romanian's W shape in Romanian words). The inputs are the awkward ones: markup, quotes, ampersands, ANSI escapes
 * and other control characters and an unpaired surrogate in the student id, the problem's id
 * and title, quantity names and error messages.
 */
class HtmlGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final String STUDENT = "<script>alert(1)</script> & \"hi\" 'x' \u0001\u001b[31mred\u007f\u0085 \ud800 end";

    static Problem problem() {
        return ProblemLoader.load(GOLDEN.resolve("problem.json"));
    }

    static CheckResult check(Problem p, String sample) throws IOException {
        Path file = sample.equals("errors.csv") ? GOLDEN.resolve(sample) : Path.of("submissions-sample", sample);
        Submission s = SubmissionReader.parse(sample, Files.readAllBytes(file), p);
        return Checker.check(Solver.solve(p), s, null, STUDENT);
    }

    static String checkReport(String sample, Lang lang, boolean hideExpected) throws IOException {
        return CheckHtml.render(check(problem(), sample), new ReportOptions(new Messages(lang), hideExpected, false, false));
    }

    /**
     * A class with every mistake the charts can show, names that need escaping in SVG text, and a
     * student of each kind the list shows (linked, flagged, invalid, missing, one with a roster name).
     */
    static ClassSummary summary() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("graded", 7);
        counts.put("invalid", 2);
        counts.put("missing", 1);
        Map<String, Double> success = new LinkedHashMap<>();
        success.put("z1", 1.0);
        success.put("<b>yhat</b>", 5 / 7.0);
        success.put("loss & \"q\"", 0.0);
        success.put("dW1", 0.123456);
        Map<String, Double> carried = new LinkedHashMap<>();
        carried.put("z1", 0.0);
        carried.put("<b>yhat</b>", 1 / 7.0);
        carried.put("loss & \"q\"", 0.001);
        Map<String, Double> mean = new LinkedHashMap<>();
        mean.put("z1", 1.0);
        mean.put("<b>yhat</b>", 0.714285);
        mean.put("loss & \"q\"", 0.0);
        mean.put("dW1", 1.25);
        Map<String, Double> max = new LinkedHashMap<>();
        max.put("z1", 1.0);
        max.put("<b>yhat</b>", 1.0);
        max.put("loss & \"q\"", 1.0);
        max.put("dW1", 6.5);
        List<ClassSummary.Student> students = List.of(
                new ClassSummary.Student(STUDENT, "", "graded", 9.5, "reports/_script_alert-1a2b3c4d.html", "", false),
                new ClassSummary.Student("ana", "Ana <i>Popescu</i> & co", "graded", 4, "reports/ana.html",
                        "the file says it is <b>ion</b>'s: graded as ana's, from where it was handed in", true),
                new ClassSummary.Student("bogdan", "", "invalid", 0, "reports/bogdan.html",
                        "line 1: expected a header \"quantity,row,col,value\" & more", false),
                new ClassSummary.Student("=1+1", "", "missing", 0, null, "no submission", false));
        return new ClassSummary("golden <id> & \"q\"", "Softmax <script>alert('t')</script> \u0001 step", 9.5, counts, 7,
                6.214285714, 6.5, new int[]{0, 1, 0, 0, 2, 0, 0, 1, 0, 3}, success, carried,
                List.of(Map.entry("dW1: transposed", 3), Map.entry("yhat: <img src=x onerror=alert(1)>", 2),
                        Map.entry("loss: 'sign' & \"flip\"", 1)), mean, max, students);
    }

    static ClassSummary emptyClass() {
        Map<String, Double> none = new LinkedHashMap<>();
        none.put("z1", 0.0);
        return new ClassSummary("empty", "Nobody handed in", 0, Map.of("missing", 3), 0, 0, 0, new int[ClassSummary.BINS],
                none, none, List.of(), none, Map.of("z1", 1.0), List.of(
                        new ClassSummary.Student("a", "", "missing", 0, null, "no submission", false),
                        new ClassSummary.Student("b", "", "missing", 0, null, "no submission", false),
                        new ClassSummary.Student("c", "", "missing", 0, null, "no submission", false)));
    }

    /**
     * The golden file's bytes against the page as nngrade writes it (UTF-8, an unpaired surrogate
     * as ?). {@code mvn test -Dtest=HtmlGoldenTest -Dnngrade.golden.write=true} rewrites the files
     * after a deliberate change of the pages; {@code git diff} then shows exactly what changed.
     */
    private static void assertGolden(String name, String html) throws IOException {
        if (Boolean.getBoolean("nngrade.golden.write")) {
            Files.write(GOLDEN.resolve(name), html.getBytes(StandardCharsets.UTF_8));
        }
        String golden = Files.readString(GOLDEN.resolve(name), StandardCharsets.UTF_8);
        assertEquals(golden, new String(html.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), name);
    }

    @Test
    void checkReportWithWrongCellsAndExpectedValues() throws IOException {
        assertGolden("check-notes-en.html", checkReport("notes.json", Lang.en, false));
    }

    @Test
    void checkReportInRomanianWithExpectedValuesHidden() throws IOException {
        assertGolden("check-notes-ro-hidden.html", checkReport("notes.json", Lang.ro, true));
    }

    @Test
    void checkReportOfAFileWithErrors() throws IOException {
        assertGolden("check-errors-en.html", checkReport("errors.csv", Lang.en, false));
    }

    @Test
    void checkReportWithFullMarks() throws IOException {
        assertGolden("check-perfect-ro.html", checkReport("perfect.json", Lang.ro, false));
    }

    @Test
    void classSummaryWithChartsAndMistakes() throws IOException {
        assertGolden("summary.html", SummaryHtml.render(summary()));
    }

    @Test
    void classSummaryOfAnEmptyClass() throws IOException {
        assertGolden("summary-empty.html", SummaryHtml.render(emptyClass()));
    }
}
