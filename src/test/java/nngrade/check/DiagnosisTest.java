package nngrade.check;

import nngrade.check.Mistakes.Mistake;
import nngrade.problem.Activation;
import nngrade.problem.Layer;
import nngrade.problem.Loss;
import nngrade.problem.Matrix;
import nngrade.problem.Network;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.problem.Reduction;
import nngrade.problem.Tolerance;
import nngrade.problem.WeightLayout;
import nngrade.solve.AnswerKey;
import nngrade.solve.Solver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static nngrade.check.Mistakes.apply;
import static nngrade.check.Mistakes.correctAnswers;
import static nngrade.check.Mistakes.grade;
import static nngrade.check.Mistakes.result;
import static nngrade.check.Mistakes.within;
import static nngrade.check.Mistakes.written;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every diagnosis code on every problem of problems/ where its mistake can occur, and the
 * absence of diagnoses where there is no mistake: random correct submissions (of those
 * problems and of random problems) get none, and random wrong answers get only diagnoses that
 * an independent oracle confirms.
 */
class DiagnosisTest {

    /** One mistake on one quantity of one problem, exact or written as a student writes it (2–4 decimals). */
    static Stream<Arguments> mistakesOnProblemFiles() {
        List<Arguments> out = new ArrayList<>();
        for (String file : Mistakes.PROBLEM_FILES) {
            for (Mistake mistake : Mistake.values()) {
                Problem p = problemFor(file, mistake);
                AnswerKey key = Solver.solve(p);
                for (Quantity q : p.ask()) {
                    Matrix wrong = apply(mistake, p, key::get, q, new Random(seed(file, q, mistake)));
                    if (wrong == null || within(wrong, key.get(q), p.tolerance().of(q))) {
                        continue; // cannot occur here, or cannot be told from the right answer
                    }
                    out.add(Arguments.of(file, q.name(), mistake, "exact"));
                    if (mistake != Mistake.ROUNDED_TOO_COARSELY && mistake != Mistake.SHAPE_MISMATCH) {
                        out.add(Arguments.of(file, q.name(), mistake, "written"));
                    }
                }
            }
        }
        return out.stream();
    }

    /** The notes' η is 1, where leaving η out changes nothing: that mistake is tested on a copy with η = 0.5. */
    private static Problem problemFor(String file, Mistake mistake) {
        Problem p = Mistakes.load(file);
        if (mistake == Mistake.LEARNING_RATE_OMITTED && p.learningRate() == 1) {
            return Mistakes.with(p, 0.5, p.followThrough());
        }
        return p;
    }

    private static long seed(String file, Quantity q, Mistake mistake) {
        return (file + "/" + q + "/" + mistake).hashCode();
    }

    @ParameterizedTest(name = "{0}: {1} with {2} ({3})")
    @MethodSource("mistakesOnProblemFiles")
    void aMistakeOnOneQuantityIsDiagnosedWithExactlyItsCode(String file, String quantity, Mistake mistake, String form) {
        Problem p = problemFor(file, mistake);
        AnswerKey key = Solver.solve(p);
        Quantity q = Quantity.parse(quantity, p.network().depth()).orElseThrow();
        Tolerance t = p.tolerance().of(q);
        Random rnd = new Random(seed(file, q, mistake));
        Matrix wrong = apply(mistake, p, key::get, q, rnd);
        if (form.equals("written")) {
            wrong = written(wrong, t, rnd);
            assertFalse(within(wrong, key.get(q), t), "precondition: still wrong once written");
        }
        // "exact": every other answer is the key's; "written": every other answer with 2–4 decimals
        Map<Quantity, Matrix> answers = form.equals("written") ? correctAnswers(p, key, new Random(7))
                : new LinkedHashMap<>(key.restrictedTo(p.ask()).values());
        answers.put(q, wrong);

        CheckResult r = grade(key, answers);
        QuantityResult qr = result(r, q);

        assertEquals(mistake.codes, qr.diagnoses(), () -> quantity + " = " + qr.submitted() + ", key " + key.get(q));
        assertEquals(mistake == Mistake.SHAPE_MISMATCH ? Status.INVALID : Status.INCORRECT, qr.status());
        assertEquals(0.0, qr.points());
        for (QuantityResult other : r.quantities()) {
            if (!other.quantity().equals(q)) {
                assertEquals(Status.CORRECT, other.status(), other.name());
                assertEquals(List.of(), other.diagnoses(), other.name());
            }
        }
        assertEquals(r.maxScore() - p.points().of(q), r.score(), 1e-12);
    }

    /** Where each mistake can occur: the parameterised cases above cover exactly these problems. */
    @Test
    void everyMistakeIsTestedOnEveryProblemWhereItCanOccur() {
        Map<Mistake, Set<String>> where = new EnumMap<>(Mistake.class);
        Map<Mistake, Integer> count = new EnumMap<>(Mistake.class);
        mistakesOnProblemFiles().forEach(a -> {
            Mistake m = (Mistake) a.get()[2];
            where.computeIfAbsent(m, x -> new TreeSet<>()).add((String) a.get()[0]);
            count.merge(m, 1, Integer::sum);
        });
        Set<String> all = new TreeSet<>(Mistakes.PROBLEM_FILES);
        Set<String> batches = new TreeSet<>(List.of("logistic-batch.json", "inout-relu-mse.yaml"));
        assertEquals(all, where.get(Mistake.TRANSPOSED));
        assertEquals(all, where.get(Mistake.SIGN_FLIPPED));
        assertEquals(batches, where.get(Mistake.MISSING_MEAN));
        assertEquals(batches, where.get(Mistake.EXTRA_MEAN));
        assertEquals(all, where.get(Mistake.WRONG_UPDATE_SIGN));
        assertEquals(all, where.get(Mistake.LEARNING_RATE_OMITTED));
        // f′ can be forgotten only where δ has one: quadratic + sigmoid output, tanh and relu hidden layers
        assertEquals(new TreeSet<>(List.of("quadratic-sigmoid-regression.json", "two-layer-tanh-softmax.json",
                "inout-relu-mse.yaml")), where.get(Mistake.MISSING_ACTIVATION_DERIVATIVE));
        assertEquals(all, where.get(Mistake.WRONG_ACTIVATION));
        assertEquals(all, where.get(Mistake.ROUNDED_TOO_COARSELY));
        assertEquals(all, where.get(Mistake.SHAPE_MISMATCH));
        assertEquals(all, where.get(Mistake.TRANSPOSED_AND_SIGN_FLIPPED));
        // every asked quantity of every problem in a wrong shape (8+8+16+8+16), each dW transposed (1+1+2+1+2)
        assertEquals(56, count.get(Mistake.SHAPE_MISMATCH));
        // each dW (7) and each z with m > 1 (z1 of logistic-batch, z1 and z2 of inout-relu-mse), exact and written
        assertEquals(2 * (7 + 3), count.get(Mistake.TRANSPOSED));
        // counted from the mistakes alone, not from the checker
        assertEquals("{transposed=20, sign-flipped=46, missing-mean=16, extra-mean=20, wrong-update-sign=28, "
                + "learning-rate-omitted=28, missing-activation-derivative=6, wrong-activation=14, "
                + "rounded-too-coarsely=49, shape-mismatch=56, transposed+sign-flipped=14}", count.toString());
    }

    // ------------------------------------------------------------------ correct answers

    /** Key values written with 2–4 decimals where that is within tolerance: nothing to diagnose. */
    @Test
    void randomCorrectSubmissionsOfTheProblemFilesGetNoDiagnosis() {
        int graded = 0;
        for (String file : Mistakes.PROBLEM_FILES) {
            Problem p = Mistakes.load(file);
            AnswerKey key = Solver.solve(p);
            for (int i = 0; i < 400; i++) {
                Random rnd = new Random(1000L * file.hashCode() + i);
                assertAllCorrect(key, correctAnswers(p, key, rnd), file + " #" + i);
                graded++;
            }
        }
        assertEquals(2000, graded);
    }

    @Test
    void randomCorrectSubmissionsOfRandomProblemsGetNoDiagnosis() {
        for (int i = 0; i < 2000; i++) {
            Random rnd = new Random(50_000 + i);
            Problem p = Mistakes.randomProblem(rnd, "random-" + i);
            AnswerKey key = Solver.solve(p);
            assertAllCorrect(key, correctAnswers(p, key, rnd), p.id());
        }
    }

    private static void assertAllCorrect(AnswerKey key, Map<Quantity, Matrix> answers, String what) {
        CheckResult r = grade(key, answers);
        for (QuantityResult q : r.quantities()) {
            assertEquals(Status.CORRECT, q.status(), () -> what + " " + q.name() + " " + q.submitted()
                    + " vs " + q.expected());
            assertEquals(List.of(), q.diagnoses(), what + " " + q.name());
            assertEquals(List.of(), q.carriedFrom(), what + " " + q.name());
            assertEquals(List.of(), q.wrongCells(), what + " " + q.name());
        }
        assertEquals(r.maxScore(), r.score(), 1e-9, what);
        assertTrue(r.allCorrect(), what);
    }

    // ------------------------------------------------------------------ random wrong answers

    /**
     * Random cells of one quantity moved by 5 to 50 times what the tolerance allows (written
     * with 2–4 decimals half the time): a diagnosis may only name a mistake that the oracle
     * confirms (the value really is that mistake's value, against the key or against the
     * student's own earlier answers), and coincidences are rare.
     */
    @Test
    void randomPerturbationsGetNoFalseDiagnosis() {
        int perturbed = 0;
        int diagnosed = 0;
        Map<String, Integer> byCode = new TreeMap<>();
        Map<String, Integer> onSeveralCells = new TreeMap<>();
        List<String> coincidences = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            Random rnd = new Random(900_000 + i);
            Problem p = i % 3 == 0 ? Mistakes.load(Mistakes.PROBLEM_FILES.get(rnd.nextInt(5)))
                    : Mistakes.randomProblem(rnd, "random-" + i);
            AnswerKey key = Solver.solve(p);
            Map<Quantity, Matrix> answers = correctAnswers(p, key, rnd);
            Quantity q = p.ask().get(rnd.nextInt(p.ask().size()));
            Tolerance t = p.tolerance().of(q);
            Matrix wrong = perturb(key.get(q), t, rnd);
            if (rnd.nextBoolean()) {
                Matrix w = written(wrong, t, rnd);
                if (!within(w, key.get(q), t)) {
                    wrong = w;
                }
            }
            if (within(wrong, key.get(q), t)) {
                continue;
            }
            answers.put(q, wrong);
            CheckResult r = grade(key, answers);
            QuantityResult qr = result(r, q);
            perturbed++;
            if (qr.status() == Status.CORRECT || qr.status() == Status.FOLLOW_THROUGH) {
                failures.add(p.id() + " " + q + ": a perturbed answer scored " + qr.status());
            }
            if (qr.diagnoses().isEmpty()) {
                continue;
            }
            diagnosed++;
            qr.diagnoses().forEach(c -> byCode.merge(c, 1, Integer::sum));
            coincidences.add(p.id() + " " + q + " = " + wrong + ", key " + key.get(q) + " (" + t.describe() + "): "
                    + qr.diagnoses());
            if (wrong.size() > 1) {
                qr.diagnoses().forEach(c -> onSeveralCells.merge(c, 1, Integer::sum));
            }
            Set<String> truth = truth(key, answers, q, wrong, t);
            if (!truth.containsAll(qr.diagnoses())) {
                failures.add(p.id() + " " + q + " = " + wrong + " (key " + key.get(q) + ", " + t.describe()
                        + "): diagnosed " + qr.diagnoses() + ", oracle " + truth);
            }
        }
        System.out.printf("random perturbations: %d graded, %d diagnosed (all confirmed by the oracle) %s, "
                + "on answers of several cells %s%n", perturbed, diagnosed, byCode, onSeveralCells);
        coincidences.forEach(c -> System.out.println("  coincidence: " + c));
        assertEquals(List.of(), failures);
        // a mistake that scales or flips the whole answer cannot fit a random answer of several cells
        for (String code : List.of("transposed", "sign-flipped", "missing-mean", "extra-mean", "wrong-update-sign",
                "learning-rate-omitted", "missing-activation-derivative", "shape-mismatch")) {
            assertEquals(null, onSeveralCells.get(code), code + " fired on a random perturbation");
        }
        assertTrue(perturbed > 5000, "perturbed " + perturbed);
        assertTrue(diagnosed < perturbed / 100, "coincidences: " + diagnosed + " of " + perturbed);
    }

    /** The codes the oracle confirms against the key and against the student's own earlier answers. */
    private static Set<String> truth(AnswerKey key, Map<Quantity, Matrix> answers, Quantity q, Matrix s, Tolerance t) {
        Problem p = key.problem();
        Set<String> codes = new TreeSet<>(Mistakes.trueCodes(p, key::get, q, s, key.get(q), t));
        World world = new World(key, Mistakes.submission(p, answers));
        FollowThrough ft = FollowThrough.of(world, q);
        if (ft != null) {
            codes.addAll(Mistakes.trueCodes(p, world::get, q, s, ft.value(), t));
        }
        if (!s.sameShape(key.get(q)) && !s.sameShape(key.get(q).transpose())) {
            codes.add("shape-mismatch");
        }
        return codes;
    }

    /** 1–all cells moved by ±(5–50)× the tolerance's width there. */
    static Matrix perturb(Matrix e, Tolerance t, Random rnd) {
        double[] out = e.toArray();
        int cells = 1 + rnd.nextInt(out.length);
        for (int c = 0; c < cells; c++) {
            int i = rnd.nextInt(out.length);
            double noise = (5 + 45 * rnd.nextDouble()) * width(t, out[i]);
            out[i] = e.at(i) + (rnd.nextBoolean() ? noise : -noise);
        }
        return Matrix.wrap(e.rows(), e.cols(), out);
    }

    /** How far from e the tolerance accepts. */
    static double width(Tolerance t, double e) {
        if (t instanceof Tolerance.Bound b) {
            return b.absolute() + b.relative() * Math.abs(e);
        }
        if (t instanceof Tolerance.Decimals d) {
            return Math.pow(10, -d.decimals());
        }
        Tolerance.SigFigs s = (Tolerance.SigFigs) t;
        return e == 0 ? Math.pow(10, -s.digits()) : Math.pow(10, Math.floor(Math.log10(Math.abs(e))) - s.digits() + 1);
    }

    // ------------------------------------------------------------------ detection on random problems

    /**
     * Each mistake applied to each quantity of random problems where it can occur and shows
     * (beyond tolerance): where the oracle finds the value explained by that mistake alone, the
     * diagnosis is exactly its code; where the value is also another mistake's (a symmetric
     * dW, a scalar where m·e = −e…), the diagnosis is one the oracle confirms. Each mistake is
     * found exactly in at least 99% of its cases.
     */
    @Test
    void mistakesOnRandomProblemsAreDiagnosed() {
        Map<Mistake, int[]> stats = new EnumMap<>(Mistake.class); // {cases, exact, ambiguous}
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Random rnd = new Random(70_000 + i);
            Problem p = Mistakes.randomProblem(rnd, "random-" + i);
            if (p.learningRate() == 1 && rnd.nextBoolean()) {
                p = Mistakes.with(p, 0.3, p.followThrough());
            }
            AnswerKey key = Solver.solve(p);
            Map<Quantity, Matrix> correct = correctAnswers(p, key, rnd);
            for (Quantity q : p.ask()) {
                Tolerance t = p.tolerance().of(q);
                for (Mistake mistake : Mistake.values()) {
                    Matrix wrong = apply(mistake, p, key::get, q, rnd);
                    if (wrong == null || within(wrong, key.get(q), t) || !visible(mistake, key.get(q), t)) {
                        continue;
                    }
                    if (mistake != Mistake.ROUNDED_TOO_COARSELY && mistake != Mistake.SHAPE_MISMATCH
                            && rnd.nextBoolean()) {
                        Matrix w = written(wrong, t, rnd);
                        if (!within(w, key.get(q), t)) {
                            wrong = w;
                        }
                    }
                    Map<Quantity, Matrix> answers = new LinkedHashMap<>(correct);
                    answers.put(q, wrong);
                    QuantityResult qr = result(grade(key, answers), q);
                    Set<String> truth = truth(key, answers, q, wrong, t);
                    int[] s = stats.computeIfAbsent(mistake, x -> new int[4]);
                    s[0]++;
                    boolean alone = truth.equals(new TreeSet<>(mistake.codes));
                    if (qr.diagnoses().equals(mistake.codes)) {
                        s[1]++;
                    } else if (!alone && !qr.diagnoses().isEmpty() && truth.containsAll(qr.diagnoses())) {
                        s[2]++;
                    } else if (qr.status() == Status.FOLLOW_THROUGH) {
                        // the wrong value is also what the student's own (rounded) earlier answers give
                        s[3]++;
                    } else {
                        failures.add(p.id() + " (" + p.network().loss().label() + ", " + p.network().weightLayout()
                                .label() + ", m=" + p.samples() + ", " + t.describe() + ") " + q + " with " + mistake
                                + ": " + wrong + " (key " + key.get(q) + ") diagnosed " + qr.diagnoses()
                                + ", oracle " + truth + ", " + qr.status());
                    }
                }
            }
        }
        StringBuilder rates = new StringBuilder("detection on random problems:");
        stats.forEach((m, s) -> rates.append(String.format(
                "%n  %-30s %5d cases, %5d exactly (%.1f%%), %d ambiguous, %d follow-through",
                m, s[0], s[1], 100.0 * s[1] / s[0], s[2], s[3])));
        assertEquals(List.of(), failures.stream().limit(30).toList(), "failures: " + failures.size());
        assertEquals(Mistake.values().length, stats.size());
        // measured: every mistake ≥ 99.5% exactly; the rest are values that are also another
        // mistake's or what the student's own rounded answers give
        stats.forEach((m, s) -> {
            assertTrue(s[0] >= 500, () -> m + ": only " + s[0] + " cases");
            assertTrue(s[1] >= 0.99 * s[0], () -> rates.toString());
            assertTrue(s[2] + s[3] <= 0.01 * s[0], () -> rates.toString());
        });
        assertEquals(23773, s0(stats), rates::toString);
    }

    private static int s0(Map<Mistake, int[]> stats) {
        return stats.values().stream().mapToInt(s -> s[0]).sum();
    }

    /** A transposition shows only on a non-symmetric matrix, a sign flip only where the value is not ≈ 0. */
    static boolean visible(Mistake mistake, Matrix key, Tolerance t) {
        boolean transposes = mistake == Mistake.TRANSPOSED || mistake == Mistake.TRANSPOSED_AND_SIGN_FLIPPED;
        if (transposes && (key.size() == 1 || within(key.transpose(), key, t))) {
            return false;
        }
        return mistake != Mistake.TRANSPOSED_AND_SIGN_FLIPPED || !within(key.scale(-1), key, t);
    }

    // ------------------------------------------------------------------ specific cases

    /** Rounding 0.85 to one decimal gives 0.9, as a student does, though the double 0.85 is a little below it. */
    @Test
    void aHalfRoundedUpFromTheShownDigitsIsARounding() {
        Problem p = Mistakes.load("inout-relu-mse.yaml");
        AnswerKey key = Solver.solve(p);
        Quantity z1 = Quantity.of(Kind.Z, 1);
        assertEquals(0.85, key.get(z1).get(1, 1), 1e-12);
        Map<Quantity, Matrix> answers = correctAnswers(p, key, new Random(1));
        answers.put(z1, Matrix.of(new double[][] {{1.2, -0.3}, {-0.4, 0.9}}));
        QuantityResult qr = result(grade(key, answers), z1);
        assertEquals(Status.INCORRECT, qr.status());
        assertEquals(List.of("rounded-too-coarsely"), qr.diagnoses());
    }

    /** A linear output has f′ = 1: δ = ŷ − y with the mse (missing its 2/K) is not a forgotten derivative. */
    @Test
    void noActivationDerivativeIsMissingFromALinearOutput() {
        Network n = new Network(2, List.of(new Layer(3, new Activation.Linear())), Loss.MSE, Reduction.MEAN,
                WeightLayout.OUT_IN);
        Problem p = new Problem("test", "linear-mse", "", "", n, 0.1, Matrix.of(new double[][] {{1, 2}}),
                Matrix.of(new double[][] {{0.5, -1, 2}}),
                List.of(Matrix.of(new double[][] {{0.3, -0.2}, {0.1, 0.4}, {-0.5, 0.2}})), List.of(Matrix.row(0.1, 0, -0.1)),
                Quantity.all(1), new Problem.Tolerances(Tolerance.DEFAULT, Map.of()), new Problem.Points(1, Map.of()),
                false, 1);
        AnswerKey key = Solver.solve(p);
        Map<Quantity, Matrix> answers = correctAnswers(p, key, new Random(1));
        Quantity dz = Quantity.of(Kind.DZ, 1);
        Matrix halfOfTwoThirds = key.get(Quantity.YHAT).minus(p.y()); // (ŷ − y) where δ = 2(ŷ − y)/3
        answers.put(dz, halfOfTwoThirds);
        QuantityResult qr = result(grade(key, answers), dz);
        assertEquals(Status.INCORRECT, qr.status());
        assertEquals(List.of(), qr.diagnoses());
    }

    /**
     * A rounding is of the whole answer: one short cell among cells written to 2 decimals is not
     * "rounded too coarsely" (these numbers came up as a random perturbation); the same answer
     * rounded to 1 decimal throughout is.
     */
    @Test
    void aRoundingIsOfTheWholeAnswer() {
        Problem p = Mistakes.load("two-layer-tanh-softmax.json"); // ±0.005; W2_next ≈ [[0.327, −0.191, 0.368], …]
        AnswerKey key = Solver.solve(p);
        Quantity w2 = Quantity.of(Kind.W_NEXT, 2);
        Map<Quantity, Matrix> answers = correctAnswers(p, key, new Random(1));

        answers.put(w2, Matrix.of(new double[][] {{0.3, -0.19, 0.37}, {-0.53, 0.59, 0.13}}));
        QuantityResult mixed = result(grade(key, answers), w2);
        assertEquals(Status.INCORRECT, mixed.status());
        assertEquals(List.of(), mixed.diagnoses());

        answers.put(w2, Matrix.of(new double[][] {{0.3, -0.2, 0.4}, {-0.5, 0.6, 0.1}}));
        assertEquals(List.of("rounded-too-coarsely"), result(grade(key, answers), w2).diagnoses());

        // one significant figure throughout is a rounding too (dW1 ≈ [[−0.2272, 0.2272], [0.3441, −0.3441],
        // [−0.0654, 0.0654]]), though −0.07 has more decimals than −0.2
        Quantity dW1 = Quantity.of(Kind.DW, 1);
        answers.put(dW1, Matrix.of(new double[][] {{-0.2, 0.2}, {0.3, -0.3}, {-0.07, 0.07}}));
        assertEquals(List.of("rounded-too-coarsely"), result(grade(key, answers), dW1).diagnoses());
    }

    /** 0 for a loss of 0.1554 (3 decimals asked) is not a rounding (0 says nothing of how it was rounded); 0.2 is. */
    @Test
    void zeroIsNotARounding() {
        Problem p = Mistakes.load("quadratic-sigmoid-regression.json");
        AnswerKey key = Solver.solve(p);
        Map<Quantity, Matrix> answers = correctAnswers(p, key, new Random(1));
        answers.put(Quantity.LOSS, Matrix.scalar(0));
        assertEquals(List.of(), result(grade(key, answers), Quantity.LOSS).diagnoses());
        answers.put(Quantity.LOSS, Matrix.scalar(0.2));
        assertEquals(List.of("rounded-too-coarsely"), result(grade(key, answers), Quantity.LOSS).diagnoses());
    }

    /**
     * Two mistakes are diagnosed together only on an answer of several cells: −m·db1 of the
     * batch is one number that chance hits too often, −m·dW1 is two.
     */
    @Test
    void aPairOfMistakesNeedsMoreThanOneNumber() {
        Problem p = Mistakes.load("logistic-batch.json");
        AnswerKey key = Solver.solve(p);
        Map<Quantity, Matrix> answers = correctAnswers(p, key, new Random(1));
        Quantity db = Quantity.of(Kind.DB, 1);
        Quantity dW = Quantity.of(Kind.DW, 1);
        answers.put(db, key.get(db).scale(-4)); // Σ(y − ŷ) instead of mean(ŷ − y)
        answers.put(dW, key.get(dW).scale(-4));
        CheckResult r = grade(key, answers);
        assertEquals(List.of(), result(r, db).diagnoses());
        assertEquals(Status.INCORRECT, result(r, db).status());
        assertEquals(List.of("sign-flipped", "missing-mean"), result(r, dW).diagnoses());
        // one mistake on one number is still named
        answers.put(db, key.get(db).scale(4));
        assertEquals(List.of("missing-mean"), result(grade(key, answers), db).diagnoses());
    }

    /** δ = y − ŷ on the batch problem: sign-flipped, with the cells it was checked against. */
    @Test
    void signFlippedDeltaOfTheBatch() {
        Problem p = Mistakes.load("logistic-batch.json");
        AnswerKey key = Solver.solve(p);
        Quantity dz = Quantity.of(Kind.DZ, 1);
        Map<Quantity, Matrix> answers = correctAnswers(p, key, new Random(3));
        answers.put(dz, Matrix.of(new double[][] {{0.475}, {-0.818}, {-0.389}, {0.525}}));
        QuantityResult qr = result(grade(key, answers), dz);
        assertEquals(List.of("sign-flipped"), qr.diagnoses());
        assertEquals(4, qr.wrongCells().size());
        assertEquals(-0.4750208, qr.expected().get(0, 0), 1e-7);
        assertEquals(List.of(), qr.carriedFrom()); // explained against the key, not the student's own values
    }
}
