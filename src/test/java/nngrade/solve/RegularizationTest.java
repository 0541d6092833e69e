package nngrade.solve;

import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.problem.Reduction;
import nngrade.solve.RandomProblems.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The L2 penalty of formats.md v1.1: C = factor·(Σᵢ ℓᵢ + (λ/2)·Σₗ ‖Wₗ‖²). dW is checked by
 * central differences of that cost computed independently (the naive network's cost plus the
 * penalty written out here), over random networks of every activation, loss, layout and
 * reduction; the quantities the penalty does not touch are those of the same problem without it;
 * and the bundled weight-decay problem has the values worked out by hand.
 */
class RegularizationTest {
    private static final double H = 1e-5;
    private static final double LAMBDA = 0.3;

    /** Every fifth combination: each loss, output, hidden activation, layout and reduction appears. */
    static Stream<Case> cases() {
        List<Case> all = RandomProblems.everyCombination(7_000).toList();
        return java.util.stream.IntStream.range(0, all.size()).filter(i -> i % 5 == 0).mapToObj(all::get);
    }

    /** factor·(λ/2)·Σ‖W‖², from the weights as arrays. */
    private static double penalty(Problem p, double[][][] w) {
        double squares = 0;
        for (int l = 1; l < w.length; l++) { // 1-based, as the naive network keeps them
            for (double[] row : w[l]) {
                for (double v : row) {
                    squares += v * v;
                }
            }
        }
        double factor = p.network().reduction() == Reduction.MEAN ? 1.0 / p.samples() : 1.0;
        return factor * LAMBDA / 2 * squares;
    }

    private static double cost(NaiveNetwork net, Problem p, double[][][] w) {
        return net.cost(w, net.biases()) + penalty(p, w);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void dWIsTheDerivativeOfTheCostWithItsPenalty(Case c) {
        Problem p = RandomProblems.problem(c).withL2(LAMBDA);
        AnswerKey key = Solver.solve(p);
        NaiveNetwork net = new NaiveNetwork(p);
        double[][][] w = net.weights();
        double cost = cost(net, p, w);
        assertEquals(cost, key.get(Quantity.LOSS).get(0, 0), 1e-9 * Math.max(1, Math.abs(cost)), "C with its penalty");
        List<String> failures = new ArrayList<>();
        for (int l = 1; l <= p.network().depth(); l++) {
            Matrix dW = key.get(Quantity.of(Kind.DW, l));
            for (int r = 0; r < dW.rows(); r++) {
                for (int col = 0; col < dW.cols(); col++) {
                    double theta = w[l][r][col];
                    w[l][r][col] = theta + H;
                    double up = cost(net, p, w);
                    w[l][r][col] = theta - H;
                    double down = cost(net, p, w);
                    w[l][r][col] = theta;
                    double numeric = (up - down) / (2 * H);
                    if (GradientCheckTest.relativeError(dW.get(r, col), numeric, cost) > 1e-6) {
                        failures.add("dW" + l + "[" + r + "][" + col + "] = " + dW.get(r, col) + ", slope " + numeric);
                    }
                }
            }
        }
        assertEquals(List.of(), failures, c.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void thePenaltyChangesOnlyTheLossDwAndTheWeightsStep(Case c) {
        Problem plain = RandomProblems.problem(c);
        Problem decayed = plain.withL2(LAMBDA);
        AnswerKey without = Solver.solve(plain);
        AnswerKey with = Solver.solve(decayed);
        double factor = plain.network().reduction() == Reduction.MEAN ? 1.0 / plain.samples() : 1.0;
        for (Quantity q : Quantity.all(plain.network().depth())) {
            Matrix expected = switch (q.kind()) {
                case DW -> without.get(q).plus(plain.w(q.layer()).scale(factor * LAMBDA));
                case W_NEXT -> without.get(q).minus(plain.w(q.layer()).scale(factor * LAMBDA * plain.learningRate()));
                default -> without.get(q);
            };
            if (q.equals(Quantity.LOSS)) {
                continue; // checked against the naive cost above
            }
            assertArrayEquals(expected.toArray(), with.get(q).toArray(), 1e-12, q.name());
        }
    }

    /** problems/weight-decay-step.json, worked out by hand (and in a few lines of Python, apart from nngrade). */
    @Test
    void theWeightDecayProblemHasItsHandWorkedValues() {
        AnswerKey key = Solver.solve(ProblemLoader.load(Path.of("problems/weight-decay-step.json")));
        // z = x·W1ᵀ + b1: (1, 2) gives (0.5 − 0.8 + 0.1, −0.3 + 1.6, 0.2 + 0.2 − 0.1)
        assertArrayEquals(new double[] {-0.2, 1.3, 0.3, 1.5, -1.4, 0.2}, key.get(Quantity.of(Kind.Z, 1)).toArray(), 1e-12);
        // C = (1/2)(−ln ŷ₁₂ − ln ŷ₂₁ + (0.1/2)·‖W1‖²), ‖W1‖² = 0.25 + 0.16 + 0.09 + 0.64 + 0.04 + 0.01 = 1.19
        double ce = -Math.log(0.6285317192117625) - Math.log(0.7532644524252872);
        assertEquals((ce + 0.05 * 1.19) / 2, key.get(Quantity.LOSS).get(0, 0), 1e-12);
        assertEquals(0.40360384925298437, key.get(Quantity.LOSS).get(0, 0), 1e-12);
        // dW1 = δ1ᵀ·x / 2 + (0.1/2)·W1
        assertArrayEquals(new double[] {-0.1516133559916686, 0.24361215695344485, -0.15928710466765306,
            -0.3521917986514703, 0.33090046065932177, 0.1335796416980255}, key.get(Quantity.of(Kind.DW, 1)).toArray(), 1e-12);
        // the bias is not regularised: db1 = Σᵢ δ1 / 2
        assertArrayEquals(new double[] {-0.05324558220431218, -0.1650106225308859, 0.21825620473519813},
                key.get(Quantity.of(Kind.DB, 1)).toArray(), 1e-12);
        assertArrayEquals(new double[] {0.5758066779958343, -0.5218060784767224, -0.22035644766617346,
            0.9760958993257352, 0.034549769670339125, 0.03321017915098726}, key.get(Quantity.of(Kind.W_NEXT, 1)).toArray(),
                1e-12);
    }

    @Test
    void theFormulasShowThePenalty() {
        Problem p = ProblemLoader.load(Path.of("problems/weight-decay-step.json"));
        assertEquals("dW1 = δ1ᵀ·x / m + (λ/m)·W1 (λ = 0.1)", Formulas.of(p, Quantity.of(Kind.DW, 1)));
        assertTrue(Formulas.of(p, Quantity.LOSS).startsWith("C = (1/m) (Σᵢ ℓᵢ + (λ/2) Σₗ ‖Wₗ‖²) (λ = 0.1), ℓ = "),
                Formulas.of(p, Quantity.LOSS));
        assertEquals("db1 = Σᵢ δ1 / m", Formulas.of(p, Quantity.of(Kind.DB, 1)));
    }
}
