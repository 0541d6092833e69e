package nngrade.cli;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static nngrade.cli.GradeRuns.NOTES;
import static nngrade.cli.GradeRuns.grade;
import static nngrade.cli.GradeRuns.gradebook;
import static nngrade.cli.GradeRuns.submission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * grade on the folders and zips an LMS really hands over: Moodle's and Canvas's downloads,
 * GitHub Classroom's clones, and a file that claims to be another student's. The id is where a
 * file sits; what a file says never moves a grade.
 */
class GradeLayoutsTest {
    @TempDir
    Path tmp;

    /** id, status, score, note: what a teacher reads of a row (the file column differs between a folder and its zip). */
    private static List<String> rows(Path out) {
        return GradeRuns.gradebookRows(out).stream()
                .map(r -> r.get("id") + " " + r.get("status") + " " + r.get("score") + " | " + r.get("note")).toList();
    }

    private static String file(CSVRecord r) {
        return r.get(r.size() - 2);
    }

    private static Path write(Path f, String text) throws IOException {
        Files.createDirectories(f.getParent());
        return Files.writeString(f, text, StandardCharsets.UTF_8);
    }

    private static void copy(String sample, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(GradeRuns.SAMPLES.resolve(sample), to);
    }

    /**
     * Moodle's "Download all submissions" with "download submissions in folders": participant
     * 1001 hands in answers, 1002 a CSV, 1003 only a scan, 1004 two files (the later counts),
     * 1005 an online text only; 1006 is on the roster and handed in nothing.
     */
    private Path moodleFolders() throws IOException {
        Path in = tmp.resolve("moodle");
        submission(in.resolve("Ana Popescu_1001_assignsubmission_file_"), "answers.json", "perfect.json", "ana.popescu");
        copy("long.csv", in.resolve("Ștefan Ionescu_1002_assignsubmission_file_/tema 1.csv"));
        write(in.resolve("Ion Vasile_1003_assignsubmission_file_/scan.pdf"), "%PDF-1.4 not answers");
        Path first = submission(in.resolve("Maria Pop_1004_assignsubmission_file_"), "answers.json", "perfect.json", null);
        Path second = submission(in.resolve("Maria Pop_1004_assignsubmission_file_"), "answers-v2.json", "notes.json", null);
        Files.setLastModifiedTime(first, FileTime.from(Instant.parse("2026-11-20T10:00:00Z")));
        Files.setLastModifiedTime(second, FileTime.from(Instant.parse("2026-11-21T10:00:00Z")));
        write(in.resolve("Dan Radu_1005_assignsubmission_onlinetext_/onlinetext.html"), "<p>I did it on paper</p>");
        write(tmp.resolve("roster.csv"), "id,name\n1001,Ana Popescu\n1002,Ștefan Ionescu\n1003,Ion Vasile\n"
                + "1004,Maria Pop\n1005,Dan Radu\n1006,Elena Stan\n");
        return in;
    }

    private static final String PDF_NOTE = "format not supported: scan.pdf is a .pdf file; answers are graded from JSON, "
            + "CSV or XLSX files";

    private static final List<String> MOODLE_ROWS = List.of(
            "1001 graded 9 | the file names itself ana.popescu",
            "1002 graded 9 | ",
            "1003 invalid 0 | " + PDF_NOTE,
            "1004 graded 4 | counted (newest of 2 files)",
            "1004 duplicate 9 | not counted: %s is newer",
            "1005 invalid 0 | format not supported: onlinetext.html is a .html file; answers are graded from JSON, CSV or "
                    + "XLSX files",
            "1006 missing 0 | no submission");

    @Test
    void aMoodleDownloadGivesOneRowPerParticipantAndItsZipTheSameGrades() throws IOException {
        Path in = moodleFolders();
        GradeRuns.Run run = grade(NOTES, in, "--roster", tmp.resolve("roster.csv"), "--out", tmp.resolve("out"));
        assertEquals(1, run.code(), run.all()); // the scan and the online text cannot be graded
        String later = in.resolve("Maria Pop_1004_assignsubmission_file_/answers-v2.json").toString();
        assertEquals(expected(MOODLE_ROWS, later), rows(tmp.resolve("out")));
        assertTrue(run.err().contains("scan.pdf: invalid: " + PDF_NOTE), run.err());

        // The zip exactly as Moodle downloads it, read in place: the same grades, the files named inside it.
        Path zip = zip(in, tmp.resolve("Tema 1-Backprop-12345.zip"));
        GradeRuns.Run zipped = grade(NOTES, zip, "--roster", tmp.resolve("roster.csv"), "--out", tmp.resolve("out-zip"));
        assertEquals(1, zipped.code(), zipped.all());
        assertEquals(expected(MOODLE_ROWS, zip + "!/Maria Pop_1004_assignsubmission_file_/answers-v2.json"),
                rows(tmp.resolve("out-zip")));
        assertEquals(zip + "!/Ana Popescu_1001_assignsubmission_file_/answers.json", file(gradebook(tmp.resolve("out-zip")).get(1)));
        assertTrue(Files.isRegularFile(tmp.resolve("out-zip/reports/1001.html")));
    }

    private static List<String> expected(List<String> rows, String later) {
        return rows.stream().map(r -> r.contains("%s") ? String.format(r, later) : r).toList();
    }

    @Test
    void moodlesFlatDownloadIsTheSameLayoutWithoutFolders() throws IOException {
        Path in = tmp.resolve("flat");
        submission(in, "Ana Popescu_1001_assignsubmission_file_answers.json", "perfect.json", null);
        submission(in, "Ion Vasile_1003_assignsubmission_file_rezolvare.json", "notes.json", null);
        GradeRuns.Run run = grade(NOTES, in, "--out", tmp.resolve("out"));
        assertEquals(0, run.code(), run.all());
        assertEquals(List.of("1001 graded 9 | ", "1003 graded 4 | "), rows(tmp.resolve("out")));
    }

    /** Canvas's "Download submissions": the user id is the id, a late hand-in is noted. */
    @Test
    void aCanvasDownloadIsGradedByUserIdWithLateHandInsNoted() throws IOException {
        Path in = tmp.resolve("canvas");
        submission(in, "popescuana_12345_678901_answers.json", "perfect.json", "ana");
        submission(in, "ionescustefan_LATE_12346_678902_answers.json", "notes.json", null);
        copy("compact-ro.csv", in.resolve("vasileion_late_12347_678903_tema-1.csv"));
        Path zip = zip(in, tmp.resolve("submissions.zip"));
        GradeRuns.Run run = grade(NOTES, zip, "--out", tmp.resolve("out"));
        assertEquals(0, run.code(), run.all());
        assertEquals(List.of("12345 graded 9 | the file names itself ana", "12346 graded 4 | late", "12347 graded 9 | late"),
                rows(tmp.resolve("out")));
    }

    /**
     * GitHub Classroom's clones: a folder per student repository, with .git and .github, a README,
     * and the problem file from the template; usernames may hold hyphens.
     */
    @Test
    void githubClassroomClonesAreAFolderPerStudent() throws IOException {
        Path in = tmp.resolve("hw1-submissions");
        for (String user : List.of("ana", "ana-maria", "bob")) {
            Path repo = in.resolve("hw1-" + user);
            submission(repo, "answers.json", user.equals("bob") ? "notes.json" : "perfect.json", null);
            write(repo.resolve(".git/HEAD"), "ref: refs/heads/main\n");
            write(repo.resolve(".git/config.json"), "{}");
            write(repo.resolve(".github/workflows/classroom.yml"), "name: Autograding\n");
            write(repo.resolve("README.md"), "# Homework 1\n");
            Files.copy(Path.of(NOTES), repo.resolve("notes-softmax-step.json"));
        }
        GradeRuns.Run run = grade(NOTES, in, "--out", tmp.resolve("out"));
        assertEquals(0, run.code(), run.all());
        assertEquals(List.of("ana graded 9 | ", "ana-maria graded 9 | ", "bob graded 4 | "), rows(tmp.resolve("out")));
    }

    /**
     * docs/ci.md's template puts the problem into every repository as problem.json, and the
     * teacher grades with their own copy under another name: beside answers.json the template's
     * copy is no hand-in (it was an invalid duplicate of every student); alone it is still graded.
     */
    @Test
    void theTemplatesProblemJsonBesideTheAnswersIsNotAHandIn() throws IOException {
        Path in = tmp.resolve("hw1-submissions");
        for (String user : List.of("ana", "bob")) {
            Path repo = in.resolve("hw1-" + user);
            Files.createDirectories(repo);
            Files.copy(Path.of(NOTES), repo.resolve("problem.json"));
            submission(repo, "answers.json", user.equals("bob") ? "notes.json" : "perfect.json", null);
            Files.setLastModifiedTime(repo.resolve("problem.json"), FileTime.from(Instant.parse("2026-12-01T10:00:00Z")));
        }
        Files.createDirectories(in.resolve("hw1-cid"));
        Files.copy(Path.of(NOTES), in.resolve("hw1-cid/problem.json"));
        GradeRuns.Run run = grade(NOTES, in, "--out", tmp.resolve("out"));
        assertEquals(1, run.code(), run.all());
        List<String> rows = rows(tmp.resolve("out"));
        assertEquals(List.of("ana graded 9 | ", "bob graded 4 | "), rows.subList(0, 2));
        assertEquals(3, rows.size(), rows.toString());
        assertTrue(rows.get(2).startsWith("cid invalid 0 | "), rows.toString());
    }

    /**
     * zoe hands in a file that says it is ana's: zoe's row keeps zoe (flagged, exit 1), and ana's
     * grade stays ana's own.
     */
    @Test
    void aFileClaimingAnotherStudentNeverReplacesTheirGrade() throws IOException {
        Path in = tmp.resolve("in");
        submission(in, "ana.json", "notes.json", "ana");
        Files.setLastModifiedTime(in.resolve("ana.json"), FileTime.from(Instant.parse("2026-11-01T10:00:00Z")));
        submission(in, "zoe.json", "perfect.json", "ana"); // newer, perfect, and claiming to be ana's
        write(tmp.resolve("roster.csv"), "id\nana\nzoe\n");
        GradeRuns.Run run = grade(NOTES, in, "--roster", tmp.resolve("roster.csv"), "--out", tmp.resolve("out"));
        assertEquals(1, run.code(), run.all());
        String flag = "the file's student field says \"ana\": graded as the hand-in of zoe, where it sits";
        assertEquals(List.of("ana graded 4 | ", "zoe graded 9 | " + flag), rows(tmp.resolve("out")));
        assertEquals(in.resolve("zoe.json") + ": look at this: " + flag + System.lineSeparator(), run.err());
        // The same class with ids from the field: both files say ana, both flagged, neither silently dropped.
        GradeRuns.Run field = grade(NOTES, in, "--roster", tmp.resolve("roster.csv"), "--out", tmp.resolve("out-field"),
                "--id-from", "field");
        assertEquals(1, field.code(), field.all());
        List<CSVRecord> book = gradebook(tmp.resolve("out-field"));
        assertEquals(List.of("ana duplicate", "ana graded", "zoe missing"),
                book.stream().skip(1).map(r -> r.get(0) + " " + r.get(1)).toList());
        assertEquals(2, field.err().lines().filter(l -> l.contains("look at this: 2 files say they are ana's")).count(),
                field.err());
    }

    /**
     * With Moodle's worksheet as the roster, a student field is read against the class's names
     * and emails: one's own login is nothing to say, a classmate's full name is a claim to their
     * place; with ids from the field, a login that is not on the roster is flagged rather than
     * leaving the participant missing without a word.
     */
    @Test
    void aMoodleClassmatesNameIsAClaimAndOnesOwnLoginNothing() throws IOException {
        Path in = tmp.resolve("moodle");
        submission(in.resolve("Ștefan Popescu_1001_assignsubmission_file_"), "answers.json", "perfect.json", "stefan.popescu");
        submission(in.resolve("Ana-Maria Ionescu_1002_assignsubmission_file_"), "answers.json", "perfect.json",
                "Ștefan Popescu");
        Path worksheet = Path.of("docs/examples/moodle-worksheet.csv");
        GradeRuns.Run run = grade(NOTES, in, "--roster", worksheet, "--out", tmp.resolve("out"));
        assertEquals(1, run.code(), run.all());
        String flag = "the file's student field says \"Ștefan Popescu\" (1001): graded as the hand-in of 1002, where it sits";
        assertEquals(List.of("1001 graded 9 | ", "1002 graded 9 | " + flag, "1003 missing 0 | no submission",
                "1004 missing 0 | no submission"), rows(tmp.resolve("out")));
        assertTrue(run.err().contains(": look at this: " + flag), run.err());

        GradeRuns.Run field = grade(NOTES, in, "--roster", worksheet, "--out", tmp.resolve("out-field"), "--id-from", "field");
        assertEquals(1, field.code(), field.all());
        assertTrue(field.err().contains("the file's student field says \"stefan.popescu\", which is not on the roster, and "
                + "it sits in the place of 1001"), field.err());
    }

    /**
     * Canvas's export lists students surname first ("Popescu, Ștefan"); a classmate writes the
     * name given name first. That is the same student: a claim, flagged, as with Moodle's
     * worksheet; one's own name in either order is nothing to say.
     */
    @Test
    void aCanvasClassmatesNameGivenNameFirstIsAClaim() throws IOException {
        Path in = tmp.resolve("canvas");
        submission(in, "popescustefan_1001_88001_answers.json", "perfect.json", "Ștefan Popescu");
        submission(in, "ionescuanamaria_1002_88002_answers.json", "perfect.json", "ștefan popescu");
        submission(in, "popescuion_1003_88003_answers.json", "perfect.json", "Popescu, Ion");
        GradeRuns.Run run = grade(NOTES, in, "--roster", Path.of("docs/examples/canvas-gradebook.csv"), "--lms-column",
                "4711", "--out", tmp.resolve("out"));
        assertEquals(1, run.code(), run.all());
        String flag = "the file's student field says \"ștefan popescu\" (1001): graded as the hand-in of 1002, where it sits";
        assertEquals(List.of("1001 graded 9 | ", "1002 graded 9 | " + flag, "1003 graded 9 | ", "1004 missing 0 | no submission"),
                rows(tmp.resolve("out")));
        assertTrue(run.err().contains(": look at this: " + flag), run.err());
    }

    @Test
    void aForcedLayoutGradesAStrayFileUnderItsFileNameWithANote() throws IOException {
        Path in = tmp.resolve("in");
        submission(in.resolve("Ana Popescu_1001_assignsubmission_file_"), "answers.json", "perfect.json", null);
        submission(in, "teacher-key.json", "perfect.json", null);
        GradeRuns.Run run = grade(NOTES, in, "--out", tmp.resolve("out"), "--layout", "moodle");
        assertEquals(0, run.code(), run.all());
        assertEquals(List.of("1001 graded 9 | ", "teacher-key graded 9 | not named as moodle names hand-ins: the id is the file name"),
                rows(tmp.resolve("out")));
        GradeRuns.Run bad = grade(NOTES, in, "--out", tmp.resolve("out2"), "--layout", "blackboard");
        assertEquals(2, bad.code(), bad.all());
        assertTrue(bad.err().startsWith("command line: Invalid value for option '--layout': expected files, folders, "
                + "moodle or canvas, found 'blackboard'"), bad.err());
    }

    /** A zip an LMS never makes is refused whole, before anything is written: one line naming the entry. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"climbing", "absolute", "link", "bomb", "not a zip"})
    void aCraftedZipIsRefusedWhole(String kind) throws IOException {
        Path zip = tmp.resolve("class.zip");
        try (OutputStream file = Files.newOutputStream(zip)) {
            if (kind.equals("not a zip")) {
                file.write("PK but not really".getBytes(StandardCharsets.US_ASCII));
            } else {
                try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
                    ZipArchiveEntry e = new ZipArchiveEntry(Map.of("climbing", "../../ana.json", "absolute", "/etc/ana.json",
                            "link", "Ana_1001_assignsubmission_file_/answers.json", "bomb", "Ana_1001_assignsubmission_file_/a.json")
                            .get(kind));
                    if (kind.equals("link")) {
                        e.setUnixMode(0120777);
                    }
                    out.putArchiveEntry(e);
                    out.write(kind.equals("link") ? "/home/teacher/secret.txt".getBytes(StandardCharsets.UTF_8)
                            : kind.equals("bomb") ? new byte[20 << 20] : "{}".getBytes(StandardCharsets.UTF_8));
                    out.closeArchiveEntry();
                }
            }
        }
        GradeRuns.Run run = grade(NOTES, zip, "--out", tmp.resolve("out"));
        assertEquals(2, run.code(), run.all());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith(zip + ": "), run.err());
        assertTrue(run.err().contains(Map.of("climbing", "names a place outside the archive", "absolute",
                "names a place outside the archive", "link", "is a link", "bomb", "refused as a zip bomb",
                "not a zip", "is not a zip archive nngrade can read").get(kind)), run.err());
        assertFalse(run.err().contains("secret"), run.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    /** A zip of more entries than any class's download (100,000) is refused whole, however small each is. */
    @Test
    void aZipOfTooManyEntriesIsRefusedWhole() throws IOException {
        Path zip = tmp.resolve("class.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i <= 100_000; i++) {
                out.putArchiveEntry(new ZipArchiveEntry("Ana_1001_assignsubmission_file_/" + i + "/"));
                out.closeArchiveEntry();
            }
        }
        GradeRuns.Run run = grade(NOTES, zip, "--out", tmp.resolve("out"));
        assertEquals(2, run.code(), run.all());
        assertEquals(zip + ": has more than 100000 entries; an archive of submissions has at most that",
                run.err().strip());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    /** A zip of a folder, as an LMS writes it: UTF-8 names, folders as entries, times kept. */
    private static Path zip(Path folder, Path zip) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip), StandardCharsets.UTF_8)) {
            for (Path f : files) {
                ZipEntry e = new ZipEntry(folder.relativize(f).toString().replace('\\', '/'));
                e.setLastModifiedTime(Files.getLastModifiedTime(f));
                out.putNextEntry(e);
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        return zip;
    }
}
