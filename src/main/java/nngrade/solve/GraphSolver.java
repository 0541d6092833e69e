package nngrade.solve;

import nngrade.input.BadInputException;
import nngrade.input.InputError;
import nngrade.problem.Graph;
import nngrade.problem.Graph.Node;
import nngrade.problem.Matrix;
import nngrade.problem.Numbers;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A computational graph's answer key: forward values in the nodes' order, then backward from
 * d(output) = 1 in reverse order, each name's gradient the sum over every use of it (fan-out),
 * then x_next = x − η·dx for the params.
 */
public final class GraphSolver {
    private GraphSolver() {
    }

    public static AnswerKey solve(Problem p) {
        Graph g = p.graph();
        Map<String, Double> value = new HashMap<>(g.inputs());
        for (int i = 0; i < g.nodes().size(); i++) {
            Node n = g.nodes().get(i);
            refuseOutsideDomain(p, i, n, value::get);
            value.put(n.name(), value(n, value::get));
        }
        Map<String, Double> grad = new HashMap<>();
        grad.put(g.output(), 1.0);
        for (int i = g.nodes().size() - 1; i >= 0; i--) {
            String name = g.nodes().get(i).name();
            if (!name.equals(g.output())) {
                grad.put(name, gradient(g, name, value::get, grad::get));
            }
        }
        for (String x : g.inputs().keySet()) {
            grad.put(x, gradient(g, x, value::get, grad::get));
        }
        Map<Quantity, Matrix> ordered = new LinkedHashMap<>();
        for (Quantity q : p.quantities().all()) {
            double v = switch (q.kind()) {
                case NODE -> value.get(q.node());
                case D_NODE -> grad.get(q.node());
                case NODE_NEXT -> step(p, value.get(q.node()), grad.get(q.node()));
                default -> throw new IllegalStateException(q + " is not a graph's quantity");
            };
            if (!Double.isFinite(v)) {
                String field = definition(g, q.node());
                throw new BadInputException(InputError.atField(p.source(), field, field
                        + (g.node(q.node()) != null ? " (" + q.node() + ")" : "") + ": the answer key's " + q.name()
                        + " is " + v + ": the given values overflow; use smaller ones"));
            }
            ordered.put(q, Matrix.scalar(v));
        }
        return new AnswerKey(p, ordered);
    }

    /** Where the file defines {@code name}: {@code graph.nodes[2]} for a node, {@code graph.inputs.x} for an input. */
    private static String definition(Graph g, String name) {
        for (int i = 0; i < g.nodes().size(); i++) {
            if (g.nodes().get(i).name().equals(name)) {
                return "graph.nodes[" + i + "]";
            }
        }
        return "graph.inputs." + name;
    }

    /** The node's value from its arguments' values. */
    public static double value(Node n, Function<String, Double> values) {
        return n.op().value(args(n, values), n.parameter());
    }

    /** x − η·dx. */
    public static double step(Problem p, double x, double dx) {
        return x - p.learningRate() * dx;
    }

    /** ∂output/∂name: Σ over the uses of name, d(user) · ∂user/∂name (an arg used twice counts twice). */
    public static double gradient(Graph g, String name, Function<String, Double> values, Function<String, Double> grads) {
        if (name.equals(g.output())) {
            return 1;
        }
        double sum = 0;
        for (double c : contributions(g, name, values, grads)) {
            sum += c;
        }
        return sum;
    }

    /** Each use's term d(user) · ∂user/∂name of name's gradient, in the order of the uses. */
    public static List<Double> contributions(Graph g, String name, Function<String, Double> values,
                                             Function<String, Double> grads) {
        List<Double> out = new ArrayList<>();
        for (Graph.Use u : g.uses(name)) {
            out.add(grads.apply(u.node().name()) * local(u, values));
        }
        return out;
    }

    /** The local derivative ∂user/∂name of one use. */
    public static double local(Graph.Use u, Function<String, Double> values) {
        return u.node().op().partial(u.arg(), args(u.node(), values), u.node().parameter());
    }

    private static double[] args(Node n, Function<String, Double> values) {
        double[] v = new double[n.args().size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.apply(n.args().get(i));
        }
        return v;
    }

    /** log of a value ≤ 0, division by 0, a negative base to a non-integer power: refused at the node. */
    private static void refuseOutsideDomain(Problem p, int i, Node n, Function<String, Double> values) {
        double[] v = args(n, values);
        String field = "graph.nodes[" + i + "]";
        String why = switch (n.op()) {
            case LOG -> v[0] <= 0 ? "takes log of " + n.args().get(0) + " = " + Numbers.exact(v[0])
                    + " with the given values, but log needs a positive value" : null;
            case DIV -> v[1] == 0 ? "divides by " + n.args().get(1) + " = 0 with the given values" : null;
            case POW -> v[0] < 0 && n.parameter() != Math.rint(n.parameter())
                    ? "raises " + n.args().get(0) + " = " + Numbers.exact(v[0]) + " to the power "
                    + Numbers.exact(n.parameter()) + " with the given values, but a negative number to a non-integer "
                    + "power has no real value" : null;
            default -> null;
        };
        if (why != null) {
            throw new BadInputException(InputError.atField(p.source(), field, field + " (" + n.name() + ") " + why
                    + "; change them"));
        }
    }
}
