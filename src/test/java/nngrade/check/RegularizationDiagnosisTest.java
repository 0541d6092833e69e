package nngrade.check;

import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.problem.Reduction;
import nngrade.report.CheckText;
import nngrade.report.Messages;
import nngrade.report.ReportOptions;
import nngrade.solve.AnswerKey;
import nngrade.solve.Solver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The L2 mistakes on problems/weight-decay-step.json (m = 2, mean, λ = 0.1) and on its summed
 * twin: the penalty left out of dW or of the loss (regularization-omitted), dW's penalty term
 * with the wrong factor (regularization-not-averaged), and the step computed from such a dW
 * carried forward.
 */
class RegularizationDiagnosisTest {
    private static final Quantity DW1 = Quantity.of(Kind.DW, 1);
    private static final Quantity W1_NEXT = Quantity.of(Kind.W_NEXT, 1);

    private static Problem problem(Reduction reduction) {
        Problem p = Mistakes.load("weight-decay-step.json");
        if (reduction == p.network().reduction()) {
            return p;
        }
        var n = p.network();
        return new Problem(p.source(), p.id(), p.title(), p.statement(),
                new nngrade.problem.Network(n.inputs(), n.layers(), n.loss(), reduction, n.weightLayout()),
                p.learningRate(), p.x(), p.y(), p.weights(), p.biases(), p.ask(), p.tolerance(), p.points(),
                p.partialCredit(), p.followThrough(), p.l2());
    }

    /** factor·λ·W1 written out: (λ/m)·W1 under mean, λ·W1 under sum. */
    private static Matrix term(Problem p) {
        return p.w(1).scale(p.network().reduction() == Reduction.MEAN ? p.l2() / p.samples() : p.l2());
    }

    private static CheckResult withAnswer(AnswerKey key, Quantity q, Matrix wrong) {
        Map<Quantity, Matrix> answers = new LinkedHashMap<>(key.restrictedTo(key.problem().ask()).values());
        answers.put(q, wrong);
        return Mistakes.grade(key, answers);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"MEAN", "SUM"})
    void dWWithoutThePenaltyIsRegularizationOmitted(Reduction reduction) {
        Problem p = problem(reduction);
        AnswerKey key = Solver.solve(p);
        Matrix dataOnly = key.get(DW1).minus(term(p));
        QuantityResult r = Mistakes.result(withAnswer(key, DW1, dataOnly), DW1);
        assertEquals(Status.INCORRECT, r.status());
        assertEquals(List.of("regularization-omitted"), r.diagnoses());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"MEAN", "SUM"})
    void aPenaltyTermWithTheWrongFactorIsRegularizationNotAveraged(Reduction reduction) {
        Problem p = problem(reduction);
        AnswerKey key = Solver.solve(p);
        double wrongFactor = reduction == Reduction.MEAN ? p.l2() : p.l2() / p.samples();
        Matrix wrong = key.get(DW1).minus(term(p)).plus(p.w(1).scale(wrongFactor));
        QuantityResult r = Mistakes.result(withAnswer(key, DW1, wrong), DW1);
        assertEquals(List.of("regularization-not-averaged"), r.diagnoses());
    }

    @Test
    void theLossWithoutItsPenaltyIsRegularizationOmitted() {
        Problem p = problem(Reduction.MEAN);
        AnswerKey key = Solver.solve(p);
        // (1/m)·(λ/2)·‖W1‖² = (1/2)(0.05)(1.19) = 0.02975, beyond the loss's 1 % here
        Matrix crossEntropyOnly = Matrix.scalar(key.get(Quantity.LOSS).get(0, 0) - 0.02975);
        QuantityResult r = Mistakes.result(withAnswer(key, Quantity.LOSS, crossEntropyOnly), Quantity.LOSS);
        assertEquals(List.of("regularization-omitted"), r.diagnoses());
        String message = CheckText.render(withAnswer(key, Quantity.LOSS, crossEntropyOnly),
                new ReportOptions(new Messages(Messages.Lang.en), true, false, false));
        assertTrue(message.contains("Your loss leaves out the L2 penalty (λ/2)·Σ‖W‖² (λ = 0.1), which the cost includes."), message);
    }

    @Test
    void theStepFromADwWithoutThePenaltyIsCarriedForward() {
        Problem p = problem(Reduction.MEAN);
        AnswerKey key = Solver.solve(p);
        Matrix dataOnly = key.get(DW1).minus(term(p));
        Map<Quantity, Matrix> answers = new LinkedHashMap<>(key.restrictedTo(p.ask()).values());
        answers.put(DW1, dataOnly);
        answers.put(W1_NEXT, p.w(1).minus(dataOnly.scale(p.learningRate())));
        CheckResult r = Mistakes.grade(key, answers);
        assertEquals(Status.FOLLOW_THROUGH, Mistakes.result(r, W1_NEXT).status());
        assertEquals(List.of(), Mistakes.result(r, W1_NEXT).diagnoses());
        assertEquals(p.maxScore() - p.points().of(DW1), r.score(), 1e-9, "the slip costs dW1 only");
    }

    @Test
    void theKeyGetsNoDiagnosis() {
        AnswerKey key = Solver.solve(problem(Reduction.MEAN));
        CheckResult r = Mistakes.grade(key, key.restrictedTo(key.problem().ask()).values());
        assertEquals(key.problem().maxScore(), r.score(), 1e-9);
        r.quantities().forEach(q -> assertEquals(List.of(), q.diagnoses(), q.name()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"MEAN", "SUM"})
    void aSlipOfTheDataTermAloneIsStillNamed(Reduction reduction) {
        Problem p = problem(reduction);
        AnswerKey key = Solver.solve(p);
        Matrix data = key.get(DW1).minus(term(p));
        int m = p.samples();
        if (reduction == Reduction.MEAN) {
            // δᵀ·x summed, not averaged, with the penalty term as the formula shows it
            assertEquals(List.of("missing-mean"),
                    Mistakes.result(withAnswer(key, DW1, data.scale(m).plus(term(p))), DW1).diagnoses());
        }
        // δ = y − ŷ: the data term negated, the penalty term as the formula shows it
        assertEquals(List.of("sign-flipped"),
                Mistakes.result(withAnswer(key, DW1, data.scale(-1).plus(term(p))), DW1).diagnoses());
        // the data term divided by m once more (or at all, under sum)
        assertEquals(List.of("extra-mean"),
                Mistakes.result(withAnswer(key, DW1, data.scale(1.0 / m).plus(term(p))), DW1).diagnoses());
    }

    @Test
    void aStepWithoutThePenaltyFromARightDwIsRegularizationOmitted() {
        Problem p = problem(Reduction.MEAN);
        AnswerKey key = Solver.solve(p);
        Matrix short_ = key.get(W1_NEXT).plus(term(p).scale(p.learningRate()));
        QuantityResult r = Mistakes.result(withAnswer(key, W1_NEXT, short_), W1_NEXT);
        assertEquals(List.of("regularization-omitted"), r.diagnoses());
    }

    @Test
    void theLossWithAnUnaveragedPenaltyIsRegularizationNotAveraged() {
        Problem p = problem(Reduction.MEAN);
        AnswerKey key = Solver.solve(p);
        // (1/m)Σℓ + (λ/2)‖W1‖²: the penalty 0.0595 where (1/2)·0.0595 belongs
        Matrix wrong = Matrix.scalar(key.get(Quantity.LOSS).get(0, 0) + 0.0595 / 2);
        assertEquals(List.of("regularization-not-averaged"),
                Mistakes.result(withAnswer(key, Quantity.LOSS, wrong), Quantity.LOSS).diagnoses());
    }

    @Test
    void aTransposedDwDividedByMOnceMoreIsBothAndNothingBreaks() {
        Problem p = problem(Reduction.MEAN);
        AnswerKey key = Solver.solve(p);
        Matrix wrong = key.get(DW1).transpose().scale(1.0 / p.samples());
        QuantityResult r = Mistakes.result(withAnswer(key, DW1, wrong), DW1);
        assertEquals(List.of("transposed", "extra-mean"), r.diagnoses());
    }
}
