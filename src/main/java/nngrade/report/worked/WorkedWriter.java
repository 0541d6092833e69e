package nngrade.report.worked;

import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.report.Messages;
import nngrade.report.worked.Part.Shapes;
import nngrade.report.worked.Part.Symbols;
import nngrade.report.worked.Part.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the formats of a worked solution share: the walk through it (the header, then a section
 * per quantity with its formula, the products written out, the numbers put in, the value on the
 * way and the result) and how its values are written in the format's {@link Notation}. A format
 * says how text is escaped, how math is set inline, and how lists, sections and the document are
 * laid out; every piece of text passes through {@link #text} and every number through the notation.
 */
abstract sealed class WorkedWriter permits WorkedMarkdown, WorkedLatex, WorkedHtml {
    /** A message's arguments that are already written (math): private-use characters, replaced after escaping. */
    private static final char FIRST_SLOT = '\uE000';

    final Messages m;
    final Notation n;

    WorkedWriter(Messages m, Notation n) {
        this.m = m;
        this.n = n;
    }

    /** A list item, written: its content and the items of a list nested in it. */
    record Item(String content, List<String> sub) {
    }

    /** The document's opening, written: title, the problem's title and statement, the student, what is given, the note. */
    record Header(String title, Optional<String> problemTitle, Optional<String> statement, Optional<String> student,
                  String given, String note) {
    }

    /** Text as written by the teacher, a student or a message, escaped so that it prints as it is. */
    abstract String text(String plain);

    /** Math written in the notation, set inline. */
    abstract String math(String written);

    /** A quantity's name as code: {@code `z1`}. */
    abstract String code(String name);

    abstract String list(List<Item> items);

    abstract String section(String heading, String list);

    abstract String document(WorkedSolution w, Header h, List<String> sections);

    /** The problem's statement, written (the text formats escape it; HTML renders its Markdown). */
    String statement(String statement) {
        return text(statement);
    }

    final String write(WorkedSolution w, Optional<String> student) {
        Problem p = w.problem();
        Header h = new Header(text(m.get("worked.title", p.id())), nonBlank(p.title()).map(this::text),
                nonBlank(p.statement()).map(this::statement), student.map(id -> text(m.get("worked.student", id))),
                text(m.get("worked.given")) + ": " + given(w), text(m.get("worked.note"))
                        + (w.steps().stream().anyMatch(WorkedStep::approximate) ? " " + text(m.get("worked.approximate")) : ""));
        List<String> sections = new ArrayList<>(w.steps().size());
        int i = 1;
        for (WorkedStep s : w.steps()) {
            sections.add(step(i++, s));
        }
        return document(w, h, sections);
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    private String given(WorkedSolution w) {
        List<String> g = new ArrayList<>(w.given().size());
        for (WorkedSolution.Given v : w.given()) {
            g.add(math(n.of(v.symbol()) + n.of(" = ") + value(v.value(), Rounding.EXACT))
                    + v.note().map(t -> " (" + text(t) + ")").orElse(""));
        }
        return String.join(", ", g);
    }

    private String step(int i, WorkedStep s) {
        String heading = i + ". " + code(s.quantity().name()) + " ("
                + text(m.get(s.asked() ? "worked.asked" : "worked.unasked")) + ")";
        List<Item> items = new ArrayList<>();
        items.add(labelled("worked.formula", formula(s.formula())));
        s.chainRule().ifPresent(c -> items.add(labelled("worked.chain", formula(c))));
        if (!s.products().isEmpty()) {
            String target = n.of("(" + s.intermediate().map(WorkedStep.Intermediate::math).orElse(lhs(s)) + ")");
            boolean oneRow = s.products().stream().allMatch(e -> e.row() == 0);
            boolean oneCol = s.products().stream().allMatch(e -> e.col() == 0);
            List<String> entries = new ArrayList<>(s.products().size());
            for (EntryProduct e : s.products()) {
                List<Integer> index = oneRow ? List.of(e.col() + 1) : oneCol ? List.of(e.row() + 1)
                        : List.of(e.row() + 1, e.col() + 1);
                entries.add(math(n.subscript(target, index) + n.of(" = ") + terms(e)));
            }
            items.add(new Item(text(m.get("worked.entries")) + ":", entries));
        }
        s.elided().ifPresent(e -> items.add(new Item(message("worked.elided", new Written(math(n.of(e.left()))),
                new Written(math(n.of(e.right()))), new Written(math(n.of(e.result())))), List.of())));
        if (s.substituted().isEmpty()) {
            items.add(new Item(text(m.get("worked.notWritten")), List.of()));
        } else {
            items.add(labelled("worked.substituted", chain(parts(s.substituted()))));
        }
        s.intermediates().forEach(v -> items.add(labelled("worked.intermediate",
                math(n.of(v.math()) + n.of(" = ") + value(v.value(), v.rounding())))));
        items.add(labelled("worked.result", math(n.of(lhs(s)) + n.of(" = ") + value(s.result(), s.rounding()))
                + " (" + text(m.get("worked.rounded", rounding(s.rounding()))) + ")"));
        s.weightShape().ifPresent(shape -> items.add(new Item(message("worked.shape", new Written(math(n.of(lhs(s)))),
                String.valueOf(s.result().shape()), shape, new Written(math(n.of("W" + s.quantity().layer())))),
                List.of())));
        return section(heading, list(items));
    }

    private Item labelled(String label, String content) {
        return new Item(text(m.get(label)) + ": " + content, List.of());
    }

    /** A message argument already written in the format (math), put in after the message is escaped. */
    private record Written(String written) {
    }

    /** The message {@code key} with its arguments, escaped, the {@link Written} ones put in as they are. */
    private String message(String key, Object... args) {
        List<String> written = new ArrayList<>();
        Object[] slotted = new Object[args.length];
        for (int k = 0; k < args.length; k++) {
            if (args[k] instanceof Written w) {
                slotted[k] = String.valueOf((char) (FIRST_SLOT + written.size()));
                written.add(w.written());
            } else {
                slotted[k] = args[k];
            }
        }
        String formatted = m.get(key, slotted);
        StringBuilder out = new StringBuilder();
        int start = 0;
        for (int i = 0; i < formatted.length(); i++) {
            int slot = formatted.charAt(i) - FIRST_SLOT;
            if (slot >= 0 && slot < written.size()) {
                out.append(text(formatted.substring(start, i))).append(written.get(slot));
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
                t.append(n.of(" + "));
            }
            t.append(factor(e.left()[k], e.leftRounding())).append(n.of(" ·"))
                    .append(factor(e.right()[k], e.rightRounding()));
        }
        return t.append(n.of(e.approximate() ? " ≈ " : " = ")).append(num(e.value(), e.rounding())).toString();
    }

    /** A factor of a product: a negative one in parentheses, as the notes write {@code (−0.3)·0}. */
    private String factor(double v, Rounding r) {
        String written = num(v, r);
        return r.written(v).startsWith("-") ? n.of("(") + written + n.of(")") : written;
    }

    /**
     * {@code s} with control characters (a NUL, an escape, a line break in a title or an id) and
     * the bidirectional overrides that reorder what a reader sees (U+202A–U+202E, U+2066–U+2069)
     * as spaces: text a format then escapes, never a character that breaks XML or fakes a line.
     */
    static String printable(String s) {
        StringBuilder t = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            boolean bidi = (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
            t.append(Character.isISOControl(c) || bidi ? ' ' : c);
        }
        return t.toString();
    }

    /**
     * A formula ({@link nngrade.solve.Formulas}' text) as math, in {@link #formulaPieces} each its own
     * math so that the line may break between them: neither MathML nor TeX's inline math breaks
     * a line there itself.
     */
    String formula(String plain) {
        return formulaPieces(plain).stream().map(piece -> math(n.of(piece))).collect(Collectors.joining(" "));
    }

    /**
     * A formula cut where a line may break, for a format whose math does not break there itself
     * (Adam's step with its m̂, v̂ and hyper-parameters ran off the page): after a comma between
     * its parts, and before a remark in parentheses; at the formula's top level, never inside
     * a group.
     */
    static List<String> formulaPieces(String plain) {
        List<String> pieces = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            // a remark that ends the formula; one inside it (weight decay's (λ = 0.1), ℓ = …) is set apart in place
            if (depth == 0 && Tex.remarkAt(plain, i) && Tex.closing(plain, i + 1) == plain.length() - 1) {
                pieces.add(plain.substring(start, i));
                start = i + 1;
            }
            depth += c == '(' || c == '[' ? 1 : c == ')' || c == ']' ? -1 : 0;
            if (c == ',' && depth == 0 && i + 1 < plain.length() && plain.charAt(i + 1) == ' ') {
                pieces.add(plain.substring(start, i + 1));
                start = i + 2;
                i++;
            }
        }
        pieces.add(plain.substring(start));
        return pieces;
    }

    /** A chain of equalities ({@code a = b = c}), written in pieces that each begin with its = but the first: one math. */
    String chain(List<String> pieces) {
        return math(String.join("", pieces));
    }

    /**
     * The formula with the numbers put in, in pieces that each begin with an {@code =} but the
     * first; a negative value in parentheses unless it opens the formula, a side, a group or an argument.
     */
    private List<String> parts(List<Part> parts) {
        List<String> pieces = new ArrayList<>();
        StringBuilder t = new StringBuilder();
        String before = "";
        for (Part p : parts) {
            if (p instanceof Symbols s) {
                if (s.math().startsWith(" = ") && t.length() > 0) {
                    pieces.add(t.toString());
                    t.setLength(0);
                }
                t.append(n.of(s.math()));
                before = s.math().isEmpty() ? before : s.math();
            } else if (p instanceof Value v) {
                boolean bare = before.isEmpty() || before.endsWith("= ") || before.endsWith("(") || before.endsWith(", ")
                        || before.endsWith("; ");
                boolean negative = v.value().size() == 1 && v.rounding().written(v.value().at(0)).startsWith("-");
                String written = value(v.value(), v.rounding());
                t.append(negative && !bare ? n.of("(") + written + n.of(")") : written);
                before = "value";
            } else if (p instanceof Shapes e) {
                t.append(n.of(e.left())).append(n.of(" ·")).append(n.of(e.right()));
                before = "shapes";
            }
        }
        pieces.add(t.toString());
        return pieces;
    }

    /** A value: a number, a row as (a, b, c) as the notes write it, else a matrix. */
    final String value(Matrix v, Rounding r) {
        if (v.size() == 1) {
            return num(v.at(0), r);
        }
        if (v.rows() == 1) {
            List<String> entries = new ArrayList<>(v.cols());
            for (int j = 0; j < v.cols(); j++) {
                entries.add(num(v.at(j), r));
            }
            return n.row(entries);
        }
        List<List<String>> rows = new ArrayList<>(v.rows());
        for (int i = 0; i < v.rows(); i++) {
            List<String> row = new ArrayList<>(v.cols());
            for (int j = 0; j < v.cols(); j++) {
                row.add(num(v.get(i, j), r));
            }
            rows.add(row);
        }
        return n.matrix(rows);
    }

    private String num(double v, Rounding r) {
        return n.number(r.written(v));
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
}
