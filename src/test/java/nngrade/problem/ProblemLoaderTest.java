package nngrade.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nngrade.input.BadInputException;
import nngrade.input.InputError;
import nngrade.variant.Secret;
import nngrade.variant.Variants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every mistake a teacher can make in a problem file gets exactly one line naming the file and
 * the field (or line). Each case edits a valid problem in one place and checks that line.
 */
class ProblemLoaderTest {

    private static final String JSON_FILE = "problems/hw1.json";
    private static final String YAML_FILE = "problems/hw1.yaml";

    /** The notes' problem, as in problems/notes-softmax-step.json. */
    static final String NOTES = """
            {
              "id": "notes-softmax-step",
              "title": "Softmax regression: one gradient-descent step",
              "statement": "A single softmax layer with 3 inputs and 3 classes.",
              "network": {
                "inputs": 3,
                "layers": [ { "units": 3, "activation": "softmax" } ],
                "loss": "cross-entropy",
                "reduction": "mean",
                "weightLayout": "out-in"
              },
              "learningRate": 1.0,
              "given": {
                "x":  [[1, 3, 0]],
                "y":  [[0, 1, 0]],
                "W1": [[0.1, 0.2, -0.3], [-0.6, -0.5, 2], [-0.2, 0.5, -3]],
                "b1": [0.1, 0.1, 0.1]
              },
              "ask": ["z1", "yhat", "loss", "dz1", "dW1", "db1", "W1_next", "b1_next"],
              "tolerance": { "default": { "absolute": 0.01 }, "loss": { "relative": 0.01 } },
              "points": { "default": 1, "dW1": 2 }
            }
            """;

    /** Two layers (2 → 3 tanh → 2 softmax), so that W2 and b2 can be wrong too. */
    static final String TWO_LAYERS = """
            {
              "network": {
                "inputs": 2,
                "layers": [ { "units": 3, "activation": "tanh" }, { "units": 2, "activation": "softmax" } ],
                "loss": "cross-entropy",
                "weightLayout": "out-in"
              },
              "learningRate": 0.5,
              "given": {
                "x":  [[1, 2], [0, -1]],
                "y":  [[1, 0], [0, 1]],
                "W1": [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]],
                "b1": [0, 0, 0],
                "W2": [[1, 0, -1], [0, 1, 0]],
                "b2": [0.1, -0.1]
              }
            }
            """;

    /** Logistic regression with binary cross-entropy. */
    static final String LOGISTIC = """
            {
              "network": {
                "inputs": 2,
                "layers": [ { "units": 1, "activation": "sigmoid" } ],
                "loss": "binary-cross-entropy"
              },
              "learningRate": 0.1,
              "given": { "x": [[1, 2], [3, 4]], "y": [[1], [0]], "W": [[0.1, 0.2]], "b": [0] }
            }
            """;

    /** The notes' problem in YAML (a copy of src/test/resources/problems/notes-softmax-step.yaml). */
    static final String NOTES_YAML = """
            network:
              inputs: 3
              layers:
                - { units: 3, activation: softmax }
              loss: cross-entropy
            learningRate: 1.0
            given:
              x: [[1, 3, 0]]
              y: [[0, 1, 0]]
              W1: [[0.1, 0.2, -0.3], [-0.6, -0.5, 2], [-0.2, 0.5, -3]]
              b1: [0.1, 0.1, 0.1]
            ask: [z1, yhat, loss]
            tolerance:
              default: { absolute: 0.01 }
            points:
              default: 1
            """;

    private static final String TOP_FIELDS = "id, title, statement, network, learningRate, given, ask, tolerance, "
            + "points, partialCredit, followThrough, constraints, variant, regularization, optimizer, steps, graph";
    private static final String ACTIVATIONS = "sigmoid, tanh, relu, leaky-relu, linear, softmax";
    private static final String LOSSES = "cross-entropy, binary-cross-entropy, quadratic, mse";
    private static final String NOTES_QUANTITIES = "z1, yhat, loss, dz1, dW1, db1, W1_next, b1_next";

    /** One edit of a valid problem: replace {@code find} (which must occur once) by {@code replace}. */
    private static Arguments edit(String base, String source, String find, String replace, String expected) {
        return arguments(base, source, find, replace, expected);
    }

    private static Arguments notes(String find, String replace, String expected) {
        return edit(NOTES, JSON_FILE, find, replace, expected);
    }

    private static Arguments yaml(String find, String replace, String expected) {
        return edit(NOTES_YAML, YAML_FILE, find, replace, expected);
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                // the code nngrade variant writes into a drawn problem is text
                notes("\"title\":", "\"variant\": 5, \"title\":", "problems/hw1.json: variant: expected text, found 5"),
                // unknown names
                notes("\"activation\": \"softmax\"", "\"activation\": \"softmaxx\"",
                        "problems/hw1.json: network.layers[0].activation: layer 1 has unknown activation \"softmaxx\" "
                                + "(did you mean \"softmax\"?); expected one of " + ACTIVATIONS),
                notes("\"activation\": \"softmax\"", "\"activation\": \"ReLU-ish\"",
                        "problems/hw1.json: network.layers[0].activation: layer 1 has unknown activation \"ReLU-ish\"; "
                                + "expected one of " + ACTIVATIONS),
                notes("\"activation\": \"softmax\"", "\"activation\": 3",
                        "problems/hw1.json: network.layers[0].activation: expected an activation name, found 3"),
                notes("\"activation\": \"softmax\"", "\"activation\": {\"nam\": \"relu\"}",
                        "problems/hw1.json: network.layers[0].activation.nam: unknown field \"nam\" (did you mean "
                                + "\"name\"?); expected one of name, alpha"),
                notes("\"activation\": \"softmax\"", "\"activation\": {\"alpha\": 0.1}",
                        "problems/hw1.json: network.layers[0].activation.name is missing; expected one of " + ACTIVATIONS),
                notes("\"activation\": \"softmax\"", "\"activation\": {\"name\": \"softmax\", \"alpha\": 0.1}",
                        "problems/hw1.json: network.layers[0].activation.alpha: only leaky-relu has a slope alpha, not softmax"),
                notes("\"loss\": \"cross-entropy\"", "\"loss\": \"crossentropy\"",
                        "problems/hw1.json: network.loss: unknown loss \"crossentropy\" (did you mean \"cross-entropy\"?); "
                                + "expected one of " + LOSSES),
                notes("\"loss\": \"cross-entropy\"", "\"loss\": \"hinge\"",
                        "problems/hw1.json: network.loss: unknown loss \"hinge\"; expected one of " + LOSSES),
                notes("\"loss\": \"cross-entropy\"", "\"loss\": null",
                        "problems/hw1.json: network.loss: expected the loss as text (one of " + LOSSES + "), found null"),
                notes("\"reduction\": \"mean\"", "\"reduction\": 1",
                        "problems/hw1.json: network.reduction: expected the reduction as text (mean or sum), found 1"),
                notes("\"reduction\": \"mean\"", "\"reduction\": \"avg\"",
                        "problems/hw1.json: network.reduction: unknown reduction \"avg\"; expected mean or sum"),
                notes("\"reduction\": \"mean\"", "\"reduction\": \"Sum\"",
                        "problems/hw1.json: network.reduction: unknown reduction \"Sum\" (did you mean \"sum\"?); "
                                + "expected mean or sum"),
                notes("\"weightLayout\": \"out-in\"", "\"weightLayout\": \"row-major\"",
                        "problems/hw1.json: network.weightLayout: unknown weightLayout \"row-major\"; expected out-in "
                                + "(W is units × inputs) or in-out (W is inputs × units)"),
                notes("\"weightLayout\": \"out-in\"", "\"weightLayout\": \"out_in\"",
                        "problems/hw1.json: network.weightLayout: unknown weightLayout \"out_in\" (did you mean "
                                + "\"out-in\"?); expected out-in (W is units × inputs) or in-out (W is inputs × units)"),

                // missing or extra given matrices
                notes("\"W1\": [[0.1, 0.2, -0.3], [-0.6, -0.5, 2], [-0.2, 0.5, -3]],", "",
                        "problems/hw1.json: given.W1 is missing; layer 1 needs its weights, a 3×3 matrix "
                                + "(units × inputs with weightLayout out-in)"),
                notes(",\n    \"b1\": [0.1, 0.1, 0.1]", "",
                        "problems/hw1.json: given.b1 is missing; layer 1 needs its biases, a list of 3 values"),
                notes("\"x\":  [[1, 3, 0]],", "",
                        "problems/hw1.json: given.x is missing; expected the inputs, one row of 3 values per sample"),
                notes("\"y\":  [[0, 1, 0]],", "",
                        "problems/hw1.json: given.y is missing; expected the targets, one row of 3 values per sample"),
                notes("\"b1\": [0.1, 0.1, 0.1]", "\"b1\": [0.1, 0.1, 0.1], \"W2\": [[1]]",
                        "problems/hw1.json: given.W2 is not a given of this 1-layer network (did you mean \"W1\"?); "
                                + "expected x, y, W1, b1"),
                notes("\"b1\": [0.1, 0.1, 0.1]", "\"b1\": [0.1, 0.1, 0.1], \"z\": [[1]]",
                        "problems/hw1.json: given.z is not a given of this 1-layer network; expected x, y, W1, b1"),
                notes("\"x\":  [[1, 3, 0]]", "\"X\":  [[1, 3, 0]]",
                        "problems/hw1.json: given.X is not a given of this 1-layer network (did you mean \"x\"?); "
                                + "expected x, y, W1, b1"),
                notes("\"b1\": [0.1, 0.1, 0.1]", "\"b1\": [0.1, 0.1, 0.1], \"W\": [[1]]",
                        "problems/hw1.json: given.W is the same as given.W1; give it once"),
                notes("\"given\": {", "\"givens\": {",
                        "problems/hw1.json: givens: unknown field \"givens\" (did you mean \"given\"?); expected one of "
                                + TOP_FIELDS),
                notes("\"x\":  [[1, 3, 0]]", "\"x\":  {\"random\": \"uniform\", \"shape\": [1, 3]}",
                        "problems/hw1.json: given.x is drawn at random for each student: give a student id and the "
                                + "teacher's secret (--secret-file FILE or NNGRADE_SECRET) to make that student's variant"),

                // shapes
                notes("\"x\":  [[1, 3, 0]]", "\"x\":  [[1, 3]]",
                        "problems/hw1.json: given.x is 1×2, but network.inputs is 3: each row of x is one sample of 3 inputs"),
                notes("\"y\":  [[0, 1, 0]]", "\"y\":  [[0, 1]]",
                        "problems/hw1.json: given.y is 1×2, but needs 1×3 (one row per sample of x, one column per output unit)"),
                notes("\"y\":  [[0, 1, 0]]", "\"y\":  [[0, 1, 0], [1, 0, 0]]",
                        "problems/hw1.json: given.y is 2×3, but needs 1×3 (one row per sample of x, one column per output unit)"),
                notes("\"W1\": [[0.1, 0.2, -0.3], [-0.6, -0.5, 2], [-0.2, 0.5, -3]]",
                        "\"W1\": [[0.1, 0.2, -0.3], [-0.6, -0.5, 2]]",
                        "problems/hw1.json: given.W1 is 2×3, but layer 1 with weightLayout out-in needs 3×3 (units × inputs)"),
                notes("\"b1\": [0.1, 0.1, 0.1]", "\"b1\": [0.1, 0.1]",
                        "problems/hw1.json: given.b1 is 1×2, but layer 1 has 3 units: write it as a flat list of 3 values"),
                notes("\"b1\": [0.1, 0.1, 0.1]", "\"b1\": [[0.1], [0.1], [0.1]]",
                        "problems/hw1.json: given.b1 is 3×1, but layer 1 has 3 units: write it as a flat list of 3 values"),
                notes("[-0.6, -0.5, 2]", "[-0.6, -0.5]",
                        "problems/hw1.json: given.W1 is ragged: row 2 has 2 values, but row 1 has 3"),
                notes("[-0.6, -0.5, 2]", "5",
                        "problems/hw1.json: given.W1[1]: row 2 is 5, but row 1 is a list; expected a list of rows"),
                notes("\"W1\": [[0.1, 0.2, -0.3],", "\"W1\": [7,",
                        "problems/hw1.json: given.W1 is a mix of numbers and lists (item 1 is 7, item 2 is a list); "
                                + "expected a list of rows, each a list of numbers"),
                notes("\"x\":  [[1, 3, 0]]", "\"x\":  []",
                        "problems/hw1.json: given.x is an empty list; expected numbers"),
                notes("\"x\":  [[1, 3, 0]]", "\"x\":  [[]]",
                        "problems/hw1.json: given.x[0]: row 1 is an empty list; expected numbers"),
                notes("\"x\":  [[1, 3, 0]]", "\"x\":  null",
                        "problems/hw1.json: given.x: expected a number or a list of numbers, found null"),
                edit(TWO_LAYERS, JSON_FILE, "\"W2\": [[1, 0, -1], [0, 1, 0]]", "\"W2\": [[1, 0], [0, 1], [-1, 0]]",
                        "problems/hw1.json: given.W2 is 3×2, but layer 2 with weightLayout out-in needs 2×3 (units × inputs)"),
                edit(TWO_LAYERS, JSON_FILE, "\"b2\": [0.1, -0.1]", "\"b2\": [0.1, -0.1, 0]",
                        "problems/hw1.json: given.b2 is 1×3, but layer 2 has 2 units: write it as a flat list of 2 values"),
                edit(TWO_LAYERS, JSON_FILE, "\"y\":  [[1, 0], [0, 1]]", "\"y\":  [1, 0]",
                        "problems/hw1.json: given.y is 1×2, but needs 2×2 (one row per sample of x, one column per output unit)"),
                edit(TWO_LAYERS, JSON_FILE, ",\n    \"b2\": [0.1, -0.1]", "",
                        "problems/hw1.json: given.b2 is missing; layer 2 needs its biases, a list of 2 values"),
                edit(TWO_LAYERS, JSON_FILE, "\"b2\": [0.1, -0.1]", "\"b2\": [0.1, -0.1], \"W3\": [[1]]",
                        "problems/hw1.json: given.W3 is not a given of this 2-layer network (did you mean \"W1\"?); "
                                + "expected x, y, W1, b1, W2, b2"),

                // targets the loss cannot take
                notes("\"y\":  [[0, 1, 0]]", "\"y\":  [[0, 1, 1]]",
                        "problems/hw1.json: given.y row 1 sums to 2, but cross-entropy needs each row of y to be one-hot "
                                + "or a probability distribution (summing to 1)"),
                notes("\"y\":  [[0, 1, 0]]", "\"y\":  [[0.2, 0.2, 0.2]]",
                        "problems/hw1.json: given.y row 1 sums to 0.6000000000000001, but cross-entropy needs each row of y "
                                + "to be one-hot or a probability distribution (summing to 1)"),
                notes("\"y\":  [[0, 1, 0]]", "\"y\":  [[-0.5, 1, 0.5]]",
                        "problems/hw1.json: given.y row 1, column 1 is -0.5, but cross-entropy needs targets between 0 and 1"),
                edit(LOGISTIC, JSON_FILE, "\"y\": [[1], [0]]", "\"y\": [[1], [1.5]]",
                        "problems/hw1.json: given.y row 2, column 1 is 1.5, but binary-cross-entropy needs targets "
                                + "between 0 and 1"),
                edit(LOGISTIC, JSON_FILE, "\"y\": [[1], [0]]", "\"y\": [[-1], [0]]",
                        "problems/hw1.json: given.y row 1, column 1 is -1, but binary-cross-entropy needs targets "
                                + "between 0 and 1"),
                edit(LOGISTIC, JSON_FILE, "\"activation\": \"sigmoid\"", "\"activation\": \"relu\"",
                        "problems/hw1.json: network.loss: binary-cross-entropy takes the log of the outputs, so the "
                                + "output layer needs sigmoid or softmax (probabilities), not relu"),

                // the network itself
                notes("\"units\": 3, \"activation\": \"softmax\"", "\"units\": 1, \"activation\": \"softmax\"",
                        "problems/hw1.json: network.layers[0]: layer 1 is softmax over 1 unit, which always outputs 1; "
                                + "use sigmoid for a single output, or give it at least 2 units"),
                notes("\"inputs\": 3", "\"inputs\": 0",
                        "problems/hw1.json: network.inputs: expected the number of inputs (a whole number ≥ 1), found 0"),
                notes("\"inputs\": 3", "\"inputs\": 2.5",
                        "problems/hw1.json: network.inputs: expected the number of inputs (a whole number ≥ 1), found 2.5"),
                notes("\"inputs\": 3", "\"inputs\": \"three\"",
                        "problems/hw1.json: network.inputs: expected the number of inputs (a whole number ≥ 1), found \"three\""),
                notes("\"layers\": [ { \"units\": 3, \"activation\": \"softmax\" } ]", "\"layers\": []",
                        "problems/hw1.json: network.layers: expected a non-empty list of layers, found an empty list"),

                // ask, tolerance and points name quantities of this network
                notes("\"db1\"", "\"dW2\"",
                        "problems/hw1.json: ask[5]: \"dW2\" is not a quantity of this 1-layer network (did you mean "
                                + "\"dW1\"?); expected one of " + NOTES_QUANTITIES),
                notes("\"db1\"", "\"a1\"",
                        "problems/hw1.json: ask[5]: \"a1\" is not a quantity of this 1-layer network (did you mean "
                                + "\"yhat\"?); expected one of " + NOTES_QUANTITIES),
                notes("\"db1\"", "\"dz1\"", "problems/hw1.json: ask[5]: \"dz1\" is asked twice"),
                notes("\"ask\": [\"z1\", \"yhat\", \"loss\", \"dz1\", \"dW1\", \"db1\", \"W1_next\", \"b1_next\"]",
                        "\"ask\": []",
                        "problems/hw1.json: ask: expected a non-empty list of quantity names, found an empty list"),
                notes("\"loss\": { \"relative\": 0.01 }", "\"Loss\": { \"relative\": 0.01 }",
                        "problems/hw1.json: tolerance.Loss: \"Loss\" is not a quantity of this 1-layer network (did you "
                                + "mean \"loss\"?); expected one of " + NOTES_QUANTITIES),
                notes("\"dW1\": 2", "\"dw1\": 2",
                        "problems/hw1.json: points.dw1: \"dw1\" is not a quantity of this 1-layer network (did you mean "
                                + "\"dW1\"?); expected one of " + NOTES_QUANTITIES),

                // numbers
                notes("\"b1\": [0.1, 0.1, 0.1]", "\"b1\": [0.1, \"abc\", 0.1]",
                        "problems/hw1.json: given.b1[1]: \"abc\" is not a number"),
                notes("\"b1\": [0.1, 0.1, 0.1]", "\"b1\": [0.1, 1e309, 0.1]",
                        "problems/hw1.json: given.b1[1]: 1E+309 is not a finite number (too large for a double)"),
                notes("\"b1\": [0.1, 0.1, 0.1]", "\"b1\": [0.1, \"1e309\", 0.1]",
                        "problems/hw1.json: given.b1[1]: \"1e309\" is not a finite number (too large for a double)"),
                notes("[-0.2, 0.5, -3]", "[-0.2, NaN, -3]",
                        "problems/hw1.json: given.W1[2][1]: \"NaN\" is not a number (NaN is not accepted)"),
                notes("[-0.2, 0.5, -3]", "[-0.2, -Infinity, -3]",
                        "problems/hw1.json: given.W1[2][1]: -Infinity is not a finite number (too large for a double)"),
                notes("[-0.2, 0.5, -3]", "[-0.2, \"1/0\", -3]",
                        "problems/hw1.json: given.W1[2][1]: \"1/0\" divides by zero"),
                notes("[-0.2, 0.5, -3]", "[-0.2, null, -3]",
                        "problems/hw1.json: given.W1[2][1]: expected a number, found null"),
                notes("[-0.2, 0.5, -3]", "[-0.2, true, -3]",
                        "problems/hw1.json: given.W1[2][1]: expected a number, found true"),
                notes("\"learningRate\": 1.0", "\"learningRate\": \"fast\"",
                        "problems/hw1.json: learningRate: \"fast\" is not a number"),
                notes("\"learningRate\": 1.0", "\"learningRate\": 0",
                        "problems/hw1.json: learningRate must be positive, found 0"),
                notes("\"learningRate\": 1.0", "\"learningRate\": 1.0, \"regularization\": {\"l2\": -1}",
                        "problems/hw1.json: regularization.l2 must be 0 or more, found -1"),
                notes("\"learningRate\": 1.0", "\"learningRate\": 1.0, \"regularization\": 0.1",
                        "problems/hw1.json: regularization: expected an object such as {\"l2\": 0.1}, found 0.1"),
                notes("\"learningRate\": 1.0", "\"learningRate\": 1.0, \"regularization\": {\"l1\": 2, \"l2\": 0.1}",
                        "problems/hw1.json: regularization.l1: unknown field \"l1\" (did you mean \"l2\"?); expected one of l2"),
                notes("\"learningRate\": 1.0", "\"learningRate\": 1.0, \"regularization\": {}",
                        "problems/hw1.json: regularization.l2 is missing; expected λ of the L2 penalty (λ/2)·Σ‖W‖², such as 0.1"),
                notes("\"learningRate\": 1.0", "\"learningRate\": -0.1",
                        "problems/hw1.json: learningRate must be positive, found -0.1"),
                notes("\"learningRate\": 1.0,", "",
                        "problems/hw1.json: learningRate is missing; the step W_next = W − η·dW needs the learning rate η"),
                notes("\"absolute\": 0.01", "\"absolute\": -0.01",
                        "problems/hw1.json: tolerance.default.absolute must be ≥ 0, found -0.01"),
                notes("\"loss\": { \"relative\": 0.01 }", "\"loss\": { \"decimals\": 2.5 }",
                        "problems/hw1.json: tolerance.loss.decimals: expected a whole number from 0 to 15, found 2.5"),
                notes("\"loss\": { \"relative\": 0.01 }", "\"loss\": { \"decimals\": 2, \"absolute\": 0.1 }",
                        "problems/hw1.json: tolerance.loss: combines decimals or sigfigs with another tolerance; use "
                                + "absolute and/or relative, or decimals, or sigfigs"),
                notes("\"dW1\": 2", "\"dW1\": -2",
                        "problems/hw1.json: points.dW1 must be more than 0 and at most 1000000, found -2"),
                notes("\"default\": 1,", "\"default\": -1,",
                        "problems/hw1.json: points.default must be more than 0 and at most 1000000, found -1"),
                // 1e308 points gave scores such as 9.223372036854776E14; 0 is a quantity not to ask
                notes("\"dW1\": 2", "\"dW1\": 1e308",
                        "problems/hw1.json: points.dW1 must be more than 0 and at most 1000000, found 1.0E308"),
                notes("\"dW1\": 2", "\"dW1\": 1000000.5",
                        "problems/hw1.json: points.dW1 must be more than 0 and at most 1000000, found 1000000.5"),
                notes("\"points\": {", "\"constraints\": {\"maxTries\": 2147483647}, \"points\": {",
                        "problems/hw1.json: constraints.maxTries: expected a whole number from 1 to 100000, found 2147483647"),
                notes("\"points\": {", "\"constraints\": {\"maxTries\": 0}, \"points\": {",
                        "problems/hw1.json: constraints.maxTries: expected a whole number from 1 to 100000, found 0"),
                notes("\"default\": 1,", "\"default\": 0,",
                        "problems/hw1.json: points.default must be more than 0 and at most 1000000, found 0"),
                notes("\"points\": {", "\"followThrough\": 1.5, \"points\": {",
                        "problems/hw1.json: followThrough must be between 0 and 1 (the share of points kept), found 1.5"),
                notes("\"points\": {", "\"partialCredit\": \"yes\", \"points\": {",
                        "problems/hw1.json: partialCredit: expected true or false, found \"yes\""),

                // unknown fields: one line, with the field meant
                notes("\"learningRate\": 1.0", "\"learningrate\": 1.0",
                        "problems/hw1.json: learningrate: unknown field \"learningrate\" (did you mean \"learningRate\"?); "
                                + "expected one of " + TOP_FIELDS),
                notes("\"points\": {", "\"hint\": \"use the chain rule\", \"points\": {",
                        "problems/hw1.json: hint: unknown field \"hint\"; expected one of " + TOP_FIELDS),
                notes("\"inputs\": 3", "\"input\": 3",
                        "problems/hw1.json: network.input: unknown field \"input\" (did you mean \"inputs\"?); expected "
                                + "one of inputs, layers, loss, reduction, weightLayout"),
                notes("\"units\": 3", "\"unit\": 3",
                        "problems/hw1.json: network.layers[0].unit: unknown field \"unit\" (did you mean \"units\"?); "
                                + "expected one of units, activation"),
                notes("\"absolute\": 0.01", "\"absolut\": 0.01",
                        "problems/hw1.json: tolerance.default.absolut: unknown tolerance \"absolut\" (did you mean "
                                + "\"absolute\"?); expected one of absolute, relative, decimals, sigfigs"),

                // syntax, duplicates
                notes("\"learningRate\": 1.0,", "\"learningRate\": 1.0",
                        "problems/hw1.json:13: invalid JSON: unexpected character '\"': was expecting comma to separate "
                                + "Object entries (column 3)"),
                notes("[-0.2, 0.5, -3]]", "[-0.2, 0.5, -3],]",
                        "problems/hw1.json:16: invalid JSON: unexpected character ']': expected a valid value (a number, "
                                + "a \"string\", a list, an object, true, false or null) (column 63)"),
                notes("[-0.2, 0.5, -3]]", "[-0.2, 0.5, -3]}",
                        "problems/hw1.json:16: invalid JSON: Unexpected close marker '}': expected ']' (to close the list "
                                + "opened on line 16) (column 62)"),
                notes("\"learningRate\": 1.0,", "\"learningRate\": 1.0, // eta\n",
                        "problems/hw1.json:12: invalid JSON: unexpected character '/': JSON has no comments (YAML has, "
                                + "after #) (column 24)"),
                notes("\"points\": { \"default\": 1, \"dW1\": 2 }\n}", "\"points\": { \"default\": 1, \"dW1\": 2 }\n",
                        "problems/hw1.json:23: invalid JSON: the file ends inside the object opened on line 1 "
                                + "(a closing } is missing) (column 1)"),
                notes("\"points\": { \"default\": 1, \"dW1\": 2 }\n}", "\"points\": { \"default\": 1, \"dW1\": 2 }\n}\n{}",
                        "problems/hw1.json:23: invalid JSON: more text follows the end of the problem object; a problem "
                                + "file holds one object"),
                notes("\"learningRate\": 1.0,", "\"learningRate\": 1.0, \"learningRate\": 0.1,",
                        "problems/hw1.json:12: learningRate appears twice; give each field once"),
                notes("\"b1\": [0.1, 0.1, 0.1]", "\"b1\": [0.1, 0.1, 0.1],\n    \"b1\": [0, 0, 0]",
                        "problems/hw1.json:18: given.b1 appears twice; give each field once"),

                // YAML
                yaml("learningRate: 1.0", "learningRate: .nan",
                        "problems/hw1.yaml:6: learningRate: \".nan\" is not a number (NaN is not accepted)"),
                yaml("b1: [0.1, 0.1, 0.1]", "b1: [0.1, -.inf, 0.1]",
                        "problems/hw1.yaml:11: given.b1[1]: \"-.inf\" is not a finite number"),
                yaml("b1: [0.1, 0.1, 0.1]", "b1: [0.1, abc, 0.1]",
                        "problems/hw1.yaml: given.b1[1]: \"abc\" is not a number"),
                yaml("b1: [0.1, 0.1, 0.1]", "b1: [0.1, 1.0e+309, 0.1]",
                        "problems/hw1.yaml: given.b1[1]: 1E+309 is not a finite number (too large for a double)"),
                yaml("b1: [0.1, 0.1, 0.1]", "b1: [0.1, 0.1, 0.1\n",
                        "problems/hw1.yaml:13: invalid YAML: expected ',' or ']', but got : (while parsing a flow "
                                + "sequence that starts on line 11) (column 4)"),
                yaml("  loss: cross-entropy", "\tloss: cross-entropy",
                        "problems/hw1.yaml:5: invalid YAML: found character '\\t(TAB)' that cannot start any token. "
                                + "(Do not use \\t(TAB) for indentation) (column 1)"),
                yaml("learningRate: 1.0", "learningRate: 1.0\nlearningRate: 2",
                        "problems/hw1.yaml:7: learningRate appears twice; give each field once"),
                yaml("learningRate: 1.0", "learningrate: 1.0",
                        "problems/hw1.yaml: learningrate: unknown field \"learningrate\" (did you mean \"learningRate\"?); "
                                + "expected one of " + TOP_FIELDS),
                yaml("activation: softmax", "activation: sofmax",
                        "problems/hw1.yaml: network.layers[0].activation: layer 1 has unknown activation \"sofmax\" "
                                + "(did you mean \"softmax\"?); expected one of " + ACTIVATIONS),
                yaml("points:\n  default: 1\n", "points:\n  default: 1\n---\nid: second\n",
                        "problems/hw1.yaml:18: invalid YAML: a second document (after \"---\") follows the problem; "
                                + "a problem file holds one document")
        );
    }

    @ParameterizedTest(name = "[{index}] {4}")
    @MethodSource("mistakes")
    void eachMistakeIsOneClearLine(String base, String source, String find, String replace, String expected) {
        assertEquals(List.of(expected), errorsOf(source, replaced(base, find, replace)));
    }

    /** Some single edits make two mistakes (the change breaks two givens); both are reported. */
    static Stream<Arguments> twoMistakes() {
        return Stream.of(
                arguments(TWO_LAYERS, JSON_FILE, "\"weightLayout\": \"out-in\"", "\"weightLayout\": \"in-out\"",
                        "problems/hw1.json: given.W1 is 3×2, but layer 1 with weightLayout in-out needs 2×3 (inputs × units)",
                        "problems/hw1.json: given.W2 is 2×3, but layer 2 with weightLayout in-out needs 3×2 (inputs × units)"),
                arguments(TWO_LAYERS, JSON_FILE, "\"inputs\": 2", "\"inputs\": 3",
                        "problems/hw1.json: given.x is 2×2, but network.inputs is 3: each row of x is one sample of 3 inputs",
                        "problems/hw1.json: given.W1 is 3×2, but layer 1 with weightLayout out-in needs 3×3 (units × inputs)"));
    }

    @ParameterizedTest(name = "[{index}] {4}")
    @MethodSource("twoMistakes")
    void bothMistakesAreReported(String base, String source, String find, String replace, String first, String second) {
        assertEquals(List.of(first, second), errorsOf(source, replaced(base, find, replace)));
    }

    @Test
    void independentErrorsInOneFileAreAllReported() {
        String text = replaced(replaced(replaced(replaced(replaced(replaced(NOTES,
                "\"learningRate\": 1.0", "\"learningRate\": -1"),
                "\"title\":", "\"titel\": \"x\", \"title\":"),
                "\"W1\": [[0.1, 0.2, -0.3], [-0.6, -0.5, 2], [-0.2, 0.5, -3]]", "\"W1\": [[0.1, 0.2, -0.3]]"),
                "\"db1\"", "\"db2\""),
                "\"absolute\": 0.01", "\"absolute\": \"abc\""),
                "\"dW1\": 2", "\"dW1\": -2");
        assertEquals(List.of(
                "problems/hw1.json: titel: unknown field \"titel\" (did you mean \"title\"?); expected one of " + TOP_FIELDS,
                "problems/hw1.json: learningRate must be positive, found -1",
                "problems/hw1.json: given.W1 is 1×3, but layer 1 with weightLayout out-in needs 3×3 (units × inputs)",
                "problems/hw1.json: ask[5]: \"db2\" is not a quantity of this 1-layer network (did you mean \"db1\"?); "
                        + "expected one of " + NOTES_QUANTITIES,
                "problems/hw1.json: tolerance.default.absolute: \"abc\" is not a number",
                "problems/hw1.json: points.dW1 must be more than 0 and at most 1000000, found -2"), errorsOf(JSON_FILE, text));
    }

    @Test
    void everyBadCellIsReported() {
        String text = replaced(NOTES, "\"W1\": [[0.1, 0.2, -0.3], [-0.6, -0.5, 2], [-0.2, 0.5, -3]]",
                "\"W1\": [[0.1, \"x\", -0.3], [-0.6, -0.5, 2], [-0.2, 0.5, \"1/0\"]]");
        assertEquals(List.of(
                "problems/hw1.json: given.W1[0][1]: \"x\" is not a number",
                "problems/hw1.json: given.W1[2][2]: \"1/0\" divides by zero"), errorsOf(JSON_FILE, text));
    }

    @Test
    void aBrokenNetworkStopsBeforeTheGivens() {
        // with no usable network, given and ask cannot be checked; only the network's own errors are shown
        String text = replaced(replaced(NOTES, "\"loss\": \"cross-entropy\"", "\"loss\": \"ce\""),
                "\"x\":  [[1, 3, 0]]", "\"x\":  [[1, 3]]");
        assertEquals(List.of("problems/hw1.json: network.loss: unknown loss \"ce\"; expected one of " + LOSSES),
                errorsOf(JSON_FILE, text));
    }

    static Stream<Arguments> wholeFileMistakes() {
        String empty = ": is empty; expected a problem (JSON or YAML)";
        return Stream.of(
                arguments(JSON_FILE, "", List.of(JSON_FILE + empty)),
                arguments(JSON_FILE, " \n\t\n", List.of(JSON_FILE + empty)),
                arguments(JSON_FILE, "\uFEFF", List.of(JSON_FILE + empty)),
                arguments(YAML_FILE, "# to do\n", List.of(YAML_FILE + empty)),
                arguments(YAML_FILE, "---\n", List.of(YAML_FILE + empty)),
                arguments(JSON_FILE, "[1, 2]",
                        List.of("problems/hw1.json: expected an object with the fields of a problem, found a list")),
                arguments(YAML_FILE, "just text\n",
                        List.of("problems/hw1.yaml: expected an object with the fields of a problem, found a single value "
                                + "(not quoted: a file that is not what it was given as may hold a secret)")),
                // two independent omissions, two lines
                arguments(JSON_FILE, "{}", List.of("problems/hw1.json: network is missing; expected inputs, layers, loss",
                        "problems/hw1.json: learningRate is missing; the step W_next = W − η·dW needs the learning rate η")));
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @MethodSource("wholeFileMistakes")
    void wholeFileMistakesAreOneLineEach(String source, String text, List<String> expected) {
        assertEquals(expected, errorsOf(source, text));
    }

    @Test
    void missingFile(@TempDir Path dir) {
        Path file = dir.resolve("hw9.json");
        BadInputException e = assertThrows(BadInputException.class, () -> ProblemLoader.load(file));
        assertEquals(List.of(file + ": no such file"), lines(e));
    }

    @Test
    void emptyFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("hw1.json"), "");
        BadInputException e = assertThrows(BadInputException.class, () -> ProblemLoader.load(file));
        assertEquals(List.of(file + ": is empty; expected a problem (JSON or YAML)"), lines(e));
    }

    @Test
    void folderInsteadOfFile(@TempDir Path dir) {
        BadInputException e = assertThrows(BadInputException.class, () -> ProblemLoader.load(dir));
        assertEquals(List.of(dir + ": is a folder; expected a problem file"), lines(e));
    }

    @Test
    void notUtf8(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("hw1.json"), new byte[] {'{', (byte) 0xE9, '}'});
        BadInputException e = assertThrows(BadInputException.class, () -> ProblemLoader.load(file));
        assertEquals(List.of(file + ": is not UTF-8 text"), lines(e));
    }

    @Test
    void theNotesProblemLoads() {
        Problem p = ProblemLoader.parse(JSON_FILE, NOTES);
        assertEquals("notes-softmax-step", p.id());
        assertEquals(3, p.network().inputs());
        assertEquals(new Activation.Softmax(), p.network().output().activation());
        assertEquals(Loss.CROSS_ENTROPY, p.network().loss());
        assertEquals(Matrix.of(new double[][] {{1, 3, 0}}), p.x());
        assertEquals(Matrix.row(0.1, 0.1, 0.1), p.b(1));
        assertEquals(8, p.ask().size());
        assertEquals(2.0, p.points().of(Quantity.of(Quantity.Kind.DW, 1)));
        assertEquals(new Tolerance.Bound(0, 0.01), p.tolerance().of(Quantity.LOSS));
    }

    @Test
    void yamlGivesTheSameProblemAsJson() throws IOException, URISyntaxException {
        Problem json = ProblemLoader.load(Path.of("problems/notes-softmax-step.json"));
        Path yamlFile = Path.of(getClass().getResource("/problems/notes-softmax-step.yaml").toURI());
        Problem yaml = ProblemLoader.load(yamlFile);
        assertEquals(json.id(), yaml.id());
        assertEquals(json.title(), yaml.title());
        assertEquals(json.statement(), yaml.statement());
        assertEquals(json.network(), yaml.network());
        assertEquals(json.learningRate(), yaml.learningRate());
        assertEquals(json.x(), yaml.x());
        assertEquals(json.y(), yaml.y());
        assertEquals(json.weights(), yaml.weights());
        assertEquals(json.biases(), yaml.biases());
        assertEquals(json.ask(), yaml.ask());
        assertEquals(json.tolerance(), yaml.tolerance());
        assertEquals(json.points(), yaml.points());
        assertEquals(json.partialCredit(), yaml.partialCredit());
        assertEquals(json.followThrough(), yaml.followThrough());
        // and the in-memory copy used by the YAML cases above is valid too
        assertEquals(json.network(), ProblemLoader.parse(YAML_FILE, NOTES_YAML).network());
    }

    @Test
    void lenientSpellingsOfValidValues() {
        Problem p = ProblemLoader.parse(JSON_FILE, replaced(replaced(replaced(NOTES,
                "\"inputs\": 3", "\"inputs\": 3.0"),
                "\"b1\": [0.1, 0.1, 0.1]", "\"b1\": [\"0,1\", \"1/10\", \" 0.1 \"]"),
                "\"learningRate\": 1.0", "\"learningRate\": \"1\""));
        assertEquals(3, p.network().inputs());
        assertEquals(Matrix.row(0.1, 0.1, 0.1), p.b(1));
        assertEquals(1.0, p.learningRate());
    }

    /**
     * Whatever value a teacher puts in any field, the loader answers with a valid problem or with
     * one-line errors naming the file: never a parser's or Java's own exception.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("bases")
    void anyValueInAnyFieldGivesBadInputOrAProblem(String name, String base) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<String> junk = List.of("null", "{}", "[]", "[[]]", "[null]", "\"x\"", "\"\"", "-1", "0", "2.5", "1e309",
                "true", "[[1, 2], 3]", "{\"random\": \"one-hot\"}", "{\"name\": \"leaky-relu\", \"alpha\": 2}");
        List<List<Object>> paths = new ArrayList<>();
        collectPaths(mapper.readTree(base), new ArrayList<>(), paths);
        int refused = 0;
        for (List<Object> path : paths) {
            for (String value : junk) {
                JsonNode root = mapper.readTree(base);
                set(root, path, mapper.readTree(value));
                String text = mapper.writeValueAsString(root);
                try {
                    ProblemLoader.parse(JSON_FILE, text);
                } catch (BadInputException e) {
                    refused++;
                    assertTrue(!e.errors().isEmpty(), text);
                    for (String line : lines(e)) {
                        assertTrue(line.startsWith(JSON_FILE + ": ") && !line.contains("\n"), line);
                    }
                } catch (RuntimeException e) {
                    throw new AssertionError(path + " = " + value + " threw " + e, e);
                }
            }
        }
        assertTrue(refused > paths.size(), "most edits are refused");
    }

    static Stream<Arguments> bases() {
        return Stream.of(arguments("notes", NOTES), arguments("two layers", TWO_LAYERS), arguments("logistic", LOGISTIC));
    }

    private static void collectPaths(JsonNode node, List<Object> at, List<List<Object>> out) {
        if (!at.isEmpty()) {
            out.add(List.copyOf(at));
        }
        if (node.isObject()) {
            for (var it = node.fieldNames(); it.hasNext(); ) {
                at.add(it.next());
                collectPaths(node.get((String) at.get(at.size() - 1)), at, out);
                at.remove(at.size() - 1);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                at.add(i);
                collectPaths(node.get(i), at, out);
                at.remove(at.size() - 1);
            }
        }
    }

    private static void set(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = root;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer i) {
            ((ArrayNode) parent).set(i, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    /** Every problem shipped in problems/ loads (one with generators, as a student's variant). */
    @Test
    void shippedProblemsLoad() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("problems"))) {
            List<Path> all = files.filter(f -> f.toString().matches(".*\\.(json|ya?ml)")).sorted().toList();
            assertTrue(all.size() >= 1);
            for (Path f : all) {
                try {
                    Variants.of(ProblemLoader.read(f), "student", Secret.of("test"));
                } catch (BadInputException e) {
                    fail(String.join("\n", lines(e)));
                }
            }
        }
    }

    private static String replaced(String base, String find, String replace) {
        int at = base.indexOf(find);
        if (at < 0 || base.indexOf(find, at + 1) >= 0) {
            throw new IllegalArgumentException("the test's edit must match once: " + find);
        }
        return base.replace(find, replace);
    }

    private static List<String> errorsOf(String source, String text) {
        try {
            ProblemLoader.parse(source, text);
        } catch (BadInputException e) {
            return lines(e);
        }
        return fail("expected the problem to be refused:\n" + text);
    }

    private static List<String> lines(BadInputException e) {
        return e.errors().stream().map(InputError::oneLine).toList();
    }

    /** A step-1 name's tolerance and points cover its later steps; an entry of a later step overrides them. */
    @Test
    void aQuantitysToleranceAndPointsCoverItsLaterSteps() {
        Problem p = ProblemLoader.parse("steps.json", """
                {"id": "s", "learningRate": 1, "steps": 3,
                 "network": {"inputs": 1, "layers": [{"units": 1, "activation": "linear"}], "loss": "mse"},
                 "given": {"x": [[1]], "y": [[2]], "W1": [[0.5]], "b1": [0]},
                 "ask": ["loss", "loss@2", "loss@3", "dW1", "dW1@2", "db1@2"],
                 "tolerance": {"default": {"absolute": 0.001}, "loss": {"relative": 0.01}, "loss@3": {"decimals": 2}},
                 "points": {"default": 1, "dW1": 2}}
                """);
        Quantity loss = p.quantities().parse("loss").orElseThrow();
        assertEquals(p.tolerance().of(loss), p.tolerance().of(loss.atStep(2)));
        assertEquals("±1%", p.tolerance().of(loss.atStep(2)).describe());
        assertEquals("2 decimals", p.tolerance().of(loss.atStep(3)).describe());
        assertEquals("±0.001", p.tolerance().of(p.quantities().parse("db1@2").orElseThrow()).describe());
        assertEquals(2.0, p.points().of(p.quantities().parse("dW1@2").orElseThrow()));
        assertEquals(1.0, p.points().of(p.quantities().parse("db1@2").orElseThrow()));
    }
}
