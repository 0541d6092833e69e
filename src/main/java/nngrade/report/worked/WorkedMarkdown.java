package nngrade.report.worked;

import nngrade.report.Messages;
import nngrade.report.Statement;

import java.util.List;
import java.util.Optional;

/**
 * A worked solution as Markdown with {@code $…$} math (KaTeX and MathJax read it: wikis,
 * notebooks, GitLab, GitHub): a heading per quantity, then a list of its formula, the products
 * written out, the numbers put in, the value on the way and the result, in the reader's language.
 */
public final class WorkedMarkdown extends WorkedWriter {

    private WorkedMarkdown(Messages m) {
        super(m, new Tex(m.lang()));
    }

    public static String render(WorkedSolution w, Messages m) {
        return render(w, m, Optional.empty());
    }

    /** The document, naming {@code student}, when given, after the statement (before the given values). */
    public static String render(WorkedSolution w, Messages m, Optional<String> student) {
        return new WorkedMarkdown(m).write(w, student);
    }

    @Override
    String document(WorkedSolution w, Header h, List<String> sections) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(h.title()).append("\n\n");
        h.problemTitle().ifPresent(t -> out.append("**").append(t).append("**\n\n"));
        h.statement().ifPresent(t -> out.append(t).append("\n\n"));
        h.student().ifPresent(t -> out.append(t).append("\n\n"));
        out.append(h.given()).append("\n\n").append(h.note()).append('\n');
        sections.forEach(s -> out.append('\n').append(s));
        return out.toString();
    }

    /** The teacher's Markdown, as safe as the task sheet's: raw HTML as text, unsafe links without their target. */
    @Override
    String statement(String statement) {
        return Statement.markdown(statement);
    }

    @Override
    String section(String heading, String list) {
        return "## " + heading + "\n\n" + list;
    }

    @Override
    String list(List<Item> items) {
        StringBuilder out = new StringBuilder();
        for (Item i : items) {
            out.append("- ").append(i.content()).append('\n');
            i.sub().forEach(s -> out.append("  - ").append(s).append('\n'));
        }
        return out.toString();
    }

    /** A formula as one $…$: a wiki or notebook breaks its lines itself. */
    @Override
    String formula(String plain) {
        return math(n.of(plain));
    }

    @Override
    String math(String written) {
        return "$" + written + "$";
    }

    @Override
    String code(String name) {
        return "`" + name + "`";
    }

    /** Text in Markdown: its punctuation escaped, so it never becomes markup or math. */
    @Override
    String text(String plain) {
        return escape(plain);
    }

    static String escape(String s) {
        StringBuilder t = new StringBuilder();
        for (char c : printable(s).toCharArray()) {
            if ("\\`*_[]<>#|$&~".indexOf(c) >= 0) {
                t.append('\\');
            }
            t.append(c);
        }
        return t.toString();
    }
}
