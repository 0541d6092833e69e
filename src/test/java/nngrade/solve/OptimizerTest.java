package nngrade.solve;

import nngrade.check.CheckResult;
import nngrade.check.Checker;
import nngrade.problem.Matrix;
import nngrade.problem.Optimizer;
import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.report.Answers;
import nngrade.report.SubmissionWriter;
import nngrade.solve.RandomProblems.Case;
import nngrade.submission.Submission;
import nngrade.submission.SubmissionReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The optimisers and several steps of formats.md v1.1: a hand-worked Adam step and momentum
 * step, and for every optimiser × steps × layout × reduction (with and without L2) the key
 * grades 100% through JSON, and k steps are k single steps.
 */
class OptimizerTest {
    static final List<Optimizer> OPTIMIZERS = List.of(Optimizer.SGD, new Optimizer.Momentum(0.9, 0),
            new Optimizer.Momentum(0.8, 0.8), new Optimizer.RmsProp(0.9, 1e-8), new Optimizer.Adam(0.9, 0.999, 1e-8));

    /** problems/adam-step.json (t = 2, so t' = 3), worked in a few lines of Python apart from nngrade. */
    @Test
    void theAdamProblemHasItsHandWorkedValues() {
        AnswerKey key = Solver.solve(ProblemLoader.load(Path.of("problems/adam-step.json")));
        // z = (0.5 + 0.5, −0.5 − 0.25); δ = 2(ŷ − y) = (1, 0.5); dW1 = δᵀ·x / 2; db1 = 1.5 / 2
        assertArrayEquals(new double[] {0.5, 0.25, 0.75}, key.get(Quantity.of(Kind.DW, 1)).toArray(), 1e-12);
        assertEquals(0.75, key.get(Quantity.of(Kind.DB, 1)).at(0), 1e-12);
        // m = 0.9·(0.1, −0.05, 0.2) + 0.1·dW1; v = 0.999·(0.002, 0.001, 0.004) + 0.001·dW1²
        assertArrayEquals(new double[] {0.14, -0.02, 0.255}, key.get(Quantity.of(Kind.MW_NEXT, 1)).toArray(), 1e-12);
        assertArrayEquals(new double[] {0.002248, 0.0010615, 0.0045585}, key.get(Quantity.of(Kind.VW_NEXT, 1)).toArray(),
                1e-12);
        // W1 − 0.01·(m/(1 − 0.9³)) / (√(v/(1 − 0.999³)) + 1e-8)
        assertArrayEquals(new double[] {0.49403508814646563, -0.49875993587897305, 0.24237037222926458},
                key.get(Quantity.of(Kind.W_NEXT, 1)).toArray(), 1e-12);
        // mb = 0.9·0.05 + 0.1·0.75, vb = 0.999·0.0005 + 0.001·0.5625
        assertEquals(0.12, key.get(Quantity.of(Kind.MB_NEXT, 1)).at(0), 1e-12);
        assertEquals(0.001062, key.get(Quantity.of(Kind.VB_NEXT, 1)).at(0), 1e-12);
        assertEquals(-0.007438633016990646, key.get(Quantity.of(Kind.B_NEXT, 1)).at(0), 1e-12);
    }

    /** problems/momentum-step.json: v = 0.9·v + dP, P − 0.1·v, from the given velocity. */
    @Test
    void theMomentumProblemStartsFromItsGivenVelocity() {
        AnswerKey key = Solver.solve(ProblemLoader.load(Path.of("problems/momentum-step.json")));
        Matrix dW = key.get(Quantity.of(Kind.DW, 1));
        Matrix v = key.get(Quantity.of(Kind.VW_NEXT, 1));
        assertArrayEquals(new double[] {0.9 * 0.05 + dW.at(0), 0.9 * -0.02 + dW.at(1)}, v.toArray(), 1e-12);
        assertArrayEquals(new double[] {0.2 - 0.1 * v.at(0), -0.3 - 0.1 * v.at(1)},
                key.get(Quantity.of(Kind.W_NEXT, 1)).toArray(), 1e-12);
        double vb = 0.9 * 0.01 + key.get(Quantity.of(Kind.DB, 1)).at(0);
        assertEquals(vb, key.get(Quantity.of(Kind.VB_NEXT, 1)).at(0), 1e-12);
        assertEquals(0.1 - 0.1 * vb, key.get(Quantity.of(Kind.B_NEXT, 1)).at(0), 1e-12);
    }

    /** RMSprop: s = β·s + (1 − β)·dP², P − η·dP / (√s + ε), elementwise, from zeros. */
    @Test
    void rmsPropScalesEachEntryByItsOwnRunningSquare() {
        Optimizer o = new Optimizer.RmsProp(0.9, 1e-8);
        Optimizer.Update u = o.update(Matrix.row(1, 2), Matrix.row(0.5, -2), List.of(Matrix.zeros(1, 2)), 0.1, 1);
        assertArrayEquals(new double[] {0.025, 0.4}, u.state().get(0).toArray(), 1e-15);
        assertArrayEquals(new double[] {1 - 0.1 * 0.5 / (Math.sqrt(0.025) + 1e-8), 2 + 0.1 * 2 / (Math.sqrt(0.4) + 1e-8)},
                u.next().toArray(), 1e-15);
    }

    @Test
    void theFormulasShowTheRuleAndItsHyperParameters() {
        Problem p = ProblemLoader.load(Path.of("problems/momentum-step.json"));
        assertEquals("vW1_next = β·vW1 + (1 − dampening)·dW1 (β = 0.9, dampening = 0)",
                Formulas.of(p, Quantity.of(Kind.VW_NEXT, 1)));
        assertEquals("W1_next = W1 − η·vW1_next (η = 0.1)", Formulas.of(p, Quantity.of(Kind.W_NEXT, 1)));
        Problem three = ProblemLoader.load(Path.of("problems/three-step-loss.json"));
        assertEquals("b1_next = b1 − η·db1 (η = 1) (of step 2)", Formulas.of(three, Quantity.of(Kind.B_NEXT, 1).atStep(2)));
    }

    static Stream<Arguments> cases() {
        List<Case> all = RandomProblems.everyCombination(9_000).toList();
        return IntStream.range(0, all.size()).filter(i -> i % 7 == 0).boxed().flatMap(i -> {
            Optimizer o = OPTIMIZERS.get(i / 7 % OPTIMIZERS.size());
            return Stream.of(Arguments.of(all.get(i), o, 1 + i / 7 % 3, (i / 7) % 2 == 0 ? 0.0 : 0.2));
        });
    }

    /** A random problem under o with k steps, λ, a given state drawn small, t = 1 for Adam. */
    static Problem problem(Case c, Optimizer o, int k, double lambda) {
        Problem plain = RandomProblems.problem(c).withL2(lambda);
        Map<String, Matrix> state = new HashMap<>();
        java.util.Random rnd = new java.util.Random(c.seed());
        for (int l = 1; l <= plain.network().depth(); l++) {
            for (Kind kind : o.stateOfW()) {
                state.put(kind.statePrefix() + l, plain.w(l).map(x -> rnd.nextDouble() * 0.1));
            }
            for (Kind kind : o.stateOfB()) {
                state.put(kind.statePrefix() + l, plain.b(l).map(x -> rnd.nextDouble() * 0.1));
            }
        }
        Problem p = plain.withOptimizer(o, k, o instanceof Optimizer.Adam ? 1 : 0, state);
        return p.withAsk(p.quantities().all());
    }

    @ParameterizedTest(name = "{0} {1} steps={2} λ={3}")
    @MethodSource("cases")
    void theKeyGradesFullMarksThroughJson(Case c, Optimizer o, int k, double lambda) {
        Problem p = problem(c, o, k, lambda);
        AnswerKey key = Solver.solve(p);
        assertEquals(p.quantities().all(), List.copyOf(key.values().keySet()));
        String json = SubmissionWriter.json(Answers.of(key));
        Submission s = SubmissionReader.parse("key.json", json.getBytes(StandardCharsets.UTF_8), p);
        assertEquals(List.of(), s.errors());
        CheckResult r = Checker.check(key, s, null, "s");
        assertEquals(p.maxScore(), r.score(), 1e-9, c.toString());
    }

    /** Step s of k is one step of the problem whose parameters and state are step s − 1's after it. */
    @ParameterizedTest(name = "{0} {1} steps={2} λ={3}")
    @MethodSource("cases")
    void kStepsAreKSingleSteps(Case c, Optimizer o, int k, double lambda) {
        Problem p = problem(c, o, k, lambda);
        AnswerKey key = Solver.solve(p);
        int depth = p.network().depth();
        Problem one = p.withOptimizer(o, 1, p.t(), p.state());
        for (int s = 1; s <= k; s++) {
            AnswerKey single = Solver.solve(one.withAsk(one.quantities().all()));
            for (Quantity q : single.values().keySet()) {
                assertArrayEquals(single.get(q).toArray(), key.get(q.atStep(s)).toArray(), 1e-12, q.atStep(s).name());
            }
            List<Matrix> w = new java.util.ArrayList<>();
            List<Matrix> b = new java.util.ArrayList<>();
            Map<String, Matrix> state = new HashMap<>();
            for (int l = 1; l <= depth; l++) {
                w.add(single.get(Quantity.of(Kind.W_NEXT, l)));
                b.add(single.get(Quantity.of(Kind.B_NEXT, l)));
                for (Kind kind : o.stateOfW()) {
                    state.put(kind.statePrefix() + l, single.get(Quantity.of(kind, l)));
                }
                for (Kind kind : o.stateOfB()) {
                    state.put(kind.statePrefix() + l, single.get(Quantity.of(kind, l)));
                }
            }
            one = new Problem(one.source(), one.id(), one.title(), one.statement(), one.network(), one.learningRate(),
                    one.x(), one.y(), w, b, one.ask(), one.tolerance(), one.points(), one.partialCredit(),
                    one.followThrough(), lambda, o, 1, one.t() + 1, state, null);
        }
    }
}
