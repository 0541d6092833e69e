package nngrade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import nngrade.grade.FileNames;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import static nngrade.cli.GradeRuns.NOTES;
import static nngrade.cli.GradeRuns.grade;
import static nngrade.cli.GradeRuns.gradebook;
import static nngrade.cli.GradeRuns.read;
import static nngrade.cli.GradeRuns.submission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Student ids are whatever a student typed in the "student" field: none of them may break out
 * of a gradebook cell (formula injection, quoting), of an HTML or XML report (markup) or of the
 * reports folder (path traversal, reserved device names).
 */
class GradeInjectionTest {
    static final List<String> IDS = List.of(
            "=HYPERLINK(\"http://x\")",
            "+SUM(1,2)",
            "-2+3",
            "@SUM(A1:A2)",
            "\tTAB",
            "\rCR",
            "<script>alert(1)</script>",
            "]]>",
            "../../etc/passwd",
            "..\\..\\windows\\win.ini",
            "/abs",
            "CON",
            "nul.txt",
            "x".repeat(300),
            "Popescu, Ana",
            "say \"hi\"",
            "line1\nline2",
            "\"quoted, with\r\nCRLF\"",
            "ana.popescu");

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._~-]*");
    private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5",
            "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    @TempDir
    static Path tmp;
    static Path in;
    static Path out;
    static GradeRuns.Run run;
    /** Submission file → the id written in it. */
    static final Map<String, String> ID_OF_FILE = new HashMap<>();

    @BeforeAll
    static void gradeTheClass() {
        in = tmp.resolve("in");
        out = tmp.resolve("out");
        for (int i = 0; i < IDS.size(); i++) {
            // Half of them with the notes' answers, so the reports have wrong cells and feedback too.
            Path f = submission(in, String.format(Locale.ROOT, "s%02d.json", i), i % 2 == 0 ? "perfect.json" : "notes.json",
                    IDS.get(i));
            ID_OF_FILE.put(f.toString(), IDS.get(i));
        }
        run = grade(NOTES, in, "--out", out, "--format", "html,md,json", "--junit-xml", out.resolve("junit.xml"),
                "--id-from", "field");
    }

    /** What a spreadsheet must see: the id, with an apostrophe before a leading = + - @ tab or CR. */
    static String neutralised(String id) {
        return "=+-@\t\r".indexOf(id.charAt(0)) >= 0 ? "'" + id : id;
    }

    @Test
    void everyoneIsGraded() {
        assertEquals(0, run.code(), run.all());
        assertEquals("", run.all());
    }

    @Test
    void gradebookIdsAreNeutralisedAndQuotedSoTheyReadBackExactly() {
        List<CSVRecord> records = gradebook(out);
        assertEquals(IDS.size() + 1, records.size());
        Set<String> seen = new HashSet<>();
        for (CSVRecord r : records.subList(1, records.size())) {
            assertEquals(15, r.size(), r.toString());
            String file = r.get(13);
            assertTrue(ID_OF_FILE.containsKey(file), file);
            assertEquals(neutralised(ID_OF_FILE.get(file)), r.get(0), "id of " + file);
            assertEquals("graded", r.get(1));
            seen.add(file);
        }
        assertEquals(ID_OF_FILE.keySet(), seen);
    }

    @Test
    void noGradebookCellStartsAFormula() {
        for (CSVRecord r : gradebook(out)) {
            for (String cell : r) {
                assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0, "cell " + cell + " in " + r);
            }
        }
        String raw = read(out.resolve("gradebook.csv"));
        assertTrue(raw.contains("\n\"'=HYPERLINK(\"\"http://x\"\")\",graded,9,9,"), raw);
        assertTrue(raw.contains("\n\"'+SUM(1,2)\",graded,"), raw);
        assertTrue(raw.contains("\n'-2+3,graded,"), raw);
        assertTrue(raw.contains("\n\"line1\nline2\",graded,"), raw);
        assertTrue(raw.contains("\n\"\"\"quoted, with\r\nCRLF\"\"\",graded,"), raw);
    }

    static Stream<Path> htmlFiles() throws IOException {
        try (Stream<Path> s = Files.list(out.resolve("reports"))) {
            List<Path> all = new ArrayList<>(s.filter(p -> p.toString().endsWith(".html")).sorted().toList());
            all.add(out.resolve("summary.html"));
            return all.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("htmlFiles")
    void htmlHasNoMarkupFromAStudent(Path html) {
        String text = read(html);
        assertFalse(text.toLowerCase(Locale.ROOT).contains("<script"), html.toString());
        assertFalse(text.contains("]]>"), html.toString());
        assertTrue(text.startsWith("<!DOCTYPE html>"));
        assertTrue(text.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"));
    }

    @Test
    void theStudentsOwnReportsShowTheirIdsEscaped() {
        assertTrue(read(out.resolve("reports/" + FileNames.safe("<script>alert(1)</script>") + ".html"))
                .contains("<p class=\"who\">&lt;script&gt;alert(1)&lt;/script&gt; · notes-softmax-step</p>"));
        assertTrue(read(out.resolve("reports/" + FileNames.safe("say \"hi\"") + ".html"))
                .contains("<title>nngrade check · notes-softmax-step · say &quot;hi&quot;</title>"));
        assertTrue(read(out.resolve("reports/" + FileNames.safe("]]>") + ".html")).contains("<p class=\"who\">]]&gt; · "));
        String md = read(out.resolve("reports/" + FileNames.safe("<script>alert(1)</script>") + ".md"));
        assertFalse(md.contains("<script>"), md);
    }

    @Test
    void junitXmlParsesAndHoldsEveryIdExactly() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document doc = f.newDocumentBuilder().parse(out.resolve("junit.xml").toFile());
        assertEquals("testsuites", doc.getDocumentElement().getTagName());
        NodeList suites = doc.getElementsByTagName("testsuite");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            names.add(suite.getAttribute("name"));
            NodeList cases = suite.getElementsByTagName("testcase");
            assertEquals(8, cases.getLength());
            for (int j = 0; j < cases.getLength(); j++) {
                assertEquals(suite.getAttribute("name"), ((Element) cases.item(j)).getAttribute("classname"));
            }
        }
        assertEquals(new TreeSet<>(IDS), new TreeSet<>(names));
        assertEquals(IDS.size(), names.size());
        String raw = read(out.resolve("junit.xml"));
        assertTrue(raw.contains("<testsuite name=\"&lt;script&gt;alert(1)&lt;/script&gt;\""), raw);
        assertTrue(raw.contains("<testsuite name=\"]]&gt;\""), raw);
    }

    @Test
    void reportFilesStayFlatInsideTheReportsFolderWithSafeNames() throws IOException {
        Path reports = out.resolve("reports").toRealPath();
        List<Path> files;
        try (Stream<Path> s = Files.walk(reports)) {
            files = s.filter(p -> !p.equals(reports)).toList();
        }
        assertEquals(IDS.size() * 3, files.size(), files.toString());
        for (Path f : files) {
            String name = f.getFileName().toString();
            assertTrue(Files.isRegularFile(f), f + " is a file");
            assertEquals(reports, f.toRealPath().getParent(), f + " directly in reports/");
            assertTrue(SAFE_NAME.matcher(name).matches(), name);
            assertTrue(name.length() <= 100, name);
            assertFalse(RESERVED.contains(name.substring(0, name.indexOf('.')).toLowerCase(Locale.ROOT)), name);
        }
        // Nothing anywhere else: every file under the temporary folder is a submission or an output.
        try (Stream<Path> s = Files.walk(tmp)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                assertTrue(p.startsWith(in) || p.startsWith(out), p.toString());
            }
        }
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of("changes.csv", "gradebook.csv", "junit.xml", "reports", "summary.html", "summary.json"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @ParameterizedTest
    @MethodSource("ids")
    void eachIdHasItsOwnReportNamedBySafeName(String id) throws IOException {
        String name = FileNames.safe(id);
        JsonNode report = GradeRuns.JSON.readTree(out.resolve("reports/" + name + ".json").toFile());
        assertEquals(id, report.get("student").asText());
        assertTrue(Files.isRegularFile(out.resolve("reports/" + name + ".html")));
        assertTrue(Files.isRegularFile(out.resolve("reports/" + name + ".md")));
    }

    static Stream<String> ids() {
        return IDS.stream();
    }

    @ParameterizedTest
    @MethodSource("ids")
    void safeFileNames(String id) {
        String name = FileNames.safe(id);
        assertTrue(SAFE_NAME.matcher(name).matches(), name);
        assertFalse(name.contains(".."), name);
        assertFalse(RESERVED.contains(name.split("\\.", 2)[0].toLowerCase(Locale.ROOT)), name);
        assertTrue(name.length() <= 80 + 9, name);
        if (id.equals("ana.popescu")) {
            assertEquals("ana.popescu", name, "a plain id is kept as it is");
        } else {
            assertTrue(name.matches(".*-[0-9a-f]{8}"), "a changed id gets a hash of the original: " + name);
        }
    }

    @Test
    void safeFileNamesTellEveryIdApart() {
        Set<String> names = new HashSet<>();
        for (String id : IDS) {
            assertTrue(names.add(FileNames.safe(id).toLowerCase(Locale.ROOT)), id);
        }
        assertTrue(FileNames.safe("CON").matches("CON-[0-9a-f]{8}"), FileNames.safe("CON"));
        assertEquals("x".repeat(80), FileNames.safe("x".repeat(300)).substring(0, 80));
        assertEquals(89, FileNames.safe("x".repeat(300)).length());
    }

    /**
     * Ids that would share a report file: a literal id equal to a duplicate's report name, and
     * two ids differing only in letter case (one file on Windows and macOS). Each row keeps its
     * own report.
     */
    @Test
    void clashingReportNamesGetANumberInsteadOfOverwritingEachOther(@TempDir Path t) throws IOException {
        Path cin = t.resolve("in");
        GradeRuns.setModified(submission(cin, "a1.json", "perfect.json", "a"), "2024-01-01T00:00:00Z");
        GradeRuns.setModified(submission(cin, "a2.json", "notes.json", "a"), "2024-02-01T00:00:00Z");
        submission(cin, "ana-lower.json", "perfect.json", "ana");
        submission(cin, "ana-upper.json", "notes.json", "Ana");
        submission(cin, "x.json", "notes.json", "a--a1");
        Path cout = t.resolve("out");
        GradeRuns.Run clash = grade(NOTES, cin, "--out", cout, "--format", "json", "--id-from", "field");
        assertEquals(1, clash.code(), clash.all()); // a1.json and a2.json both say they are a's: the teacher looks
        assertEquals(2, clash.err().lines().filter(l -> l.contains("look at this: 2 files say they are a's")).count(),
                clash.err());
        try (Stream<Path> s = Files.list(cout.resolve("reports"))) {
            assertEquals(List.of("Ana~2.json", "a--a1.json", "a--a1~2.json", "a.json", "ana.json"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(9.0, score(cout, "a--a1.json"), "the duplicate of a: perfect, older");
        assertEquals("a", student(cout, "a--a1.json"));
        assertEquals("a--a1", student(cout, "a--a1~2.json"));
        assertEquals(4.0, score(cout, "a.json"), "the counted file of a: the newer");
        assertEquals("Ana", student(cout, "Ana~2.json"));
        assertEquals("ana", student(cout, "ana.json"));
        assertEquals(6, gradebook(cout).size());
    }

    private static double score(Path out, String report) throws IOException {
        return GradeRuns.JSON.readTree(out.resolve("reports/" + report).toFile()).get("score").asDouble();
    }

    private static String student(Path out, String report) throws IOException {
        return GradeRuns.JSON.readTree(out.resolve("reports/" + report).toFile()).get("student").asText();
    }
}
