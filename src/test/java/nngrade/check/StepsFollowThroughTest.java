package nngrade.check;

import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.solve.AnswerKey;
import nngrade.solve.Solver;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Follow-through across steps and optimiser state: step 2 is computed from the student's own
 * step 1, a state after the step from their own dP, P_next from their own state after it.
 */
class StepsFollowThroughTest {

    /** The key of the problem whose given W1, b1 are a student's (wrong) step-1 results. */
    private static AnswerKey keyFrom(Problem p, Matrix w1, Matrix b1) {
        Problem again = new Problem(p.source(), p.id(), p.title(), p.statement(), p.network(), p.learningRate(), p.x(),
                p.y(), List.of(w1), List.of(b1), p.ask(), p.tolerance(), p.points(), p.partialCredit(), p.followThrough(),
                p.l2(), p.optimizer(), 1, p.t() + 1, p.state(), null);
        return Solver.solve(again);
    }

    @Test
    void aWrongStepOneCarriedForwardEarnsStepTwo() {
        Problem asked = ProblemLoader.load(Path.of("problems/three-step-loss.json"));
        Problem p = asked.withAsk(asked.quantities().all()); // step 2's chain is followed through what the student wrote
        AnswerKey key = Solver.solve(p);
        Quantity w1Next = Quantity.of(Kind.W_NEXT, 1);
        Quantity b1Next = Quantity.of(Kind.B_NEXT, 1);
        Matrix wrongW = key.get(w1Next).plus(Matrix.row(0.3, -0.3)); // a slip in step 1's W1_next
        AnswerKey fromWrong = keyFrom(p, wrongW, key.get(b1Next));
        Map<Quantity, Matrix> answers = new LinkedHashMap<>();
        answers.put(w1Next, wrongW);
        answers.put(b1Next, key.get(b1Next));
        answers.put(Quantity.of(Kind.Z, 1).atStep(2), fromWrong.get(Quantity.of(Kind.Z, 1)));
        answers.put(Quantity.YHAT.atStep(2), fromWrong.get(Quantity.YHAT));
        answers.put(Quantity.LOSS.atStep(2), fromWrong.get(Quantity.LOSS));
        answers.put(Quantity.of(Kind.DZ, 1).atStep(2), fromWrong.get(Quantity.of(Kind.DZ, 1)));
        answers.put(Quantity.of(Kind.DW, 1).atStep(2), fromWrong.get(Quantity.of(Kind.DW, 1)));
        answers.put(w1Next.atStep(2), fromWrong.get(w1Next));
        CheckResult r = Mistakes.grade(key, answers);
        assertEquals(Status.INCORRECT, Mistakes.result(r, w1Next).status());
        assertEquals(Status.FOLLOW_THROUGH, Mistakes.result(r, Quantity.of(Kind.Z, 1).atStep(2)).status());
        assertEquals(Status.FOLLOW_THROUGH, Mistakes.result(r, Quantity.LOSS.atStep(2)).status());
        assertEquals(Status.FOLLOW_THROUGH, Mistakes.result(r, Quantity.of(Kind.DW, 1).atStep(2)).status());
        assertEquals(Status.FOLLOW_THROUGH, Mistakes.result(r, w1Next.atStep(2)).status());
    }

    /**
     * The bundled three-step problem asks no z, ŷ or δ: a student who takes the sum's gradients (no
     * 1/m) at every step is measured at step 2 and 3 against what their own W1_next and b1_next
     * give, so the loss of each later step is carried forward and each later dW1 is missing-mean
     * against their own values, not a "re-check" against the key's step.
     */
    @Test
    void aLaterStepsUnaskedQuantitiesComeFromTheStudentsOwnEarlierStep() {
        Problem p = ProblemLoader.load(Path.of("problems/three-step-loss.json"));
        AnswerKey key = Solver.solve(p);
        Map<Quantity, Matrix> answers = new LinkedHashMap<>();
        Problem own = p;
        for (int s = 1; s <= 3; s++) {
            AnswerKey step = keyFrom(own, own.w(1), own.b(1));
            Matrix dW = step.get(Quantity.of(Kind.DW, 1)).scale(2);
            Matrix db = step.get(Quantity.of(Kind.DB, 1)).scale(2);
            Matrix w = own.w(1).minus(dW);
            Matrix b = own.b(1).minus(db);
            answers.put(Quantity.LOSS.atStep(s), step.get(Quantity.LOSS));
            answers.put(Quantity.of(Kind.DW, 1).atStep(s), dW);
            answers.put(Quantity.of(Kind.DB, 1).atStep(s), db);
            answers.put(Quantity.of(Kind.W_NEXT, 1).atStep(s), w);
            answers.put(Quantity.of(Kind.B_NEXT, 1).atStep(s), b);
            own = keyFrom(own, w, b).problem();
        }
        CheckResult r = Mistakes.grade(key, answers);
        assertEquals(Status.CORRECT, Mistakes.result(r, Quantity.LOSS).status());
        for (int s = 1; s <= 3; s++) {
            QuantityResult dW = Mistakes.result(r, Quantity.of(Kind.DW, 1).atStep(s));
            assertEquals(Status.INCORRECT, dW.status(), dW.name());
            assertEquals(List.of("missing-mean"), dW.diagnoses(), dW.name());
            assertEquals(Status.FOLLOW_THROUGH, Mistakes.result(r, Quantity.of(Kind.W_NEXT, 1).atStep(s)).status());
        }
        for (int s = 2; s <= 3; s++) {
            QuantityResult loss = Mistakes.result(r, Quantity.LOSS.atStep(s));
            assertEquals(Status.FOLLOW_THROUGH, loss.status(), loss.name());
            String before = s == 2 ? "" : "@" + (s - 1);
            assertEquals(List.of("W1_next" + before, "b1_next" + before), loss.carriedFrom());
            assertEquals(List.of("W1_next" + before, "b1_next" + before),
                    Mistakes.result(r, Quantity.of(Kind.DW, 1).atStep(s)).carriedFrom());
        }
    }

    @Test
    void aLaterStepAfterARightStepIsMeasuredAgainstTheKey() {
        Problem p = ProblemLoader.load(Path.of("problems/three-step-loss.json"));
        AnswerKey key = Solver.solve(p);
        Quantity dW2 = Quantity.of(Kind.DW, 1).atStep(2);
        Map<Quantity, Matrix> answers = new LinkedHashMap<>();
        answers.put(Quantity.of(Kind.W_NEXT, 1), key.get(Quantity.of(Kind.W_NEXT, 1)));
        answers.put(Quantity.of(Kind.B_NEXT, 1), key.get(Quantity.of(Kind.B_NEXT, 1)));
        answers.put(dW2, key.get(dW2).scale(-1));
        answers.put(Quantity.LOSS.atStep(2), key.get(Quantity.LOSS.atStep(2)));
        CheckResult r = Mistakes.grade(key, answers);
        assertEquals(Status.CORRECT, Mistakes.result(r, Quantity.LOSS.atStep(2)).status());
        assertEquals(List.of("sign-flipped"), Mistakes.result(r, dW2).diagnoses());
        assertEquals(List.of(), Mistakes.result(r, dW2).carriedFrom());
    }

    @Test
    void momentumsStepFollowsTheStudentsOwnVelocity() {
        Problem p = ProblemLoader.load(Path.of("problems/momentum-step.json"));
        AnswerKey key = Solver.solve(p);
        Quantity v = Quantity.of(Kind.VW_NEXT, 1);
        Matrix wrongV = key.get(v).plus(Matrix.row(0.1, 0.1));
        // W1 − η·v with the student's own v
        Matrix w = p.w(1).minus(wrongV.scale(0.1));
        Map<Quantity, Matrix> answers = new LinkedHashMap<>();
        answers.put(v, wrongV);
        answers.put(Quantity.of(Kind.W_NEXT, 1), w);
        CheckResult r = Mistakes.grade(key, answers);
        assertEquals(Status.INCORRECT, Mistakes.result(r, v).status());
        assertEquals(Status.FOLLOW_THROUGH, Mistakes.result(r, Quantity.of(Kind.W_NEXT, 1)).status());
    }

    @Test
    void adamsStateFollowsTheStudentsOwnGradient() {
        Problem p = ProblemLoader.load(Path.of("problems/adam-step.json"));
        AnswerKey key = Solver.solve(p);
        Matrix dW = key.get(Quantity.of(Kind.DW, 1)).plus(Matrix.row(0.5, 0, 0));
        // m = 0.9·m + 0.1·dW, v = 0.999·v + 0.001·dW², from the student's own dW1
        Matrix m = p.stateOf(Kind.MW_NEXT, 1).scale(0.9).plus(dW.scale(0.1));
        Matrix vv = p.stateOf(Kind.VW_NEXT, 1).scale(0.999).plus(dW.hadamard(dW).scale(0.001));
        Map<Quantity, Matrix> answers = new LinkedHashMap<>();
        answers.put(Quantity.of(Kind.DW, 1), dW);
        answers.put(Quantity.of(Kind.MW_NEXT, 1), m);
        answers.put(Quantity.of(Kind.VW_NEXT, 1), vv);
        CheckResult r = Mistakes.grade(key, answers);
        assertEquals(Status.FOLLOW_THROUGH, Mistakes.result(r, Quantity.of(Kind.MW_NEXT, 1)).status());
        assertEquals(Status.FOLLOW_THROUGH, Mistakes.result(r, Quantity.of(Kind.VW_NEXT, 1)).status());
    }

    /** W1 + η·dW1 at step 2 is wrong-update-sign about step 2's W1 (step 1's W1_next), not the given W1. */
    @Test
    void aWrongSignAtStepTwoIsDiagnosedAgainstThatStepsParameters() {
        Problem p = ProblemLoader.load(Path.of("problems/three-step-loss.json"));
        AnswerKey key = Solver.solve(p);
        Quantity next2 = Quantity.of(Kind.W_NEXT, 1).atStep(2);
        Matrix w2 = key.get(Quantity.of(Kind.W_NEXT, 1));
        Matrix wrong = w2.plus(key.get(Quantity.of(Kind.DW, 1).atStep(2))); // η = 1
        CheckResult r = Mistakes.grade(key, Map.of(next2, wrong));
        assertEquals(List.of("wrong-update-sign"), Mistakes.result(r, next2).diagnoses());
    }
}
