package nngrade.solve;

import nngrade.input.BadInputException;
import nngrade.problem.Activation;
import nngrade.problem.Layer;
import nngrade.problem.Loss;
import nngrade.problem.Matrix;
import nngrade.problem.Network;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Reduction;
import nngrade.problem.Tolerance;
import nngrade.problem.WeightLayout;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The solver's refusals, each naming the place of the first value that is not finite, and the
 * formulas the key carries. The numbers are chosen so that the overflow is where it is by hand:
 * 1e200·1e200 = ∞, σ(∞) = 1, σ(−∞) = 0, 2.5·1.5e308 = ∞.
 */
class SolverRefusalsTest {

    private static Problem problem(int inputs, Layer output, Loss loss, double[][] x, double[][] y, double[][] w) {
        Network n = new Network(inputs, List.of(output), loss, Reduction.SUM, WeightLayout.OUT_IN);
        return new Problem("p.json", "overflow", "", "", n, 0.5, Matrix.of(x), Matrix.of(y), List.of(Matrix.of(w)),
                List.of(Matrix.of(new double[][] {new double[output.units()]})), Quantity.all(1),
                new Problem.Tolerances(Tolerance.DEFAULT, Map.of()), new Problem.Points(1, Map.of()), false, 1);
    }

    private static String refusal(Problem p) {
        BadInputException e = assertThrows(BadInputException.class, () -> Solver.solve(p));
        assertEquals(1, e.errors().size());
        return e.errors().get(0).oneLine();
    }

    /**
     * z = [[−∞, ∞], [0, ∞]], so ŷ = [[0, 1], [½, 1]] against y = [[0, 1], [0, 0]]: the first two
     * cells are 0 against 0 and 1 against 1 (finite terms), the last is 1 against 0, ln(1 − 1).
     */
    @Test
    void anOutputOfOneWhereYIsZeroIsNamed() {
        Problem p = problem(2, new Layer(2, new Activation.Sigmoid()), Loss.BINARY_CROSS_ENTROPY,
                new double[][] {{1e200, 0}, {0, 1e200}}, new double[][] {{0, 1}, {0, 0}},
                new double[][] {{-1e200, 0}, {1e200, 1e200}});
        assertEquals("p.json: loss: the loss is infinite: ŷ in row 2, column 2 is 1 while y there is 0, and ln 0 = −∞; "
                + "change the given values so the outputs stay away from 0 and 1", refusal(p));
    }

    /** z = −∞: ŷ = 0 where y = 1, ln 0. */
    @Test
    void anOutputOfZeroWhereYIsOneIsNamed() {
        Problem p = problem(1, new Layer(1, new Activation.Sigmoid()), Loss.BINARY_CROSS_ENTROPY,
                new double[][] {{1e200}}, new double[][] {{1}}, new double[][] {{-1e200}});
        assertEquals("p.json: loss: the loss is infinite: ŷ in row 1, column 1 is 0 while y there is 1, and ln 0 = −∞; "
                + "change the given values so the outputs stay away from 0 and 1", refusal(p));
    }

    /** A linear output of ∞ against y = 2: no logarithm, an overflow. */
    @Test
    void anOverflowingLossIsNotBlamedOnALogarithm() {
        Problem p = problem(1, new Layer(1, new Activation.Linear()), Loss.QUADRATIC, new double[][] {{1e200}},
                new double[][] {{2}}, new double[][] {{1e200}});
        assertEquals("p.json: loss: the loss is not finite: the given values overflow; use smaller ones", refusal(p));
    }

    /**
     * z = [0.5·1, 1e-308·1.5e308] = [0.5, 1.5] (linear), y = [0.5, −1]: δ = [0, 2.5], a finite
     * loss, and dW's second row 2.5·x = [2.5, ∞, 2.5].
     */
    @Test
    void theFirstQuantityThatOverflowsIsNamedWithItsCell() {
        Problem p = problem(3, new Layer(2, new Activation.Linear()), Loss.QUADRATIC,
                new double[][] {{1, 1.5e308, 1}}, new double[][] {{0.5, -1}}, new double[][] {{0.5, 0, 0}, {0, 1e-308, 0}});
        assertEquals("p.json: dW1: the answer key's dW1 is Infinity at row 2, column 2: the given values overflow; "
                + "use smaller ones", refusal(p));
    }

    /** The same in the first cell: dW = 2.5·1.5e308 = ∞. */
    @Test
    void anOverflowInTheFirstCellIsFound() {
        Problem p = problem(1, new Layer(1, new Activation.Linear()), Loss.QUADRATIC, new double[][] {{1.5e308}},
                new double[][] {{-1}}, new double[][] {{1e-308}});
        assertEquals("p.json: dW1: the answer key's dW1 is Infinity at row 1, column 1: the given values overflow; "
                + "use smaller ones", refusal(p));
    }

    /** Each quantity's formula is the one Formulas writes for it, kept in the key and given for others too. */
    @Test
    void theKeyCarriesEveryQuantitysFormula() {
        Problem p = problem(1, new Layer(1, new Activation.Linear()), Loss.QUADRATIC, new double[][] {{1}},
                new double[][] {{0}}, new double[][] {{0.5}});
        AnswerKey key = Solver.solve(p);
        assertEquals(Quantity.all(1), List.copyOf(key.values().keySet()));
        assertEquals(Quantity.all(1).size(), key.formulas().size());
        for (Quantity q : Quantity.all(1)) {
            String f = Formulas.of(p, q);
            assertFalse(f.isEmpty(), q.name());
            assertEquals(f, key.formulas().get(q), q.name());
            assertEquals(f, key.formula(q), q.name());
        }
        AnswerKey loss = key.restrictedTo(List.of(Quantity.LOSS));
        assertEquals(List.of(Quantity.LOSS), List.copyOf(loss.values().keySet()));
        assertEquals(Formulas.of(p, Quantity.YHAT), loss.formula(Quantity.YHAT));
        assertEquals(0.5 * 0.5 * 0.5, loss.loss()); // ½(ŷ − y)² with ŷ = 0.5·1 + 0
        assertThrows(IllegalArgumentException.class, () -> loss.get(Quantity.YHAT));
    }
}
