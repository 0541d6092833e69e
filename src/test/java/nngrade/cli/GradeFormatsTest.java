package nngrade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import static nngrade.cli.GradeRuns.ASKED;
import static nngrade.cli.GradeRuns.NOTES;
import static nngrade.cli.GradeRuns.grade;
import static nngrade.cli.GradeRuns.submission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CI formats: JUnit XML against the usual JUnit schema, and Gradescope's results.json. */
class GradeFormatsTest {
    @TempDir
    static Path tmp;
    static Schema junitSchema;
    static Path junit;

    @BeforeAll
    static void gradeAClass() throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        junitSchema = f.newSchema(GradeFormatsTest.class.getResource("/junit/junit.xsd"));

        Path in = tmp.resolve("in");
        submission(in, "good.json", "perfect.json", "good");
        submission(in, "wrong.json", "notes.json", "wrong");
        submission(in, "odd.json", "notes.json", "<b>\"odd\" & ]]>\n</b>");
        Files.copy(GradeRuns.SAMPLES.resolve("unreadable.csv"), in.resolve("unreadable.csv"));
        Files.copy(GradeRuns.SAMPLES.resolve("malformed.json"), in.resolve("malformed.json"));
        junit = tmp.resolve("ci/junit.xml");
        GradeRuns.Run run = grade(NOTES, in, "--out", tmp.resolve("out"), "--junit-xml", junit, "--id-from", "field");
        assertEquals(1, run.code(), run.all());
    }

    private static void validate(String xml) throws SAXException, IOException {
        Validator v = junitSchema.newValidator();
        v.validate(new StreamSource(new StringReader(xml)));
    }

    @Test
    void junitXmlIsValidAgainstTheJunitSchema() throws Exception {
        validate(GradeRuns.read(junit));
    }

    @Test
    void theSchemaIsNotAPushover() {
        // A testcase without its classname, and a testsuite without its counts: both rejected.
        assertThrows(SAXException.class, () -> validate("<testsuites><testsuite name=\"a\" tests=\"1\" failures=\"0\" "
                + "errors=\"0\" skipped=\"0\"><testcase name=\"x\"/></testsuite></testsuites>"));
        assertThrows(SAXException.class, () -> validate("<testsuites><testsuite name=\"a\"/></testsuites>"));
        assertThrows(SAXException.class, () -> validate("<testsuites><testsuite name=\"a\" tests=\"-1\" failures=\"0\" "
                + "errors=\"0\" skipped=\"0\"/></testsuites>"));
    }

    @Test
    void junitXmlHasASuitePerStudentWithCountsMatchingItsCases() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(junit.toFile());
        assertEquals("notes-softmax-step", doc.getDocumentElement().getAttribute("name"));
        Map<String, String> suites = new LinkedHashMap<>();
        NodeList list = doc.getElementsByTagName("testsuite");
        for (int i = 0; i < list.getLength(); i++) {
            Element s = (Element) list.item(i);
            int tests = s.getElementsByTagName("testcase").getLength();
            int failures = s.getElementsByTagName("failure").getLength();
            int errors = s.getElementsByTagName("error").getLength();
            assertEquals(tests, Integer.parseInt(s.getAttribute("tests")));
            assertEquals(failures, Integer.parseInt(s.getAttribute("failures")));
            assertEquals(errors, Integer.parseInt(s.getAttribute("errors")));
            suites.put(s.getAttribute("name"), tests + " tests, " + failures + " failures, " + errors + " errors");
        }
        // In id order; the unreadable file is one erroring case, the graded ones a case per quantity.
        assertEquals(List.of("<b>\"odd\" & ]]>\n</b>", "good", "malformed", "unreadable", "wrong"),
                new ArrayList<>(suites.keySet()));
        assertEquals("8 tests, 4 failures, 0 errors", suites.get("wrong"));
        assertEquals("8 tests, 0 failures, 0 errors", suites.get("good"));
        assertEquals("8 tests, 7 failures, 0 errors", suites.get("malformed"));
        assertEquals("1 tests, 0 failures, 1 errors", suites.get("unreadable"));

        Element wrong = suite(doc, "wrong");
        List<String> failed = new ArrayList<>();
        NodeList cases = wrong.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            assertEquals("wrong", c.getAttribute("classname"));
            NodeList fs = c.getElementsByTagName("failure");
            if (fs.getLength() == 1) {
                Element failure = (Element) fs.item(0);
                String message = failure.getAttribute("message");
                failed.add(c.getAttribute("name") + " " + failure.getAttribute("type") + " | "
                        + message.substring(0, message.indexOf(". ")));
                assertTrue(failure.getTextContent().contains(message.substring(message.indexOf(". ") + 2)), message);
            }
        }
        assertEquals(List.of("loss missing | missing: 0 of 1 point",
                "dW1 incorrect | incorrect: 0 of 2 points",
                "db1 incorrect | incorrect: 0 of 1 point",
                "W1_next incorrect | incorrect: 0 of 1 point"), failed);
        // b1_next, carried forward from the wrong db1 with its point earned, passes as the gradebook says
        assertEquals(List.of("score=4", "maxScore=9"), properties(wrong));
        Element error = (Element) suite(doc, "unreadable").getElementsByTagName("error").item(0);
        assertEquals("invalid", error.getAttribute("type"));
        assertEquals(tmp.resolve("in/unreadable.csv") + ":1: expected a header quantity,row,col,value (one cell per line) "
                + "or quantity,value (one quantity per line, rows separated by ;), found \"name,answer\"",
                error.getAttribute("message"));
    }

    private static List<String> properties(Element suite) {
        List<String> out = new ArrayList<>();
        NodeList ps = suite.getElementsByTagName("property");
        for (int i = 0; i < ps.getLength(); i++) {
            Element p = (Element) ps.item(i);
            out.add(p.getAttribute("name") + "=" + p.getAttribute("value"));
        }
        return out;
    }

    private static Element suite(Document doc, String name) {
        NodeList list = doc.getElementsByTagName("testsuite");
        for (int i = 0; i < list.getLength(); i++) {
            if (((Element) list.item(i)).getAttribute("name").equals(name)) {
                return (Element) list.item(i);
            }
        }
        throw new AssertionError("no testsuite " + name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "perfect.json     | 0 | 9 | 1,1,1,1,2,1,1,1 | PPPPPPPP",
            "rounded-2dp.json | 0 | 9 | 1,1,1,1,2,1,1,1 | PPPPPPPP",
            "notes.json       | 0 | 4 | 1,1,0,1,0,0,0,1 | PPFPFFFP",
            "long.csv         | 0 | 9 | 1,1,1,1,2,1,1,1 | PPPPPPPP",
            "malformed.json   | 0 | 1 | 1,0,0,0,0,0,0,0 | PFFFFFFF",
    })
    void gradescopeResultsForOneSubmission(String sample, int code, double score, String points, String passed,
                                          @TempDir Path t)
            throws IOException {
        Path results = t.resolve("results/results.json");
        GradeRuns.Run run = grade(NOTES, GradeRuns.SAMPLES.resolve(sample), "--out", t.resolve("out"), "--gradescope", results);
        assertEquals(code, run.code(), run.all());
        JsonNode r = GradeRuns.JSON.readTree(results.toFile());
        assertEquals(score, r.get("score").asDouble());
        assertTrue(r.get("score").isNumber() && r.get("max_score").isNumber());
        assertEquals(9.0, r.get("max_score").asDouble());
        JsonNode tests = r.get("tests");
        assertEquals(ASKED.size(), tests.size());
        String[] expected = points.split(",");
        double sum = 0;
        for (int i = 0; i < tests.size(); i++) {
            JsonNode test = tests.get(i);
            assertEquals(ASKED.get(i), test.get("name").asText());
            assertEquals(Double.parseDouble(expected[i]), test.get("score").asDouble(), ASKED.get(i));
            assertEquals(ASKED.get(i).equals("dW1") ? 2.0 : 1.0, test.get("max_score").asDouble());
            assertTrue(test.get("output").isTextual() && !test.get("output").asText().isBlank(), test.toString());
            // Passed when every point is earned: b1_next carried forward from a wrong db1 earns its point and passes.
            assertEquals(passed.charAt(i) == 'P' ? "passed" : "failed", test.get("status").asText(), test.toString());
            sum += test.get("score").asDouble();
        }
        assertEquals(score, sum, "the tests add up to the score");
        if (sample.equals("notes.json")) {
            assertEquals("correct", tests.get(0).get("output").asText());
            assertTrue(tests.get(4).get("output").asText().contains("transpose"), tests.get(4).toString());
        }
    }

    @Test
    void gradescopeResultsForAnUnreadableSubmissionSayWhy(@TempDir Path t) throws IOException {
        Path results = t.resolve("results.json");
        GradeRuns.Run run = grade(NOTES, GradeRuns.SAMPLES.resolve("unreadable.csv"), "--out", t.resolve("out"),
                "--gradescope", results);
        assertEquals(1, run.code(), run.all());
        JsonNode r = GradeRuns.JSON.readTree(results.toFile());
        assertEquals(0.0, r.get("score").asDouble());
        assertEquals(9.0, r.get("max_score").asDouble());
        assertEquals(0, r.get("tests").size());
        assertEquals("submissions-sample/unreadable.csv:1: expected a header quantity,row,col,value (one cell per line) "
                + "or quantity,value (one quantity per line, rows separated by ;), found \"name,answer\"\n",
                r.get("output").asText());
    }
}
