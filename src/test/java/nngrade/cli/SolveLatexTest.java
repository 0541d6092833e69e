package nngrade.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code solve --format latex}: the worked solution as a LaTeX document, per language and student. */
class SolveLatexTest {
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
    void theNotesAsADocumentInBothLanguages() {
        Run en = run("solve", "problems/notes-softmax-step.json", "--format", "latex", "--lang", "en");
        assertEquals(0, en.code(), en.err());
        assertEquals("", en.err());
        assertTrue(en.out().startsWith("\\documentclass[a4paper]{article}\n"), en.out());
        assertTrue(en.out().endsWith("\\end{document}\n"), en.out());
        assertTrue(en.out().contains("{\\Large\\bfseries Worked solution: notes-softmax-step\\par}\n"), en.out());
        assertTrue(en.out().contains("\\item Result: \\(z_{1} = (0.8,\\allowbreak -2,\\allowbreak 1.4)\\) (rounded to 4 decimals)\n"), en.out());
        assertEquals(en.out(), run("solve", "problems/notes-softmax-step.json", "--format", "latex", "--lang", "en").out(),
                "byte-identical twice");
        Run ro = run("solve", "problems/notes-softmax-step.json", "--format", "latex", "--lang", "ro");
        assertEquals(0, ro.code(), ro.err());
        assertTrue(ro.out().contains("{\\Large\\bfseries Rezolvare detaliată: notes-softmax-step\\par}\n"), ro.out());
        assertTrue(ro.out().contains("= (0{,}8;\\allowbreak\\ -2;\\allowbreak\\ 1{,}4)\\)"), ro.out());
    }

    @Test
    void aStudentsVariantNamesTheStudentEscaped() throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "correct-horse-battery-staple\n");
        Run none = run("solve", "problems/variant-softmax-step.json", "--format", "latex", "--secret-file",
                secret.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("command line: --student: "), none.err());
        Run ana = run("solve", "problems/variant-softmax-step.json", "--format", "latex", "--lang", "en",
                "--student", "ana_{1}#%", "--secret-file", secret.toString());
        assertEquals(0, ana.code(), ana.err());
        assertTrue(ana.out().contains("\nStudent: ana\\_\\{1\\}\\#\\%\n"), ana.out());
        Run bob = run("solve", "problems/variant-softmax-step.json", "--format", "latex", "--lang", "en",
                "--student", "bob", "--secret-file", secret.toString());
        assertEquals(0, bob.code(), bob.err());
        assertFalse(ana.out().replace("ana\\_\\{1\\}\\#\\%", "bob").equals(bob.out()), "each student's own numbers");
    }

    @Test
    void aGraphIsADocumentTooAndAnUnknownFormatIsAUsageError() {
        Run graph = run("solve", "problems/graph-add-mul.json", "--format", "latex", "--lang", "ro");
        assertEquals(0, graph.code(), graph.err());
        assertTrue(graph.out().contains("\\section*{7. \\texttt{dx} (cerut)}"), graph.out());
        assertTrue(graph.out().contains("\\(dq = -4\\)"), graph.out());
        Run typo = run("solve", "problems/notes-softmax-step.json", "--format", "tex");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("expected text, json, csv, worked-html, worked-md or latex, found 'tex'"), typo.err());
    }
}
