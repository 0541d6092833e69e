package nngrade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static nngrade.cli.GradeRuns.NOTES;
import static nngrade.cli.GradeRuns.grade;
import static nngrade.cli.GradeRuns.gradebook;
import static nngrade.cli.GradeRuns.read;
import static nngrade.cli.GradeRuns.setModified;
import static nngrade.cli.GradeRuns.submission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The class summary lists every student, and its numbers are the gradebook's. */
class GradeSummaryTest {
    @TempDir
    Path tmp;

    /**
     * good; wrong (the notes' answers); twice, a newer file counting; claimer, whose file says it
     * is good's; broken (unreadable); stranger (not on the roster); absent (no file); and
     * "<i>odd & co", an id that needs escaping.
     */
    private Path run() throws IOException {
        Path in = tmp.resolve("in");
        submission(in, "good.json", "perfect.json", null);
        submission(in, "wrong.json", "notes.json", null);
        setModified(submission(in, "twice.json", "perfect.json", null), "2024-01-01T10:00:00Z");
        setModified(submission(in.resolve("late"), "twice.json", "notes.json", null), "2024-06-01T10:00:00Z");
        submission(in, "claimer.json", "perfect.json", "good");
        Files.copy(GradeRuns.SAMPLES.resolve("unreadable.csv"), in.resolve("broken.csv"));
        submission(in, "stranger.json", "perfect.json", null);
        submission(in, "<i>odd & co.json", "notes.json", null);
        Path roster = Files.writeString(tmp.resolve("roster.csv"),
                "id\ngood\nwrong\ntwice\nclaimer\nbroken\nabsent\n<i>odd & co\n");
        Path out = tmp.resolve("out");
        GradeRuns.Run run = grade(NOTES, in, "--out", out, "--roster", roster, "--format", "json,html");
        assertEquals(1, run.code(), run.all());
        return out;
    }

    @Test
    void summaryJsonListsEveryStudentOnceWithTheGradebooksStatusScoreAndNote() throws IOException {
        Path out = run();
        List<CSVRecord> book = gradebook(out);
        JsonNode summary = GradeRuns.JSON.readTree(out.resolve("summary.json").toFile());

        // A student per id: the gradebook's rows but the duplicates, in its order, with its status, score and note.
        List<String> expected = new ArrayList<>();
        for (CSVRecord r : book.subList(1, book.size())) {
            if (!r.get(1).equals("duplicate")) {
                expected.add(r.get(0) + " " + r.get(1) + " " + r.get(2) + " " + r.get(14));
            }
        }
        List<String> listed = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (JsonNode s : summary.get("students")) {
            ids.add(s.get("id").asText());
            listed.add(s.get("id").asText() + " " + s.get("status").asText() + " "
                    + GradeRuns.JSON.writeValueAsString(s.get("score")).replaceAll("\\.0$", "") + " "
                    + (s.has("note") ? s.get("note").asText() : ""));
        }
        assertEquals(expected, listed);
        assertEquals(List.of("<i>odd & co", "absent", "broken", "claimer", "good", "stranger", "twice", "wrong"),
                ids);

        // Counts are the gradebook's: graded is the graded rows, the mean is theirs.
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Double> graded = new ArrayList<>();
        for (CSVRecord r : book.subList(1, book.size())) {
            counts.merge(r.get(1), 1, Integer::sum);
            if (r.get(1).equals("graded")) {
                graded.add(Double.parseDouble(r.get(2)));
            }
        }
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            assertEquals(e.getValue(), summary.get("rows").get(e.getKey()).asInt(), e.getKey());
        }
        assertEquals(graded.size(), summary.get("graded").asInt());
        assertEquals(5, graded.size()); // <i>odd & co, claimer, good, twice, wrong: not stranger (unknown)
        assertEquals(graded.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                summary.get("meanScore").asDouble(), 1e-4);

        // Links to reports that are there; the missing student has none.
        for (JsonNode s : summary.get("students")) {
            if (s.get("status").asText().equals("missing")) {
                assertFalse(s.has("report"));
            } else {
                assertTrue(Files.isRegularFile(out.resolve(s.get("report").asText())), s.toString());
                assertTrue(s.get("report").asText().endsWith(".html"), "the HTML report where there is one");
            }
        }
        JsonNode claimer = summary.get("students").get(3);
        assertTrue(claimer.get("attention").asBoolean());
        assertTrue(claimer.get("note").asText().startsWith("the file's student field says \"good\""), claimer.toString());
        assertEquals(1, count(summary.get("students"), "attention"));

        // Mean points per quantity over the graded: dW1 is 2 for good and claimer, 0 for the notes' answers.
        assertEquals(0.8, summary.get("quantities").get("dW1").get("meanPoints").asDouble()); // (2 + 2 + 0 + 0 + 0) / 5
        assertEquals(2.0, summary.get("quantities").get("dW1").get("maxPoints").asDouble());
    }

    private static int count(JsonNode students, String field) {
        int n = 0;
        for (JsonNode s : students) {
            n += s.has(field) ? 1 : 0;
        }
        return n;
    }

    @Test
    void summaryHtmlHasARowPerStudentLinkedToTheirReportAndEscaped() throws IOException {
        Path out = run();
        String html = read(out.resolve("summary.html"));
        String students = html.substring(html.indexOf("<h2>Students</h2>"));
        assertEquals(8, students.split("<tr><td>", -1).length - 1, students);
        assertTrue(students.contains("<tr><td><a href=\"reports/good.html\">good</a></td><td>graded</td><td>9</td><td></td></tr>"),
                students);
        assertTrue(students.contains("<tr><td>absent</td><td>missing</td><td>0</td><td>no submission</td></tr>"), students);
        assertTrue(students.contains("\">&lt;i&gt;odd &amp; co</a></td><td>graded</td>"), students);
        assertFalse(html.contains("<i>odd"));
        assertTrue(students.contains(">broken</a></td><td>invalid</td><td>0</td><td>line 1: expected a header"), students);
        String attention = html.substring(html.indexOf("<h2>Look at these"), html.indexOf("<h2>Score distribution</h2>"));
        assertTrue(attention.contains("<tr><td>claimer</td><td>the file&#39;s student field says &quot;good&quot;"), attention);
        assertEquals(1, attention.split("<tr><td>", -1).length - 1, attention);
    }
}
