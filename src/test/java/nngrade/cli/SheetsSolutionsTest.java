package nngrade.cli;

import nngrade.problem.ProblemLoader;
import nngrade.report.Messages;
import nngrade.report.worked.WorkedFormat;
import nngrade.report.worked.WorkedSolutions;
import nngrade.variant.Secret;
import nngrade.variant.Variants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static nngrade.cli.GradeRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sheets --solutions}: a worked solution per student of the roster, each with the student's own numbers. */
class SheetsSolutionsTest {
    private static final String PROBLEM = "problems/variant-softmax-step.json";
    private static final String SECRET = "correct-horse-battery-staple";
    private static final List<String> ROSTER = List.of("ana", "bob", "carmen", "dan");

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** {@code sheets PROBLEM --roster ROSTER --out OUT}, task sheets or solutions, of the variant problem. */
    private GradeRuns.Run sheets(Path roster, Path out, boolean solutions) throws IOException {
        String secret = file("secret.txt", SECRET + "\n").toString();
        return solutions
                ? run("sheets", PROBLEM, "--roster", roster.toString(), "--out", out.toString(), "--secret-file", secret,
                        "--solutions")
                : run("sheets", PROBLEM, "--roster", roster.toString(), "--out", out.toString(), "--secret-file", secret);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"html, ro, HTML, Am scris 4 rezolvări detaliate în", "markdown, en, MARKDOWN, Wrote 4 worked solutions to",
        "latex, en, LATEX, Wrote 4 worked solutions to"})
    void eachStudentGetsTheirOwnVariantsWorkedSolution(String format, String lang, WorkedFormat worked, String wrote)
            throws IOException {
        Path roster = file("roster.csv", "id,name\n" + String.join("\n", ROSTER) + "\n");
        Path secret = file("secret.txt", SECRET + "\n");
        Path out = dir.resolve("solutions");
        var r = run("sheets", PROBLEM, "--roster", roster.toString(), "--out", out.toString(), "--solutions",
                "--format", format, "--lang", lang, "--secret-file", secret.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(wrote + " " + out, r.err().strip());
        Messages m = new Messages(Messages.Lang.valueOf(lang));
        var file = ProblemLoader.read(Path.of(PROBLEM));
        String first = null;
        for (String id : ROSTER) {
            Path written = out.resolve(id + "-solution." + worked.extension());
            String text = Files.readString(written);
            // the student's own variant, drawn here from the problem and the secret
            var key = Variants.of(file, id, Secret.of(SECRET)).key();
            assertEquals(worked.render(WorkedSolutions.of(key, m.words()), m, Optional.of(id)), text, id);
            assertTrue(text.contains(id), id + " is named on their solution");
            var solve = run("solve", PROBLEM, "--student", id, "--format",
                    worked == WorkedFormat.LATEX ? "latex" : worked == WorkedFormat.HTML ? "worked-html" : "worked-md",
                    "--lang", lang, "--secret-file", secret.toString());
            assertEquals(solve.out(), text, id + ": as solve --student writes it");
            if (first != null) {
                assertNotEquals(first, text.replace(id, ""), id + "'s numbers are their own");
            }
            first = text.replace(id, "");
        }
        try (var files = Files.list(out)) {
            assertEquals(ROSTER.size(), files.count(), "nothing but the solutions");
        }
    }

    @Test
    void aGraphsSolutionsAreWrittenToo() throws IOException {
        Path roster = file("roster.csv", "id\nana\nbob\n");
        Path out = dir.resolve("graph");
        var graph = run("sheets", "problems/graph-fanout.json", "--roster", roster.toString(), "--out", out.toString(),
                "--solutions", "--format", "markdown");
        assertEquals(0, graph.code(), graph.err());
        String ana = Files.readString(out.resolve("ana-solution.md"));
        assertTrue(ana.contains("Student: ana\n") && ana.contains("= -4 + 0.04518 = -3.95482$"), ana);
        // the same problem for everyone: the same solution, each with its own id
        assertEquals(ana.replace("Student: ana", "Student: bob"), Files.readString(out.resolve("bob-solution.md")));
    }

    @Test
    void latexTaskSheetsAndLinksAreUsageErrorsWithNothingWritten() throws IOException {
        Path roster = file("roster.csv", "id\nana\n");
        Path out = dir.resolve("out");
        var latex = run("sheets", "problems/notes-softmax-step.json", "--roster", roster.toString(), "--out",
                out.toString(), "--format", "latex");
        assertEquals(2, latex.code());
        assertTrue(latex.err().contains("--format latex: task sheets are html or markdown; latex is for --solutions"),
                latex.err());
        var link = run("sheets", "problems/notes-softmax-step.json", "--roster", roster.toString(), "--out",
                out.toString(), "--solutions", "--base-url", "https://nn.example.edu/");
        assertEquals(2, link.code());
        assertTrue(link.err().contains("--base-url: a solution sheet carries no link"), link.err());
        assertFalse(Files.exists(out));
    }

    /** A file where the output folder, or a folder above it, should be: refused in one line naming --out, as grade does. */
    @ParameterizedTest(name = "{0}, solutions {1}")
    @CsvSource({"notes.txt, false", "notes.txt, true", "notes.txt/sheets, false", "notes.txt/sheets, true"})
    void aFileInTheWayOfTheOutputFolderIsRefusedInOneLine(String given, boolean solutions) throws IOException {
        Path roster = file("roster.csv", "id\nana\n");
        Path notes = file("notes.txt", "the teacher's notes\n");
        Path out = dir.resolve(given);
        var r = sheets(roster, out, solutions);
        assertEquals(2, r.code(), r.err());
        assertEquals(out + ": cannot write: " + notes + " is in the way: it is not a folder", r.err().strip());
        assertEquals("the teacher's notes\n", Files.readString(notes), "the file is left as it was");
    }

    /** A folder where a student's file goes: that file named in one line, not an internal error. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"ana.html, false", "ana-solution.html, true"})
    void aFolderInTheWayOfAStudentsFileIsRefusedInOneLine(String name, boolean solutions) throws IOException {
        Path roster = file("roster.csv", "id\nana\n");
        Path out = dir.resolve("out");
        Path blocker = Files.createDirectories(out.resolve(name));
        var r = sheets(roster, out, solutions);
        assertEquals(2, r.code(), r.err());
        assertEquals(blocker + ": cannot write: " + blocker + " is a folder", r.err().strip());
    }

    /** A roster of no students would write nothing and say so with exit 0: refused like grade's empty roster, before any folder is made. */
    @ParameterizedTest(name = "{0}, solutions {1}")
    @CsvSource({"id|, false", "id|, true", "'id,name||', true", "'', false"}) // | for a line break
    void aRosterOfNoStudentsIsRefusedInOneLine(String text, boolean solutions) throws IOException {
        Path roster = file("roster.csv", text.replace('|', '\n'));
        Path out = dir.resolve("out");
        var r = sheets(roster, out, solutions);
        assertEquals(2, r.code(), r.err());
        assertEquals(roster + (text.isEmpty() ? ": is empty; expected a header with an id column"
                : ": lists no students; expected a row for each student below the header"), r.err().strip());
        assertFalse(Files.exists(out), "nothing written");
    }

    /** The help says what --lang sets here, and no file name is broken across lines ("ID-solution." / "tex"). */
    @Test
    void theHelpSaysWhatLangSetsAndKeepsTheFileNamesWhole() {
        var help = run("sheets", "--help");
        assertEquals(0, help.code(), help.err());
        for (String name : List.of("ID-solution.html", "ID-solution.md", "ID-solution.tex")) {
            assertTrue(help.out().contains(name), name + " whole on one line:\n" + help.out());
        }
        assertTrue(help.out().replaceAll("\\s+", " ").contains("--lang=LANG Language of the worked solutions "
                + "(--solutions): en or ro. Default: the system locale's (ro if Romanian, else en). Task sheets are in "
                + "English whatever --lang says (nngrade serve shows them in each student's language)."), help.out());
    }
}
