package nngrade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static nngrade.cli.GradeRuns.NOTES;
import static nngrade.cli.GradeRuns.grade;
import static nngrade.cli.GradeRuns.gradebook;
import static nngrade.cli.GradeRuns.read;
import static nngrade.cli.GradeRuns.snapshot;
import static nngrade.cli.GradeRuns.submission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Regrading into the same --out (changes.csv says what a changed tolerance changed) and the
 * teacher's overrides (--overrides: in the gradebook, every report, the score), end to end.
 */
class GradeRegradeTest {
    private static final String HEADER = "id,quantity,old,new,change\n";

    @TempDir
    Path tmp;

    /** perfect, rounded to 2 decimals, and the lecture notes' own answers (4 of 9). */
    private Path smallClass() {
        Path in = tmp.resolve("in");
        submission(in, "perfect.json", "perfect.json", null);
        submission(in, "rounded.json", "rounded-2dp.json", null);
        submission(in, "notes.json", "notes.json", null);
        return in;
    }

    private static CSVRecord row(Path out, String id) {
        return gradebook(out).stream().filter(r -> r.get(0).equals(id)).findFirst().orElseThrow();
    }

    @Test
    void gradingAgainWithATighterToleranceWritesWhatChanged() {
        Path in = smallClass();
        Path out = tmp.resolve("out");
        GradeRuns.Run first = grade(NOTES, in, "--out", out);
        assertEquals(0, first.code(), first.all());
        assertEquals(HEADER, read(out.resolve("changes.csv")), "a first run has nothing to compare");

        GradeRuns.Run second = grade(NOTES, in, "--out", out, "--tolerance", "decimals=3");
        assertEquals(0, second.code(), second.all());
        assertEquals("", second.all());
        assertEquals(HEADER
                + "notes,yhat,1,0,-1\n"
                + "notes,dz1,1,0,-1\n"
                + "notes,total,4,2,-2\n"
                + "rounded,yhat,1,0,-1\n"
                + "rounded,dW1,2,0,-2\n"
                + "rounded,total,9,6,-3\n", read(out.resolve("changes.csv")));
        assertEquals("6", row(out, "rounded").get(2), "the gradebook agrees");

        // The same again: nothing changed since the second run, and the file says so.
        assertEquals(0, grade(NOTES, in, "--out", out, "--tolerance", "decimals=3").code());
        assertEquals(HEADER, read(out.resolve("changes.csv")));
    }

    @Test
    void aRosterTurnsMissingAndUnknownIntoStatusChanges() throws IOException {
        Path in = smallClass();
        Path out = tmp.resolve("out");
        Path roster = Files.writeString(tmp.resolve("roster.csv"), "id\nperfect\nnotes\nana\n");
        assertEquals(0, grade(NOTES, in, "--out", out, "--roster", roster).code());
        submission(in, "ana.json", "notes.json", null);
        Files.writeString(roster, "id\nperfect\nnotes\nana\nrounded\n");
        assertEquals(0, grade(NOTES, in, "--out", out, "--roster", roster).code());
        assertEquals(HEADER
                + "ana,status,missing,graded,\n"
                + "ana,total,0,4,4\n"
                + "rounded,status,unknown,graded,\n", read(out.resolve("changes.csv")));
    }

    @Test
    void aPreviousGradebookEditedByHandIsAWarningAndAStaleChangesFileDoesNotSurvive() throws IOException {
        Path in = smallClass();
        Path out = tmp.resolve("out");
        assertEquals(0, grade(NOTES, in, "--out", out).code());
        assertEquals(0, grade(NOTES, in, "--out", out, "--tolerance", "decimals=3").code());
        assertTrue(read(out.resolve("changes.csv")).contains("rounded,total,9,6,-3"));
        Path book = out.resolve("gradebook.csv");
        Files.writeString(book, read(book).replace("rounded,graded,6,", "rounded,graded,six,"));

        GradeRuns.Run run = grade(NOTES, in, "--out", out);
        assertEquals(0, run.code(), run.all());
        assertEquals("warning: " + book + ":4: score: \"six\" is not a number (the previous gradebook is not compared: "
                + "changes.csv lists no changes)" + System.lineSeparator(), run.err());
        assertEquals(HEADER, read(out.resolve("changes.csv")));
        assertEquals("9", row(out, "rounded").get(2));
    }

    @Test
    void overridesChangeTheScoreTheGradebookNoteAndEveryReport() throws IOException {
        Path in = smallClass();
        Path out = tmp.resolve("out");
        Path overrides = Files.writeString(tmp.resolve("overrides.csv"), "id,quantity,points,reason\n"
                + "notes,dW1,2,the notes' convention\n"
                + "rounded,total,8.5,\n", StandardCharsets.UTF_8);
        GradeRuns.Run run = grade(NOTES, in, "--out", out, "--overrides", overrides, "--format", "html,md,json",
                "--junit-xml", tmp.resolve("junit.xml"), "--lang", "en");
        assertEquals(0, run.code(), run.all());
        assertEquals("", run.all());

        CSVRecord notes = row(out, "notes");
        assertEquals(List.of("notes", "graded", "6", "9", "1", "1", "0", "1", "2", "0", "0", "1"), notes.toList().subList(0, 12));
        assertEquals("override: dW1 0 → 2: the notes' convention", notes.get(14));
        CSVRecord rounded = row(out, "rounded");
        assertEquals("8.5", rounded.get(2));
        assertEquals("override: total 9 → 8.5", rounded.get(14));

        String line = "Points changed by your teacher: dW1 0 → 2 (the notes' convention)";
        assertTrue(read(out.resolve("reports/notes.html")).contains("<li>" + line.replace("'", "&#39;") + "</li>"));
        assertTrue(read(out.resolve("reports/notes.md")).contains("> Points changed by your teacher: dW1 0 → 2 \\(the notes' "
                + "convention\\)\n"), read(out.resolve("reports/notes.md")));
        JsonNode json = GradeRuns.JSON.readTree(out.resolve("reports/notes.json").toFile());
        assertEquals(line, json.get("notes").get(0).asText());
        assertEquals(6.0, json.get("score").asDouble());
        assertEquals(2.0, json.get("quantities").get(4).get("points").asDouble());
        assertEquals("incorrect", json.get("quantities").get(4).get("status").asText(), "the answer is still what it was");
        assertTrue(read(tmp.resolve("junit.xml")).contains("<property name=\"score\" value=\"6\"/>"));
        assertTrue(read(out.resolve("reports/rounded.html")).contains("Points changed by your teacher: total 9 → 8.5</li>"));
        // the summary counts the points the gradebook shows
        JsonNode summary = GradeRuns.JSON.readTree(out.resolve("summary.json").toFile());
        assertEquals((9 + 8.5 + 6) / 3, summary.get("meanScore").asDouble(), 1e-4);
    }

    @Test
    void overridesInRomanianWithSemicolonsAndADecimalComma() throws IOException {
        Path in = smallClass();
        Path out = tmp.resolve("out");
        Path overrides = Files.writeString(tmp.resolve("overrides.csv"), "\uFEFFid;quantity;points;reason\r\n"
                + "notes;dW1;1,5;jumătate\r\n", StandardCharsets.UTF_8);
        assertEquals(0, grade(NOTES, in, "--out", out, "--overrides", overrides, "--format", "md", "--lang", "ro").code());
        assertEquals("5.5", row(out, "notes").get(2));
        assertTrue(read(out.resolve("reports/notes.md")).contains("> Puncte modificate de profesor: dW1 0 → 1,5 \\(jumătate\\)"));
    }

    @Test
    void anOverrideForSomeoneNotInTheClassIsAWarningAndTheRestIsApplied() throws IOException {
        Path in = smallClass();
        Path out = tmp.resolve("out");
        Path roster = Files.writeString(tmp.resolve("roster.csv"), "id\nperfect\nrounded\nnotes\nabsent\n");
        Path overrides = Files.writeString(tmp.resolve("overrides.csv"), "id,quantity,points,reason\n"
                + "ghost,total,3,\nnotes,total,9,\nabsent,total,5,handed in on paper\n");
        GradeRuns.Run run = grade(NOTES, in, "--out", out, "--roster", roster, "--overrides", overrides);
        assertEquals(0, run.code(), run.all());
        assertEquals("warning: " + overrides + ":2: no student \"ghost\" in this class: not applied" + System.lineSeparator()
                + "warning: " + overrides + ":4: absent handed in nothing: not applied" + System.lineSeparator(), run.err());
        assertEquals("9", row(out, "notes").get(2));
        assertEquals("0", row(out, "absent").get(2));
    }

    @Test
    void badOverridesStopTheRunWithOneLineEachAndWriteNothing() throws IOException {
        Path in = smallClass();
        Path out = tmp.resolve("out");
        assertEquals(0, grade(NOTES, in, "--out", out).code());
        var before = snapshot(out);
        Path overrides = Files.writeString(tmp.resolve("overrides.csv"), "id,quantity,points,reason\n"
                + "notes,dW1,2,\nnotes,dW9,1,\nrounded,total,lots,\n");
        GradeRuns.Run run = grade(NOTES, in, "--out", out, "--overrides", overrides);
        assertEquals(2, run.code(), run.all());
        assertEquals(overrides + ":3: \"dW9\" is not a quantity this problem asks; expected one of z1, yhat, loss, dz1, dW1, "
                + "db1, W1_next, b1_next, or total" + System.lineSeparator()
                + overrides + ":4: points: \"lots\" is not a number" + System.lineSeparator(), run.err());
        assertEquals("", run.out());
        assertEquals(before, snapshot(out));
        assertFalse(Files.exists(tmp.resolve("never")));
        GradeRuns.Run missing = grade(NOTES, in, "--out", tmp.resolve("never"), "--overrides", tmp.resolve("nope.csv"));
        assertEquals(2, missing.code());
        assertEquals(tmp.resolve("nope.csv") + ": no such file" + System.lineSeparator(), missing.err());
        assertFalse(Files.exists(tmp.resolve("never")), "a run that stops writes nothing");
    }
}
