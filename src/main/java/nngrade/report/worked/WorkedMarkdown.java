package nngrade.report.worked;

import nngrade.problem.Matrix;
import nngrade.problem.Network;
import nngrade.problem.Problem;
import nngrade.report.Messages;
import nngrade.report.worked.Part.Shapes;
import nngrade.report.worked.Part.Symbols;
import nngrade.report.worked.Part.Value;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A worked solution as Markdown with {@code $…$} math (KaTeX and MathJax read it: wikis,
 * notebooks, GitLab, GitHub): a heading per quantity, then its formula, the products written out,
 * the numbers put in, the value on the way and the result, in the reader's language.
 */
public final class WorkedMarkdown {
    private final Messages m;
    private final Tex tex;

    private WorkedMarkdown(Messages m) {
        this.m = m;
        this.tex = new Tex(m.lang());
    }

    public static String render(WorkedSolution w, Messages m) {
        return new WorkedMarkdown(m).write(w);
    }

    private String write(WorkedSolution w) {
        Problem p = w.problem();
        StringBuilder out = new StringBuilder();
        out.append("# ").append(m.get("worked.title", text(p.id()))).append("\n\n");
        if (p.title() != null && !p.title().isBlank()) {
            out.append("**").append(text(p.title())).append("**\n\n");
        }
        out.append(m.get("worked.given")).append(": ").append(given(p)).append("\n\n");
        out.append(m.get("worked.note")).append("\n");
        int i = 1;
        for (WorkedStep s : w.steps()) {
            out.append('\n');
            step(out, i++, s);
        }
        return out.toString();
    }

    private String given(Problem p) {
        Network n = p.network();
        StringBuilder g = new StringBuilder();
        g.append(math("x = " + value(p.x(), Rounding.EXACT))).append(", ");
        g.append(math("y = " + value(p.y(), Rounding.EXACT)));
        for (int l = 1; l <= n.depth(); l++) {
            g.append(", ").append(math(tex.of("W" + l) + " = " + value(p.w(l), Rounding.EXACT)))
                    .append(" (").append(text(m.words().shape(n.weightLayout()))).append(')');
            g.append(", ").append(math(tex.of("b" + l) + " = " + value(p.b(l), Rounding.EXACT)));
        }
        Map<String, Matrix> state = new TreeMap<>(p.state());
        state.forEach((name, v) -> g.append(", ").append(math(tex.of(name) + " = " + value(v, Rounding.EXACT))));
        g.append(", ").append(math(tex.of("η = ") + num(p.learningRate(), Rounding.EXACT)));
        if (p.l2() != 0) {
            g.append(", ").append(math(tex.of("λ = ") + num(p.l2(), Rounding.EXACT)));
        }
        g.append(", ").append(math("m = " + p.samples()));
        return g.toString();
    }

    private void step(StringBuilder out, int i, WorkedStep s) {
        out.append("## ").append(i).append(". `").append(s.quantity().name()).append("` (")
                .append(m.get(s.asked() ? "worked.asked" : "worked.unasked")).append(")\n\n");
        out.append("- ").append(m.get("worked.formula")).append(": ").append(math(tex.of(s.formula()))).append('\n');
        s.chainRule().ifPresent(c -> out.append("- ").append(m.get("worked.chain")).append(": ")
                .append(math(tex.of(c))).append('\n'));
        if (!s.products().isEmpty()) {
            String target = s.intermediate().map(WorkedStep.Intermediate::math).orElse(lhs(s));
            boolean oneRow = s.products().stream().allMatch(e -> e.row() == 0);
            boolean oneCol = s.products().stream().allMatch(e -> e.col() == 0);
            out.append("- ").append(m.get("worked.entries")).append(":\n");
            for (EntryProduct e : s.products()) {
                String index = oneRow ? Integer.toString(e.col() + 1) : oneCol ? Integer.toString(e.row() + 1)
                        : (e.row() + 1) + "," + (e.col() + 1);
                out.append("  - ").append(math("(" + tex.of(target) + ")_{" + index + "} = " + terms(e))).append('\n');
            }
        }
        s.elided().ifPresent(e -> out.append("- ").append(shapes(e)).append('\n'));
        if (s.substituted().isEmpty()) {
            out.append("- ").append(m.get("worked.notWritten")).append('\n');
        } else {
            out.append("- ").append(m.get("worked.substituted")).append(": ").append(math(parts(s.substituted())))
                    .append('\n');
        }
        s.intermediate().ifPresent(v -> out.append("- ").append(m.get("worked.intermediate")).append(": ")
                .append(math(tex.of(v.math()) + " = " + value(v.value(), v.rounding()))).append('\n'));
        out.append("- ").append(m.get("worked.result")).append(": ")
                .append(math(tex.of(lhs(s)) + " = " + value(s.result(), s.rounding())))
                .append(" (").append(m.get("worked.rounded", rounding(s.rounding()))).append(")\n");
        s.weightShape().ifPresent(shape -> out.append("- ").append(m.get("worked.shape", math(tex.of(lhs(s))),
                s.result().shape(), text(shape), math(tex.of("W" + s.quantity().layer())))).append('\n'));
    }

    /** The symbol the formula defines: {@code δ1} of {@code δ1 = ŷ − y …}. */
    private static String lhs(WorkedStep s) {
        int eq = s.formula().indexOf(" = ");
        return eq > 0 ? s.formula().substring(0, eq) : s.quantity().name();
    }

    private String shapes(Shapes e) {
        return m.get("worked.elided", "$" + tex.of(e.left()) + "$", "$" + tex.of(e.right()) + "$",
                "$" + tex.of(e.result()) + "$");
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

    /** A value in TeX: a number, a row as (a, b, c) as the notes write it, else a pmatrix. */
    private String value(Matrix v, Rounding r) {
        if (v.size() == 1) {
            return num(v.at(0), r);
        }
        if (v.rows() == 1) {
            StringBuilder t = new StringBuilder("(");
            for (int j = 0; j < v.cols(); j++) {
                if (j > 0) {
                    t.append(m.lang() == Messages.Lang.ro ? ";\\ " : ", ");
                }
                t.append(num(v.at(j), r));
            }
            return t.append(')').toString();
        }
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
        return "$" + texMath + "$";
    }

    /** Teacher's text in Markdown: its punctuation escaped, so it never becomes markup or math. */
    static String text(String s) {
        StringBuilder t = new StringBuilder();
        for (char c : s.replace('\n', ' ').replace('\r', ' ').toCharArray()) {
            if ("\\`*_[]<>#|$&".indexOf(c) >= 0) {
                t.append('\\');
            }
            t.append(c);
        }
        return t.toString();
    }
}
