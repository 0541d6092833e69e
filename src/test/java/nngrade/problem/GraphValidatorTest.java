package nngrade.problem;

import nngrade.input.BadInputException;
import nngrade.input.InputError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every mistake in a problem's graph gets one line naming the file, the field of the graph (down
 * to the node and its argument) and what was expected. Each case edits a valid graph in one place.
 */
class GraphValidatorTest {

    private static final String FILE = "problems/graph.json";

    /** The fan-out exercise, as in problems/graph-fanout.json: x·y + σ(x). */
    private static final String GRAPH = """
            {
                "inputs": { "x": 3, "y": -4 },
                "nodes": [
                  { "name": "a", "op": "mul", "args": ["x", "y"] },
                  { "name": "s", "op": "sigmoid", "args": ["x"] },
                  { "name": "f", "op": "add", "args": ["a", "s"] }
                ],
                "output": "f"
              }""";

    private static final String PROBLEM = "{\n  \"id\": \"g\",\n  \"graph\": " + GRAPH + "\n}\n";

    private static final String OPS = "add, mul, sub, div, neg, exp, log, sigmoid, tanh, relu, pow, scale, max, min";

    private static final String LAST_NODE = "{ \"name\": \"f\", \"op\": \"add\", \"args\": [\"a\", \"s\"] }";

    /** A node added after the last one: nothing uses it, so its mistake is the only one. */
    private static Arguments added(String node, String... expected) {
        return arguments(LAST_NODE, LAST_NODE + ",\n      " + node, List.of(expected));
    }

    private static Arguments edit(String find, String replace, String... expected) {
        return arguments(find, replace, List.of(expected));
    }

    static Stream<Arguments> mistakes() {
        String s = "{ \"name\": \"s\", \"op\": \"sigmoid\", \"args\": [\"x\"] }";
        return Stream.of(
                // the graph and its fields
                edit(GRAPH, "[]", FILE + ": graph: expected an object with inputs, nodes and output, found an empty list"),
                edit("\"output\": \"f\"", "\"output\": \"f\", \"param\": [\"x\"]", FILE + ": graph.param: unknown field "
                        + "\"param\" (did you mean \"params\"?); expected one of inputs, nodes, output, params"),

                // inputs
                edit("\"inputs\": { \"x\": 3, \"y\": -4 },", "", FILE + ": graph.inputs is missing; expected each input's "
                        + "value, such as {\"x\": 3, \"y\": -4}"),
                edit("{ \"x\": 3, \"y\": -4 }", "{}", FILE + ": graph.inputs: expected an object of each input's value, "
                        + "such as {\"x\": 3}, found an empty object"),
                edit("{ \"x\": 3, \"y\": -4 }", "[3, -4]", FILE + ": graph.inputs: expected an object of each input's "
                        + "value, such as {\"x\": 3}, found a list"),
                edit("\"y\": -4", "\"y\": -4, \"2x\": 1", FILE + ": graph.inputs.2x: \"2x\" is not a name: use letters, "
                        + "digits and _, starting with a letter, such as x1 or h_2"),
                edit("\"y\": -4", "\"y\": \"minus four\"", FILE + ": graph.inputs.y: \"minus four\" is not a number"),
                edit("\"y\": -4", "\"y\": -4, \"dx\": 1", FILE + ": graph.inputs.dx: the name \"dx\" reads as d + \"x\" "
                        + "(its gradient); rename it"),

                // the list of nodes
                edit("\"nodes\": [", "\"nodez\": [", FILE + ": graph.nodez: unknown field \"nodez\" (did you mean "
                        + "\"nodes\"?); expected one of inputs, nodes, output, params"),
                edit(GRAPH, "{ \"inputs\": { \"x\": 3 }, \"output\": \"f\" }", FILE + ": graph.nodes is missing; "
                        + "expected a list of nodes such as {\"name\": \"a\", \"op\": \"mul\", \"args\": [\"x\", \"y\"]}"),
                edit(GRAPH, "{ \"inputs\": { \"x\": 3 }, \"nodes\": [], \"output\": \"f\" }", FILE + ": graph.nodes: "
                        + "expected a non-empty list of nodes, found an empty list"),
                added("7", FILE + ": graph.nodes[3]: expected a node such as {\"name\": \"a\", \"op\": \"mul\", \"args\": "
                        + "[\"x\", \"y\"]}, found 7"),

                // a node's fields
                added("{ \"name\": \"n\", \"op\": \"neg\", \"arg\": [\"x\"] }", FILE + ": graph.nodes[3].arg: unknown "
                        + "field \"arg\" (did you mean \"args\"?); expected one of name, op, args, power, by"),
                added("{ \"op\": \"neg\", \"args\": [\"x\"] }", FILE + ": graph.nodes[3].name is missing; expected the "
                        + "node's name, such as \"a\""),
                added("{ \"name\": 5, \"op\": \"neg\", \"args\": [\"x\"] }", FILE + ": graph.nodes[3].name: expected the "
                        + "node's name, found 5"),
                added("{ \"name\": \"y\", \"op\": \"neg\", \"args\": [\"x\"] }", FILE + ": graph.nodes[3].name: \"y\" is "
                        + "already defined; each input and node needs its own name"),
                added("{ \"name\": \"f 2\", \"op\": \"neg\", \"args\": [\"x\"] }", FILE + ": graph.nodes[3].name: \"f 2\" "
                        + "is not a name: use letters, digits and _, starting with a letter, such as x1 or h_2"),
                added("{ \"name\": \"da\", \"op\": \"neg\", \"args\": [\"x\"] }", FILE + ": graph.nodes[3].name: the name "
                        + "\"da\" reads as d + \"a\" (its gradient); rename it"),
                added("{ \"name\": \"n\", \"args\": [\"x\"] }", FILE + ": graph.nodes[3].op is missing; expected one of "
                        + OPS),
                added("{ \"name\": \"n\", \"op\": 1, \"args\": [\"x\"] }", FILE + ": graph.nodes[3].op: expected one of "
                        + OPS + ", found 1"),
                edit("\"sigmoid\"", "\"sigmod\"", FILE + ": graph.nodes[1].op: unknown op \"sigmod\" (did you mean "
                        + "\"sigmoid\"?); expected one of " + OPS),

                // args
                added("{ \"name\": \"n\", \"op\": \"neg\" }", FILE + ": graph.nodes[3].args is missing; expected the "
                        + "names the node uses, such as [\"x\"]"),
                edit("\"args\": [\"x\"]", "\"args\": \"x\"", FILE + ": graph.nodes[1].args: expected a list of the names "
                        + "the node uses, found \"x\""),
                edit("[\"x\", \"y\"]", "[\"x\", 2]", FILE + ": graph.nodes[0].args[1]: expected an input's or an earlier "
                        + "node's name, found 2"),
                edit("\"args\": [\"x\"]", "\"args\": [\"s\"]", FILE + ": graph.nodes[1].args[0]: \"s\" uses itself: a "
                        + "graph has no cycles"),
                edit("[\"x\", \"y\"]", "[\"x\", \"s\"]", FILE + ": graph.nodes[0].args[1]: \"s\" is used before it is "
                        + "defined: a node uses only inputs and earlier nodes (a graph has no cycles)"),
                // a cycle a → f → a: the first node of it to use a later one is named
                edit("[\"x\", \"y\"]", "[\"x\", \"f\"]", FILE + ": graph.nodes[0].args[1]: \"f\" is used before it is "
                        + "defined: a node uses only inputs and earlier nodes (a graph has no cycles)"),
                edit("[\"x\", \"y\"]", "[\"x\", \"yy\"]", FILE + ": graph.nodes[0].args[1]: \"yy\" is neither an input "
                        + "nor a node (did you mean \"y\"?); expected one of x, y"),
                edit("\"args\": [\"x\"]", "\"args\": [\"x\", \"y\"]", FILE + ": graph.nodes[1].args: sigmoid takes "
                        + "exactly 1 arg, found 2"),
                edit("[\"x\", \"y\"]", "[\"x\"]", FILE + ": graph.nodes[0].args: mul takes 2 or more args, found 1"),
                edit("\"sigmoid\", \"args\": [\"x\"]", "\"max\", \"args\": [\"x\", \"y\", \"x\"]", FILE + ": "
                        + "graph.nodes[1].args: max takes exactly 2 args, found 3"),
                edit("\"sigmoid\", \"args\": [\"x\"]", "\"sub\", \"args\": []", FILE + ": graph.nodes[1].args: sub takes "
                        + "exactly 2 args, found 0"),

                // pow's power and scale's factor
                edit(s, s.replace(" }", ", \"power\": 2 }"), FILE + ": graph.nodes[1].power belongs to pow, not to "
                        + "sigmoid; remove it"),
                edit(s, s.replace(" }", ", \"by\": 2 }"), FILE + ": graph.nodes[1].by belongs to scale, not to sigmoid; "
                        + "remove it"),
                edit("\"sigmoid\"", "\"pow\"", FILE + ": graph.nodes[1].power is missing; pow needs its power, such as "
                        + "\"power\": 2"),
                edit("\"sigmoid\"", "\"scale\"", FILE + ": graph.nodes[1].by is missing; scale needs its factor, such as "
                        + "\"by\": 0.5"),
                edit(s, s.replace("sigmoid", "pow").replace(" }", ", \"power\": \"two\" }"), FILE + ": "
                        + "graph.nodes[1].power: \"two\" is not a number"),
                edit(s, s.replace("sigmoid", "scale").replace(" }", ", \"by\": 0.5, \"power\": 2 }"), FILE + ": "
                        + "graph.nodes[1].power belongs to pow, not to scale; remove it"),

                // output
                edit(",\n    \"output\": \"f\"", "", FILE + ": graph.output is missing; expected the node whose "
                        + "gradient is taken, such as \"f\""),
                edit("\"output\": \"f\"", "\"output\": 1", FILE + ": graph.output: expected a node's name, found 1"),
                edit("\"output\": \"f\"", "\"output\": \"x\"", FILE + ": graph.output: \"x\" is not a node; expected one "
                        + "of a, s, f"),
                edit("\"output\": \"f\"", "\"output\": \"F\"", FILE + ": graph.output: \"F\" is not a node (did you mean "
                        + "\"f\"?); expected one of a, s, f"),

                // params
                edit("\"output\": \"f\"", "\"output\": \"f\", \"params\": \"x\"", FILE + ": graph.params: expected a "
                        + "list of input names, such as [\"x\"], found \"x\""),
                edit("\"output\": \"f\"", "\"output\": \"f\", \"params\": [\"a\"]", FILE + ": graph.params[0]: \"a\" is "
                        + "not an input; params are inputs stepped as x_next = x − η·dx; expected one of x, y"),
                edit("\"output\": \"f\"", "\"output\": \"f\", \"params\": [\"x\", 1]", FILE + ": graph.params[1]: 1 is "
                        + "not an input; params are inputs stepped as x_next = x − η·dx; expected one of x, y"),
                edit("\"output\": \"f\"", "\"output\": \"f\", \"params\": [\"x\", \"x\"]", FILE + ": graph.params[1]: "
                        + "\"x\" is listed twice; list each param once"),
                // w_next beside the param dw: dw_next would be its gradient and dw's step
                edit("\"y\": -4 }", "\"y\": -4, \"w_next\": 1, \"dw\": 2 }, \"params\": [\"dw\"]", FILE
                        + ": graph.inputs.w_next: the name \"w_next\" has the gradient \"dw_next\", the name of the param \"dw\" "
                        + "after its step; rename it"),
                // x_next beside the param x would name two quantities
                edit("\"y\": -4 }", "\"y\": -4, \"x_next\": 1 }, \"params\": [\"x\"]", FILE + ": graph.inputs.x_next: "
                        + "the name \"x_next\" reads as the param \"x\" after its step (x_next = x − η·dx); rename it"),

                // the rest of a graph problem
                edit("\"id\": \"g\",", "\"id\": \"g\", \"network\": {},", FILE + ": network belongs to a network problem, "
                        + "but this one gives a graph; a problem has either a graph or a network with its given values"),
                edit("\"output\": \"f\"", "\"output\": \"f\", \"params\": [\"x\"]", FILE + ": learningRate is missing; "
                        + "the step x_next = x − η·dx of the params needs the learning rate η"));
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @MethodSource("mistakes")
    void eachMistakeIsOneLineAtItsField(String find, String replace, List<String> expected) {
        assertEquals(expected, errorsOf(replaced(PROBLEM, find, replace)));
    }

    @Test
    void theBaseGraphIsValid() {
        Problem p = ProblemLoader.parse(FILE, PROBLEM);
        assertEquals(List.of("a", "s", "f"), p.graph().nodes().stream().map(Graph.Node::name).toList());
    }

    private static String replaced(String base, String find, String replace) {
        int at = base.indexOf(find);
        if (at < 0 || base.indexOf(find, at + 1) >= 0) {
            throw new IllegalArgumentException("the test's edit must match once: " + find);
        }
        return base.replace(find, replace);
    }

    private static List<String> errorsOf(String text) {
        try {
            ProblemLoader.parse(FILE, text);
        } catch (BadInputException e) {
            return e.errors().stream().map(InputError::oneLine).toList();
        }
        return fail("expected the problem to be refused:\n" + text);
    }
}
