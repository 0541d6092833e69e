package nngrade.solve;

import nngrade.check.GraphSlipsTest;
import nngrade.input.BadInputException;
import nngrade.input.InputError;
import nngrade.problem.Graph;
import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The graph solver: the bundled exercises' known values, and every gradient against central differences. */
class GraphSolverTest {

    private static double value(AnswerKey key, Kind kind, String node) {
        return key.get(Quantity.node(kind, node)).at(0);
    }

    /** (x + y)·z with x = −2, y = 5, z = −4: q = 3, f = −12; dq = z = −4, dz = q = 3, dx = dy = dq = −4. */
    @Test
    void theAddMulExercise() {
        AnswerKey key = Solver.solve(ProblemLoader.load(Path.of("problems", "graph-add-mul.json")));
        assertEquals(3, value(key, Kind.NODE, "q"), 1e-12);
        assertEquals(-12, value(key, Kind.NODE, "f"), 1e-12);
        assertEquals(1, value(key, Kind.D_NODE, "f"), 1e-12);
        assertEquals(-4, value(key, Kind.D_NODE, "q"), 1e-12);
        assertEquals(3, value(key, Kind.D_NODE, "z"), 1e-12);
        assertEquals(-4, value(key, Kind.D_NODE, "x"), 1e-12);
        assertEquals(-4, value(key, Kind.D_NODE, "y"), 1e-12);
    }

    /**
     * f = σ(w0·x0 + w1·x1 + w2) with w = (2, −3, −3), x = (−1, −2): s = −2 + 6 − 3 = 1, f = σ(1),
     * ds = σ(1)(1 − σ(1)); dw0 = ds·x0, dx0 = ds·w0, dw1 = ds·x1, dx1 = ds·w1, dw2 = ds.
     */
    @Test
    void theSigmoidNeuron() {
        AnswerKey key = Solver.solve(ProblemLoader.load(Path.of("problems", "graph-sigmoid-neuron.json")));
        double f = 1 / (1 + Math.exp(-1));
        double ds = f * (1 - f); // 0.19661193324148185
        assertEquals(f, value(key, Kind.NODE, "f"), 1e-12);
        assertEquals(-ds, value(key, Kind.D_NODE, "w0"), 1e-12);
        assertEquals(2 * ds, value(key, Kind.D_NODE, "x0"), 1e-12);
        assertEquals(-2 * ds, value(key, Kind.D_NODE, "w1"), 1e-12);
        assertEquals(-3 * ds, value(key, Kind.D_NODE, "x1"), 1e-12);
        assertEquals(ds, value(key, Kind.D_NODE, "w2"), 1e-12);
        assertEquals(0.7311, f, 1e-4);
        assertEquals(-0.1966, -ds, 1e-4);
    }

    /** x·y + max(σ(x), y) with x = 3, y = −4: x fans out to both paths, y only through x·y (max chose σ(x)). */
    @Test
    void theFanOutExercise() {
        AnswerKey key = Solver.solve(ProblemLoader.load(Path.of("problems", "graph-fanout.json")));
        double s = 1 / (1 + Math.exp(-3));
        assertEquals(-4 + s * (1 - s), value(key, Kind.D_NODE, "x"), 1e-12);
        assertEquals(3, value(key, Kind.D_NODE, "y"), 1e-12);
        assertEquals(-12 + s, value(key, Kind.NODE, "f"), 1e-12);
    }

    /** ∂f/∂x of every input of 500 random graphs of every op equals (f(x + h) − f(x − h)) / 2h. */
    @Test
    void everyInputsGradientMatchesCentralDifferences() {
        int checked = 0;
        for (int i = 0; i < 500; i++) {
            Problem p = GraphSlipsTest.randomGraph(new Random(4_000 + i), "cd-" + i);
            Graph g = p.graph();
            AnswerKey key = Solver.solve(p);
            for (String x : g.inputs().keySet()) {
                double h = 1e-6;
                double up = output(p, x, g.inputs().get(x) + h);
                double down = output(p, x, g.inputs().get(x) - h);
                double numeric = (up - down) / (2 * h);
                double analytic = value(key, Kind.D_NODE, x);
                assertEquals(numeric, analytic, 1e-5 * Math.max(1, Math.abs(analytic)), p.id() + " d" + x);
                checked++;
            }
        }
        assertTrue(checked > 1000, "inputs checked: " + checked);
    }

    private static double output(Problem p, String input, double v) {
        Graph g = p.graph();
        Map<String, Double> inputs = new LinkedHashMap<>(g.inputs());
        inputs.put(input, v);
        Graph moved = new Graph(inputs, g.nodes(), g.output(), g.params());
        Problem q = new Problem(p.source(), p.id(), p.title(), p.statement(), null, p.learningRate(), null, null,
                p.weights(), p.biases(), p.ask(), p.tolerance(), p.points(), p.partialCredit(), p.followThrough(), 0,
                p.optimizer(), 1, 0, Map.of(), moved);
        return Solver.solve(q).get(Quantity.node(Kind.NODE, g.output())).at(0);
    }

    /**
     * Values the file's own checks cannot see make an op undefined, or overflow, when the key is worked out: each is
     * one line naming the node (or the input) and the values. The file's other mistakes are in GraphValidatorTest.
     */
    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(delimiter = '|', value = {
        "{\"x\": 1, \"y\": 0}|[{\"name\": \"f\", \"op\": \"div\", \"args\": [\"x\", \"y\"]}]"
            + "|g.json: graph.nodes[0] (f) divides by y = 0 with the given values; change them",
        // 0/0 is refused too, not left to be NaN
        "{\"x\": 0, \"y\": 0}|[{\"name\": \"f\", \"op\": \"div\", \"args\": [\"x\", \"y\"]}]"
            + "|g.json: graph.nodes[0] (f) divides by y = 0 with the given values; change them",
        // the divisor is 0 only once computed: 2 − 2
        "{\"x\": 2, \"y\": 2}|[{\"name\": \"d\", \"op\": \"sub\", \"args\": [\"x\", \"y\"]}, {\"name\": \"f\", "
            + "\"op\": \"div\", \"args\": [\"x\", \"d\"]}]"
            + "|g.json: graph.nodes[1] (f) divides by d = 0 with the given values; change them",
        "{\"x\": -1}|[{\"name\": \"f\", \"op\": \"log\", \"args\": [\"x\"]}]"
            + "|g.json: graph.nodes[0] (f) takes log of x = -1 with the given values, but log needs a positive value; "
            + "change them",
        "{\"x\": 0}|[{\"name\": \"f\", \"op\": \"log\", \"args\": [\"x\"]}]"
            + "|g.json: graph.nodes[0] (f) takes log of x = 0 with the given values, but log needs a positive value; "
            + "change them",
        "{\"x\": -8}|[{\"name\": \"f\", \"op\": \"pow\", \"args\": [\"x\"], \"power\": 0.5}]"
            + "|g.json: graph.nodes[0] (f) raises x = -8 to the power 0.5 with the given values, but a negative number "
            + "to a non-integer power has no real value; change them",
        // e^1000 overflows at the node, before any gradient
        "{\"x\": 1000}|[{\"name\": \"e\", \"op\": \"exp\", \"args\": [\"x\"]}, {\"name\": \"f\", "
            + "\"op\": \"neg\", \"args\": [\"e\"]}]"
            + "|g.json: graph.nodes[0] (e): the answer key's e is Infinity: the given values overflow; use smaller ones",
        // f = 1/x = 1e160 is finite, but df/dx = −1/x² = −1e320 is not: named at the input
        "{\"x\": 1e-160}|[{\"name\": \"f\", \"op\": \"pow\", \"args\": [\"x\"], \"power\": -1}]"
            + "|g.json: graph.inputs.x: the answer key's dx is -Infinity: the given values overflow; use smaller ones",
    })
    void valuesOutsideAnOpsDomainAreRefusedAtTheNode(String inputs, String nodes, String expected) {
        String text = "{\"id\": \"g\", \"graph\": {\"inputs\": " + inputs + ", \"nodes\": " + nodes
                + ", \"output\": \"f\"}}";
        Problem p = ProblemLoader.parse("g.json", text);
        BadInputException e = assertThrows(BadInputException.class, () -> Solver.solve(p));
        assertEquals(List.of(expected), e.errors().stream().map(InputError::oneLine).toList());
    }

    /** A mistyped op is one error: the node still has its name, so the output naming it is not a second one. */
    @Test
    void aMistypedOpOfTheOutputIsOneErrorNotTwo() throws Exception {
        Path f = Files.createTempFile("graph", ".json");
        Files.writeString(f, "{\"id\": \"g\", \"graph\": {\"inputs\": {\"x\": 1, \"y\": 2}, \"nodes\": [{\"name\": \"q\", "
                + "\"op\": \"add\", \"args\": [\"x\", \"y\"]}, {\"name\": \"f\", \"op\": \"mull\", \"args\": [\"q\", \"x\"]}], "
                + "\"output\": \"f\"}}");
        BadInputException e = assertThrows(BadInputException.class, () -> ProblemLoader.load(f));
        assertEquals(List.of(f + ": graph.nodes[1].op: unknown op \"mull\" (did you mean \"mul\"?); expected one of add, mul, sub, "
                + "div, neg, exp, log, sigmoid, tanh, relu, pow, scale, max, min"), e.errors().stream().map(InputError::oneLine).toList());
        Files.delete(f);
    }
}
