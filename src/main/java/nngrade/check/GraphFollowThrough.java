package nngrade.check;

import nngrade.problem.Graph;
import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.solve.GraphSolver;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Follow-through on a graph: a node's value from the student's own argument values; a gradient
 * from the student's own gradients of every node using it and their own forward values; x_next
 * from their own dx.
 */
final class GraphFollowThrough {
    private GraphFollowThrough() {
    }

    static double value(Problem p, Quantity q, Function<Quantity, Matrix> own) {
        Graph g = p.graph();
        Function<String, Double> values = name -> own.apply(Quantity.node(Kind.NODE, name)).at(0);
        Function<String, Double> grads = name -> own.apply(Quantity.node(Kind.D_NODE, name)).at(0);
        return switch (q.kind()) {
            case NODE -> GraphSolver.value(g.node(q.node()), values);
            case D_NODE -> GraphSolver.gradient(g, q.node(), values, grads);
            case NODE_NEXT -> GraphSolver.step(p, p.graph().inputs().get(q.node()), grads.apply(q.node()));
            default -> throw new IllegalStateException(q + " is not a graph's quantity");
        };
    }

    /** What q is computed from: a node's args; the gradients of its users and their args' values; dx. */
    static List<Quantity> inputs(Problem p, Quantity q) {
        Graph g = p.graph();
        List<Quantity> out = new ArrayList<>();
        switch (q.kind()) {
            case NODE -> {
                Graph.Node n = g.node(q.node());
                if (n != null) {
                    n.args().forEach(a -> add(out, Quantity.node(Kind.NODE, a)));
                }
            }
            case D_NODE -> {
                for (Graph.Use u : g.uses(q.node())) {
                    add(out, Quantity.node(Kind.D_NODE, u.node().name()));
                }
                for (Graph.Use u : g.uses(q.node())) {
                    u.node().args().forEach(a -> {
                        if (!g.inputs().containsKey(a)) { // a given input's value is the key's
                            add(out, Quantity.node(Kind.NODE, a));
                        }
                    });
                }
            }
            case NODE_NEXT -> out.add(Quantity.node(Kind.D_NODE, q.node()));
            default -> throw new IllegalStateException(q + " is not a graph's quantity");
        }
        return out;
    }

    private static void add(List<Quantity> out, Quantity q) {
        if (!out.contains(q)) {
            out.add(q);
        }
    }
}
