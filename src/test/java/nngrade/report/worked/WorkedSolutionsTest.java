package nngrade.report.worked;

import nngrade.problem.ProblemLoader;
import nngrade.problem.Quantity;
import nngrade.solve.Formulas;
import nngrade.solve.Solver;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model of a worked solution: which steps, in which order, what each keeps. */
class WorkedSolutionsTest {
    private static WorkedSolution of(String path) {
        return WorkedSolutions.of(Solver.solve(ProblemLoader.load(Path.of(path))), Formulas.Words.ENGLISH);
    }

    @Test
    void theAskedQuantitiesAndOnlyTheStepsTheChainNeeds() {
        WorkedSolution w = of("src/test/resources/worked/leaky-sum-rmsprop.json");
        assertEquals(List.of("z1", "a1", "z2", "yhat", "dz2", "da1", "dz1", "dW1", "sW1_next", "W1_next"),
                w.steps().stream().map(s -> s.quantity().name()).toList(), "no loss, db or layer 2's step: not needed");
        assertEquals(List.of("dW1", "sW1_next", "W1_next"),
                w.steps().stream().filter(WorkedStep::asked).map(s -> s.quantity().name()).toList());
        WorkedStep dz1 = w.steps().get(6);
        assertEquals("δ1 = (δ2·W2ᵀ) ⊙ f′(z1)", dz1.chainRule().orElseThrow(), "in-out's chain rule");
        assertTrue(w.steps().get(9).substituted().isEmpty(), "RMSprop's step: formula and result only");
        assertEquals(new Rounding.Decimals(5), dz1.rounding(), "3 decimals graded, 5 shown");
    }

    @Test
    void theNotesForwardPassKeepsWxAndItsEntries() {
        WorkedStep z1 = of("problems/notes-softmax-step.json").steps().get(0);
        assertEquals(Quantity.of(Quantity.Kind.Z, 1), z1.quantity());
        assertEquals("z1 = x·W1ᵀ + b1", z1.formula());
        var wx = z1.intermediate().orElseThrow();
        assertEquals("x·W1ᵀ", wx.math());
        assertArrayEquals(new double[] {0.7, -2.1, 1.3}, wx.value().toArray(), 1e-12);
        assertEquals(3, z1.products().size());
        EntryProduct first = z1.products().get(0);
        assertArrayEquals(new double[] {0.1, 0.2, -0.3}, first.left(), 0, "W's row first, as the notes' W·x");
        assertArrayEquals(new double[] {1, 3, 0}, first.right(), 0);
        assertEquals(Rounding.EXACT, first.leftRounding(), "given values are written as given");
        assertEquals(0.8, z1.result().at(0), 1e-12, "the exact value is kept");
        assertFalse(z1.elided().isPresent());
    }

    /** adam-step (t = 2, so t' = 3): m̂ = mW1_next/(1 − 0.9³), v̂ = vW1_next/(1 − 0.999³), by hand. */
    @Test
    void adamsStepShowsItsBiasCorrectedMoments() {
        WorkedStep step = of("problems/adam-step.json").steps().stream()
                .filter(s -> s.quantity().equals(Quantity.of(Quantity.Kind.W_NEXT, 1))).findFirst().orElseThrow();
        assertEquals(List.of("m̂", "v̂"), step.intermediates().stream().map(WorkedStep.Intermediate::math).toList());
        assertArrayEquals(new double[] {0.14 / 0.271, -0.02 / 0.271, 0.255 / 0.271},
                step.intermediates().get(0).value().toArray(), 1e-12);
        assertArrayEquals(new double[] {0.002248 / 0.002997001, 0.0010615 / 0.002997001, 0.0045585 / 0.002997001},
                step.intermediates().get(1).value().toArray(), 1e-9);
    }

    @Test
    void largeProductsAreElidedWithTheirShapes() {
        WorkedStep z1 = of("src/test/resources/worked/wide-batch-mse.json").steps().get(0);
        assertTrue(z1.products().isEmpty());
        assertEquals(new Part.Shapes("4×4", "4×4ᵀ", "4×4"), z1.elided().orElseThrow());
    }

    @Test
    void aGraphIsWorkedNodeByNode() {
        var key = Solver.solve(ProblemLoader.load(Path.of("problems/graph-add-mul.json")));
        List<String> names = WorkedSolutions.of(key, Formulas.Words.ENGLISH).steps().stream()
                .map(s -> s.quantity().name()).toList();
        // forward in the nodes' order, then backward from df = 1
        assertEquals(List.of("q", "f", "df", "dq", "dz", "dy", "dx"), names);
    }
}
