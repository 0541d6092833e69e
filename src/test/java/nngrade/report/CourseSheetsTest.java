package nngrade.report;

import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import nngrade.solve.Solver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a sheet and a key say of the v1.1 problems: the optimiser with its hyper-parameters, Adam's
 * t, the steps, the given state among the given values, and a graph's inputs as one table.
 */
class CourseSheetsTest {

    private static Problem load(String name) {
        return ProblemLoader.load(Path.of("problems", name + ".json"));
    }

    private static String section(String md, String from, String to) {
        return md.substring(md.indexOf(from), md.indexOf(to));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "adam-step | en | ; optimiser adam (β1 = 0.9, β2 = 0.999, ε = 1e-8), t = 2 (2 steps already taken)",
        "adam-step | ro | ; optimizatorul adam (β1 = 0,9; β2 = 0,999; ε = 1e-8), t = 2 (2 pași deja făcuți)",
        "momentum-step | en | ; learning rate η = 0.1; optimiser momentum (β = 0.9, dampening = 0)",
        "momentum-step | ro | ; rata de învățare η = 0,1; optimizatorul momentum (β = 0,9; dampening = 0)",
        "three-step-loss | en | ; 3 steps on this batch, each from the parameters and state the one before left",
        "three-step-loss | ro | ; 3 pași pe acest lot, fiecare de la parametrii și starea lăsate de cel dinainte",
    })
    void theNetworkLineStatesTheOptimiserItsTAndTheSteps(String problem, Messages.Lang lang, String expected) {
        String network = TaskSheet.sheet(load(problem), "ana", null, null, new Messages(lang)).network();
        assertTrue(network.contains(expected), network);
    }

    @Test
    void aPlainStepSaysNothingOfOptimisersOrSteps() {
        String network = TaskSheet.sheet(load("notes-softmax-step"), "ana", null, null, new Messages(Messages.Lang.en)).network();
        assertFalse(network.contains("optimiser") || network.contains("steps"), network);
    }

    @Test
    void theGivenStateIsListedAfterTheParameters() {
        String given = section(TaskSheet.markdown(load("momentum-step"), "ana"), "## Given", "## Answer");
        assertTrue(given.contains("""
                `b1` (1×1)

                ```
                     0.1
                ```

                `vW1` (1×2)

                ```
                    0.05     -0.02
                ```

                `vb1` (1×1)

                ```
                    0.01
                ```
                """), given);
    }

    @Test
    void adamsGivenMomentsAreListedInTheOrderOfTheSpec() {
        var names = TaskSheet.sheet(load("adam-step"), "ana", null, null, new Messages(Messages.Lang.en)).given().stream()
                .map(TaskSheet.Given::name).toList();
        assertEquals(List.of("x", "y", "W1", "b1", "mW1", "vW1", "mb1", "vb1"), names);
    }

    @Test
    void aGraphsInputsAreOneTableAndItsNodesTheirFormulas() {
        String md = TaskSheet.markdown(load("graph-add-mul"), "ana");
        assertEquals("""
                ## Graph

                | node | formula |
                |---|---|
                | `q` | q = x \\+ y |
                | `f` | f = q·z |

                output f

                ## Given

                | input | value |
                |---|---|
                | `x` | -2 |
                | `y` | 5 |
                | `z` | -4 |

                """, section(md, "## Graph", "## Answer"));
        assertTrue(md.contains("- `dx` (a number), 1 point\n"), md);
        assertTrue(md.contains("    \"dx\": null,\n"), md);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en | p0 = w0·x0; p1 = w1·x1; s = p0 + p1 + w2; f = σ(s); output f; the params w0, w1, w2 take one gradient-descent step, learning rate η = 0.5",
        "ro | p0 = w0·x0; p1 = w1·x1; s = p0 + p1 + w2; f = σ(s); ieșirea f; parametrii w0, w1, w2 fac un pas de coborâre pe gradient, rata de învățare η = 0,5",
    })
    void aGraphWithParamsNamesTheirStepInTheSheetsLanguage(Messages.Lang lang, String expected) {
        TaskSheet.Sheet sheet = TaskSheet.sheet(load("graph-sigmoid-neuron"), "ana", null, null, new Messages(lang));
        assertEquals(expected, sheet.network());
        assertTrue(sheet.scalars());
        assertEquals(5, sheet.given().size());
    }

    @Test
    void theHtmlSheetShowsAGraphsInputsInOneTable() {
        String html = TaskSheet.html(load("graph-add-mul"), "ana");
        assertTrue(html.contains("<tr><th class=\"code\">x</th><td>-2</td></tr>\n<tr><th class=\"code\">y</th><td>5</td></tr>\n"
                + "<tr><th class=\"code\">z</th><td>-4</td></tr>\n"), html);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "adam-step | ; η = 0.01; optimizer adam (β1 = 0.9, β2 = 0.999, ε = 1e-8), t = 2",
        "momentum-step | ; η = 0.1; optimizer momentum (β = 0.9, dampening = 0)",
        "three-step-loss | ; η = 1; 3 steps",
        "weight-decay-step | ; L2 penalty λ = ",
    })
    void theKeysNetworkLineStatesTheOptimiserAndTheSteps(String problem, String expected) {
        String key = KeyText.render(Solver.solve(load(problem)));
        assertTrue(key.lines().skip(1).findFirst().orElseThrow().contains(expected.strip()), key);
    }

    @Test
    void aGraphsKeyShowsEveryValueAsAScalarAndMaxsGradientAsABracket() {
        String key = KeyText.render(Solver.solve(load("graph-fanout")));
        assertTrue(key.contains("\n  x  [scalar]  x (given)\n    3.0000000\n"), key);
        assertTrue(key.contains("\n* ds  [scalar]  ds = dm·[s ≥ y]\n"), key);
        assertTrue(key.contains("\n* dy  [scalar]  dy = da·x + dm·[y > s]\n    3.0000000\n"), key);
    }

    @Test
    void aGraphsAnswersAreNumbersInTheKeyAndTheTemplates() {
        Problem p = load("graph-add-mul");
        String key = SubmissionWriter.json(Answers.of(Solver.solve(p)));
        assertTrue(key.contains("\"f\": -12,\n") && key.contains("\"dz\": 3,\n"), key);
        assertTrue(SubmissionWriter.json(Answers.blank(p)).contains("\"q\": null,\n    \"f\": null,\n"));
        assertEquals("quantity,row,col,value\nq,,,\nf,,,\ndq,,,\ndz,,,\ndx,,,\ndy,,,\n", SubmissionWriter.csvLong(Answers.blank(p)));
        assertTrue(SubmissionWriter.csvLong(Answers.of(Solver.solve(p))).contains("\nf,,,-12\n"));
        assertEquals("quantity,value\nq,_\nf,_\ndq,_\ndz,_\ndx,_\ndy,_\n", SubmissionWriter.csvCompact(Answers.blank(p)));
    }
}
