package nngrade.cli;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static nngrade.cli.GradeRuns.NOTES;
import static nngrade.cli.GradeRuns.grade;
import static nngrade.cli.GradeRuns.gradebook;
import static nngrade.cli.GradeRuns.read;
import static nngrade.cli.GradeRuns.setModified;
import static nngrade.cli.GradeRuns.snapshot;
import static nngrade.cli.GradeRuns.submission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * {@code nngrade grade --roster} with a Moodle grading worksheet and a Canvas gradebook export:
 * submissions named by the platform's ids are graded, the gradebook carries the names from the
 * export, and the export comes back in --out with the grades filled in, byte for byte the file
 * LmsUploadTest expects (src/test/resources/lms/).
 */
class GradeLmsTest {
    private static final Path ROSTERS = Path.of("src/test/resources/rosters");
    private static final Path EXPECTED = Path.of("src/test/resources/lms");

    @TempDir
    Path tmp;

    /**
     * 1001 full marks (an older file of theirs, the notes' answers, is a duplicate), 1002 the
     * notes' answers, 1003 nothing, 1004 an unreadable file, 1005 not on the roster.
     */
    private Path submissions() throws IOException {
        Path in = tmp.resolve("in");
        setModified(submission(in, "1001.json", "perfect.json", null), "2025-03-03T10:00:00Z");
        setModified(submission(in.resolve("early"), "1001.json", "notes.json", null), "2025-03-01T10:00:00Z");
        submission(in, "1002.json", "notes.json", null);
        Files.copy(GradeRuns.SAMPLES.resolve("unreadable.csv"), in.resolve("1004.csv"));
        submission(in, "1005.json", "perfect.json", null);
        return in;
    }

    private static List<List<String>> idsStatusAndNames(Path out, int columns) {
        return gradebook(out).stream().map(r -> r.toList().subList(0, columns + 2)).toList();
    }

    @Test
    void aMoodleWorksheetComesBackWithGradesAndFeedbackAndNamesTheGradebooksRows() throws IOException {
        Path in = submissions();
        Path out = tmp.resolve("out");
        Path worksheet = ROSTERS.resolve("moodle-worksheet.csv");
        Map<String, String> before = snapshot(worksheet);
        GradeRuns.Run run = grade(NOTES, in, "--roster", worksheet, "--out", out);
        assertEquals(1, run.code(), run.all()); // 1004 is invalid
        assertEquals(read(EXPECTED.resolve("moodle-worksheet.csv")), read(out.resolve("moodle-grades.csv")));
        assertEquals(before, snapshot(worksheet));
        assertEquals(List.of(
                List.of("id", "Full name", "Email address", "status"),
                List.of("1001", "Ștefan Popescu", "stefan.popescu@example.ro", "graded"),
                List.of("1001", "Ștefan Popescu", "stefan.popescu@example.ro", "duplicate"),
                List.of("1002", "Ana-Maria Ionescu", "ana.ionescu@example.ro", "graded"),
                List.of("1003", "Popescu, Ion", "ion.popescu@example.ro", "missing"),
                List.of("1004", "Mihai Georgescu", "mihai.g@example.ro", "invalid"),
                List.of("1005", "", "", "unknown")), idsStatusAndNames(out, 2));
        assertEquals(List.of("changes.csv", "gradebook.csv", "moodle-grades.csv", "reports", "summary.html", "summary.json"), list(out));
    }

    @Test
    void aCanvasExportComesBackWithTheChosenColumnFilled() throws IOException {
        Path in = submissions();
        Path out = tmp.resolve("out");
        GradeRuns.Run run = grade(NOTES, in, "--roster", ROSTERS.resolve("canvas-gradebook.csv"), "--out", out,
                "--lms-column", "Backprop homework");
        assertEquals(1, run.code(), run.all());
        assertEquals(read(EXPECTED.resolve("canvas-gradebook.csv")), read(out.resolve("canvas-grades.csv")));
        List<CSVRecord> rows = gradebook(out);
        assertEquals(List.of("id", "Student", "SIS User ID", "SIS Login ID", "Section", "status"),
                rows.get(0).toList().subList(0, 6));
        assertEquals(List.of("1003", "Popescu, Ion", "S1003", "ion.popescu", "Grupa 342", "missing"),
                rows.get(4).toList().subList(0, 6));
        // Canvas's test student is not a student of the class: no missing row
        assertFalse(rows.stream().anyMatch(r -> r.get(0).equals("9999")));
        assertEquals(List.of("canvas-grades.csv", "changes.csv", "gradebook.csv", "reports", "summary.html", "summary.json"), list(out));
    }

    /** Refused before anything is graded or written: one line, exit 2, no --out. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "canvas-gradebook.csv||{roster}:1: has 2 assignment columns: \"Backprop homework (4711)\", \"Quiz 1 (4712)\"; "
                    + "choose one with --lms-column (its header, name or id)",
            "canvas-gradebook.csv|Homework 2|{roster}:1: no assignment column is named \"Homework 2\"; the assignment "
                    + "columns are \"Backprop homework (4711)\", \"Quiz 1 (4712)\"",
            "moodle-worksheet.csv|Grade|{roster}: is a Moodle grading worksheet, not a Canvas gradebook export: "
                    + "--lms-column chooses among a Canvas export's assignment columns",
            "moodle-no-digits.csv||{roster}:4: \"Participant\" is not a participant identifier; expected one like "
                    + "\"Participant 1001\"",
            "|4711|command line: --lms-column: names a column of the --roster file, but no --roster was given"})
    void anUnusableRosterOrColumnStopsTheRunWithOneLine(String roster, String column, String line) throws IOException {
        Path in = submissions();
        Path out = tmp.resolve("out");
        List<Object> args = new java.util.ArrayList<>(List.of(NOTES, in, "--out", out));
        if (roster != null) {
            args.addAll(List.of("--roster", ROSTERS.resolve(roster)));
        }
        if (column != null) {
            args.addAll(List.of("--lms-column", column));
        }
        GradeRuns.Run run = grade(args.toArray());
        assertEquals(2, run.code(), run.all());
        String expected = roster == null ? line : line.replace("{roster}", ROSTERS.resolve(roster).toString());
        assertEquals(expected, run.err().lines().findFirst().orElse(""));
        assertFalse(Files.exists(out), "nothing is written");
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
