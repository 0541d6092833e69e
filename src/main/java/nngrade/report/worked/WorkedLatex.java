package nngrade.report.worked;

import nngrade.problem.Matrix;
import nngrade.report.Messages;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A worked solution as a LaTeX document that pdflatex compiles: the structure of
 * {@link WorkedMarkdown} (a section per quantity, an itemized list of its formula, the products
 * written out, the numbers put in, the value on the way and the result) after the problem's title
 * and the teacher's statement, math in {@code \(…\)} from {@link Tex}, every piece of text (the
 * teacher's title, ids, the messages) escaped so that it prints as written and never becomes TeX.
 */
public final class WorkedLatex extends WorkedWriter {
    /** amsmath's default is 10 columns; a wider given matrix would stop pdflatex. */
    private static final int MATRIX_COLUMNS = 20;

    /** The characters that T1 fonts join into one (-- is an en dash, ,, a low quote). */
    private static final String LIGATURES = "-,";

    /** A math symbol of the text (δ, ∂): the same in every language. */
    private static final Tex SYMBOL = new Tex(Messages.Lang.en);

    private WorkedLatex(Messages m) {
        super(m, new Tex(m.lang(), true));
    }

    public static String render(WorkedSolution w, Messages m) {
        return render(w, m, Optional.empty());
    }

    /** The document, naming {@code student}, when given, after the statement (before the given values). */
    public static String render(WorkedSolution w, Messages m, Optional<String> student) {
        return new WorkedLatex(m).write(w, student);
    }

    @Override
    String document(WorkedSolution w, Header h, List<String> sections) {
        StringBuilder body = new StringBuilder();
        body.append("{\\Large\\bfseries ").append(h.title()).append("\\par}\n\\medskip\n\n");
        h.problemTitle().ifPresent(t -> body.append("\\textbf{").append(t).append("}\n\n"));
        h.statement().ifPresent(t -> body.append(t).append("\n\n"));
        h.student().ifPresent(t -> body.append(t).append("\n\n"));
        body.append(h.given()).append("\n\n").append(h.note()).append('\n');
        sections.forEach(s -> body.append('\n').append(s));
        return "\\documentclass[a4paper]{article}\n"
                + "\\usepackage[utf8]{inputenc}\n"
                + "\\usepackage[T1]{fontenc}\n"
                + "\\usepackage{lmodern}\n"
                + "\\usepackage{amsmath}\n"
                + "\\usepackage{amssymb}\n"
                + "\\setcounter{MaxMatrixCols}{" + Math.max(MATRIX_COLUMNS, widestMatrix(w)) + "}\n"
                + "\\emergencystretch=2em\n"
                + "\\begin{document}\n"
                + body
                + "\\end{document}\n";
    }

    /** The most columns of a matrix (not a row, which is written as a tuple) the document shows. */
    private static int widestMatrix(WorkedSolution w) {
        Stream<Matrix> given = w.given().stream().map(WorkedSolution.Given::value);
        Stream<Matrix> shown = w.steps().stream().flatMap(s -> Stream.concat(Stream.concat(Stream.of(s.result()),
                s.intermediates().stream().map(WorkedStep.Intermediate::value)), s.substituted().stream()
                .filter(p -> p instanceof Part.Value).map(p -> ((Part.Value) p).value())));
        return Stream.concat(given, shown).filter(v -> v.rows() > 1).mapToInt(Matrix::cols).max().orElse(0);
    }

    @Override
    String section(String heading, String list) {
        return "\\section*{" + heading + "}\n" + list;
    }

    @Override
    String list(List<Item> items) {
        StringBuilder out = new StringBuilder("\\begin{itemize}\n");
        for (Item i : items) {
            out.append("\\item ").append(i.content()).append('\n');
            if (!i.sub().isEmpty()) {
                out.append("\\begin{itemize}\n");
                i.sub().forEach(s -> out.append("\\item ").append(s).append('\n'));
                out.append("\\end{itemize}\n");
            }
        }
        return out.append("\\end{itemize}\n").toString();
    }

    @Override
    String math(String written) {
        return "\\(" + written + "\\)";
    }

    /**
     * A chain with a matrix in it as a display, one = to a line (align*): a matrix is a box TeX
     * cannot break, and a line of three of them ran past the margin. A chain of numbers and
     * vectors stays in the line, where TeX breaks it after an = or an operator.
     */
    @Override
    String chain(List<String> pieces) {
        if (pieces.size() < 2 || pieces.stream().noneMatch(p -> p.contains("\\begin{pmatrix}"))) {
            return super.chain(pieces);
        }
        return "\n\\begin{align*}\n&" + pieces.stream().map(String::strip).collect(Collectors.joining(" \\\\\n&"))
                + "\n\\end{align*}\n";
    }

    @Override
    String code(String name) {
        return "\\texttt{" + escape(name) + "}";
    }

    @Override
    String text(String plain) {
        return escape(plain);
    }

    /**
     * Text (the teacher's title, ids, messages) for LaTeX's text mode, printing as written: TeX's
     * special characters escaped, line breaks and other control characters as spaces, and a
     * character the T1 fonts do not have written as its code point ({@code [U+1F600]}), so
     * that no text stops pdflatex or becomes a command.
     */
    static String escape(String s) {
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
                // m̂ written as m and a combining circumflex: the accent on the letter
                case 0x0302 -> {
                    char last = t.length() > 0 ? t.charAt(t.length() - 1) : ' ';
                    if ((last >= 'a' && last <= 'z') || (last >= 'A' && last <= 'Z')) {
                        t.setLength(t.length() - 1);
                        t.append("\\^{").append(last).append('}');
                    } else {
                        t.append("[U+0302]");
                    }
                }
                default -> {
                    if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                        t.append(' ');
                    } else if (printable(c)) {
                        t.appendCodePoint(c);
                    } else if (SYMBOL.of(Character.toString(c)).startsWith("\\")) { // δ, ∂, η: as math
                        t.append("\\(").append(SYMBOL.of(Character.toString(c))).append("\\)");
                    } else if (SYMBOL.of(Character.toString(c)).matches("[_^]\\{.*")) { // ᵢ, ᵀ: a script on nothing
                        t.append("\\({}").append(SYMBOL.of(Character.toString(c))).append("\\)");
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
