package nngrade.check;

import nngrade.check.Mistakes.Mistake;
import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.problem.Tolerance;
import nngrade.solve.AnswerKey;
import nngrade.solve.Solver;
import nngrade.submission.Submission;
import nngrade.submission.SubmissionReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static nngrade.check.Mistakes.grade;
import static nngrade.check.Mistakes.result;
import static nngrade.check.Mistakes.within;
import static nngrade.check.Mistakes.written;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Follow-through credit: answers computed correctly from the student's own wrong (or early
 * rounded) earlier answers, diagnoses relative to those own answers, and the notes' sample.
 */
class FollowThroughTest {
    private static final Quantity Z1 = Quantity.of(Kind.Z, 1);

    /**
     * A wrong z1: the key's with each cell moved by ±0.3…0.9 (one decimal), the first draw
     * (from a fixed seed) whose error shows in every later asked quantity, beyond tolerance, and
     * keeps ŷ away from 0 and 1 (so −ln ŷ of a rounded ŷ stays finite).
     */
    static Matrix wrongZ1(Problem p, AnswerKey key) {
        Matrix z1 = key.get(Z1);
        for (long seed = 1; seed < 1000; seed++) {
            Random rnd = new Random(seed);
            Matrix wrong = z1.map(v -> v + (rnd.nextBoolean() ? 1 : -1) * (3 + rnd.nextInt(7)) / 10.0);
            Map<Quantity, Matrix> own = carriedForward(p, key, Z1, wrong, null);
            boolean visible = own.entrySet().stream().allMatch(e -> e.getKey().equals(Z1)
                    || !within(e.getValue(), key.get(e.getKey()), p.tolerance().of(e.getKey())));
            Matrix yhat = own.get(Quantity.YHAT);
            boolean moderate = true;
            for (int i = 0; i < yhat.size(); i++) {
                moderate &= yhat.at(i) > 0.03 && yhat.at(i) < 0.97;
            }
            if (visible && (moderate || !p.network().loss().usesLog())) {
                return wrong;
            }
        }
        throw new AssertionError("no wrong z1 shows in every quantity of " + p.id());
    }

    /**
     * A student's whole computation with {@code start} as their value of {@code from}: every
     * later quantity computed with the solver's own steps from their earlier written values,
     * each written with 2–4 decimals (within tolerance of their exact value; exact if rnd is null).
     */
    static Map<Quantity, Matrix> carriedForward(Problem p, AnswerKey key, Quantity from, Matrix start, Random rnd) {
        Map<Quantity, Matrix> own = new LinkedHashMap<>();
        boolean after = false;
        for (Quantity q : Quantity.all(p.network().depth())) {
            if (q.equals(from)) {
                own.put(q, start);
                after = true;
            } else {
                Matrix exact = after ? Mistakes.step(p, q, x -> own.getOrDefault(x, key.get(x))) : key.get(q);
                own.put(q, rnd == null ? exact : written(exact, p.tolerance().of(q), rnd));
            }
        }
        own.keySet().retainAll(p.ask());
        return own;
    }

    static Stream<Arguments> problemsAndShares() {
        List<Arguments> out = new ArrayList<>();
        for (String file : Mistakes.PROBLEM_FILES) {
            for (double share : new double[] {1.0, 0.5, 0.0}) {
                out.add(Arguments.of(file, share));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, followThrough {1}")
    @MethodSource("problemsAndShares")
    void everythingComputedFromAWrongZ1IsFollowThrough(String file, double share) {
        Problem p = Mistakes.with(Mistakes.load(file), Mistakes.load(file).learningRate(), share);
        AnswerKey key = Solver.solve(p);
        Map<Quantity, Matrix> answers = carriedForward(p, key, Z1, wrongZ1(p, key), new Random(11));

        CheckResult r = grade(key, answers);

        QuantityResult z1 = result(r, Z1);
        assertEquals(Status.INCORRECT, z1.status());
        assertEquals(List.of(), z1.diagnoses());
        assertEquals(0.0, z1.points());
        double expectedScore = 0;
        for (Quantity q : p.ask()) {
            if (q.equals(Z1)) {
                continue;
            }
            Tolerance t = p.tolerance().of(q);
            assertFalse(within(answers.get(q), key.get(q), t), "precondition: " + q + " differs from the key");
            QuantityResult qr = result(r, q);
            assertEquals(Status.FOLLOW_THROUGH, qr.status(), () -> q + " = " + qr.submitted() + ", key " + qr.expected());
            assertEquals(share * p.points().of(q), qr.points(), 1e-12, q.name());
            assertEquals(List.of(), qr.diagnoses(), q.name());
            // what the follow-through value was computed from, named as the student named them
            assertEquals(dependsOn(p, q), qr.carriedFrom(), q.name());
            assertFalse(qr.wrongCells().isEmpty(), q.name() + " is wrong against the key");
            expectedScore += share * p.points().of(q);
        }
        assertEquals(expectedScore, r.score(), 1e-9);
        assertEquals(List.of(), z1.carriedFrom());
    }

    /**
     * The quantities q is computed from, all answered here, as the spec's table of follow-through
     * writes them (written out again, not taken from FollowThrough): δ_L = ŷ − y needs only ŷ for
     * softmax with cross-entropy and sigmoid with binary cross-entropy, z_L and ŷ otherwise.
     */
    static List<String> dependsOn(Problem p, Quantity q) {
        int l = q.layer();
        int depth = p.network().depth();
        String output = p.network().output().activation().name();
        String loss = p.network().loss().label();
        boolean shortcut = output.equals("softmax") && loss.equals("cross-entropy")
                || output.equals("sigmoid") && loss.equals("binary-cross-entropy");
        String below = l == 1 ? null : "a" + (l - 1);
        return switch (q.kind()) {
            case Z -> l == 1 ? List.of() : List.of(below);
            case A -> List.of("z" + l);
            case YHAT -> List.of("z" + depth);
            case LOSS -> List.of("yhat");
            case DZ -> l < depth ? List.of("da" + l, "z" + l) : shortcut ? List.of("yhat") : List.of("z" + l, "yhat");
            case DA -> List.of("dz" + (l + 1));
            case DW -> l == 1 ? List.of("dz1") : List.of("dz" + l, below);
            case DB -> List.of("dz" + l);
            case W_NEXT -> List.of("dW" + l);
            case B_NEXT -> List.of("db" + l);
            default -> throw new IllegalArgumentException(q + ": not a plain network's quantity");
        };
    }

    /** The cases above pin carriedFrom for every kind, hidden and output layers, both forms of δ_L. */
    @Test
    void carriedFromIsPinnedForEveryKindOfQuantity() {
        Set<String> pinned = new TreeSet<>();
        for (String file : Mistakes.PROBLEM_FILES) {
            Problem p = Mistakes.load(file);
            for (Quantity q : p.ask()) {
                boolean output = q.layer() == p.network().depth();
                String where = q.kind() == Kind.DZ && output ? (dependsOn(p, q).size() == 1 ? "output, ŷ − y" : "output")
                        : q.kind().name().matches("Z|DW") ? (q.layer() == 1 ? "first" : "later") : "";
                pinned.add(q.kind() + (where.isEmpty() ? "" : " " + where));
            }
        }
        assertEquals(new TreeSet<>(List.of("A", "B_NEXT", "DA", "DB", "DW first", "DW later", "DZ", "DZ output",
                "DZ output, ŷ − y", "LOSS", "W_NEXT", "YHAT", "Z first", "Z later")), pinned);
    }

    /** dW1 transposed relative to the student's own (wrong) δ1 is still transposed; with −, both codes. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("problemFiles")
    void aMistakeRelativeToOwnValuesIsDiagnosed(String file) {
        Problem p = Mistakes.load(file);
        AnswerKey key = Solver.solve(p);
        Map<Quantity, Matrix> answers = carriedForward(p, key, Z1, wrongZ1(p, key), new Random(5));
        Quantity dW1 = Quantity.of(Kind.DW, 1);
        Matrix ownDW1 = Mistakes.step(p, dW1, answers::get);

        answers.put(dW1, written(ownDW1.transpose(), p.tolerance().of(dW1), new Random(5)));
        QuantityResult transposed = result(grade(key, answers), dW1);
        assertEquals(List.of("transposed"), transposed.diagnoses());
        assertEquals(List.of("dz1"), transposed.carriedFrom());
        assertEquals(Status.INCORRECT, transposed.status());
        assertEquals(0.0, transposed.points());

        answers.put(dW1, ownDW1.transpose().scale(-1));
        QuantityResult both = result(grade(key, answers), dW1);
        assertEquals(List.of("transposed", "sign-flipped"), both.diagnoses());
        assertEquals(List.of("dz1"), both.carriedFrom());
    }

    static Stream<String> problemFiles() {
        return Mistakes.PROBLEM_FILES.stream();
    }

    /**
     * Every mistake, applied to a quantity computed from the student's own wrong z1 (the
     * mistake made relative to their own values), is diagnosed with its code.
     */
    static Stream<Arguments> mistakesRelativeToOwnValues() {
        List<Arguments> out = new ArrayList<>();
        for (String file : Mistakes.PROBLEM_FILES) {
            for (Mistake mistake : Mistake.values()) {
                Problem p = problemFor(file, mistake);
                AnswerKey key = Solver.solve(p);
                Map<Quantity, Matrix> own = carriedForward(p, key, Z1, wrongZ1(p, key), new Random(3));
                for (Quantity q : p.ask()) {
                    if (q.equals(Z1)) {
                        continue;
                    }
                    Matrix wrong = wrongOnOwn(mistake, p, key, own, q);
                    Tolerance t = p.tolerance().of(q);
                    if (wrong != null && !within(wrong, ownExact(p, key, own, q), t) && !within(wrong, key.get(q), t)) {
                        out.add(Arguments.of(file, q.name(), mistake));
                    }
                }
            }
        }
        return out.stream();
    }

    /**
     * The mistake made on q from the student's own written values; rounding too coarsely rounds
     * the exact value the student computed (not their already rounded answer twice).
     */
    private static Matrix wrongOnOwn(Mistake mistake, Problem p, AnswerKey key, Map<Quantity, Matrix> own, Quantity q) {
        if (mistake == Mistake.ROUNDED_TOO_COARSELY) {
            Matrix r = Mistakes.rounded(ownExact(p, key, own, q), 1);
            return Mistakes.allZero(r) ? null : r;
        }
        return Mistakes.apply(mistake, p, x -> own.getOrDefault(x, key.get(x)), q, new Random(3));
    }

    private static Problem problemFor(String file, Mistake mistake) {
        Problem p = Mistakes.load(file);
        return mistake == Mistake.LEARNING_RATE_OMITTED && p.learningRate() == 1 ? Mistakes.with(p, 0.5, 1) : p;
    }

    private static Matrix ownExact(Problem p, AnswerKey key, Map<Quantity, Matrix> own, Quantity q) {
        return Mistakes.step(p, q, x -> own.getOrDefault(x, key.get(x)));
    }

    @ParameterizedTest(name = "{0}: {1} with {2}, relative to a wrong z1")
    @MethodSource("mistakesRelativeToOwnValues")
    void mistakesMadeOnOwnValuesAreDiagnosed(String file, String quantity, Mistake mistake) {
        Problem p = problemFor(file, mistake);
        AnswerKey key = Solver.solve(p);
        Quantity q = Quantity.parse(quantity, p.network().depth()).orElseThrow();
        Map<Quantity, Matrix> answers = carriedForward(p, key, Z1, wrongZ1(p, key), new Random(3));
        Matrix wrong = wrongOnOwn(mistake, p, key, answers, q);
        answers.put(q, wrong);

        QuantityResult qr = result(grade(key, answers), q);

        assertEquals(mistake.codes, qr.diagnoses(), () -> quantity + " = " + wrong + ", own " + ownExact(p, key,
                answers, q) + ", key " + key.get(q) + ": " + qr.status());
        assertEquals(mistake == Mistake.SHAPE_MISMATCH ? Status.INVALID : Status.INCORRECT, qr.status());
        assertEquals(0.0, qr.points());
    }

    @Test
    void mistakesRelativeToOwnValuesCoverEveryCode() {
        Map<Mistake, Integer> count = new EnumMap<>(Mistake.class);
        mistakesRelativeToOwnValues().forEach(a -> count.merge((Mistake) a.get()[2], 1, Integer::sum));
        assertEquals(Mistake.values().length, count.size(), count.toString());
        // counted from the mistakes and the plain-loop steps alone, not from the checker
        assertEquals("{transposed=8, sign-flipped=23, missing-mean=7, extra-mean=9, wrong-update-sign=12, "
                + "learning-rate-omitted=13, missing-activation-derivative=3, wrong-activation=7, "
                + "rounded-too-coarsely=47, shape-mismatch=51, transposed+sign-flipped=7}", count.toString());
    }

    // ------------------------------------------------------------------ early rounding

    /**
     * ŷ rounded to 2 decimals (within its tolerance) and everything after computed from the
     * rounded values: no marks lost, each answer correct or follow-through.
     */
    @ParameterizedTest(name = "{0}, followThrough {1}")
    @MethodSource("earlyRoundingCases")
    void roundingYhatEarlyLosesNoMarks(String file, double share) {
        Problem base = Mistakes.load(file);
        Problem p = Mistakes.with(base, base.learningRate(), share);
        AnswerKey key = Solver.solve(p);
        Matrix yhat = Mistakes.rounded(key.get(Quantity.YHAT), 2);
        assertTrue(within(yhat, key.get(Quantity.YHAT), p.tolerance().of(Quantity.YHAT)), "precondition");
        Map<Quantity, Matrix> answers = carriedForward(p, key, Quantity.YHAT, yhat, new Random(2));

        CheckResult r = grade(key, answers);

        for (QuantityResult qr : r.quantities()) {
            assertEquals(correctOrCarried(p, key, answers, qr.quantity()), qr.status(),
                    () -> qr.name() + ": " + qr.submitted() + " vs " + qr.expected());
            assertEquals(List.of(), qr.diagnoses());
        }
        assertEquals(r.maxScore(), r.score(), 1e-9);
        if (file.startsWith("notes")) {
            // −ln 0.02 = 3.912 is 1.4% above −ln 0.0210932 = 3.8588: wrong against the key, right from ŷ
            QuantityResult loss = result(r, Quantity.LOSS);
            assertEquals(Status.FOLLOW_THROUGH, loss.status());
            assertEquals(List.of("yhat"), loss.carriedFrom());
            assertEquals(3.912023, loss.submitted().at(0), 0.005);
        }
    }

    /**
     * What an answer computed from the student's own earlier values earns: correct where it is
     * within the tolerance of the key anyway, follow-through where it is not (it is then, by
     * construction, within the tolerance of the value from their own answers).
     */
    private static Status correctOrCarried(Problem p, AnswerKey key, Map<Quantity, Matrix> answers, Quantity q) {
        return within(answers.get(q), key.get(q), p.tolerance().of(q)) ? Status.CORRECT : Status.FOLLOW_THROUGH;
    }

    static Stream<Arguments> earlyRoundingCases() {
        List<Arguments> out = new ArrayList<>();
        for (String file : List.of("notes-softmax-step.json", "logistic-batch.json", "two-layer-tanh-softmax.json",
                "inout-relu-mse.yaml")) {
            for (double share : new double[] {1.0, 0.5, 0.0}) {
                out.add(Arguments.of(file, share));
            }
        }
        return out.stream();
    }

    /** Where 2 decimals are too coarse for ŷ itself (3 decimals asked), ŷ loses its mark and the rest follows through. */
    @Test
    void roundingYhatTooCoarselyCostsOnlyYhat() {
        Problem p = Mistakes.load("quadratic-sigmoid-regression.json");
        AnswerKey key = Solver.solve(p);
        Matrix yhat = Mistakes.rounded(key.get(Quantity.YHAT), 2);
        Map<Quantity, Matrix> answers = carriedForward(p, key, Quantity.YHAT, yhat, new Random(2));

        CheckResult r = grade(key, answers);

        QuantityResult y = result(r, Quantity.YHAT);
        assertEquals(Status.INCORRECT, y.status());
        assertEquals(List.of("rounded-too-coarsely"), y.diagnoses());
        assertEquals(Status.CORRECT, result(r, Z1).status());
        for (QuantityResult qr : r.quantities()) {
            if (!qr.quantity().equals(Quantity.YHAT)) {
                assertEquals(correctOrCarried(p, key, answers, qr.quantity()), qr.status(), qr.name());
            }
        }
        // ½ Σ (ŷ − y)² of the rounded ŷ is 0.1537, the key's 0.1554: more than 3 decimals apart
        QuantityResult loss = result(r, Quantity.LOSS);
        assertEquals(Status.FOLLOW_THROUGH, loss.status());
        assertEquals(List.of("yhat"), loss.carriedFrom());
        assertEquals(r.maxScore() - 1, r.score(), 1e-9);
    }

    /** ŷ itself wrong: the loss computed from it earns only the follow-through share. */
    @Test
    void followThroughFromAWrongAnswerEarnsTheShare() {
        Problem base = Mistakes.load("quadratic-sigmoid-regression.json");
        Problem p = Mistakes.with(base, base.learningRate(), 0.5);
        AnswerKey key = Solver.solve(p);
        Matrix yhat = Mistakes.rounded(key.get(Quantity.YHAT), 2);
        Map<Quantity, Matrix> answers = carriedForward(p, key, Quantity.YHAT, yhat, new Random(2));

        QuantityResult loss = result(grade(key, answers), Quantity.LOSS);

        assertEquals(Status.FOLLOW_THROUGH, loss.status());
        assertEquals(0.5, loss.points(), 1e-12);
    }

    // ------------------------------------------------------------------ what is carried

    /** An upstream quantity the student did not answer is the key's: z2 from an unanswered, wrong a1 is incorrect. */
    @Test
    void anUnansweredUpstreamQuantityIsTakenFromTheKey() {
        Problem p = Mistakes.load("two-layer-tanh-softmax.json");
        AnswerKey key = Solver.solve(p);
        Map<Quantity, Matrix> answers = carriedForward(p, key, Z1, wrongZ1(p, key), new Random(4));
        Quantity a1 = Quantity.of(Kind.A, 1);
        Quantity z2 = Quantity.of(Kind.Z, 2);
        answers.remove(a1);

        CheckResult r = grade(key, answers);

        assertEquals(Status.MISSING, result(r, a1).status());
        QuantityResult z2r = result(r, z2);
        assertEquals(Status.INCORRECT, z2r.status());
        assertEquals(List.of(), z2r.carriedFrom());
        // yhat is still computed from the student's own z2
        assertEquals(Status.FOLLOW_THROUGH, result(r, Quantity.YHAT).status());
    }

    /** Follow-through is only for wrong answers: a right answer computed from a wrong upstream one is correct. */
    @Test
    void aCorrectAnswerNextToAWrongUpstreamOneIsCorrect() {
        Problem p = Mistakes.load("logistic-batch.json");
        AnswerKey key = Solver.solve(p);
        Map<Quantity, Matrix> answers = carriedForward(p, key, Z1, wrongZ1(p, key), new Random(4));
        answers.put(Quantity.LOSS, Matrix.scalar(0.896)); // the key's, not the one from the student's ŷ
        QuantityResult loss = result(grade(key, answers), Quantity.LOSS);
        assertEquals(Status.CORRECT, loss.status());
        assertEquals(List.of(), loss.carriedFrom());
        assertEquals(1.0, loss.points());
    }

    // ------------------------------------------------------------------ the notes' sample

    @Test
    void theNotesSampleFile() {
        Problem p = Mistakes.load("notes-softmax-step.json");
        Submission s = SubmissionReader.read(Path.of("submissions-sample", "notes.json"), p);
        assertNotes(Checker.check(Solver.solve(p), s, null, "notes"), 1.0);
    }

    @Test
    void theNotesSampleBuiltInMemory() {
        Problem p = Mistakes.load("notes-softmax-step.json");
        assertNotes(grade(Solver.solve(p), notesAnswers()), 1.0);
    }

    /** With partial credit, W1_next earns the share of the cells consistent with the student's dW1 (8 of 9). */
    @Test
    void theNotesSampleWithPartialCredit() {
        Problem n = Mistakes.load("notes-softmax-step.json");
        Problem p = new Problem(n.source(), n.id(), n.title(), n.statement(), n.network(), n.learningRate(), n.x(),
                n.y(), n.weights(), n.biases(), n.ask(), n.tolerance(), n.points(), true, 0.5);
        CheckResult r = grade(Solver.solve(p), notesAnswers());
        QuantityResult w = result(r, Quantity.of(Kind.W_NEXT, 1));
        // 3 of 9 cells match the key; 8 of 9 match the student's dW1, at half credit: max(3/9, 0.5·8/9)
        assertEquals(3, 9 - w.wrongCells().size());
        assertEquals(0.5 * 8 / 9, w.points(), 1e-12);
        QuantityResult db = result(r, Quantity.of(Kind.DB, 1));
        assertEquals(2.0 / 3, db.points(), 1e-12);
        assertEquals(0.5, result(r, Quantity.of(Kind.B_NEXT, 1)).points(), 1e-12);
    }

    @ParameterizedTest(name = "followThrough {0}")
    @ValueSource(doubles = {0.0, 0.25})
    void theNotesSampleWithAnotherShare(double share) {
        Problem p = Mistakes.with(Mistakes.load("notes-softmax-step.json"), 1.0, share);
        assertNotes(grade(Solver.solve(p), notesAnswers()), share);
    }

    private static Map<Quantity, Matrix> notesAnswers() {
        Map<Quantity, Matrix> a = new LinkedHashMap<>();
        a.put(Z1, Matrix.row(0.8, -2, 1.4));
        a.put(Quantity.YHAT, Matrix.row(0.34, 0.02, 0.63));
        a.put(Quantity.of(Kind.DZ, 1), Matrix.row(0.34, -0.97, 0.63));
        a.put(Quantity.of(Kind.DW, 1), Matrix.of(new double[][] {{0.34, -0.97, 0.63}, {1.04, -2.93, 1.89}, {0, 0, 0}}));
        a.put(Quantity.of(Kind.DB, 1), Matrix.row(0.37, -0.97, 0.63));
        a.put(Quantity.of(Kind.W_NEXT, 1),
                Matrix.of(new double[][] {{-0.24, 1.17, -0.93}, {-1.64, 2.43, 0.11}, {-0.1, 0.5, -3}}));
        a.put(Quantity.of(Kind.B_NEXT, 1), Matrix.row(-0.27, 1.07, -0.53));
        return a;
    }

    private static void assertNotes(CheckResult r, double share) {
        assertEquals(Status.CORRECT, result(r, Z1).status());
        assertEquals(Status.CORRECT, result(r, Quantity.YHAT).status());
        assertEquals(Status.MISSING, result(r, Quantity.LOSS).status());
        assertEquals(Status.CORRECT, result(r, Quantity.of(Kind.DZ, 1)).status());

        QuantityResult dW = result(r, Quantity.of(Kind.DW, 1));
        assertEquals(Status.INCORRECT, dW.status());
        assertEquals(List.of("transposed"), dW.diagnoses());
        assertEquals(List.of(), dW.carriedFrom()); // transposed against the key itself
        assertEquals(0.0, dW.points());
        assertEquals(2.0, dW.maxPoints());

        QuantityResult w = result(r, Quantity.of(Kind.W_NEXT, 1));
        assertEquals(Status.INCORRECT, w.status());
        assertEquals(List.of(), w.diagnoses());
        assertEquals(List.of("dW1"), w.carriedFrom());
        assertEquals(1, w.ownMisses().size());
        CellResult miss = w.ownMisses().get(0);
        assertEquals(3, miss.row());
        assertEquals(1, miss.col());
        assertEquals(-0.1, miss.submitted());
        assertEquals(-0.2, miss.expected(), 1e-12); // W1 − dW1 of the student's own dW1 there: −0.2 − 0
        assertFalse(miss.correct());
        assertEquals(0.0, w.points());

        QuantityResult db = result(r, Quantity.of(Kind.DB, 1));
        assertEquals(Status.INCORRECT, db.status());
        assertEquals(List.of(), db.diagnoses());
        assertEquals(List.of(), db.ownMisses());
        assertEquals(1, db.wrongCells().size());
        assertEquals(1, db.wrongCells().get(0).col());
        assertEquals(0.37, db.wrongCells().get(0).submitted());
        assertEquals(0.3468695, db.wrongCells().get(0).expected(), 1e-7);

        QuantityResult b = result(r, Quantity.of(Kind.B_NEXT, 1));
        assertEquals(Status.FOLLOW_THROUGH, b.status());
        assertEquals(List.of("db1"), b.carriedFrom());
        assertEquals(share, b.points(), 1e-12);

        assertEquals(3 + share, r.score(), 1e-9);
        assertEquals(9.0, r.maxScore());
    }
}
