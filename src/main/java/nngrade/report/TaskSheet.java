package nngrade.report;

import nngrade.problem.Layer;
import nngrade.problem.Matrix;
import nngrade.problem.Network;
import nngrade.problem.Numbers;
import nngrade.problem.Optimizer;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.report.html.JtesheetGenerated;
import nngrade.solve.Formulas;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A printable task sheet for one student: statement, their given values, what to answer, a
 * template. In HTML (template src/main/jte/sheet.jte) the statement is rendered from Markdown.
 */
public final class TaskSheet {
    private static final Messages ENGLISH = new Messages(Messages.Lang.en);

    private TaskSheet() {
    }

    public static String markdown(Problem p, String student) {
        return markdown(p, student, null);
    }

    /** @param variant the code of the student's variant, or null for a problem the same for everyone */
    public static String markdown(Problem p, String student, String variant) {
        return markdown(p, student, variant, null);
    }

    /** @param link the student's own link to {@code nngrade serve} (it signs them in), or null */
    public static String markdown(Problem p, String student, String variant, String link) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(Text.markdown(p.title())).append("\n\n");
        sb.append("Student: **").append(Text.markdown(student)).append("** · problem `").append(p.id()).append('`');
        if (variant != null) {
            sb.append(" · variant `").append(variant).append('`');
        }
        sb.append("\n\n");
        if (link != null) {
            sb.append("Check your answers at <").append(link).append("> (the link is yours alone: it signs you in).\n\n");
        }
        if (!p.statement().isBlank()) {
            sb.append(Statement.markdown(p.statement())).append("\n\n");
        }
        if (p.isGraph()) {
            sb.append("## Graph\n\n| node | formula |\n|---|---|\n");
            for (var n : p.graph().nodes()) {
                sb.append("| `").append(n.name()).append("` | ").append(Text.markdown(n.op().formula(n.name(), n.args(),
                        n.parameter(), ENGLISH.words()))).append(" |\n");
            }
            sb.append('\n').append(graphOutput(p, ENGLISH)).append("\n\n## Given\n\n");
        } else {
            sb.append("## Network\n\n").append(network(p, ENGLISH)).append("\n\n## Given\n\n");
        }
        if (p.isGraph()) { // every input is one number: one table rather than a block each
            sb.append("| input | value |\n|---|---|\n");
            given(p, (name, m) -> sb.append("| `").append(name).append("` | ").append(Numbers.exact(m.at(0))).append(" |\n"));
            sb.append('\n');
        } else {
            given(p, (name, m) -> {
            sb.append("`").append(name).append("` (").append(m.shape()).append(")\n\n```\n");
            for (int i = 0; i < m.rows(); i++) {
                StringBuilder row = new StringBuilder();
                for (int j = 0; j < m.cols(); j++) {
                    row.append(j == 0 ? "" : "  ").append(String.format("%8s", Numbers.exact(m.get(i, j))));
                }
                sb.append(row).append('\n');
            }
            sb.append("```\n\n");
            });
        }
        sb.append("## Answer\n\n");
        for (Quantity q : p.ask()) {
            int[] s = p.shapeOf(q);
            sb.append("- `").append(q.name()).append("` ").append(q.isScalar() ? "(a number)" : "(" + s[0] + "×" + s[1] + ")")
                    .append(", ").append(p.points().of(q) == 1 ? "1 point" : Numbers.exact(p.points().of(q)) + " points").append('\n');
        }
        if (variant == null) {
            sb.append("\nHand in a JSON file like this one (fill in every `null`), or a CSV from `nngrade template`:\n\n```json\n");
        } else {
            sb.append("\nHand in a JSON file like this one (fill in every `null`, and keep the `variant` line: it tells the "
                    + "grader which numbers are yours), or a CSV from `nngrade template` with the row `variant,")
                    .append(variant).append("` (`variant,,,").append(variant).append("` in the long layout):\n\n```json\n");
        }
        sb.append(SubmissionWriter.json(Answers.blank(p).forStudent(student, variant))).append("```\n");
        return sb.toString();
    }

    /** What the HTML sheet shows, texts as they are (the template escapes) but the statement. */
    /** @param variant the variant's code, null for a problem the same for everyone */
    public record Sheet(String title, String heading, String student, String problem, String variant, String link, String statementHtml,
                        String network, List<Given> given, List<Answer> answers, String submission,
                        String networkHeading, String givenHeading, boolean scalars) {
    }

    /** A given matrix, its numbers as written. */
    public record Given(String name, String shape, List<List<String>> rows) {
    }

    /** @param shape "(a number)" for the loss, else e.g. "(1×3)" */
    public record Answer(String name, String shape) {
    }

    public static String html(Problem p, String student) {
        return html(p, student, null);
    }

    /** @param variant the code of the student's variant, or null for a problem the same for everyone */
    public static String html(Problem p, String student, String variant) {
        return html(p, student, variant, null);
    }

    /** @param link the student's own link to {@code nngrade serve} (it signs them in), or null */
    public static String html(Problem p, String student, String variant, String link) {
        PageOutput out = new PageOutput();
        JtesheetGenerated.render(out, null, sheet(p, student, variant, link));
        return out.toString();
    }

    /** What the HTML sheet shows, for a page of its own or one that holds it (the served problem page). */
    public static Sheet sheet(Problem p, String student, String variant, String link) {
        return sheet(p, student, variant, link, ENGLISH);
    }

    /** The same in a language (the served pages): headings, the network, the given values' decimal separator. */
    public static Sheet sheet(Problem p, String student, String variant, String link, Messages m) {
        List<Given> given = new ArrayList<>();
        given(p, (name, value) -> {
            List<List<String>> rows = new ArrayList<>(value.rows());
            for (int i = 0; i < value.rows(); i++) {
                List<String> row = new ArrayList<>(value.cols());
                for (int j = 0; j < value.cols(); j++) {
                    row.add(m.exact(value.get(i, j)));
                }
                rows.add(row);
            }
            given.add(new Given(name, value.shape(), rows));
        });
        List<Answer> answers = new ArrayList<>(p.ask().size());
        for (Quantity q : p.ask()) {
            int[] s = p.shapeOf(q);
            answers.add(new Answer(q.name(), q.isScalar() ? "(a number)" : "(" + s[0] + "×" + s[1] + ")"));
        }
        Sheet sheet = new Sheet(p.title() + " · " + student, p.title(), student, p.id(), variant, link,
                p.statement().isBlank() ? null : Statement.html(p.statement()), network(p, m), given, answers,
                SubmissionWriter.json(Answers.blank(p).forStudent(student, variant)),
                m.get(p.isGraph() ? "sheet.graph.heading" : "sheet.network.heading"),
                m.get("sheet.given.heading"), p.isGraph());
        return sheet;
    }

    /** "3 inputs → 3 softmax; loss cross-entropy (mean over 1 sample); weights units × inputs; learning rate η = 1". */
    private static String network(Problem p, Messages m) {
        if (p.isGraph()) { // the nodes as formulas: "q = x + y; f = q·z; output f; learning rate η = 0.5"
            StringBuilder sb = new StringBuilder();
            for (var node : p.graph().nodes()) {
                sb.append(node.op().formula(node.name(), node.args(), node.parameter(), m.words())).append("; ");
            }
            return sb + graphOutput(p, m);
        }
        Network n = p.network();
        StringBuilder layers = new StringBuilder();
        for (Layer l : n.layers()) {
            layers.append(" → ").append(l.units()).append(' ').append(l.activation().name());
        }
        Formulas.Words w = m.words();
        String shape = n.weightLayout().shapeWords().replace("units", w.units()).replace("inputs", w.inputs());
        return m.get("sheet.network", n.inputs(), layers.toString(), w.loss(n.loss()),
                m.get("sheet.reduction." + n.reduction().label()), p.samples(), shape, m.exact(p.learningRate()))
                + (p.l2() == 0 ? "" : m.get("sheet.l2", m.exact(p.l2())))
                + (p.optimizer() instanceof Optimizer.Sgd ? ""
                        : m.get("sheet.optimizer", p.optimizer().label(), p.optimizer().hyperParameters(w)))
                + (p.optimizer() instanceof Optimizer.Adam ? m.get("sheet.t", p.t()) : "")
                + (p.steps() == 1 ? "" : m.get("sheet.steps", p.steps()));
    }

    /** Each given value in the order a sheet lists them: x, y, each layer's W and b, the optimiser's state. */
    /** "output f; params w0, w1 take one step, learning rate η = 0.5" (the step only when params are asked). */
    private static String graphOutput(Problem p, Messages m) {
        var g = p.graph();
        return m.get("sheet.graph", g.output())
                + (g.params().isEmpty() ? "" : m.get("sheet.graph.step", String.join(", ", g.params()), m.exact(p.learningRate())));
    }

    private static void given(Problem p, BiConsumer<String, Matrix> each) {
        if (p.isGraph()) {
            p.graph().inputs().forEach((name, v) -> each.accept(name, Matrix.scalar(v)));
            return;
        }
        each.accept("x", p.x());
        each.accept("y", p.y());
        for (int l = 1; l <= p.network().depth(); l++) {
            each.accept("W" + l, p.w(l));
            each.accept("b" + l, p.b(l));
        }
        for (int l = 1; l <= p.network().depth(); l++) {
            for (Quantity.Kind kind : p.optimizer().stateOfW()) {
                each.accept(kind.statePrefix() + l, p.stateOf(kind, l));
            }
            for (Quantity.Kind kind : p.optimizer().stateOfB()) {
                each.accept(kind.statePrefix() + l, p.stateOf(kind, l));
            }
        }
    }
}
