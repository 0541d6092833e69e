package nngrade.problem;

import com.fasterxml.jackson.databind.JsonNode;
import nngrade.input.BadInputException;
import nngrade.input.Excerpts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates a problem file's tree into a {@link Problem} in one pass, collecting every error it
 * can before giving up: the top-level fields, what is asked, tolerances and points here; the
 * network and the given values in their own validators.
 */
final class ProblemValidator {
    private static final List<String> TOP = List.of("id", "title", "statement", "network", "learningRate",
            "given", "ask", "tolerance", "points", "partialCredit", "followThrough", "constraints", "variant", "regularization",
            "optimizer", "steps", "graph");
    /** Steps on one batch at most: a loss curve of a homework is a handful of steps. */
    static final int MAX_STEPS = 100;
    private static final List<String> OPTIMIZERS = List.of("sgd", "momentum", "rmsprop", "adam");
    /** Conditions a per-student variant must meet; see nngrade.variant.Constraints. */
    /** Draws of a variant at most: each solves the network, and a class draws one per student. */
    static final int MAX_TRIES = ProblemLoader.MAX_TRIES;
    private static final List<String> CONSTRAINTS = List.of("maxAbsZ", "minOutputGap", "nonZeroInputRows", "maxTries");

    private final Validation pass;

    private ProblemValidator(String source) {
        this.pass = new Validation(source);
    }

    /** The problem, or a {@link BadInputException} with every error found. */
    static Problem validate(String source, JsonNode root) {
        return new ProblemValidator(source).problem(root);
    }

    private Problem problem(JsonNode root) {
        pass.unknownFields(root, TOP, "", "field");
        String id = pass.text(root, "id", baseName(pass.source()));
        String title = pass.text(root, "title", id);
        String statement = pass.text(root, "statement", "");
        pass.text(root, "variant", null); // written by nngrade variant into a drawn problem, for people: not used
        if (root.has("graph")) {
            return graphProblem(root, id, title, statement);
        }
        Network network = new NetworkValidator(pass).network(root.path("network"));
        Double learningRate = learningRate(root.get("learningRate"), "the step W_next = W − η·dW");
        double followThrough = followThrough(root.get("followThrough"));
        boolean partialCredit = pass.bool(root, "partialCredit");
        constraints(root.get("constraints"));
        double l2 = regularization(root.get("regularization"));
        Optimizer optimizer = optimizer(root.get("optimizer"));
        int steps = steps(root.get("steps"));
        if (network == null || optimizer == null) {
            pass.stopIfErrors(); // the rest is checked against the network and the state the optimiser keeps
        }

        Map<String, Matrix> given = new GivenValidator(pass).given(root.get("given"), network, optimizer);
        Quantities quantities = Quantities.network(network.depth(), optimizer.stateOfW(), optimizer.stateOfB(), steps);
        List<Quantity> ask = ask(root.get("ask"), quantities);
        Problem.Tolerances tolerance = tolerances(root.get("tolerance"), quantities);
        Problem.Points points = points(root.get("points"), quantities);
        pass.stopIfErrors();
        size(network, given.get("x").rows());
        pass.stopIfErrors();

        int layers = network.depth();
        List<Matrix> w = new ArrayList<>();
        List<Matrix> b = new ArrayList<>();
        for (int l = 1; l <= layers; l++) {
            w.add(given.get("W" + l));
            b.add(given.get("b" + l));
        }
        Map<String, Matrix> state = new HashMap<>();
        for (int l = 1; l <= layers; l++) {
            for (Quantity.Kind k : optimizer.stateOfW()) {
                state.put(k.statePrefix() + l, given.get(k.statePrefix() + l));
            }
            for (Quantity.Kind k : optimizer.stateOfB()) {
                state.put(k.statePrefix() + l, given.get(k.statePrefix() + l));
            }
        }
        int t = given.containsKey("t") ? (int) given.get("t").at(0) : 0;
        return new Problem(pass.source(), id, title, statement, network, learningRate, given.get("x"),
                given.get("y"), w, b, ask, tolerance, points, partialCredit, followThrough, l2, optimizer, steps, t,
                state, null);
    }

    /**
     * {"name": "sgd" | "momentum" | "rmsprop" | "adam", …hyper-parameters}, each defaulting to the
     * spec's value; β in [0, 1), ε > 0, dampening in [0, 1]. Null, told, when it names none.
     */
    private Optimizer optimizer(JsonNode n) {
        if (n == null) {
            return Optimizer.SGD;
        }
        if (!n.isObject()) {
            pass.error("optimizer", "expected an object such as {\"name\": \"adam\"}, found " + Fields.describe(n));
            return null;
        }
        JsonNode name = n.get("name");
        if (name == null) {
            pass.missing("optimizer.name", "is missing; expected one of " + String.join(", ", OPTIMIZERS));
            return null;
        }
        if (!name.isTextual() || !OPTIMIZERS.contains(name.asText())) {
            String meant = name.isTextual() ? Fields.closest(name.asText(), OPTIMIZERS) : null;
            pass.error("optimizer.name", (name.isTextual() ? "\"" + Excerpts.shown(name.asText()) + "\" is not an optimiser"
                    : "expected an optimiser's name, found " + Fields.describe(name))
                    + (meant == null ? "" : " (did you mean \"" + meant + "\"?)")
                    + "; expected one of " + String.join(", ", OPTIMIZERS));
            return null;
        }
        return switch (name.asText()) {
            case "momentum" -> {
                pass.unknownFields(n, List.of("name", "beta", "dampening"), "optimizer", "momentum hyper-parameter");
                yield new Optimizer.Momentum(beta(n, "beta", 0.9), fraction(n, "dampening", 0));
            }
            case "rmsprop" -> {
                pass.unknownFields(n, List.of("name", "beta", "epsilon"), "optimizer", "rmsprop hyper-parameter");
                yield new Optimizer.RmsProp(beta(n, "beta", 0.9), epsilon(n));
            }
            case "adam" -> {
                pass.unknownFields(n, List.of("name", "beta1", "beta2", "epsilon"), "optimizer", "adam hyper-parameter");
                yield new Optimizer.Adam(beta(n, "beta1", 0.9), beta(n, "beta2", 0.999), epsilon(n));
            }
            default -> {
                pass.unknownFields(n, List.of("name"), "optimizer", "sgd hyper-parameter");
                yield Optimizer.SGD;
            }
        };
    }

    /** A decay rate β: 0 ≤ β < 1 (β = 1 would never forget, and Adam's 1 − β^t' would be 0). */
    private double beta(JsonNode n, String field, double byDefault) {
        JsonNode v = n.get(field);
        if (v == null) {
            return byDefault;
        }
        Double b = pass.number(v, "optimizer." + field);
        if (b != null && (b < 0 || b >= 1)) {
            pass.error("optimizer." + field, "must be at least 0 and less than 1, found " + Numbers.exact(b));
            return byDefault;
        }
        return b == null ? byDefault : b;
    }

    /** Momentum's dampening: 0 ≤ dampening ≤ 1. */
    private double fraction(JsonNode n, String field, double byDefault) {
        JsonNode v = n.get(field);
        if (v == null) {
            return byDefault;
        }
        Double d = pass.number(v, "optimizer." + field);
        if (d != null && (d < 0 || d > 1)) {
            pass.error("optimizer." + field, "must be between 0 and 1, found " + Numbers.exact(d));
            return byDefault;
        }
        return d == null ? byDefault : d;
    }

    /** ε > 0, which keeps √s + ε from being 0. */
    private double epsilon(JsonNode n) {
        JsonNode v = n.get("epsilon");
        if (v == null) {
            return 1e-8;
        }
        Double e = pass.number(v, "optimizer.epsilon");
        if (e != null && e <= 0) {
            pass.error("optimizer.epsilon", "must be more than 0 (it keeps √s + ε from 0), found " + Numbers.exact(e));
            return 1e-8;
        }
        return e == null ? 1e-8 : e;
    }

    /** k steps on one batch: a whole number from 1 to {@link #MAX_STEPS}. */
    private int steps(JsonNode n) {
        if (n == null) {
            return 1;
        }
        Integer k = pass.positiveInt(n, "steps", "the number of steps on the batch");
        if (k == null) {
            return 1;
        }
        if (k > MAX_STEPS) {
            pass.error("steps", "expected at most " + MAX_STEPS + " steps (a whole number from 1 to " + MAX_STEPS
                    + "), found " + k);
            return 1;
        }
        return k;
    }

    /** A computational graph problem (v1.1): "graph" instead of "network" and "given". */
    private Problem graphProblem(JsonNode root, String id, String title, String statement) {
        for (String other : List.of("network", "given", "regularization", "optimizer", "steps")) {
            if (root.has(other)) {
                pass.error(other, other + " belongs to a network problem, but this one gives a graph; "
                        + "a problem has either a graph or a network with its given values");
            }
        }
        Graph graph = new GraphValidator(pass).graph(root.get("graph"));
        double followThrough = followThrough(root.get("followThrough"));
        boolean partialCredit = pass.bool(root, "partialCredit");
        constraints(root.get("constraints"));
        Double learningRate = root.has("learningRate") || (graph != null && !graph.params().isEmpty())
                ? learningRate(root.get("learningRate"), "the step x_next = x − η·dx of the params")
                : Double.valueOf(0);
        pass.stopIfErrors();
        Quantities quantities = graph.quantities();
        List<Quantity> ask = ask(root.get("ask"), quantities);
        Problem.Tolerances tolerance = tolerances(root.get("tolerance"), quantities);
        Problem.Points points = points(root.get("points"), quantities);
        pass.stopIfErrors();
        return new Problem(pass.source(), id, title, statement, null, learningRate, null, null, List.of(), List.of(),
                ask, tolerance, points, partialCredit, followThrough, 0, Optimizer.SGD, 1, 0, Map.of(), graph);
    }

    /**
     * Refuses a problem whose answer key no homework needs and no machine should be asked for:
     * a quantity of over {@link MatrixReader#MAX_CELLS} values (z of m samples × units), or a
     * pass of over {@link ProblemLoader#MAX_WORK} multiply-adds (m × inputs × units, summed over the layers).
     */
    private void size(Network network, int m) {
        long work = 0;
        for (int l = 1; l <= network.depth(); l++) {
            long units = network.layer(l).units();
            if (m * units > MatrixReader.MAX_CELLS) {
                pass.error("network.layers[" + (l - 1) + "].units", "z" + l + " of " + m + " samples × " + units
                        + " units would hold " + m * units + " values; nngrade solves problems whose quantities "
                        + "hold at most " + MatrixReader.MAX_CELLS + ": use fewer samples or units");
                return;
            }
            work += m * network.inputsOf(l) * units;
        }
        if (work > ProblemLoader.MAX_WORK) {
            pass.error("network", "one pass over this network takes " + work + " multiply-adds (samples × inputs × units, "
                    + "summed over the layers); nngrade solves problems of at most " + ProblemLoader.MAX_WORK
                    + ": use fewer samples, inputs or units");
        }
    }

    /** The variant constraints are used when drawing; here only their form is checked. */
    private void constraints(JsonNode n) {
        if (n == null) {
            return;
        }
        if (!n.isObject()) {
            pass.error("constraints", "expected an object such as {\"maxAbsZ\": 4}, found " + Fields.describe(n));
            return;
        }
        pass.unknownFields(n, CONSTRAINTS, "constraints", "constraint");
        pass.nonNegative(n.get("maxAbsZ"), "constraints.maxAbsZ");
        pass.nonNegative(n.get("minOutputGap"), "constraints.minOutputGap");
        JsonNode nz = n.get("nonZeroInputRows");
        if (nz != null && !nz.isBoolean()) {
            pass.error("constraints.nonZeroInputRows", "expected true or false, found " + Fields.describe(nz));
        }
        JsonNode tries = n.get("maxTries");
        if (tries != null && (!tries.canConvertToInt() || tries.asInt() < 1 || tries.asInt() > MAX_TRIES
                || !tries.isIntegralNumber())) {
            pass.error("constraints.maxTries", "expected a whole number from 1 to " + MAX_TRIES + ", found "
                    + Fields.describe(tries));
        }
    }

    /** {"l2": λ}: λ ≥ 0, the weight of the cost's (λ/2)·Σ_l ‖W_l‖². */
    private double regularization(JsonNode n) {
        if (n == null) {
            return 0;
        }
        if (!n.isObject()) {
            pass.error("regularization", "expected an object such as {\"l2\": 0.1}, found " + Fields.describe(n));
            return 0;
        }
        pass.unknownFields(n, List.of("l2"), "regularization", "field");
        JsonNode l2 = n.get("l2");
        if (l2 == null) {
            pass.missing("regularization.l2", "is missing; expected λ of the L2 penalty (λ/2)·Σ‖W‖², such as 0.1");
            return 0;
        }
        Double v = pass.number(l2, "regularization.l2");
        if (v != null && v < 0) {
            pass.error("regularization.l2", "must be 0 or more, found " + Numbers.exact(v));
        }
        return v == null || v < 0 ? 0 : v;
    }

    /** η, which {@code step} (the formula the problem steps by, in its own letters) needs. */
    private Double learningRate(JsonNode n, String step) {
        if (n == null) {
            pass.missing("learningRate", "is missing; " + step + " needs the learning rate η");
            return null;
        }
        Double v = pass.number(n, "learningRate");
        if (v != null && v <= 0) {
            pass.error("learningRate", "must be positive, found " + Numbers.exact(v));
        }
        return v;
    }

    private double followThrough(JsonNode n) {
        if (n == null) {
            return 1.0;
        }
        Double v = pass.number(n, "followThrough");
        if (v != null && (v < 0 || v > 1)) {
            pass.error("followThrough", "must be between 0 and 1 (the share of points kept), found " + Numbers.exact(v));
        }
        return v == null ? 1.0 : v;
    }

    private List<Quantity> ask(JsonNode n, Quantities layers) {
        if (n == null) {
            return layers.all();
        }
        if (!n.isArray() || n.isEmpty()) {
            pass.error("ask", "expected a non-empty list of quantity names, found " + Fields.describe(n));
            return List.of();
        }
        List<Quantity> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            String path = "ask[" + i + "]";
            JsonNode e = n.get(i);
            if (!e.isTextual()) {
                pass.error(path, "expected a quantity name, found " + Fields.describe(e));
                continue;
            }
            Quantity q = quantity(e.asText(), path, layers);
            if (q == null) {
                continue;
            }
            if (out.contains(q)) {
                pass.error(path, "\"" + Excerpts.shown(e.asText()) + "\" is asked twice");
                continue;
            }
            out.add(q);
        }
        return out;
    }

    private Quantity quantity(String name, String path, Quantities qs) {
        var q = qs.parse(name);
        if (q.isEmpty()) {
            int layers = qs.layers();
            String meant = !qs.isGraph() && (name.equals("a" + layers) || (layers == 1 && name.equals("a"))) ? "yhat" // a_L is ŷ
                    : Fields.closest(name, qs.names());
            pass.error(path, "\"" + Excerpts.shown(name) + "\" is not a quantity of " + qs.what()
                    + (meant == null ? "" : " (did you mean \"" + meant + "\"?)")
                    + "; expected one of " + String.join(", ", qs.names()));
            return null;
        }
        return q.get();
    }

    private Problem.Tolerances tolerances(JsonNode n, Quantities layers) {
        Tolerance byDefault = Tolerance.DEFAULT;
        Map<Quantity, Tolerance> per = new HashMap<>();
        if (n == null) {
            return new Problem.Tolerances(byDefault, per);
        }
        if (!n.isObject()) {
            pass.error("tolerance", "expected an object such as {\"default\": {\"absolute\": 0.01}}, found " + Fields.describe(n));
            return new Problem.Tolerances(byDefault, per);
        }
        for (var it = n.fields(); it.hasNext(); ) {
            var e = it.next();
            String path = "tolerance." + Excerpts.pathName(e.getKey());
            Tolerance t = ToleranceSpec.read(e.getValue(), path, pass);
            if (e.getKey().equals("default")) {
                if (t != null) {
                    byDefault = t;
                }
            } else {
                Quantity q = quantity(e.getKey(), path, layers);
                if (q != null && t != null) {
                    per.put(q, t);
                }
            }
        }
        return new Problem.Tolerances(byDefault, per);
    }

    private Problem.Points points(JsonNode n, Quantities layers) {
        double byDefault = 1;
        Map<Quantity, Double> per = new HashMap<>();
        if (n == null) {
            return new Problem.Points(byDefault, per);
        }
        if (!n.isObject()) {
            pass.error("points", "expected an object such as {\"default\": 1, \"dW1\": 2}, found " + Fields.describe(n));
            return new Problem.Points(byDefault, per);
        }
        for (var it = n.fields(); it.hasNext(); ) {
            var e = it.next();
            String path = "points." + Excerpts.pathName(e.getKey());
            Double v = pass.points(e.getValue(), path);
            if (e.getKey().equals("default")) {
                if (v != null) {
                    byDefault = v;
                }
            } else {
                Quantity q = quantity(e.getKey(), path, layers);
                if (q != null && v != null) {
                    per.put(q, v);
                }
            }
        }
        return new Problem.Points(byDefault, per);
    }

    private static String baseName(String source) {
        String name = Path.of(source).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
