package nngrade.solve;

import nngrade.problem.Graph;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;

import java.util.ArrayList;
import java.util.List;

/** A graph quantity's formula: "a = x·y", "dx = da·y + ds·σ(x)(1 − σ(x))", "x_next = x − η·dx". */
final class GraphFormulas {
    private GraphFormulas() {
    }

    static String of(Problem p, Quantity q, Formulas.Words w) {
        Graph g = p.graph();
        String name = q.node();
        Graph.Node n = g.node(name);
        return switch (q.kind()) {
            case NODE -> n == null ? name + " (" + w.given() + ")" : n.op().formula(name, n.args(), n.parameter(), w);
            case D_NODE -> "d" + name + " = " + (name.equals(g.output()) ? "1" : chain(g, name, w));
            case NODE_NEXT -> name + "_next = " + name + " − η·d" + name + " (η = " + w.number(p.learningRate()) + ")";
            default -> throw new IllegalStateException(q + " is not a graph's quantity");
        };
    }

    /** The chain rule with every use summed: d(user)·∂user/∂name for each use. */
    private static String chain(Graph g, String name, Formulas.Words w) {
        List<String> terms = new ArrayList<>();
        for (Graph.Use u : g.uses(name)) {
            String local = u.node().op().partialFormula(u.arg(), u.node().args(), u.node().parameter(), w);
            terms.add("d" + u.node().name() + (local.equals("1") ? "" : "·" + local));
        }
        return terms.isEmpty() ? "0 (" + name + " " + w.notUsed() + ")" : String.join(" + ", terms);
    }
}
