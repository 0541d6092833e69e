package nngrade.report.worked;

import nngrade.problem.Graph;
import nngrade.problem.Graph.Node;
import nngrade.problem.Graph.Op;
import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.solve.AnswerKey;
import nngrade.solve.Formulas;
import nngrade.solve.GraphSolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Works out a computational graph's solution from its answer key, as a lecture works one on
 * the board: the forward table node by node ({@code a = x·y = 3·(−4) = −12}), then the backward
 * pass node by node from {@code df = 1}, a name used by several nodes summing one term per use
 * (the fan-out: {@code dx = da·y + ds·σ(x)(1 − σ(x)) = 1·(−4) + 1·0.0452 = −4 + 0.0452}), then
 * the parameters' step.
 */
final class GraphWorkedSolutions {
    /** Stands for the i-th argument in an op's formula, replaced by its value: a private-use character. */
    private static final char FIRST_ARG = '\uE000';

    private final Problem p;
    private final Graph g;
    private final AnswerKey key;
    private final Formulas.Words words;

    private GraphWorkedSolutions(AnswerKey key, Formulas.Words words) {
        this.p = key.problem();
        this.g = p.graph();
        this.key = key;
        this.words = words;
    }

    static WorkedSolution of(AnswerKey key, Formulas.Words words) {
        return new GraphWorkedSolutions(key, words).build();
    }

    private WorkedSolution build() {
        Set<Quantity> needed = needed();
        List<WorkedStep> steps = new ArrayList<>();
        for (Quantity q : key.values().keySet()) {
            // a given input is in the list of what is given, not a step
            if (needed.contains(q) && !(q.kind() == Kind.NODE && g.node(q.node()) == null)) {
                steps.add(step(q));
            }
        }
        List<WorkedSolution.Given> given = new ArrayList<>();
        g.inputs().forEach((name, v) -> given.add(new WorkedSolution.Given(name, Matrix.scalar(v), Optional.empty())));
        if (!g.params().isEmpty()) {
            given.add(new WorkedSolution.Given("η", Matrix.scalar(p.learningRate()), Optional.empty()));
        }
        return new WorkedSolution(p, given, steps);
    }

    /** The asked quantities and every one their computation shows on the way. */
    private Set<Quantity> needed() {
        return WorkedSolutions.needed(key, this::dependencies);
    }

    private List<Quantity> dependencies(Quantity q) {
        List<Quantity> d = new ArrayList<>();
        switch (q.kind()) {
            case NODE -> {
                Node n = g.node(q.node());
                if (n != null) {
                    n.args().forEach(a -> d.add(Quantity.node(Kind.NODE, a)));
                }
            }
            case D_NODE -> {
                for (Graph.Use u : g.uses(q.node())) {
                    d.add(Quantity.node(Kind.D_NODE, u.node().name()));
                    u.node().args().forEach(a -> d.add(Quantity.node(Kind.NODE, a)));
                }
            }
            case NODE_NEXT -> d.add(Quantity.node(Kind.D_NODE, q.node()));
            default -> throw new IllegalArgumentException(q + " is not a graph's quantity");
        }
        return d;
    }

    private WorkedStep step(Quantity q) {
        Matrix result = key.get(q);
        Rounding r = rounding(q);
        List<Part> parts = new ArrayList<>();
        switch (q.kind()) {
            case NODE -> forward(parts, g.node(q.node()), result, r);
            case D_NODE -> backward(parts, q.node(), result, r);
            case NODE_NEXT -> {
                String x = q.node();
                parts.add(new Part.Symbols(x + " − η·d" + x + " = "));
                parts.add(new Part.Value(Matrix.scalar(value(x)), valueRounding(x)));
                parts.add(new Part.Symbols(" − "));
                parts.add(new Part.Value(Matrix.scalar(p.learningRate()), Rounding.EXACT));
                parts.add(new Part.Symbols("·"));
                parts.add(new Part.Value(key.get(Quantity.node(Kind.D_NODE, x)), rounding(Quantity.node(Kind.D_NODE, x))));
                parts.add(new Part.Symbols(" = "));
                parts.add(new Part.Value(result, r));
            }
            default -> throw new IllegalArgumentException(q + " is not a graph's quantity");
        }
        return new WorkedStep(q, p.ask().contains(q), Formulas.of(p, q, words), Optional.empty(), List.of(), parts,
                List.of(), Optional.empty(), Optional.empty(), result, r);
    }

    /** {@code a = x·y}: the op's formula, with the arguments' values put in, and its value. */
    private void forward(List<Part> parts, Node n, Matrix result, Rounding r) {
        List<String> slots = new ArrayList<>();
        List<Part> values = new ArrayList<>();
        for (int i = 0; i < n.args().size(); i++) {
            slots.add(String.valueOf((char) (FIRST_ARG + i)));
            String a = n.args().get(i);
            values.add(new Part.Value(Matrix.scalar(value(a)), valueRounding(a)));
        }
        String formula = n.op().formula(n.name(), n.args(), n.parameter(), words);
        parts.add(new Part.Symbols(formula.substring(formula.indexOf(" = ") + 3) + " = "));
        String slotted = n.op().formula(n.name(), slots, n.parameter(), words);
        String rhs = slotted.substring(slotted.indexOf(" = ") + 3);
        put(parts, rhs, values, n.op() == Op.POW);
        // −c = −1 is the value already: no "= −1" once more
        String arg = n.args().get(0);
        boolean written = n.op() == Op.NEG && ("-" + valueRounding(arg).written(value(arg))).equals(r.written(result.at(0)));
        if (!written) {
            parts.add(new Part.Symbols(" = "));
            parts.add(new Part.Value(result, r));
        }
    }

    /**
     * {@code dx}: one term per use of x, d(user) times the local derivative ∂user/∂x, each at its
     * value; the terms' values, where there are several; their sum.
     */
    private void backward(List<Part> parts, String name, Matrix result, Rounding r) {
        if (name.equals(g.output())) {
            parts.add(new Part.Symbols("∂" + name + "/∂" + name + " = "));
            parts.add(new Part.Value(result, r));
            return;
        }
        List<Graph.Use> uses = g.uses(name);
        if (uses.isEmpty()) {
            parts.add(new Part.Value(result, r));
            return;
        }
        String formula = Formulas.of(p, Quantity.node(Kind.D_NODE, name), words);
        parts.add(new Part.Symbols(formula.substring(formula.indexOf(" = ") + 3) + " = "));
        if (uses.size() == 1 && localFormula(uses.get(0)).equals("1")) { // dm = df: the user's gradient itself
            parts.add(new Part.Value(result, r));
            return;
        }
        List<Double> terms = GraphSolver.contributions(g, name, this::value, this::gradient);
        for (int k = 0; k < uses.size(); k++) {
            Graph.Use u = uses.get(k);
            if (k > 0) {
                parts.add(new Part.Symbols(" + "));
            }
            Quantity user = Quantity.node(Kind.D_NODE, u.node().name());
            parts.add(new Part.Value(key.get(user), rounding(user)));
            if (!localFormula(u).equals("1")) {
                parts.add(new Part.Symbols("·"));
                parts.add(new Part.Value(Matrix.scalar(GraphSolver.local(u, this::value)), r));
            }
        }
        // the terms' values, unless each term is a gradient as it is (a sum's argument: nothing multiplied)
        if (uses.size() > 1 && !uses.stream().allMatch(u -> localFormula(u).equals("1"))) {
            parts.add(new Part.Symbols(" = "));
            for (int k = 0; k < terms.size(); k++) {
                if (k > 0) {
                    parts.add(new Part.Symbols(" + "));
                }
                parts.add(new Part.Value(Matrix.scalar(terms.get(k)), r));
            }
        }
        parts.add(new Part.Symbols(" = "));
        parts.add(new Part.Value(result, r));
    }

    /** ∂user/∂name of one use, as a formula: "1" for a sum's argument. */
    private String localFormula(Graph.Use u) {
        return u.node().op().partialFormula(u.arg(), u.node().args(), u.node().parameter(), words);
    }

    /** The parts of {@code slotted} (a formula with FIRST_ARG + i for argument i), the values put in. */
    private static void put(List<Part> parts, String slotted, List<Part> values, boolean powered) {
        StringBuilder symbols = new StringBuilder();
        for (char c : slotted.toCharArray()) {
            int i = c - FIRST_ARG;
            if (i >= 0 && i < values.size()) {
                Part.Value v = (Part.Value) values.get(i);
                // a negative base of a power in parentheses: (−2)^2, not −2^2
                boolean group = powered && v.rounding().written(v.value().at(0)).startsWith("-");
                symbols.append(group ? "(" : "");
                if (!symbols.isEmpty()) {
                    parts.add(new Part.Symbols(symbols.toString()));
                    symbols.setLength(0);
                }
                parts.add(v);
                symbols.append(group ? ")" : "");
            } else {
                symbols.append(c);
            }
        }
        if (!symbols.isEmpty()) {
            parts.add(new Part.Symbols(symbols.toString()));
        }
    }

    private double value(String name) {
        return key.get(Quantity.node(Kind.NODE, name)).at(0);
    }

    private double gradient(String name) {
        return key.get(Quantity.node(Kind.D_NODE, name)).at(0);
    }

    /** A name's value as written: an input exactly as given, a node as its step shows it. */
    private Rounding valueRounding(String name) {
        return g.node(name) == null ? Rounding.EXACT : rounding(Quantity.node(Kind.NODE, name));
    }

    private Rounding rounding(Quantity q) {
        return Rounding.suggestedBy(p.tolerance().of(q));
    }
}
