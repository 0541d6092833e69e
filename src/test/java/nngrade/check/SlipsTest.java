package nngrade.check;

import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Tolerance;
import nngrade.solve.AnswerKey;
import nngrade.solve.Solver;
import nngrade.submission.Answer;
import nngrade.submission.Submission;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;


/**
 * Issue 15's generator: simulated students ({@link Student}) who slip once, twice independently,
 * or twice in a chain (the second slip downstream of the first), computing everything after a
 * slip from their own values, graded through {@link Checker#check}. Expectations come from the
 * test's own arithmetic and its own table of mistakes ({@link Explanations}), never from the
 * solver or the diagnosis rules:
 * <ol>
 * <li>a slip is diagnosed with its code on its quantity, relative to the student's own upstream
 *     values (exactly that code where no other mistake gives the same value; one of the codes
 *     that do where several do);</li>
 * <li>an answer right given the student's own earlier values (a wrong-shape transposed one
 *     transposed back) is follow-through, with full points and no diagnosis;</li>
 * <li>an answer within tolerance of the key is correct, with no diagnosis.</li>
 * </ol>
 * Undecidable cases are left out and counted: a slip that changes the value by less than the
 * tolerance (it is then follow-through or correct, which is asserted), one whose value the
 * checker's and the test's floating point could put on either side of the tolerance, and a
 * student whose own values make a loss or gradient infinite.
 */
class SlipsTest {
    /** How a student slips. */
    enum Mode {
        ONCE, TWICE_INDEPENDENT, TWICE_IN_A_CHAIN
    }

    private static final int RANDOM_CASES = 1500;
    private static final int BUNDLED_CASES = 150;
    /** Every code must be decided on at least this many random cases of each mode. */
    private static final int MIN_DECIDED = 10;
    private static final double MIN_RATE = 0.99;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void randomProblems(Mode mode) {
        Tally tally = new Tally();
        for (int i = 0; i < RANDOM_CASES; i++) {
            long seed = 15_000_000L * (mode.ordinal() + 1) + i;
            Problem p = SlipProblems.random(new Random(seed), "random-" + seed);
            student(p, mode, new Random(seed ^ 0x5deece66dL), tally);
        }
        // a and ŷ feed every later quantity and are fed by every earlier one: no slip is unrelated to them
        Set<String> unplaceable = new HashSet<>();
        if (mode == Mode.TWICE_INDEPENDENT) {
            unplaceable.add(Slip.WRONG_ACTIVATION.code);
        }
        tally.check(mode.toString(), MIN_DECIDED, unplaceable);
    }

    static Stream<Arguments> bundled() {
        List<Arguments> out = new ArrayList<>();
        for (String file : SlipProblems.bundledFiles()) {
            if (SlipProblems.isGraph(file)) {
                continue; // GraphSlipsTest's
            }
            for (Mode mode : Mode.values()) {
                out.add(Arguments.of(file, mode));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("bundled")
    void bundledProblems(String file, Mode mode) {
        Problem p = SlipProblems.bundled(file);
        Tally tally = new Tally();
        for (int i = 0; i < BUNDLED_CASES; i++) {
            student(p, mode, new Random(file.hashCode() * 31L + 1000L * mode.ordinal() + i), tally);
        }
        tally.check(file + ", " + mode, 0, Set.of());
    }

    // ---------------------------------------------------------------- one simulated student

    private static void student(Problem p, Mode mode, Random rnd, Tally tally) {
        Map<Quantity, Slip> slips = slips(p, mode, rnd);
        if (slips == null) {
            tally.noPair++;
            return;
        }
        Student.Work work = Student.work(p, slips);
        for (Quantity q : p.ask()) {
            if (!Student.finite(work.written().get(q)) || !Student.finite(work.own().get(q))) {
                tally.nonFinite++;
                return; // ln 0 of a student's own ŷ: nothing to write, nothing to follow
            }
        }
        Map<Quantity, double[][]> key = Student.key(p);
        Map<Quantity, Answer> answers = new LinkedHashMap<>();
        for (Quantity q : p.ask()) {
            answers.put(q, Answer.readable(q.name(), Matrix.of(work.written().get(q))));
        }
        AnswerKey answerKey = Solver.solve(p);
        CheckResult result = Checker.check(answerKey, new Submission("slips", p.id(), "s", answers, List.of()), null, "s");
        Map<Quantity, QuantityResult> byQuantity = new LinkedHashMap<>();
        result.quantities().forEach(r -> byQuantity.put(r.quantity(), r));
        String made = work.made().entrySet().stream().map(e -> e.getValue().code
                        + (work.carried().get(e.getKey()) != work.written().get(e.getKey()) ? " (wrong shape)" : "")
                        + " on " + e.getKey().name()).collect(Collectors.joining(", then "));
        for (Quantity q : p.ask()) {
            expect(p, q, work, key, byQuantity.get(q), made.isEmpty() ? "no slip left a mark" : made, tally);
        }
    }

    /**
     * The slips of one student: one, or a pair drawn evenly from every pair of two unrelated
     * slips (neither quantity computed from the other) or of a chain (the second quantity
     * computed, directly or not, from the first); null if the problem has no such pair.
     */
    private static Map<Quantity, Slip> slips(Problem p, Mode mode, Random rnd) {
        List<Map.Entry<Quantity, Slip>> options = new ArrayList<>();
        Map<Quantity, Set<Quantity>> below = new HashMap<>();
        for (Quantity q : p.ask()) {
            below.put(q, downstream(p, q));
            for (Slip s : Slip.values()) {
                if (s.applies(p, q)) {
                    options.add(Map.entry(q, s));
                }
            }
        }
        Map<Quantity, Slip> slips = new LinkedHashMap<>();
        if (mode == Mode.ONCE) {
            Map.Entry<Quantity, Slip> only = options.get(rnd.nextInt(options.size()));
            slips.put(only.getKey(), only.getValue());
            return slips;
        }
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            for (int j = 0; j < options.size(); j++) {
                Quantity first = options.get(i).getKey();
                Quantity second = options.get(j).getKey();
                boolean chained = below.get(first).contains(second);
                boolean unrelated = i < j && !first.equals(second) && !chained && !below.get(second).contains(first);
                if (mode == Mode.TWICE_IN_A_CHAIN ? chained : unrelated) {
                    pairs.add(new int[] {i, j});
                }
            }
        }
        if (pairs.isEmpty()) {
            return null;
        }
        int[] pair = pairs.get(rnd.nextInt(pairs.size()));
        for (int i : pair) {
            slips.put(options.get(i).getKey(), options.get(i).getValue());
        }
        return slips;
    }

    /** The quantities computed, directly or not, from {@code from}. */
    static Set<Quantity> downstream(Problem p, Quantity from) {
        Set<Quantity> out = new HashSet<>();
        for (Quantity q : p.quantities().all()) {
            if (Student.inputs(p, q).stream().anyMatch(i -> i.equals(from) || out.contains(i))) {
                out.add(q);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- the rules

    private static void expect(Problem p, Quantity q, Student.Work work, Map<Quantity, double[][]> key,
                               QuantityResult got, String made, Tally tally) {
        Tolerance t = p.tolerance().of(q);
        double[][] s = work.written().get(q);
        double[][] k = key.get(q);
        double[][] own = work.own().get(q);
        Slip slip = work.made().get(q);
        double max = p.points().of(q);
        Case c = new Case(p, made, q, s, k, own);
        if (Explanations.onTheEdge(t, s, k) || Explanations.onTheEdge(t, s, own)
                || Explanations.noiseUnderRelative(t, k) || Explanations.noiseUnderRelative(t, own)) {
            tally.edge++;
            return;
        }
        if (Explanations.within(t, s, k)) {
            if (slip != null) {
                tally.of(slip).cancelled++;
            }
            if (got.status() != Status.CORRECT || got.points() != max || !got.diagnoses().isEmpty()) {
                tally.fail("correct answer " + kind(q) + " graded " + verdict(got, max), c, got);
            }
            return;
        }
        if (slip == null || Explanations.within(t, s, own)) {
            if (slip != null) {
                tally.of(slip).noEffect++;
            }
            if (got.status() != Status.FOLLOW_THROUGH || got.points() != max || !got.diagnoses().isEmpty()) {
                String after = made.contains("(wrong shape)") ? " (after a wrong-shape answer)" : "";
                tally.fail("carried-forward " + kind(q) + after + " graded " + verdict(got, max), c, got);
            }
            return;
        }
        // a quantity of step s is explained as one of a first step, from the parameters step s − 1 left
        Student.Step fromKey = Student.Step.of(p, q, key::get);
        Student.Step fromOwn = Student.Step.of(p, q, work.carried()::get);
        Set<String> codes = new LinkedHashSet<>(Explanations.of(fromKey.problem(), fromKey.quantity(), t, s, k,
                fromKey.values()));
        codes.addAll(Explanations.of(fromOwn.problem(), fromOwn.quantity(), t, s, own, fromOwn.values()));
        Counts counts = tally.of(slip);
        if (!codes.contains(slip.code)) {
            tally.fail("the test's own table misses " + slip.code + " on " + kind(q), c, got);
            return;
        }
        if (got.status() != Status.INCORRECT || got.points() != 0) {
            tally.fail(slip.code + " on " + kind(q) + " graded " + got.status().label() + " " + got.points(), c, got);
        }
        if (codes.size() == 1) {
            counts.decided++;
            if (got.diagnoses().equals(List.of(slip.code))) {
                counts.detected++;
            } else {
                tally.miss(slip.code + " on " + kind(q) + (made.contains(", then") ? " (two slips)" : "") + " diagnosed "
                        + got.diagnoses(), c, got);
            }
        } else {
            counts.ambiguous++;
            if (got.diagnoses().size() != 1 || !codes.contains(got.diagnoses().get(0))) {
                tally.miss(slip.code + " on " + kind(q) + ", as likely " + codes + ", diagnosed " + got.diagnoses(), c, got);
            }
        }
    }

    /** The kind of a quantity for grouping failures: dz of the output and of a hidden layer apart. */
    private static String kind(Quantity q) {
        return q.kind().name().toLowerCase();
    }

    /** Status and codes, and the points only where the status is the expected kind but they are not. */
    private static String verdict(QuantityResult r, double max) {
        boolean earns = r.status() == Status.CORRECT || r.status() == Status.FOLLOW_THROUGH;
        return r.status().label() + " " + r.diagnoses() + (earns && r.points() != max ? " with " + r.points() + "/" + max : "");
    }

    private static String grading(QuantityResult r) {
        return r.status().label() + " " + r.points() + "/" + r.maxPoints() + " " + r.diagnoses();
    }

    // ---------------------------------------------------------------- bookkeeping

    /** One graded quantity of one student, for a failure message. */
    record Case(Problem p, String slips, Quantity q, double[][] submitted, double[][] key, double[][] own) {
        int size() {
            int units = 0;
            for (var l : p.network().layers()) {
                units += l.units();
            }
            return 100 * p.network().depth() + 10 * p.samples() + units;
        }

        String describe(QuantityResult got) {
            return SlipProblems.describe(p) + "\n      slips: " + slips + "\n      " + q.name() + " = " + show(submitted)
                    + ", key " + show(key) + ", from the student's own values " + show(own) + "\n      got "
                    + grading(got) + (got.carriedFrom().isEmpty() ? "" : " carried from " + got.carriedFrom());
        }
    }

    static String show(double[][] a) {
        return Arrays.stream(a).map(row -> Arrays.stream(row).mapToObj(v -> String.format("%.4g", v))
                .collect(Collectors.joining(", ", "[", "]"))).collect(Collectors.joining(", ", "[", "]"));
    }

    static final class Counts {
        int decided;
        int detected;
        int ambiguous;
        int noEffect;
        int cancelled;
    }

    /** Counts per code, and each kind of failure with its number and its smallest case. */
    static final class Tally {
        final Map<String, Counts> codes = new TreeMap<>();
        final Map<String, Integer> failures = new TreeMap<>();
        final Map<String, String> smallest = new TreeMap<>();
        final Map<String, Integer> smallestSize = new TreeMap<>();
        final Map<String, Integer> misses = new TreeMap<>();
        int noPair;
        int nonFinite;
        int edge;

        Counts of(Slip slip) {
            return codes.computeIfAbsent(slip.code, x -> new Counts());
        }

        void fail(String kind, Case c, QuantityResult got) {
            record(failures, kind, c, got);
        }

        /** A diagnosis other than the slip's: counted against its rate, and shown if the rate fails. */
        void miss(String kind, Case c, QuantityResult got) {
            record(misses, kind, c, got);
        }

        private void record(Map<String, Integer> where, String kind, Case c, QuantityResult got) {
            where.merge(kind, 1, Integer::sum);
            if (c.size() < smallestSize.getOrDefault(kind, Integer.MAX_VALUE)) {
                smallestSize.put(kind, c.size());
                smallest.put(kind, c.describe(got));
            }
        }

        /** Fails with a line per code below its rate or count and the smallest case of each failure kind. */
        void check(String run, int minDecided, Set<String> unplaceable) {
            StringBuilder out = new StringBuilder();
            Set<String> failingCodes = new HashSet<>();
            for (Slip slip : Slip.values()) {
                Counts n = codes.getOrDefault(slip.code, new Counts());
                boolean low = n.decided < minDecided && !unplaceable.contains(slip.code);
                boolean rate = n.decided > 0 && n.detected < MIN_RATE * n.decided;
                if (low || rate) {
                    failingCodes.add(slip.code);
                    out.append(String.format("  %s: %d of %d decided cases diagnosed (%.1f%%; %s), %d ambiguous, "
                                    + "%d without effect, %d cancelled%n", slip.code, n.detected, n.decided,
                            n.decided == 0 ? 0.0 : 100.0 * n.detected / n.decided,
                            low ? "fewer than " + minDecided + " decided" : "below " + 100 * MIN_RATE + "%",
                            n.ambiguous, n.noEffect, n.cancelled));
                }
            }
            int ambiguousMisses = 0;
            for (var e : misses.entrySet()) {
                boolean counted = failingCodes.stream().anyMatch(code -> e.getKey().startsWith(code + " "));
                if (e.getKey().contains(", as likely ")) {
                    ambiguousMisses += e.getValue();
                    counted = true;
                }
                if (counted) {
                    out.append("  ").append(e.getValue()).append("× ").append(e.getKey()).append(", e.g.\n      ")
                            .append(smallest.get(e.getKey())).append('\n');
                }
            }
            for (var e : failures.entrySet()) {
                out.append("  ").append(e.getValue()).append("× ").append(e.getKey()).append(", e.g.\n      ")
                        .append(smallest.get(e.getKey())).append('\n');
            }
            if (!out.isEmpty()) {
                org.junit.jupiter.api.Assertions.fail(run + " (" + noPair + " students with no room for the second slip, " + nonFinite
                        + " with an infinite value, " + edge + " answers on the tolerance's edge left out; "
                        + ambiguousMisses + " ambiguous answers diagnosed outside their codes):\n" + out);
            }
        }
    }
}
