package nngrade.report.worked;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nngrade.problem.ProblemLoader;
import nngrade.report.Messages;
import nngrade.report.Messages.Lang;
import nngrade.solve.AnswerKey;
import nngrade.solve.Solver;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link WorkedLatex}: a whole document, its text escaped so that a hostile title, statement or
 * student id prints as written; and every bundled problem (networks and graphs)'s document, in English and
 * Romanian, compiles with pdflatex where it is installed (skipped, saying so, elsewhere).
 */
class WorkedLatexTest {
    static final String HOSTILE_TITLE = "50% of \\x_1 & #2 ~^{} $y$ -- ,,ok'' \\end{document}";
    static final String HOSTILE_STUDENT = "ana_{1}#\\input{/etc/passwd}%";

    @TempDir
    Path dir;

    /** The notes' problem with a hostile title and statement. */
    static AnswerKey hostile() throws IOException {
        return hostile(HOSTILE_TITLE);
    }

    /** Every character {@link WorkedLatex#escape} lets through as itself, and a few it does not. */
    static String everyCharacter() {
        StringBuilder t = new StringBuilder();
        for (int c = 0x20; c <= 0x21B; c++) {
            t.appendCodePoint(c);
        }
        return t.append("–—‘’‚“”„…•€†‡‰‹› δ∂η·× ☃ \uD83D\uDE00").toString();
    }

    static AnswerKey hostile(String title) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(Files.readString(Path.of("problems/notes-softmax-step.json"),
                StandardCharsets.UTF_8));
        root.put("title", title);
        root.put("statement", "Line one\nline two\u0007: δ1 = ∂C/∂z1, α 😀 ș ț Ș Ț.");
        return Solver.solve(ProblemLoader.parse("hostile.json", json.writeValueAsString(root)));
    }

    /** The notes' problem widened to 24 inputs: W1 is 3×24, wider than amsmath's 10 matrix columns. */
    static AnswerKey wide() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(Files.readString(Path.of("problems/notes-softmax-step.json"),
                StandardCharsets.UTF_8));
        int inputs = 24;
        ((ObjectNode) root.get("network")).put("inputs", inputs);
        ObjectNode given = (ObjectNode) root.get("given");
        var x = given.putArray("x").addArray();
        for (int j = 0; j < inputs; j++) {
            x.add(j % 3);
        }
        var w = given.putArray("W1");
        for (int i = 0; i < 3; i++) {
            var row = w.addArray();
            for (int j = 0; j < inputs; j++) {
                row.add(((i * inputs + j) % 7 - 3) / 10.0);
            }
        }
        return Solver.solve(ProblemLoader.parse("wide.json", json.writeValueAsString(root)));
    }

    @Test
    void aWideMatrixRaisesTheMatrixColumns() throws IOException {
        Messages en = new Messages(Lang.en);
        String tex = WorkedLatex.render(WorkedSolutions.of(wide(), en.words()), en);
        assertTrue(tex.contains("\n\\setcounter{MaxMatrixCols}{24}\n"), tex);
    }

    @Test
    void theTextIsEscapedAndTheDocumentWhole() throws IOException {
        AnswerKey key = hostile();
        Messages en = new Messages(Lang.en);
        WorkedSolution w = WorkedSolutions.of(key, en.words());
        String tex = WorkedLatex.render(w, en, Optional.of(HOSTILE_STUDENT));
        assertTrue(tex.startsWith("\\documentclass[a4paper]{article}\n\\usepackage[utf8]{inputenc}\n"
                + "\\usepackage[T1]{fontenc}\n"), tex);
        assertTrue(tex.contains("\n\\usepackage{amsmath}\n\\usepackage{amssymb}\n\\setcounter{MaxMatrixCols}{20}\n"
                + "\\emergencystretch=2em\n\\begin{document}\n"), tex);
        assertTrue(tex.endsWith("\n\\end{document}\n"), tex);
        assertEquals(1, tex.split("\\\\end\\{document\\}", -1).length - 1, "the title's \\end{document} is text");
        assertTrue(tex.contains("\n\\textbf{50\\% of \\textbackslash{}x\\_1 \\& \\#2 \\textasciitilde{}"
                + "\\textasciicircum{}\\{\\} \\$y\\$ -{}- ,{},ok\\textquotesingle{}\\textquotesingle{} \\textbackslash{}end\\{document\\}}\n"), tex);
        assertTrue(tex.contains("\nStudent: ana\\_\\{1\\}\\#\\textbackslash{}input\\{/etc/passwd\\}\\%\n"), tex);
        assertTrue(tex.contains("\nLine one line two : \\(\\delta \\)1 = \\(\\partial \\)C/\\(\\partial \\)z1, "
                + "[U+03B1] [U+1F600] ș ț Ș Ț.\n"), tex);
        assertEquals(w.steps().size(), tex.split("\\\\section\\*\\{", -1).length - 1, "a section per step");
        assertTrue(tex.contains("\\section*{1. \\texttt{z1} (asked)}\n\\begin{itemize}\n"
                + "\\item Formula: \\(z_{1} = x\\cdot W_{1}^{\\top} + b_{1}\\)\n"), tex);
        assertTrue(tex.contains("\\item Result: \\(z_{1} = (0.8,\\allowbreak -2,\\allowbreak 1.4)\\) (rounded to 4 decimals)\n"), tex);
        assertTrue(tex.contains("\\item \\(W_{1}^{\\text{next}}\\): 3×3 (units × inputs), the shape of \\(W_{1}\\)\n"),
                tex);
        assertEquals(tex.chars().filter(c -> c == '{').count(), tex.chars().filter(c -> c == '}').count()
                        - countEscaped(tex, '}') + countEscaped(tex, '{'),
                "braces balance, the escaped ones aside");
        assertFalse(Pattern.compile("[\\x00-\\x09\\x0b-\\x1f]").matcher(tex).find(), "no control characters");

        Messages ro = new Messages(Lang.ro);
        String roTex = WorkedLatex.render(WorkedSolutions.of(key, ro.words()), ro);
        assertTrue(roTex.contains("\\item Rezultat: \\(z_{1} = (0{,}8;\\allowbreak\\ -2;\\allowbreak\\ 1{,}4)\\) (rotunjit la 4 zecimale)\n"),
                roTex);
        assertFalse(roTex.contains("Student"), "no student line without one");
        assertEquals(roTex, WorkedLatex.render(WorkedSolutions.of(key, ro.words()), ro), "the same twice");
    }

    @Test
    void textEscapesEverySpecialCharacter() {
        assertEquals("\\textbackslash{}\\#\\$\\%\\&\\_\\{\\}\\textasciitilde{}\\textasciicircum{}",
                WorkedLatex.escape("\\#$%&_{}~^"));
        assertEquals("a b c d~e", WorkedLatex.escape("a\nb\rc\td\u00a0e"));
        assertEquals("\\textless{}\\textgreater{}\\textbar{}\\textquotedbl{} -{}-{}- !\\textasciigrave{} ?\\textasciigrave{} it\\textquotesingle{}s",
                WorkedLatex.escape("<>|\" --- !` ?` it's"));
        assertEquals("[U+2603] \\(\\eta \\) ă â î ș ț [U+0126]", WorkedLatex.escape("☃ η ă â î ș ț Ħ"));
        // a statement's Σᵢ ℓᵢ and Wᵀ: the subscript and the transpose as scripts, not [U+1D62]
        assertEquals("\\(\\ell \\)\\({}_{i}\\) W\\({}^{\\top}\\)", WorkedLatex.escape("ℓᵢ Wᵀ"));
        assertEquals("\\^{m} = m/(1 \\textminus{} b) [U+0302]", WorkedLatex.escape("m\u0302 = m/(1 − b) \u0302"));
    }

    private static long countEscaped(String s, char c) {
        long n = 0;
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) == c && s.charAt(i - 1) == '\\') {
                n++;
            }
        }
        return n;
    }

    private static final Pattern OVERFULL = Pattern.compile("Overfull \\\\hbox \\(([0-9.]+)pt too wide\\)");

    @Test
    void everyProblemCompilesWithPdflatex() throws IOException, InterruptedException {
        Optional<Path> pdflatex = onPath("pdflatex");
        Assumptions.assumeTrue(pdflatex.isPresent(), "skipped: no pdflatex on PATH (Debian: apt-get install "
                + "texlive-latex-base texlive-latex-recommended texlive-fonts-recommended)");
        List<String> names = new ArrayList<>();
        List<String> bundled = new ArrayList<>();
        for (WorkedMarkdownTest.Solved s : WorkedMarkdownTest.problems()) {
            for (Lang lang : Lang.values()) {
                Messages m = new Messages(lang);
                String name = s.file().replaceAll("\\.(json|yaml)$", "") + "." + lang;
                Files.writeString(dir.resolve(name + ".tex"), WorkedLatex.render(WorkedSolutions.of(s.key(), m.words()),
                        m, Optional.of("ana")), StandardCharsets.UTF_8);
                names.add(name);
                if (Path.of(s.file()).startsWith("problems")) {
                    bundled.add(name);
                }
            }
        }
        for (Lang lang : Lang.values()) {
            Messages m = new Messages(lang);
            Files.writeString(dir.resolve("hostile." + lang + ".tex"), WorkedLatex.render(WorkedSolutions.of(hostile(),
                    m.words()), m, Optional.of(HOSTILE_STUDENT)), StandardCharsets.UTF_8);
            names.add("hostile." + lang);
            Files.writeString(dir.resolve("characters." + lang + ".tex"), WorkedLatex.render(WorkedSolutions.of(
                    hostile(everyCharacter()), m.words()), m), StandardCharsets.UTF_8);
            names.add("characters." + lang);
            Files.writeString(dir.resolve("wide." + lang + ".tex"), WorkedLatex.render(WorkedSolutions.of(wide(),
                    m.words()), m), StandardCharsets.UTF_8);
            names.add("wide." + lang);
        }
        assertTrue(names.size() >= 36, "the bundled problems, graphs too, in two languages: " + names);
        for (String name : names) {
            Process p = new ProcessBuilder(pdflatex.get().toString(), "-interaction=nonstopmode", "-halt-on-error",
                    "-no-shell-escape", name + ".tex").directory(dir.toFile()).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), name + ": pdflatex did not finish");
            assertEquals(0, p.exitValue(), name + ".tex does not compile:\n" + tail(log));
            assertTrue(Files.size(dir.resolve(name + ".pdf")) > 1000, name + ".pdf");
            assertFalse(log.contains("Missing character"), name + ": a character the font lacks\n" + tail(log));
            if (bundled.contains(name)) {
                // a matrix chain one = to a line, a formula broken between its parts: nothing runs far into the margin
                Matcher overfull = OVERFULL.matcher(Files.readString(dir.resolve(name + ".log"), StandardCharsets.ISO_8859_1));
                while (overfull.find()) {
                    assertTrue(Double.parseDouble(overfull.group(1)) <= 20, name + ": a line " + overfull.group(1)
                            + " pt into the margin");
                }
            }
        }
        // where poppler's pdftotext is installed, the hostile texts read back from the PDF as written
        Optional<Path> pdftotext = onPath("pdftotext");
        if (pdftotext.isPresent()) {
            Process p = new ProcessBuilder(pdftotext.get().toString(), "hostile.en.pdf", "-").directory(dir.toFile())
                    .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertTrue(text.contains(HOSTILE_TITLE), text);
            assertTrue(text.contains("Student: " + HOSTILE_STUDENT), text);
        }
    }

    private static String tail(String log) {
        String[] lines = log.split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 30), lines.length));
    }

    static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String d : path.split(File.pathSeparator)) {
            Path p = Path.of(d, program);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
