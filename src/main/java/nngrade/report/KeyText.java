package nngrade.report;

import nngrade.problem.Layer;
import nngrade.problem.Matrix;
import nngrade.problem.Network;
import nngrade.problem.Numbers;
import nngrade.problem.Optimizer;
import nngrade.problem.Problem;
import nngrade.solve.AnswerKey;
import nngrade.solve.Formulas;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The answer key as a teacher reads it: each quantity, its formula, its values in aligned columns. */
public final class KeyText {
    private KeyText() {
    }

    public static String render(AnswerKey key) {
        Problem p = key.problem();
        Network n = p.network();
        StringBuilder sb = new StringBuilder();
        sb.append("Answer key: ").append(p.id());
        if (!p.title().equals(p.id())) {
            sb.append(" — ").append(p.title());
        }
        sb.append('\n');
        if (p.isGraph()) {
            sb.append("Graph: ").append(String.join("; ", graphLines(p))).append('\n');
        } else {
            network(sb, p, n);
        }
        sb.append("Asked: ");
        for (int i = 0; i < p.ask().size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(p.ask().get(i).name());
        }
        sb.append("  (marked *)\n");
        key.values().forEach((q, m) -> {
            sb.append('\n').append(p.ask().contains(q) ? "* " : "  ").append(q.name());
            sb.append("  [").append(q.isScalar() ? "scalar" : m.shape()).append("]  ");
            sb.append(Formulas.of(p, q)).append('\n');
            matrix(sb, m, "    ");
        });
        return sb.toString();
    }

    private static void network(StringBuilder sb, Problem p, Network n) {
        sb.append("Network: ").append(n.inputs()).append(" inputs");
        for (Layer layer : n.layers()) {
            sb.append(" → ").append(layer.units()).append(' ').append(layer.activation().name());
        }
        sb.append("; loss ").append(n.loss().label()).append(" (").append(n.reduction().label())
                .append(" over m = ").append(p.samples()).append(p.samples() == 1 ? " sample" : " samples")
                .append("); weightLayout ").append(n.weightLayout().label())
                .append(p.l2() == 0 ? "" : "; L2 penalty λ = " + Numbers.exact(p.l2()))
                .append("; η = ").append(Numbers.exact(p.learningRate()))
                .append(p.optimizer() instanceof Optimizer.Sgd ? ""
                        : "; optimizer " + p.optimizer().label() + " (" + p.optimizer().hyperParameters(Formulas.Words.ENGLISH) + ")")
                .append(p.optimizer() instanceof Optimizer.Adam ? ", t = " + p.t() : "")
                .append(p.steps() == 1 ? "" : "; " + p.steps() + " steps").append('\n');
    }

    /** A graph's nodes as formulas, its output, and its params' step. */
    static List<String> graphLines(Problem p) {
        var g = p.graph();
        List<String> out = new ArrayList<>();
        for (var node : g.nodes()) {
            out.add(node.op().formula(node.name(), node.args(), node.parameter(), Formulas.Words.ENGLISH));
        }
        out.add("output " + g.output());
        if (!g.params().isEmpty()) {
            out.add("params " + String.join(", ", g.params()) + " (η = " + Numbers.exact(p.learningRate()) + ")");
        }
        return out;
    }

    /** Rows of right-aligned fixed-point numbers, so the decimal points line up. */
    static void matrix(StringBuilder sb, Matrix m, String indent) {
        String[] cells = new String[m.size()];
        int width = 0;
        for (int i = 0; i < m.size(); i++) {
            cells[i] = fixed(m.at(i));
            width = Math.max(width, cells[i].length());
        }
        for (int i = 0; i < m.rows(); i++) {
            sb.append(indent);
            for (int j = 0; j < m.cols(); j++) {
                String c = cells[i * m.cols() + j];
                sb.append(j == 0 ? "" : "  ").append(" ".repeat(width - c.length())).append(c);
            }
            sb.append('\n');
        }
    }

    /** Seven decimals, or scientific notation where fixed point would hide the value. */
    static String fixed(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-4 || a >= 1e7)) {
            return String.format(Locale.ROOT, "%.7e", v);
        }
        if (v == 0) {
            return "0.0000000";
        }
        // What %.7f writes: v's shortest decimal, rounded half up. Done on the text itself, without
        // a Formatter or a BigDecimal per number: a key of a 784-128-10 network has 250,000 of them.
        String shortest = Double.toString(v);
        if (shortest.indexOf('E') >= 0) { // 1e-4 ≤ |v| < 1e-3 is written 1.234E-4
            return new BigDecimal(shortest).setScale(7, RoundingMode.HALF_UP).toPlainString();
        }
        return roundHalfUp(shortest, 7);
    }

    /** A plain decimal ("-12.3456789012") rounded to {@code places} decimals, halves away from zero. */
    static String roundHalfUp(String plain, int places) {
        int end = plain.indexOf('.') + 1 + places; // just past the last digit kept
        if (plain.length() <= end) {
            return plain + "0".repeat(end - plain.length());
        }
        StringBuilder out = new StringBuilder(end + 1).append(plain, 0, end);
        if (plain.charAt(end) >= '5') { // add one in the last place, carrying through nines
            int i = end - 1;
            while (i >= 0 && (out.charAt(i) == '9' || out.charAt(i) == '.')) {
                if (out.charAt(i) == '9') {
                    out.setCharAt(i, '0');
                }
                i--;
            }
            if (i < 0 || out.charAt(i) == '-') {
                out.insert(i + 1, '1'); // 9.99999995 → 10.0000000
            } else {
                out.setCharAt(i, (char) (out.charAt(i) + 1));
            }
        }
        return out.toString();
    }
}
