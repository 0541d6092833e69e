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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
    void withABaseUrlEachSheetCarriesTheStudentsOwnLinkAsLinksPrintsIt() throws IOException {
        Path secret = secretFile();
        var links = run("links", "--roster", roster().toString(), "--base-url", "https://nn.example.edu/course/",
                "--secret-file", secret.toString());
        assertEquals(0, links.code(), links.err());
        Map<String, String> url = new HashMap<>();
        for (String line : links.out().lines().skip(1).toList()) {
            String[] cells = line.split(",");
            url.put(cells[0], cells[2]);
        }
        assertEquals(ROSTER.size(), new HashSet<>(url.values()).size(), "a link per student");
        for (String format : List.of("html", "markdown")) {
            Path out = dir.resolve("linked-" + format);
            var r = run("sheets", PROBLEM, "--roster", roster().toString(), "--out", out.toString(), "--format", format,
                    "--secret-file", secret.toString(), "--base-url", "https://nn.example.edu/course/");
            assertEquals(0, r.code(), r.err());
            for (String id : ROSTER) {
                String sheet = Files.readString(out.resolve(id + (format.equals("html") ? ".html" : ".md")));
                String link = url.get(id);
                assertTrue(link.matches("https://nn\\.example\\.edu/course/s/[A-Za-z0-9_-]{43}"), link);
                assertTrue(format.equals("html") ? sheet.contains("<a href=\"" + link + "\" rel=\"noreferrer\">" + link + "</a>")
                        : sheet.contains("Check your answers at <" + link + ">"), id + ": " + sheet);
                for (String other : ROSTER) {
                    assertEquals(other.equals(id), sheet.contains(url.get(other)), id + " holds " + other + "'s link");
                }
            }
        }
        var plain = run("sheets", PROBLEM, "--roster", roster().toString(), "--out", dir.resolve("plain").toString(),
                "--secret-file", secret.toString());
        assertEquals(0, plain.code());
        assertFalse(Files.readString(dir.resolve("plain").resolve("ana.html")).contains("/s/"));

        var bad = run("sheets", PROBLEM, "--roster", roster().toString(), "--out", dir.resolve("bad").toString(),
                "--secret-file", secret.toString(), "--base-url", "ftp://nn.example.edu");
        assertEquals(2, bad.code());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertTrue(bad.err().contains("--base-url"), bad.err());
        assertFalse(Files.exists(dir.resolve("bad")), "nothing written for a refused base URL");
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

    /**
     * Every file carries the code of the sheet it was worked on: graded with the sheets' secret,
     * the class is as before, and dan, who worked on ana's sheet, is flagged by name; graded with
     * a mistyped secret, every code is no one's and the run stops before writing anything.
     */
    @Test
    void variantCodesFlagAFriendsSheetAndStopARunWithTheWrongSecret() throws IOException {
        Path secret = secretFile();
        for (String id : ROSTER) {
            Path f = answersOf(id.equals("dan") ? "ana" : id, id, secret);
            ObjectNode doc = (ObjectNode) JSON.readTree(f.toFile());
            doc.put("variant", codeOf(id.equals("dan") ? "ana" : id, secret).toLowerCase(java.util.Locale.ROOT));
            Files.writeString(f, doc.toString(), StandardCharsets.UTF_8);
        }
        GradeRuns.Run g = grade(PROBLEM, dir.resolve("subs"), "--roster", roster(), "--out", dir.resolve("out"),
                "--secret-file", secret);
        assertEquals(1, g.code(), g.all()); // dan's row waits for the teacher
        List<Map<String, String>> rows = GradeRuns.gradebookRows(dir.resolve("out"));
        for (String id : List.of("ana", "bob", "carmen")) {
            Map<String, String> r = rows.stream().filter(x -> x.get("id").equals(id)).findFirst().orElseThrow();
            assertEquals("9", r.get("score"), id);
            assertEquals("", r.get("note"), id + "'s own code: nothing to say");
        }
        Map<String, String> dan = rows.stream().filter(x -> x.get("id").equals("dan")).findFirst().orElseThrow();
        assertTrue(dan.get("note").startsWith("variant-mismatch: carries the variant code of ana: worked on another "
                + "student's sheet?; possible-copy: the answers fit the variant of ana better"), dan.get("note"));
        assertTrue(g.err().contains("dan.json: look at this: variant-mismatch: carries the variant code of ana"), g.err());
        assertTrue(Files.readString(dir.resolve("out/reports/dan.html"), StandardCharsets.UTF_8)
                .contains("carries variant code " + codeOf("ana", secret)), "the student's report says so too");

        // The problem file re-saved by an editor or git (CRLF line ends, a BOM): the same numbers, the same grades.
        Path crlf = dir.resolve("variant-softmax-step.json");
        Files.writeString(crlf, "\uFEFF" + Files.readString(Path.of(PROBLEM), StandardCharsets.UTF_8).replace("\n", "\r\n"),
                StandardCharsets.UTF_8);
        GradeRuns.Run resaved = grade(crlf, dir.resolve("subs"), "--roster", roster(), "--out", dir.resolve("out-crlf"),
                "--secret-file", secret);
        assertEquals(1, resaved.code(), resaved.all());
        assertEquals(Files.readString(dir.resolve("out/gradebook.csv")), Files.readString(dir.resolve("out-crlf/gradebook.csv")));

        Path typo = dir.resolve("typo.txt");
        Files.writeString(typo, SECRET.replace("horse", "house") + "\n");
        GradeRuns.Run wrong = grade(PROBLEM, dir.resolve("subs"), "--roster", roster(), "--out", dir.resolve("out-typo"),
                "--secret-file", typo);
        assertEquals(2, wrong.code(), wrong.all());
        assertEquals(PROBLEM + ": 4 of 4 files carry a variant code that is no student's in the class: the problem file "
                + "or the secret is not the one the task sheets were made with (or the sheets were made for other student "
                + "ids); nngrade variant PROBLEM --student ID prints a student's code\n", wrong.err());
        assertFalse(Files.exists(dir.resolve("out-typo")), "nothing written");
        assertFalse(wrong.all().contains("house"), "the secret is never printed");
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

    // ---------------------------------------------------------------- variant codes

    private static final String FORM = "[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}";

    /** The code {@code variant --format json} gives a student. */
    private String codeOf(String student, Path secret) throws IOException {
        var r = run("variant", PROBLEM, "--student", student, "--secret-file", secret.toString());
        assertEquals(0, r.code(), r.err());
        String code = JSON.readTree(r.out()).path("variant").asText();
        assertTrue(code.matches(FORM), code);
        return code;
    }

    @Test
    void theVariantsCodeIsInItsProblemFileAndOnItsSheets() throws IOException {
        Path secret = secretFile();
        var json = run("variant", PROBLEM, "--student", "ana", "--secret-file", secret.toString());
        List<String> fields = new ArrayList<>();
        JSON.readTree(json.out()).fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("id", "variant", "title"), fields.subList(0, 3), "the code right under the id");
        String ana = codeOf("ana", secret);
        assertEquals(ana, codeOf("ana", secret), "the same code every time");

        var md = run("variant", PROBLEM, "--student", "ana", "--format", "markdown", "--secret-file", secret.toString());
        assertTrue(md.out().contains("Student: **ana** · problem `variant-softmax-step` · variant `" + ana + "`\n"), md.out());
        assertTrue(md.out().contains("  \"student\": \"ana\",\n  \"variant\": \"" + ana + "\",\n  \"answers\""), md.out());
        assertTrue(md.out().contains("with the row `variant," + ana + "` (`variant,,," + ana + "` in the long layout)"), md.out());
        var html = run("variant", PROBLEM, "--student", "ana", "--format", "html", "--secret-file", secret.toString());
        assertTrue(html.out().contains("<p class=\"who\">ana · variant-softmax-step · variant <span class=\"code\">" + ana
                + "</span></p>"), html.out());
        assertTrue(html.out().contains("&quot;variant&quot;: &quot;" + ana + "&quot;,"), html.out());

        assertEquals(0, run("sheets", PROBLEM, "--roster", roster().toString(), "--out", dir.resolve("md").toString(),
                "--format", "markdown", "--secret-file", secret.toString()).code());
        Set<String> codes = new HashSet<>();
        for (String id : ROSTER) {
            String code = codeOf(id, secret);
            codes.add(code);
            assertTrue(Files.readString(dir.resolve("md").resolve(id + ".md")).contains(" · variant `" + code + "`"), id);
        }
        assertEquals(ROSTER.size(), codes.size());

        Path other = dir.resolve("other-secret.txt");
        Files.writeString(other, "another secret");
        assertFalse(codeOf("ana", other).equals(ana), "another secret, another code");
    }

    @Test
    void aSharedProblemHasNoCodeAnywhere() throws IOException {
        var md = run("variant", GradeRuns.NOTES, "--student", "ana", "--format", "markdown");
        assertEquals(0, md.code(), md.err());
        assertTrue(md.out().contains("Student: **ana** · problem `notes-softmax-step`\n"), md.out());
        assertFalse(md.out().contains("variant"), md.out());
        assertFalse(run("variant", GradeRuns.NOTES, "--student", "ana").out().contains("\"variant\""));
        var t = run("template", GradeRuns.NOTES, "--student", "ana", "--secret-file", secretFile().toString());
        assertEquals(0, t.code(), t.err());
        assertFalse(t.out().contains("variant"), t.out());
        assertEquals("", t.err());
    }

    @Test
    void aStudentsTemplateCarriesTheirCode() throws IOException {
        Path secret = secretFile();
        String ana = codeOf("ana", secret);
        var json = run("template", PROBLEM, "--student", "ana", "--secret-file", secret.toString());
        assertEquals(0, json.code(), json.err());
        assertTrue(json.out().startsWith("{\n  \"problem\": \"variant-softmax-step\",\n  \"student\": \"ana\",\n  \"variant\": \""
                + ana + "\",\n  \"answers\": {\n"), json.out());
        var csv = run("template", PROBLEM, "--student", "ana", "--format", "csv", "--secret-file", secret.toString());
        assertTrue(csv.out().startsWith("quantity,row,col,value\nvariant,,," + ana + "\nz1,1,1,\n"), csv.out());
        var compact = run("template", PROBLEM, "--student", "ana", "--format", "csv-compact", "--secret-file", secret.toString());
        assertTrue(compact.out().startsWith("quantity,value\nvariant," + ana + "\nz1,_ _ _\n"), compact.out());
        assertFalse(run("template", PROBLEM, "--secret-file", secret.toString()).out().contains("variant\""),
                "no student, no code");
        if (System.getenv("NNGRADE_SECRET") == null) {
            var none = run("template", PROBLEM, "--student", "ana");
            assertEquals(0, none.code());
            assertFalse(none.out().contains("\"variant\""), none.out());
            assertEquals("template: without the secret (--secret-file FILE or NNGRADE_SECRET) the template carries no "
                    + "variant code\n", none.err());
        }
    }

    /** A submission of ana's numbers, carrying {@code code} (written as a student may). */
    private Path anaCarrying(String code, Path secret) throws IOException {
        Path f = answersOf("ana", "ana", secret);
        ObjectNode doc = (ObjectNode) JSON.readTree(f.toFile());
        doc.put("variant", code);
        Files.writeString(f, doc.toString(), StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void checkSaysWhenTheFilesCodeIsAnotherVariantsButGradesAsUsual() throws IOException {
        Path secret = secretFile();
        String ana = codeOf("ana", secret);
        String bob = codeOf("bob", secret);
        Path own = anaCarrying(" " + ana.toLowerCase(Locale.ROOT).replace("-", "") + " ", secret);
        var ok = run("check", PROBLEM, own.toString(), "--secret-file", secret.toString());
        assertEquals(0, ok.code(), ok.out());
        assertFalse(ok.out().contains("Note"), ok.out());

        Path bobs = anaCarrying(bob, secret);
        var text = run("check", PROBLEM, bobs.toString(), "--secret-file", secret.toString(), "--color", "never");
        assertEquals(0, text.code(), "a note, not an error: the answers are ana's and right");
        assertTrue(text.out().contains("Score 9 / 9\n\nNote: this file carries variant code " + bob + ", but the numbers "
                + "checked are those of variant " + ana + " (student ana): was it worked on another student's sheet, or "
                + "were the sheets made with another problem file or secret?\n\n  ✓ z1"), text.out());
        var json = run("check", PROBLEM, bobs.toString(), "--secret-file", secret.toString(), "--format", "json");
        assertEquals(List.of("errors", "notes", "quantities"), List.of("errors", "notes", "quantities").stream()
                .filter(JSON.readTree(json.out())::has).toList());
        assertTrue(JSON.readTree(json.out()).get("notes").get(0).asText().startsWith("Note: this file carries variant code "
                + bob), json.out());
        var ro = run("check", PROBLEM, bobs.toString(), "--secret-file", secret.toString(), "--lang", "ro", "--format", "markdown");
        assertTrue(ro.out().contains("> Notă: acest fișier poartă codul de variantă " + bob.replace("-", "\\-")
                + ", dar numerele verificate sunt cele ale variantei " + ana.replace("-", "\\-") + " \\(studentul ana\\)"), ro.out());

        var typo = run("check", PROBLEM, anaCarrying("my variant", secret).toString(), "--secret-file", secret.toString());
        assertTrue(typo.out().contains("Note: this file carries variant code \"my variant\", but"), typo.out());
    }

    @Test
    void aCodeInASubmissionOfASharedProblemIsIgnored() throws IOException {
        Path f = GradeRuns.submission(dir, "ana.json", "perfect.json", "ana");
        ObjectNode doc = (ObjectNode) JSON.readTree(f.toFile());
        doc.put("variant", "ZZZZ-ZZZZ");
        Files.writeString(f, doc.toString(), StandardCharsets.UTF_8);
        var r = run("check", GradeRuns.NOTES, f.toString(), "--format", "json");
        assertEquals(0, r.code(), r.out());
        assertFalse(JSON.readTree(r.out()).has("notes"), r.out());
    }
}
