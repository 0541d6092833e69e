package nngrade.report.worked;

import nngrade.problem.Matrix;
import nngrade.problem.Network;
import nngrade.problem.Problem;
import nngrade.report.Messages;
import nngrade.report.worked.Part.Shapes;
import nngrade.report.worked.Part.Symbols;
import nngrade.report.worked.Part.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A worked solution as a LaTeX document that pdflatex compiles: the structure of
 * {@link WorkedMarkdown} (a section per quantity, an itemized list of its formula, the products
 * written out, the numbers put in, the value on the way and the result) after the problem's title
 * and the teacher's statement, math in {@code \(…\)}
 * from {@link Tex}, every piece of text (the teacher's title, ids, the messages) escaped so that
 * it prints as written and never becomes TeX.
 */
public final class WorkedLatex {
    /** amsmath's default is 10 columns; a wider given matrix would stop pdflatex. */
    private static final int MATRIX_COLUMNS = 20;
    /** A message's arguments that are math: private-use characters, replaced after escaping. */
    private static final char FIRST_SLOT = '\uE000';

    /** The characters that T1 fonts join into one (-- is an en dash, ,, a low quote). */
    private static final String LIGATURES = "-,";

    /** A math symbol of the text (δ, ∂): the same in every language. */
    private static final Tex SYMBOL = new Tex(Messages.Lang.en);

    private final Messages m;
    private final Tex tex;
    private int widestMatrix = MATRIX_COLUMNS;

    private WorkedLatex(Messages m) {
        this.m = m;
        this.tex = new Tex(m.lang());
    }

    public static String render(WorkedSolution w, Messages m) {
        return render(w, m, Optional.empty());
    }

    /** The document, naming {@code student} under the title when the solution is a student's variant. */
    public static String render(WorkedSolution w, Messages m, Optional<String> student) {
        return new WorkedLatex(m).write(w, student);
    }

    private String write(WorkedSolution w, Optional<String> student) {
        Problem p = w.problem();
        StringBuilder body = new StringBuilder();
        body.append("{\\Large\\bfseries ").append(text(m.get("worked.title", p.id()))).append("\\par}\n\\medskip\n\n");
        if (p.title() != null && !p.title().isBlank()) {
            body.append("\\textbf{").append(text(p.title())).append("}\n\n");
        }
        if (p.statement() != null && !p.statement().isBlank()) {
            body.append(text(p.statement())).append("\n\n");
        }
        student.ifPresent(id -> body.append(text(m.get("worked.student", id))).append("\n\n"));
        body.append(text(m.get("worked.given"))).append(": ").append(given(p)).append("\n\n");
        body.append(text(m.get("worked.note"))).append('\n');
        int i = 1;
        for (WorkedStep s : w.steps()) {
            body.append('\n');
            step(body, i++, s);
        }
        return "\\documentclass[a4paper]{article}\n"
                + "\\usepackage[utf8]{inputenc}\n"
                + "\\usepackage[T1]{fontenc}\n"
                + "\\usepackage{lmodern}\n"
                + "\\usepackage{amsmath}\n"
                + "\\usepackage{amssymb}\n"
                + "\\setcounter{MaxMatrixCols}{" + widestMatrix + "}\n"
                + "\\emergencystretch=2em\n"
                + "\\begin{document}\n"
                + body
                + "\\end{document}\n";
    }

    private String given(Problem p) {
        Network n = p.network();
        List<String> g = new ArrayList<>();
        g.add(math("x = " + value(p.x(), Rounding.EXACT)));
        g.add(math("y = " + value(p.y(), Rounding.EXACT)));
        for (int l = 1; l <= n.depth(); l++) {
            g.add(math(tex.of("W" + l) + " = " + value(p.w(l), Rounding.EXACT)) + " ("
                    + text(m.words().shape(n.weightLayout())) + ")");
            g.add(math(tex.of("b" + l) + " = " + value(p.b(l), Rounding.EXACT)));
        }
        Map<String, Matrix> state = new TreeMap<>(p.state());
        state.forEach((name, v) -> g.add(math(tex.of(name) + " = " + value(v, Rounding.EXACT))));
        g.add(math(tex.of("η = ") + num(p.learningRate(), Rounding.EXACT)));
        if (p.l2() != 0) {
            g.add(math(tex.of("λ = ") + num(p.l2(), Rounding.EXACT)));
        }
        g.add(math("m = " + p.samples()));
        return String.join(", ", g);
    }

    private void step(StringBuilder out, int i, WorkedStep s) {
        out.append("\\section*{").append(i).append(". \\texttt{").append(text(s.quantity().name())).append("} (")
                .append(text(m.get(s.asked() ? "worked.asked" : "worked.unasked"))).append(")}\n");
        out.append("\\begin{itemize}\n");
        item(out, "worked.formula", math(tex.of(s.formula())));
        s.chainRule().ifPresent(c -> item(out, "worked.chain", math(tex.of(c))));
        if (!s.products().isEmpty()) {
            String target = s.intermediate().map(WorkedStep.Intermediate::math).orElse(lhs(s));
            boolean oneRow = s.products().stream().allMatch(e -> e.row() == 0);
            boolean oneCol = s.products().stream().allMatch(e -> e.col() == 0);
            out.append("\\item ").append(text(m.get("worked.entries"))).append(":\n\\begin{itemize}\n");
            for (EntryProduct e : s.products()) {
                String index = oneRow ? Integer.toString(e.col() + 1) : oneCol ? Integer.toString(e.row() + 1)
                        : (e.row() + 1) + "," + (e.col() + 1);
                out.append("\\item ").append(math("(" + tex.of(target) + ")_{" + index + "} = " + terms(e)))
                        .append('\n');
            }
            out.append("\\end{itemize}\n");
        }
        s.elided().ifPresent(e -> out.append("\\item ").append(message("worked.elided", List.of(), math(tex.of(e.left())),
                math(tex.of(e.right())), math(tex.of(e.result())))).append('\n'));
        if (s.substituted().isEmpty()) {
            out.append("\\item ").append(text(m.get("worked.notWritten"))).append('\n');
        } else {
            item(out, "worked.substituted", math(parts(s.substituted())));
        }
        s.intermediate().ifPresent(v -> item(out, "worked.intermediate",
                math(tex.of(v.math()) + " = " + value(v.value(), v.rounding()))));
        item(out, "worked.result", math(tex.of(lhs(s)) + " = " + value(s.result(), s.rounding())) + " ("
                + text(m.get("worked.rounded", rounding(s.rounding()))) + ")");
        s.weightShape().ifPresent(shape -> out.append("\\item ").append(message("worked.shape",
                List.of(String.valueOf(s.result().shape()), shape), math(tex.of(lhs(s))),
                math(tex.of("W" + s.quantity().layer())))).append('\n'));
        out.append("\\end{itemize}\n");
    }

    private void item(StringBuilder out, String label, String content) {
        out.append("\\item ").append(text(m.get(label))).append(": ").append(content).append('\n');
    }

    /**
     * The message {@code key} escaped, with {@code math} put in for its math arguments: the first
     * and the last for worked.shape ({@code {0}} and {@code {3}}, the texts between), all of them
     * for worked.elided.
     */
    private String message(String key, List<String> texts, String... math) {
        Object[] args = new Object[texts.size() + math.length];
        if (texts.isEmpty()) {
            for (int k = 0; k < math.length; k++) {
                args[k] = String.valueOf((char) (FIRST_SLOT + k));
            }
        } else { // worked.shape: {0} math, {1}…{n} texts, {n+1} math
            args[0] = String.valueOf(FIRST_SLOT);
            for (int k = 0; k < texts.size(); k++) {
                args[k + 1] = texts.get(k);
            }
            args[args.length - 1] = String.valueOf((char) (FIRST_SLOT + 1));
        }
        String formatted = m.get(key, args);
        StringBuilder out = new StringBuilder();
        int start = 0;
        for (int i = 0; i < formatted.length(); i++) {
            int slot = formatted.charAt(i) - FIRST_SLOT;
            if (slot >= 0 && slot < math.length) {
                out.append(text(formatted.substring(start, i))).append(math[slot]);
                start = i + 1;
            }
        }
        return out.append(text(formatted.substring(start))).toString();
    }

    /** The symbol the formula defines: {@code δ1} of {@code δ1 = ŷ − y …}. */
    private static String lhs(WorkedStep s) {
        int eq = s.formula().indexOf(" = ");
        return eq > 0 ? s.formula().substring(0, eq) : s.quantity().name();
    }

    private String terms(EntryProduct e) {
        StringBuilder t = new StringBuilder();
        for (int k = 0; k < e.left().length; k++) {
            if (k > 0) {
                t.append(" + ");
            }
            t.append(factor(e.left()[k], e.leftRounding())).append(" \\cdot ").append(factor(e.right()[k],
                    e.rightRounding()));
        }
        return t.append(" = ").append(num(e.value(), e.rounding())).toString();
    }

    private String factor(double v, Rounding r) {
        String s = num(v, r);
        return s.startsWith("-") ? "(" + s + ")" : s;
    }

    private String parts(List<Part> parts) {
        StringBuilder t = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Symbols s) {
                t.append(tex.of(s.math()));
            } else if (p instanceof Value v) {
                String written = value(v.value(), v.rounding());
                String before = t.toString();
                boolean bare = before.isEmpty() || before.endsWith("= ") || before.endsWith("(");
                t.append(written.startsWith("-") && !bare ? "(" + written + ")" : written);
            } else if (p instanceof Shapes e) {
                t.append(tex.of(e.left())).append(" \\cdot ").append(tex.of(e.right()));
            }
        }
        return t.toString();
    }

    /**
     * A value in TeX: a number, a row as (a, b, c) as the notes write it (a line may break after
     * a comma), else a pmatrix.
     */
    private String value(Matrix v, Rounding r) {
        if (v.size() == 1) {
            return num(v.at(0), r);
        }
        if (v.rows() == 1) {
            StringBuilder t = new StringBuilder("(");
            for (int j = 0; j < v.cols(); j++) {
                if (j > 0) {
                    // a line may break between two numbers of a long row, never inside one
                    t.append(m.lang() == Messages.Lang.ro ? ";\\allowbreak\\ " : ",\\allowbreak ");
                }
                t.append(num(v.at(j), r));
            }
            return t.append(')').toString();
        }
        widestMatrix = Math.max(widestMatrix, v.cols());
        StringBuilder t = new StringBuilder("\\begin{pmatrix}");
        for (int i = 0; i < v.rows(); i++) {
            if (i > 0) {
                t.append(" \\\\ ");
            }
            for (int j = 0; j < v.cols(); j++) {
                t.append(j > 0 ? " & " : " ").append(num(v.get(i, j), r));
            }
        }
        return t.append(" \\end{pmatrix}").toString();
    }

    private String num(double v, Rounding r) {
        return tex.number(r.written(v));
    }

    private String rounding(Rounding r) {
        if (r instanceof Rounding.Decimals d) {
            return m.get("tolerance.decimals", d.decimals());
        }
        if (r instanceof Rounding.Significant s) {
            return m.get("tolerance.sigfigs", s.digits());
        }
        return "";
    }

    private static String math(String texMath) {
        return "\\(" + texMath + "\\)";
    }

    /**
     * Text (the teacher's title, ids, messages) for LaTeX's text mode, printing as written: TeX's
     * special characters escaped, line breaks and other control characters as spaces, and a
     * character the T1 fonts do not have written as its code point ({@code [U+1F600]}), so
     * that no text stops pdflatex or becomes a command.
     */
    static String text(String s) {
        StringBuilder t = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (LIGATURES.indexOf(c) >= 0 && t.length() > 0 && LIGATURES.indexOf(t.charAt(t.length() - 1)) >= 0) {
                t.append("{}"); // "--" stays two hyphens, ",," two commas
            }
            switch (c) {
                case '\\' -> t.append("\\textbackslash{}");
                case '#', '$', '%', '&', '_', '{', '}' -> t.append('\\').append((char) c);
                case '~' -> t.append("\\textasciitilde{}");
                case '^' -> t.append("\\textasciicircum{}");
                case '<' -> t.append("\\textless{}");
                case '>' -> t.append("\\textgreater{}");
                case '|' -> t.append("\\textbar{}");
                case '"' -> t.append("\\textquotedbl{}");
                case '\'' -> t.append("\\textquotesingle{}"); // straight, as written: ' would print ’
                case '`' -> t.append("\\textasciigrave{}");
                case '−' -> t.append("\\textminus{}");
                case 0xA0 -> t.append('~');
                default -> {
                    if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                        t.append(' ');
                    } else if (printable(c)) {
                        t.appendCodePoint(c);
                    } else if (SYMBOL.of(Character.toString(c)).startsWith("\\")) { // δ, ∂, η: as math
                        t.append("\\(").append(SYMBOL.of(Character.toString(c))).append("\\)");
                    } else {
                        t.append(String.format(java.util.Locale.ROOT, "[U+%04X]", c));
                    }
                }
            }
        });
        return t.toString();
    }

    /**
     * The characters inputenc's utf8 and T1 (with textcomp) print: Latin-1 and Latin Extended-A
     * but for the letters T1 has no glyph for (Ħ ħ ĸ Ŀ ŀ ŉ Ŧ ŧ; TeX Live's t1enc.dfu), Romanian's
     * ș ț, and the punctuation of prose.
     */
    private static boolean printable(int c) {
        return (c >= 0x20 && c < 0x7F) || (c >= 0xA1 && c <= 0x17E && c != 0xAD && "ĦħĸĿŀŉŦŧ".indexOf(c) < 0)
                || (c >= 0x218 && c <= 0x21B) || "–—‘’‚“”„…•€†‡‰‹›".indexOf(c) >= 0;
    }
}
