package nngrade.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code solve --format worked-md}: the worked solution, per language and per student's variant. */
class SolveWorkedTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theNotesInEnglishAreThePinnedSolution() throws IOException {
        Run r = run("solve", "problems/notes-softmax-step.json", "--format", "worked-md", "--lang", "en");
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(Path.of("src/test/resources/worked/notes-softmax-step.en.md"),
                StandardCharsets.UTF_8), r.out());
        assertEquals(r.out(), run("solve", "problems/notes-softmax-step.json", "--format", "worked-md", "--lang", "en",
                "--ask-only").out(), "the asked ones and the steps on the way, whatever --ask-only says");
    }

    @Test
    void romanianAndAVariantPerStudent() throws IOException {
        Run ro = run("solve", "problems/notes-softmax-step.json", "--format", "worked-md", "--lang", "ro");
        assertEquals(0, ro.code(), ro.err());
        assertTrue(ro.out().startsWith("# Rezolvare detaliată: notes-softmax-step\n"), ro.out());
        assertTrue(ro.out().contains("= (0{,}8;\\ -2;\\ 1{,}4)$"), ro.out());

        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "correct-horse-battery-staple\n");
        Run none = run("solve", "problems/variant-softmax-step.json", "--format", "worked-md", "--secret-file",
                secret.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("command line: --student: "), none.err());
        Run ana = run("solve", "problems/variant-softmax-step.json", "--format", "worked-md", "--lang", "en",
                "--student", "ana", "--secret-file", secret.toString());
        Run bob = run("solve", "problems/variant-softmax-step.json", "--format", "worked-md", "--lang", "en",
                "--student", "bob", "--secret-file", secret.toString());
        assertEquals(0, ana.code(), ana.err());
        assertTrue(ana.out().contains("## 1. `z1` (asked)"), ana.out());
        assertFalse(ana.out().equals(bob.out()), "each student's own numbers");
    }

    @Test
    void aGraphIsWorkedNodeByNodeAndAnUnknownFormatIsAUsageError() {
        Run graph = run("solve", "problems/graph-add-mul.json", "--format", "worked-md");
        assertEquals(0, graph.code(), graph.err());
        // f = q·z with q = x + y = 3, z = −4: df/dq = z, and dx = dq
        assertTrue(graph.out().contains("- With the numbers: $df\\cdot z = 1\\cdot (-4) = -4$\n"), graph.out());
        assertTrue(graph.out().contains("## 7. `dx` (asked)\n"), graph.out());
        Run typo = run("solve", "problems/notes-softmax-step.json", "--format", "worked-markdown");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("expected text, json, csv, worked-html, worked-md or latex, found 'worked-markdown'"), typo.err());
        assertEquals(0, run("solve", "problems/notes-softmax-step.json", "--format", "csv").code(), "the other formats still");
    }

    /** --lang sets the worked solutions' language only: the help says so, and the text key is the same in both. */
    @Test
    void langSetsTheWorkedSolutionsAndTheHelpSaysSo() {
        Run help = run("solve", "--help");
        assertTrue(help.out().replaceAll("\\s+", " ").contains("--lang=LANG Language of the worked solutions "
                + "(worked-html, worked-md, latex): en or ro. Default: the system locale's (ro if Romanian, else en). "
                + "The text key is in English whatever --lang says; json and csv have no language."), help.out());
        Run en = run("solve", "problems/notes-softmax-step.json", "--lang", "en");
        Run ro = run("solve", "problems/notes-softmax-step.json", "--lang", "ro");
        assertTrue(en.out().startsWith("Answer key: notes-softmax-step"), en.out());
        assertEquals(en.out(), ro.out());
    }
}
