package nngrade.check;

import nngrade.check.GraphStudent.GraphSlip;
import nngrade.check.GraphStudent.Use;
import nngrade.problem.Graph;
import nngrade.problem.Graph.Node;
import nngrade.problem.Graph.Op;
import nngrade.problem.Matrix;
import nngrade.problem.Optimizer;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.problem.Tolerance;
import nngrade.solve.Solver;
import nngrade.submission.Answer;
import nngrade.submission.Submission;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Simulated students of random computational graphs ({@link GraphStudent}) who slip on one or two
 * gradients, everything after a slip computed from their own values, graded by {@link Checker}.
 * As {@link SlipsTest} for networks, expectations come from the test's own arithmetic and its own
 * table of the graph mistakes (formats.md), never from the solver or the diagnosis rules: a slip
 * is diagnosed with its code (one of the codes that give the same value, where several do); an
 * answer right given the student's own upstream gradients and forward values is follow-through
 * with full points; an answer within tolerance of the key is correct. Every graph code is decided
 * on enough cases, at a rate of 99% or more.
 */
public class GraphSlipsTest {
    private static final int CASES = 1500;
    private static final int MIN_DECIDED = 20;
    private static final double MIN_RATE = 0.99;

    @ParameterizedTest(name = "{0} slip(s)")
    @ValueSource(ints = {1, 2})
    void simulatedStudentsOfRandomGraphs(int slipCount) {
        Map<String, int[]> byCode = new TreeMap<>(); // decided, detected, ambiguous
        Map<String, String> failures = new TreeMap<>();
        Map<String, Integer> failureCounts = new TreeMap<>();
        int graded = 0;
        for (int i = 0; i < CASES; i++) {
            Random rnd = new Random(77_000L * slipCount + i);
            Problem p = randomGraph(rnd, "graph-" + slipCount + "-" + i);
            Map<Quantity, GraphSlip> slips = slips(p, rnd, slipCount);
            if (slips.isEmpty()) {
                continue;
            }
            GraphStudent.Work work = GraphStudent.work(p, slips);
            Map<Quantity, Double> key = GraphStudent.key(p);
            if (!work.written().values().stream().allMatch(Double::isFinite)) {
                continue;
            }
            Map<Quantity, Answer> answers = new LinkedHashMap<>();
            for (Quantity q : p.ask()) {
                answers.put(q, Answer.readable(q.name(), Matrix.scalar(work.written().get(q))));
            }
            CheckResult result = Checker.check(Solver.solve(p), new Submission("slips", p.id(), "s", answers, List.of()),
                    null, "s");
            graded++;
            for (QuantityResult got : result.quantities()) {
                String failure = expect(p, got, work, key, byCode);
                if (failure != null) {
                    failureCounts.merge(failure, 1, Integer::sum);
                    failures.putIfAbsent(failure, describe(p, work, got, key));
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (GraphSlip slip : GraphSlip.values()) {
            int[] n = byCode.getOrDefault(slip.code, new int[3]);
            if (n[0] < MIN_DECIDED || n[1] < MIN_RATE * n[0]) {
                out.append(String.format("  %s: %d of %d decided cases diagnosed, %d ambiguous%n", slip.code, n[1], n[0],
                        n[2]));
            }
        }
        failureCounts.forEach((kind, count) -> out.append("  ").append(count).append("× ").append(kind).append(", e.g.\n")
                .append(failures.get(kind)).append('\n'));
        if (!out.isEmpty()) {
            fail(slipCount + " slip(s), " + graded + " students:\n" + out);
        }
        assertTrue(graded > CASES / 2, "students graded: " + graded);
    }

    /** The failure kind, or null; counts the decided cases of the slip made on the quantity. */
    private static String expect(Problem p, QuantityResult got, GraphStudent.Work work, Map<Quantity, Double> key,
                                 Map<String, int[]> byCode) {
        Quantity q = got.quantity();
        Tolerance t = p.tolerance().of(q);
        double s = work.written().get(q);
        double k = key.get(q);
        double own = work.own().get(q);
        GraphSlip slip = work.made().get(q);
        double[][] ss = {{s}};
        if (Explanations.onTheEdge(t, ss, new double[][] {{k}}) || Explanations.onTheEdge(t, ss, new double[][] {{own}})
                || Explanations.noiseUnderRelative(t, new double[][] {{k}})
                || Explanations.noiseUnderRelative(t, new double[][] {{own}})) {
            return null;
        }
        if (t.accepts(s, k)) {
            return got.status() == Status.CORRECT && got.diagnoses().isEmpty() ? null
                    : "correct " + kind(q) + " graded " + got.status().label() + " " + got.diagnoses();
        }
        if (slip == null || t.accepts(s, own)) {
            return got.status() == Status.FOLLOW_THROUGH && got.points() == got.maxPoints() && got.diagnoses().isEmpty()
                    ? null : "carried-forward " + kind(q) + " graded " + got.status().label() + " " + got.diagnoses();
        }
        Set<String> codes = explanations(p, q, t, s, k, key::get);
        codes.addAll(explanations(p, q, t, s, own, work.written()::get));
        if (!codes.contains(slip.code)) {
            return "the test's own table misses " + slip.code;
        }
        if (got.status() != Status.INCORRECT || got.points() != 0) {
            return slip.code + " graded " + got.status().label() + " " + got.points();
        }
        int[] n = byCode.computeIfAbsent(slip.code, x -> new int[3]);
        if (codes.size() == 1) {
            n[0]++;
            if (got.diagnoses().equals(List.of(slip.code))) {
                n[1]++;
                return null;
            }
            return slip.code + " diagnosed " + got.diagnoses();
        }
        n[2]++;
        return got.diagnoses().size() == 1 && codes.contains(got.diagnoses().get(0)) ? null
                : slip.code + ", as likely " + codes + ", diagnosed " + got.diagnoses();
    }

    /**
     * The graph codes whose value s is (within tolerance, the value itself wrong) for a gradient
     * whose right value is r given the values v: −r; the local derivatives alone; the sum over a
     * proper subset of the uses; max's or min's gradient sent to the other argument. Rounding too.
     */
    static Set<String> explanations(Problem p, Quantity q, Tolerance t, double s, double r, ToDoubleFunction<Quantity> v) {
        Set<String> codes = new LinkedHashSet<>();
        Graph g = p.graph();
        fits(codes, "sign-flipped", t, s, -r, r);
        if (q.kind() == Kind.D_NODE && !q.node().equals(g.output())) {
            List<Use> uses = GraphStudent.uses(g, q.node());
            double local = 0;
            for (Use u : uses) {
                local += GraphStudent.local(u, v);
            }
            fits(codes, "local-gradient-only", t, s, local, r);
            for (int subset = 1; subset < (1 << uses.size()) - 1 && uses.size() <= 10; subset++) {
                double sum = 0;
                for (int i = 0; i < uses.size(); i++) {
                    if ((subset & (1 << i)) != 0) {
                        sum += GraphStudent.contribution(uses.get(i), v);
                    }
                }
                fits(codes, "fan-out-not-summed", t, s, sum, r);
            }
            boolean maxUse = false;
            double routed = 0;
            for (Use u : uses) {
                boolean max = u.node().op() == Op.MAX || u.node().op() == Op.MIN;
                maxUse |= max;
                routed += max ? GraphStudent.wrongBranch(u, v) : GraphStudent.contribution(u, v);
            }
            if (maxUse) {
                fits(codes, "max-wrong-branch", t, s, routed, r);
            }
        }
        if (Explanations.isRounding(t, new double[][] {{s}}, new double[][] {{r}})) {
            codes.add("rounded-too-coarsely");
        }
        return codes;
    }

    private static void fits(Set<String> codes, String code, Tolerance t, double s, double c, double r) {
        if (t.accepts(s, c) && !t.accepts(c, r)) {
            codes.add(code);
        }
    }

    /** One slip, or two on different gradients, drawn from every slip that applies. */
    private static Map<Quantity, GraphSlip> slips(Problem p, Random rnd, int count) {
        List<Map.Entry<Quantity, GraphSlip>> options = new ArrayList<>();
        for (Quantity q : p.ask()) {
            for (GraphSlip s : GraphSlip.values()) {
                if (s.applies(p.graph(), q)) {
                    options.add(Map.entry(q, s));
                }
            }
        }
        Map<Quantity, GraphSlip> out = new LinkedHashMap<>();
        for (int tries = 0; out.size() < count && tries < 20 && !options.isEmpty(); tries++) {
            var pick = options.get(rnd.nextInt(options.size()));
            out.putIfAbsent(pick.getKey(), pick.getValue());
        }
        return out;
    }

    // ---------------------------------------------------------------- random graphs

    private static final List<Op> OPS = List.of(Op.values());

    /**
     * A random graph of 2–4 inputs (one decimal, away from 0) and 2–6 nodes of any op, each using
     * inputs or earlier nodes (so names fan out often), the last the output; every input a
     * parameter with η = 0.1 or 0.5. Values stay away from the ops' edges (log and division near 0,
     * relu's kink, max's ties) and below 100, so the key is no knife edge.
     */
    public static Problem randomGraph(Random rnd, String id) {
        for (int attempt = 0; ; attempt++) {
            Map<String, Double> inputs = new LinkedHashMap<>();
            int k = 2 + rnd.nextInt(3);
            for (int i = 1; i <= k; i++) {
                double v;
                do {
                    v = Math.round((4 * rnd.nextDouble() - 2) * 10) / 10.0;
                } while (Math.abs(v) < 0.1);
                inputs.put("x" + i, v);
            }
            Map<String, Double> values = new LinkedHashMap<>(inputs);
            List<Node> nodes = new ArrayList<>();
            int count = 2 + rnd.nextInt(5);
            for (int i = 1; i <= count; i++) {
                Node n = randomNode(rnd, "n" + i, new ArrayList<>(values.keySet()), values);
                if (n == null) {
                    break;
                }
                nodes.add(n);
                values.put(n.name(), GraphStudent.value(n, q -> values.get(q.node())));
            }
            if (nodes.size() < 2) {
                continue;
            }
            Graph g = new Graph(inputs, nodes, nodes.get(nodes.size() - 1).name(), List.copyOf(inputs.keySet()));
            Problem p = problem(id, g, rnd);
            Map<Quantity, Double> key = GraphStudent.key(p);
            if (key.values().stream().allMatch(x -> Double.isFinite(x) && Math.abs(x) < 100)) {
                return p;
            }
            if (attempt > 1000) {
                throw new IllegalStateException("no usable graph for " + id);
            }
        }
    }

    private static Problem problem(String id, Graph g, Random rnd) {
        Tolerance t = switch (rnd.nextInt(4)) {
            case 0 -> new Tolerance.Bound(0.01, 0);
            case 1 -> new Tolerance.Bound(0.001, 0);
            case 2 -> new Tolerance.Bound(0, 0.01);
            default -> new Tolerance.Decimals(2);
        };
        double eta = rnd.nextBoolean() ? 0.1 : 0.5;
        return new Problem("random", id, id, "", null, eta, null, null, List.of(), List.of(), g.quantities().all(),
                new Problem.Tolerances(t, Map.of()), new Problem.Points(1, Map.of()), false, 1.0, 0, Optimizer.SGD, 1, 0,
                Map.of(), g);
    }

    /** A node of a random op over earlier names, or null when none of the draws keeps clear of an edge. */
    private static Node randomNode(Random rnd, String name, List<String> names, Map<String, Double> values) {
        for (int tries = 0; tries < 50; tries++) {
            Op op = OPS.get(rnd.nextInt(OPS.size()));
            int arity = switch (op) {
                case ADD, MUL -> 2 + (rnd.nextInt(3) == 0 ? 1 : 0);
                case SUB, DIV, MAX, MIN -> 2;
                default -> 1;
            };
            List<String> args = new ArrayList<>();
            for (int i = 0; i < arity; i++) {
                // the newest names more often: deeper chains, and earlier names used again (fan-out)
                int j = rnd.nextBoolean() ? names.size() - 1 - rnd.nextInt(Math.min(2, names.size())) : rnd.nextInt(names.size());
                args.add(names.get(j));
            }
            double parameter = op == Op.POW ? List.of(2.0, 3.0, -1.0, 0.5).get(rnd.nextInt(4))
                    : op == Op.SCALE ? List.of(2.0, -3.0, 0.5).get(rnd.nextInt(3)) : 0;
            double a0 = values.get(args.get(0));
            double a1 = arity > 1 ? values.get(args.get(1)) : 0;
            boolean clear = switch (op) {
                case LOG -> a0 > 0.1;
                case DIV -> Math.abs(a1) > 0.2;
                case EXP -> a0 < 4;
                case RELU -> Math.abs(a0) > 0.05;
                case MAX, MIN -> !args.get(0).equals(args.get(1)) && Math.abs(a0 - a1) > 0.05;
                case POW -> parameter == 0.5 ? a0 > 0.1 : parameter != -1 || Math.abs(a0) > 0.2;
                default -> true;
            };
            if (clear) {
                return new Node(name, op, args, parameter);
            }
        }
        return null;
    }

    private static String kind(Quantity q) {
        return q.kind().name().toLowerCase();
    }

    private static String describe(Problem p, GraphStudent.Work work, QuantityResult got, Map<Quantity, Double> key) {
        StringBuilder sb = new StringBuilder("      inputs ").append(p.graph().inputs());
        for (Node n : p.graph().nodes()) {
            sb.append(", ").append(n.name()).append(" = ").append(n.op().name().toLowerCase()).append(n.args())
                    .append(n.parameter() == 0 ? "" : " " + n.parameter());
        }
        Quantity q = got.quantity();
        return sb.append("\n      slips ").append(work.made()).append("; ").append(q.name()).append(" = ")
                .append(work.written().get(q)).append(", key ").append(key.get(q)).append(", own ")
                .append(work.own().get(q)).append("; got ").append(got.status().label()).append(' ')
                .append(got.points()).append(' ').append(got.diagnoses()).toString();
    }
}
