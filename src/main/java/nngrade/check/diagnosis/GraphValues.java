package nngrade.check.diagnosis;

import nngrade.problem.Graph;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.solve.GraphSolver;

import java.util.List;
import java.util.function.Function;

/** A graph's values and gradients as a reference was computed from them (the key's, or the student's own). */
final class GraphValues {
    private GraphValues() {
    }

    static Function<String, Double> values(Context c) {
        return name -> c.values().apply(Quantity.node(Kind.NODE, name)).at(0);
    }

    static Function<String, Double> grads(Context c) {
        return name -> c.values().apply(Quantity.node(Kind.D_NODE, name)).at(0);
    }

    /** Whether the quantity is the gradient of a name other than the output (which is 1 by definition). */
    static boolean innerGradient(Context c) {
        Quantity q = c.quantity();
        return q.kind() == Kind.D_NODE && !q.node().equals(c.problem().graph().output());
    }

    /** Each use's term d(user)·∂user/∂name of the quantity's gradient. */
    static List<Double> contributions(Context c) {
        Graph g = c.problem().graph();
        return GraphSolver.contributions(g, c.quantity().node(), values(c), grads(c));
    }
}
