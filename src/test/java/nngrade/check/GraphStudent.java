package nngrade.check;

import nngrade.problem.Graph;
import nngrade.problem.Graph.Node;
import nngrade.problem.Graph.Op;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A simulated student of a computational graph, written from formats.md ("Computational graphs")
 * alone, sharing no arithmetic with the solver: forward values node by node from the student's
 * own argument values, then each gradient as the sum over every use of the node of the user's
 * gradient times the local derivative, from the student's own values, with the slips of a case
 * made where they fall.
 */
public final class GraphStudent {
    private GraphStudent() {
    }

    /** What a student slips on a graph's gradient, by its diagnosis code. */
    public enum GraphSlip {
        SIGN_FLIPPED("sign-flipped"),
        LOCAL_GRADIENT_ONLY("local-gradient-only"),
        FAN_OUT_NOT_SUMMED("fan-out-not-summed"),
        MAX_WRONG_BRANCH("max-wrong-branch");

        final String code;

        GraphSlip(String code) {
            this.code = code;
        }

        /** Whether the slip can be made on q (whether it changes the value is decided later). */
        public boolean applies(Graph g, Quantity q) {
            if (q.kind() != Kind.D_NODE || q.node().equals(g.output())) {
                return false;
            }
            return switch (this) {
                case SIGN_FLIPPED, LOCAL_GRADIENT_ONLY -> true;
                case FAN_OUT_NOT_SUMMED -> uses(g, q.node()).size() > 1;
                case MAX_WRONG_BRANCH -> uses(g, q.node()).stream().anyMatch(u -> u.node().op() == Op.MAX
                        || u.node().op() == Op.MIN);
            };
        }
    }

    /** One use of a name: the node using it and the position among that node's args. */
    record Use(Node node, int arg) {
    }

    static List<Use> uses(Graph g, String name) {
        List<Use> out = new ArrayList<>();
        for (Node n : g.nodes()) {
            for (int i = 0; i < n.args().size(); i++) {
                if (n.args().get(i).equals(name)) {
                    out.add(new Use(n, i));
                }
            }
        }
        return out;
    }

    /** What the student wrote, what each answer should be given their own earlier values, and the slips made. */
    public record Work(Map<Quantity, Double> written, Map<Quantity, Double> own, Map<Quantity, GraphSlip> made) {
    }

    public static Work work(Problem p, Map<Quantity, GraphSlip> slips) {
        Graph g = p.graph();
        Map<Quantity, Double> written = new LinkedHashMap<>();
        Map<Quantity, Double> own = new LinkedHashMap<>();
        Map<Quantity, GraphSlip> made = new LinkedHashMap<>();
        ToDoubleFunction<Quantity> v = written::get;
        for (Quantity q : p.quantities().all()) {
            double exact = correct(p, q, v);
            own.put(q, exact);
            GraphSlip slip = slips.get(q);
            double wrote = exact;
            if (slip != null) {
                wrote = slipped(g, q, slip, exact, v);
                made.put(q, slip);
            }
            written.put(q, wrote);
        }
        return new Work(written, own, made);
    }

    static Map<Quantity, Double> key(Problem p) {
        return work(p, Map.of()).written();
    }

    static double correct(Problem p, Quantity q, ToDoubleFunction<Quantity> v) {
        Graph g = p.graph();
        String name = q.node();
        return switch (q.kind()) {
            case NODE -> g.inputs().containsKey(name) ? g.inputs().get(name) : value(node(g, name), v);
            case D_NODE -> {
                if (name.equals(g.output())) {
                    yield 1;
                }
                double sum = 0;
                for (Use u : uses(g, name)) {
                    sum += contribution(u, v);
                }
                yield sum;
            }
            case NODE_NEXT -> g.inputs().get(name) - p.learningRate() * v.applyAsDouble(Quantity.node(Kind.D_NODE, name));
            default -> throw new IllegalArgumentException(q + ": not a graph's quantity");
        };
    }

    static double slipped(Graph g, Quantity q, GraphSlip slip, double exact, ToDoubleFunction<Quantity> v) {
        List<Use> uses = uses(g, q.node());
        return switch (slip) {
            case SIGN_FLIPPED -> -exact;
            case LOCAL_GRADIENT_ONLY -> {
                double sum = 0;
                for (Use u : uses) {
                    sum += local(u, v);
                }
                yield sum;
            }
            case FAN_OUT_NOT_SUMMED -> contribution(uses.get(0), v); // the first path only
            case MAX_WRONG_BRANCH -> {
                double sum = 0;
                for (Use u : uses) {
                    sum += u.node().op() == Op.MAX || u.node().op() == Op.MIN ? wrongBranch(u, v) : contribution(u, v);
                }
                yield sum;
            }
        };
    }

    /** d(user) · ∂user/∂arg: what one use sends back. */
    static double contribution(Use u, ToDoubleFunction<Quantity> v) {
        return v.applyAsDouble(Quantity.node(Kind.D_NODE, u.node().name())) * local(u, v);
    }

    /** What a max or min use sends back when routed to the argument it did not choose. */
    static double wrongBranch(Use u, ToDoubleFunction<Quantity> v) {
        double upstream = v.applyAsDouble(Quantity.node(Kind.D_NODE, u.node().name()));
        return local(u, v) == 0 ? upstream : 0;
    }

    static Node node(Graph g, String name) {
        for (Node n : g.nodes()) {
            if (n.name().equals(name)) {
                return n;
            }
        }
        throw new IllegalArgumentException(name);
    }

    static double[] args(Node n, ToDoubleFunction<Quantity> v) {
        double[] a = new double[n.args().size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = v.applyAsDouble(Quantity.node(Kind.NODE, n.args().get(i)));
        }
        return a;
    }

    static double value(Node n, ToDoubleFunction<Quantity> v) {
        double[] a = args(n, v);
        return switch (n.op()) {
            case ADD -> {
                double s = 0;
                for (double x : a) {
                    s += x;
                }
                yield s;
            }
            case MUL -> {
                double s = 1;
                for (double x : a) {
                    s *= x;
                }
                yield s;
            }
            case SUB -> a[0] - a[1];
            case DIV -> a[0] / a[1];
            case NEG -> -a[0];
            case EXP -> Math.exp(a[0]);
            case LOG -> Math.log(a[0]);
            case SIGMOID -> 1 / (1 + Math.exp(-a[0]));
            case TANH -> Math.tanh(a[0]);
            case RELU -> a[0] > 0 ? a[0] : 0;
            case POW -> Math.pow(a[0], n.parameter());
            case SCALE -> n.parameter() * a[0];
            case MAX -> a[0] >= a[1] ? a[0] : a[1];
            case MIN -> a[0] <= a[1] ? a[0] : a[1];
        };
    }

    /** ∂user/∂(its arg at position i), from the student's own forward values. */
    static double local(Use u, ToDoubleFunction<Quantity> v) {
        Node n = u.node();
        double[] a = args(n, v);
        int i = u.arg();
        return switch (n.op()) {
            case ADD -> 1;
            case MUL -> {
                double s = 1;
                for (int j = 0; j < a.length; j++) {
                    if (j != i) {
                        s *= a[j];
                    }
                }
                yield s;
            }
            case SUB -> i == 0 ? 1 : -1;
            case DIV -> i == 0 ? 1 / a[1] : -a[0] / (a[1] * a[1]);
            case NEG -> -1;
            case EXP -> Math.exp(a[0]);
            case LOG -> 1 / a[0];
            case SIGMOID -> {
                double s = 1 / (1 + Math.exp(-a[0]));
                yield s * (1 - s);
            }
            case TANH -> 1 - Math.tanh(a[0]) * Math.tanh(a[0]);
            case RELU -> a[0] > 0 ? 1 : 0;
            case POW -> n.parameter() * Math.pow(a[0], n.parameter() - 1);
            case SCALE -> n.parameter();
            // the first on a tie
            case MAX -> (i == 0) == (a[0] >= a[1]) ? 1 : 0;
            case MIN -> (i == 0) == (a[0] <= a[1]) ? 1 : 0;
        };
    }
}
