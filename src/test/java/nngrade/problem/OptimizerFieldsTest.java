package nngrade.problem;

import nngrade.input.BadInputException;
import nngrade.input.InputError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** "optimizer", "steps" and the optimiser's state in "given" (formats.md v1.1): defaults and refusals. */
class OptimizerFieldsTest {
    private static final String SOURCE = "problems/adam-step.json";

    private static String base() throws Exception {
        return Files.readString(Path.of(SOURCE));
    }

    /** The problem asking every quantity (whichever state its optimiser keeps). */
    private static String withoutAsk() throws Exception {
        return base().replaceAll("\"ask\": \\[[^\\]]*\\],", "");
    }

    @Test
    void theDefaultsAreTheSpecs() throws Exception {
        Problem p = ProblemLoader.parse(SOURCE, base());
        assertEquals(new Optimizer.Adam(0.9, 0.999, 1e-8), p.optimizer());
        assertEquals(2, p.t());
        assertEquals(1, p.steps());
        Problem m = ProblemLoader.parse(SOURCE, withoutAsk().replace("{ \"name\": \"adam\" }", "{ \"name\": \"momentum\" }")
                .replace("\"t\": 2,", "").replace("\"mW1\": [[0.1, -0.05, 0.2]],", "").replace("\"mb1\": [0.05],", ""));
        assertEquals(new Optimizer.Momentum(0.9, 0), m.optimizer());
        Problem r = ProblemLoader.parse(SOURCE, withoutAsk().replace("{ \"name\": \"adam\" }", "{ \"name\": \"rmsprop\" }")
                .replace("\"t\": 2,", "").replace("\"mW1\": [[0.1, -0.05, 0.2]],", "").replace("\"mb1\": [0.05],", "")
                .replace("\"vW1\"", "\"sW1\"").replace("\"vb1\"", "\"sb1\""));
        assertEquals(new Optimizer.RmsProp(0.9, 1e-8), r.optimizer());
        assertEquals(List.of(0.0005), List.of(r.state().get("sb1").at(0)));
    }

    @Test
    void stateNotGivenIsZeros() throws Exception {
        Problem p = ProblemLoader.parse(SOURCE, base().replace("\"mb1\": [0.05],", ""));
        assertEquals(Matrix.zeros(1, 1), p.state().get("mb1"));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                arguments("{ \"name\": \"adam\" }", "{ \"name\": \"adamw\" }",
                        "problems/adam-step.json: optimizer.name: \"adamw\" is not an optimiser (did you mean \"adam\"?); "
                                + "expected one of sgd, momentum, rmsprop, adam"),
                arguments("{ \"name\": \"adam\" }", "{ \"name\": \"adam\", \"beta1\": 1 }",
                        "problems/adam-step.json: optimizer.beta1 must be at least 0 and less than 1, found 1"),
                arguments("{ \"name\": \"adam\" }", "{ \"name\": \"adam\", \"epsilon\": 0 }",
                        "problems/adam-step.json: optimizer.epsilon must be more than 0 (it keeps √s + ε from 0), found 0"),
                arguments("\"t\": 2,", "\"t\": -1,",
                        "problems/adam-step.json: given.t: expected the steps Adam has already taken, a whole number "
                                + "from 0 to 1000000, found -1"),
                arguments("\"mb1\": [0.05],", "\"mb1\": [0.05], \"sb1\": [1],",
                        "problems/adam-step.json: given.sb1 is optimiser state that adam does not keep; "
                                + "adam keeps mW1, vW1, mb1, vb1"),
                arguments("\"mb1\": [0.05],", "\"mb1\": [0.05, 1],",
                        "problems/adam-step.json: given.mb1 is 1×2, but the state of b1 has its shape, 1×1 "
                                + "(a flat list of 1 values)"),
                arguments("\"learningRate\": 0.01,", "\"learningRate\": 0.01, \"steps\": 101,",
                        "problems/adam-step.json: steps: expected at most 100 steps (a whole number from 1 to 100), found 101"),
                arguments("\"learningRate\": 0.01,", "\"learningRate\": 0.01, \"steps\": 0,",
                        "problems/adam-step.json: steps: expected the number of steps on the batch (a whole number ≥ 1), found 0"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("refusals")
    void eachMistakeIsOneLocatedLine(String find, String replace, String expected) throws Exception {
        String text = base().replace(find, replace);
        BadInputException e = assertThrows(BadInputException.class, () -> ProblemLoader.parse(SOURCE, text));
        assertEquals(List.of(expected), e.errors().stream().map(InputError::oneLine).toList());
    }

    @Test
    void tIsRefusedWithoutAdam() throws Exception {
        String text = base().replace("{ \"name\": \"adam\" }", "{ \"name\": \"sgd\" }")
                .replace("\"mW1\": [[0.1, -0.05, 0.2]],", "").replace("\"mb1\": [0.05],", "")
                .replace("\"vW1\": [[0.002, 0.001, 0.004]],", "").replace("\"vb1\": [0.0005]", "\"W1_x\": 1")
                .replace(", \"mW1_next\", \"vW1_next\", \"mb1_next\", \"vb1_next\"", "");
        BadInputException e = assertThrows(BadInputException.class, () -> ProblemLoader.parse(SOURCE, text));
        assertEquals("problems/adam-step.json: given.t counts the steps Adam has taken, but the optimizer is sgd: "
                + "remove it, or set \"optimizer\": {\"name\": \"adam\"}", e.errors().get(0).oneLine());
    }
}
