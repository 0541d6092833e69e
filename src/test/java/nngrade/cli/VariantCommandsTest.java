package nngrade.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static nngrade.cli.GradeRuns.JSON;
import static nngrade.cli.GradeRuns.grade;
import static nngrade.cli.GradeRuns.gradebook;
import static nngrade.cli.GradeRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-student variants end to end: sheets, answers from each variant, grading, copies, the secret kept. */
class VariantCommandsTest {
    private static final String PROBLEM = "problems/variant-softmax-step.json";
    private static final String SECRET = "correct-horse-battery-staple";
    private static final List<String> ROSTER = List.of("ana", "bob", "carmen", "dan");

    @TempDir
    Path dir;

    private Path secretFile() throws IOException {
        Path f = dir.resolve("secret.txt");
        Files.writeString(f, SECRET + "\n");
        return f;
    }

    private Path roster() throws IOException {
        Path f = dir.resolve("roster.csv");
        Files.writeString(f, "id,name\n" + String.join(",x\n", ROSTER) + ",x\n");
        return f;
    }

    /** The key of a student's own variant, as their submission. */
    private Path answersOf(String student, String asStudent, Path secret) throws IOException {
        var r = run("solve", PROBLEM, "--student", student, "--format", "json", "--ask-only", "--secret-file", secret.toString());
        assertEquals(0, r.code(), r.err());
        ObjectNode doc = (ObjectNode) JSON.readTree(r.out());
        doc.put("student", asStudent);
        Path f = dir.resolve("subs").resolve(asStudent + ".json");
        Files.createDirectories(f.getParent());
        Files.writeString(f, doc.toString(), StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void sheetsAnswersGradesAndACopyIsFlagged() throws IOException {
        Path secret = secretFile();
        List<GradeRuns.Run> runs = new ArrayList<>();
        runs.add(run("sheets", PROBLEM, "--roster", roster().toString(), "--out", dir.resolve("sheets").toString(),
                "--secret-file", secret.toString()));
        assertEquals(0, runs.get(0).code(), runs.get(0).err());
        for (String id : ROSTER) {
            String sheet = Files.readString(dir.resolve("sheets").resolve(id + ".html"));
            assertTrue(sheet.contains(id) && sheet.contains("<table class=\"m\">"), id);
        }
        for (String id : List.of("ana", "bob", "carmen")) {
            answersOf(id, id, secret);
        }
        answersOf("ana", "dan", secret); // dan hands in ana's answers

        GradeRuns.Run g = grade(PROBLEM, dir.resolve("subs"), "--roster", roster(), "--out", dir.resolve("out"),
                "--secret-file", secret, "--format", "html,json,md", "--junit-xml", dir.resolve("out/junit.xml"));
        runs.add(g);
        assertEquals(0, g.code(), g.err());
        List<CSVRecord> rows = gradebook(dir.resolve("out"));
        List<String> header = rows.get(0).toList();
        int status = header.indexOf("status");
        assertEquals(List.of("id", "name", "status"), header.subList(0, 3), "the roster's name follows the id");
        for (String id : List.of("ana", "bob", "carmen")) {
            CSVRecord row = rows.stream().filter(r -> r.get(0).equals(id)).findFirst().orElseThrow();
            assertEquals("graded", row.get(status));
            assertEquals("9", row.get(status + 1), id + " grades 100% against their own variant");
            assertEquals("", row.get(row.size() - 1));
        }
        CSVRecord dan = rows.stream().filter(r -> r.get(0).equals("dan")).findFirst().orElseThrow();
        assertEquals("graded", dan.get(status), "a note for the teacher, not a grade change");
        assertTrue(dan.get(row(dan)).startsWith("possible-copy: the answers fit the variant of ana better (9 against "),
                dan.get(row(dan)));

        runs.add(run("variant", PROBLEM, "--student", "ana", "--format", "markdown", "--secret-file", secret.toString()));
        runs.add(run("check", PROBLEM, dir.resolve("subs/ana.json").toString(), "--format", "json",
                "--secret-file", secret.toString()));
        assertEquals(0, runs.get(runs.size() - 1).code());
        for (GradeRuns.Run r : runs) {
            assertFalse(r.all().contains(SECRET), "the secret is printed");
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.equals(secret)).toList()) {
                assertFalse(Files.readString(f, StandardCharsets.ISO_8859_1).contains(SECRET), f + " holds the secret");
            }
        }
    }

    private static int row(CSVRecord r) {
        return r.size() - 1;
    }

    @Test
    void withoutASecretEveryCommandRefusesWithOneLine() throws IOException {
        for (String[] args : List.of(
                new String[] {"solve", PROBLEM, "--student", "ana"},
                new String[] {"variant", PROBLEM, "--student", "ana"},
                new String[] {"check", PROBLEM, "submissions-sample/perfect.json"})) {
            var r = run(args);
            if (System.getenv("NNGRADE_SECRET") != null) {
                return; // the environment supplies one; nothing to test here
            }
            assertEquals(2, r.code(), String.join(" ", args));
            assertEquals(PROBLEM + ": draws given values at random for each student (x, y, W1), so it needs the "
                    + "teacher's secret: --secret-file FILE or the NNGRADE_SECRET environment variable\n", r.err());
        }
    }

    @Test
    void theVariantIsAProblemThatSolveAndCheckAccept() throws IOException {
        var v = run("variant", PROBLEM, "--student", "bob", "--secret-file", secretFile().toString());
        assertEquals(0, v.code(), v.err());
        Path literal = dir.resolve("bob-problem.json");
        Files.writeString(literal, v.out());
        var key = run("solve", literal.toString(), "--format", "json");
        assertEquals(0, key.code(), key.err());
        var viaVariant = run("solve", PROBLEM, "--student", "bob", "--format", "json", "--secret-file", secretFile().toString());
        assertEquals(viaVariant.out(), key.out());
    }

    @Test
    void solvingAVariantProblemWithoutAStudentIsAUsageErrorWithAHint() throws IOException {
        var r = run("solve", PROBLEM, "--secret-file", secretFile().toString());
        assertEquals(2, r.code());
        assertEquals("command line: --student: " + PROBLEM + " draws values per student: give --student ID\n"
                + "Try 'nngrade solve --help' for more information.\n", r.err());
        assertEquals("", r.out());
    }
}
