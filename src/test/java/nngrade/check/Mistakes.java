package nngrade.check;

import nngrade.problem.Activation;
import nngrade.problem.Layer;
import nngrade.problem.Loss;
import nngrade.problem.Matrix;
import nngrade.problem.Network;
import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.problem.Reduction;
import nngrade.problem.Tolerance;
import nngrade.problem.WeightLayout;
import nngrade.solve.AnswerKey;
import nngrade.solve.NaiveNetwork;
import nngrade.solve.Solver;
import nngrade.submission.Answer;
import nngrade.submission.Submission;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Shared helpers of the diagnosis and follow-through tests: the problems of problems/, random
 * problems built as records, the mistakes students make (each computed the way a student
 * would compute it), a test-side oracle of which mistakes explain a value (written
 * independently of the diagnosis rules), rounding as a student does it, and grading.
 */
final class Mistakes {
    private Mistakes() {
    }

    /** The problem files of problems/, each with both layouts, one and two layers, m = 1 and m > 1. */
    static final List<String> PROBLEM_FILES = List.of("notes-softmax-step.json", "logistic-batch.json",
            "two-layer-tanh-softmax.json", "quadratic-sigmoid-regression.json", "inout-relu-mse.yaml");

    static Problem load(String file) {
        return ProblemLoader.load(Path.of("problems", file));
    }

    /** A student's mistake: the codes it must be diagnosed with. */
    enum Mistake {
        TRANSPOSED("transposed"),
        SIGN_FLIPPED("sign-flipped"),
        MISSING_MEAN("missing-mean"),
        EXTRA_MEAN("extra-mean"),
        WRONG_UPDATE_SIGN("wrong-update-sign"),
        LEARNING_RATE_OMITTED("learning-rate-omitted"),
        MISSING_ACTIVATION_DERIVATIVE("missing-activation-derivative"),
        WRONG_ACTIVATION("wrong-activation"),
        ROUNDED_TOO_COARSELY("rounded-too-coarsely"),
        SHAPE_MISMATCH("shape-mismatch"),
        TRANSPOSED_AND_SIGN_FLIPPED("transposed", "sign-flipped");

        final List<String> codes;

        Mistake(String... codes) {
            this.codes = List.of(codes);
        }

        @Override
        public String toString() {
            return String.join("+", codes);
        }
    }

    // ------------------------------------------------------------------ the mistakes

    /**
     * The value a student who makes {@code mistake} writes for {@code q}, computed from the
     * correct values {@code v} the way that student computes it; null where the mistake cannot
     * occur for q in p. {@code rnd} is only used for the random wrong shape.
     */
    static Matrix apply(Mistake mistake, Problem p, Function<Quantity, Matrix> v, Quantity q, Random rnd) {
        Network n = p.network();
        int l = q.layer();
        int m = p.samples();
        Kind k = q.kind();
        double factor = n.reduction().factor(m);
        return switch (mistake) {
            case TRANSPOSED -> switch (k) {
                // dW = x·δᵀ (out-in) or δᵀ·x (in-out): the other layout's product
                case DW -> other(n.weightLayout()).weightGradient(v.apply(Quantity.of(Kind.DZ, l)), input(p, v, l))
                        .scale(factor);
                // Z as W·Xᵀ + b (one column per sample): only visible with several samples
                case Z -> m > 1 ? columnsZ(p, l, input(p, v, l)) : null;
                default -> null;
            };
            case SIGN_FLIPPED -> switch (k) {
                case DZ -> l == n.depth() && shortcut(p) ? p.y().minus(v.apply(Quantity.YHAT)) : v.apply(q).scale(-1);
                // everything computed from δ = y − ŷ is the negated gradient
                case DA, DW, DB -> v.apply(q).scale(-1);
                default -> null;
            };
            case MISSING_MEAN -> {
                if (m < 2 || n.reduction() != Reduction.MEAN) {
                    yield null;
                }
                yield switch (k) {
                    case DW -> n.weightLayout().weightGradient(v.apply(Quantity.of(Kind.DZ, l)), input(p, v, l));
                    case DB -> v.apply(Quantity.of(Kind.DZ, l)).columnSums();
                    case LOSS -> Matrix.scalar(n.loss().perSample(v.apply(Quantity.YHAT), p.y()).sum());
                    default -> null;
                };
            }
            case EXTRA_MEAN -> {
                if (m < 2) {
                    yield null;
                }
                yield switch (k) {
                    // 1/m put into δ (or into da through δ), or applied a second time to dW, db
                    case DZ, DA, DW, DB -> v.apply(q).scale(1.0 / m);
                    default -> null;
                };
            }
            case WRONG_UPDATE_SIGN -> switch (k) {
                case W_NEXT -> p.w(l).plus(v.apply(Quantity.of(Kind.DW, l)).scale(p.learningRate()));
                case B_NEXT -> p.b(l).plus(v.apply(Quantity.of(Kind.DB, l)).scale(p.learningRate()));
                default -> null;
            };
            case LEARNING_RATE_OMITTED -> {
                if (p.learningRate() == 1) {
                    yield null;
                }
                yield switch (k) {
                    case W_NEXT -> p.w(l).minus(v.apply(Quantity.of(Kind.DW, l)));
                    case B_NEXT -> p.b(l).minus(v.apply(Quantity.of(Kind.DB, l)));
                    default -> null;
                };
            }
            case MISSING_ACTIVATION_DERIVATIVE -> {
                if (k != Kind.DZ || n.layer(l).activation() instanceof Activation.Linear) {
                    yield null; // f′ = 1: there is nothing to forget
                }
                if (l < n.depth()) {
                    yield v.apply(Quantity.of(Kind.DA, l)); // δ_l = da_l
                }
                if (shortcut(p)) {
                    yield null;
                }
                Matrix yhat = v.apply(Quantity.YHAT);
                // the ŷ − y shortcut where the pair does not allow it; ∂ℓ/∂ŷ alone otherwise
                yield n.loss().usesLog() ? yhat.minus(p.y()) : n.loss().gradient(yhat, p.y());
            }
            case WRONG_ACTIVATION -> {
                int layer = k == Kind.YHAT ? n.depth() : k == Kind.A ? l : 0;
                if (layer == 0) {
                    yield null;
                }
                Activation wrong = wrongActivation(n.layer(layer));
                yield wrong.apply(v.apply(Quantity.of(Kind.Z, layer)));
            }
            case ROUNDED_TOO_COARSELY -> allZero(rounded(v.apply(q), 1)) ? null : rounded(v.apply(q), 1);
            case SHAPE_MISMATCH -> wrongShape(v.apply(q), rnd);
            case TRANSPOSED_AND_SIGN_FLIPPED -> k == Kind.DW
                    ? other(n.weightLayout()).weightGradient(v.apply(Quantity.of(Kind.DZ, l)).scale(-1),
                    input(p, v, l)).scale(factor)
                    : null;
        };
    }

    /** An answer of zeros only: not told apart from a blank, so not diagnosed as a rounding. */
    static boolean allZero(Matrix m) {
        for (int i = 0; i < m.size(); i++) {
            if (m.at(i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** What a student uses in place of f: softmax → sigmoid per unit, relu → none, and so on. */
    static Activation wrongActivation(Layer layer) {
        Activation used = layer.activation();
        if (used instanceof Activation.Softmax) {
            return new Activation.Sigmoid();
        }
        if (used instanceof Activation.Sigmoid) {
            return layer.units() > 1 ? new Activation.Softmax() : new Activation.Tanh();
        }
        if (used instanceof Activation.Tanh) {
            return new Activation.Sigmoid();
        }
        if (used instanceof Activation.Linear) {
            return new Activation.Relu();
        }
        return new Activation.Linear(); // relu, leaky-relu: the activation forgotten
    }

    static WeightLayout other(WeightLayout layout) {
        return layout == WeightLayout.OUT_IN ? WeightLayout.IN_OUT : WeightLayout.OUT_IN;
    }

    static boolean shortcut(Problem p) {
        return p.network().loss().simplifiesWith(p.network().output().activation());
    }

    static Matrix input(Problem p, Function<Quantity, Matrix> v, int layer) {
        return layer == 1 ? p.x() : v.apply(Quantity.of(Kind.A, layer - 1));
    }

    /** Z of layer l written as W·Xᵀ + b, one column per sample (units × m). */
    private static Matrix columnsZ(Problem p, int l, Matrix input) {
        Matrix w = p.w(l);
        Matrix wx = p.network().weightLayout() == WeightLayout.OUT_IN
                ? w.timesTransposed(input) // W·Xᵀ
                : w.transposedTimes(input.transpose()); // Wᵀ·Xᵀ
        double[][] out = wx.toArray2d();
        for (int unit = 0; unit < out.length; unit++) {
            for (int sample = 0; sample < out[unit].length; sample++) {
                out[unit][sample] += p.b(l).at(unit);
            }
        }
        return Matrix.of(out);
    }

    /** A random shape other than the right one and its transpose, filled with key values where they exist. */
    static Matrix wrongShape(Matrix key, Random rnd) {
        while (true) {
            int r = Math.max(1, key.rows() + rnd.nextInt(3) - 1);
            int c = Math.max(1, key.cols() + rnd.nextInt(3) - 1);
            if ((r == key.rows() && c == key.cols()) || (r == key.cols() && c == key.rows())) {
                continue;
            }
            double[][] out = new double[r][c];
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    out[i][j] = i < key.rows() && j < key.cols() ? key.get(i, j) : round(2 * rnd.nextDouble() - 1, 2);
                }
            }
            return Matrix.of(out);
        }
    }

    // ------------------------------------------------------------------ rounding as a student does it

    /**
     * e rounded half-up to d decimals as a student reads it off a calculator: the decimal
     * digits shown (10 significant), not the binary value (0.85 rounds to 0.9, though the
     * double nearest 0.85 is a little below it).
     */
    static double round(double e, int d) {
        if (e == 0 || !Double.isFinite(e)) {
            return e;
        }
        return new BigDecimal(e).round(new MathContext(10, RoundingMode.HALF_EVEN))
                .setScale(d, RoundingMode.HALF_UP).doubleValue();
    }

    static Matrix rounded(Matrix m, int d) {
        return m.map(e -> round(e, d));
    }

    /**
     * m written with 2–4 decimals (chosen at random), or with more where that is not within
     * the tolerance of m itself; m unchanged if even 10 decimals are not.
     */
    static Matrix written(Matrix m, Tolerance t, Random rnd) {
        for (int d = 2 + rnd.nextInt(3); d <= 10; d++) {
            Matrix r = rounded(m, d);
            if (within(r, m, t)) {
                return r;
            }
        }
        return m;
    }

    /** Every cell of s within the tolerance of e (same shape): written here, not taken from Checker. */
    static boolean within(Matrix s, Matrix e, Tolerance t) {
        if (s.rows() != e.rows() || s.cols() != e.cols()) {
            return false;
        }
        for (int i = 0; i < e.size(); i++) {
            if (!t.accepts(s.at(i), e.at(i))) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ the oracle

    /**
     * The codes that truly explain {@code s} as a wrong value of q whose right value is
     * {@code r}, computed from the values {@code v} (the key's or the student's own): each
     * mistake's possible values are listed here directly from the spec's table, and s is
     * explained by the mistakes whose value it is within the tolerance of (the value itself
     * being wrong). Used to tell a true diagnosis of a random wrong answer from a false one.
     */
    static Set<String> trueCodes(Problem p, Function<Quantity, Matrix> v, Quantity q, Matrix s, Matrix r, Tolerance t) {
        Set<String> codes = new LinkedHashSet<>();
        int m = p.samples();
        Kind k = q.kind();
        int l = q.layer();
        Network n = p.network();
        explains(codes, "transposed", s, r.transpose(), r, t);
        explains(codes, "sign-flipped", s, r.scale(-1), r, t);
        if (m > 1) {
            explains(codes, "missing-mean", s, r.scale(m), r, t);
            explains(codes, "extra-mean", s, r.scale(1.0 / m), r, t);
        }
        Matrix theta = k == Kind.W_NEXT ? p.w(l) : k == Kind.B_NEXT ? p.b(l) : null;
        if (theta != null) {
            explains(codes, "wrong-update-sign", s, theta.scale(2).minus(r), r, t);
            explains(codes, "learning-rate-omitted", s, theta.minus(theta.minus(r).scale(1 / p.learningRate())), r, t);
        }
        if (k == Kind.DZ) {
            if (l < n.depth()) {
                explains(codes, "missing-activation-derivative", s, v.apply(Quantity.of(Kind.DA, l)), r, t);
            } else {
                Matrix yhat = v.apply(Quantity.YHAT);
                explains(codes, "missing-activation-derivative", s, yhat.minus(p.y()), r, t);
                explains(codes, "missing-activation-derivative", s, n.loss().gradient(yhat, p.y()), r, t);
            }
        }
        int layer = k == Kind.YHAT ? n.depth() : k == Kind.A ? l : 0;
        if (layer > 0) {
            Matrix z = v.apply(Quantity.of(Kind.Z, layer));
            for (Activation f : List.of(new Activation.Sigmoid(), new Activation.Tanh(), new Activation.Relu(),
                    new Activation.Linear(), new Activation.Softmax())) {
                explains(codes, "wrong-activation", s, f.apply(z), r, t);
            }
        }
        if (s.rows() == r.rows() && s.cols() == r.cols() && !within(s, r, t)) {
            boolean allRoundings = true;
            for (int i = 0; i < s.size(); i++) {
                if (!t.accepts(s.at(i), r.at(i)) && !isDecimalRounding(s.at(i), r.at(i))) {
                    allRoundings = false;
                }
            }
            if (allRoundings) {
                codes.add("rounded-too-coarsely");
            }
        }
        // two mistakes at once: transposed, sign-flipped, missing-mean and extra-mean combine
        pair(codes, "transposed", "sign-flipped", s, r.transpose().scale(-1), r, t);
        if (m > 1) {
            pair(codes, "transposed", "missing-mean", s, r.transpose().scale(m), r, t);
            pair(codes, "transposed", "extra-mean", s, r.transpose().scale(1.0 / m), r, t);
            pair(codes, "sign-flipped", "missing-mean", s, r.scale(-m), r, t);
            pair(codes, "sign-flipped", "extra-mean", s, r.scale(-1.0 / m), r, t);
        }
        return codes;
    }

    private static void pair(Set<String> codes, String first, String second, Matrix s, Matrix candidate, Matrix r,
                             Tolerance t) {
        if (isTheMistakesValue(s, candidate, r, t)) {
            codes.add(first);
            codes.add(second);
        }
    }

    private static void explains(Set<String> codes, String code, Matrix s, Matrix candidate, Matrix r, Tolerance t) {
        if (isTheMistakesValue(s, candidate, r, t)) {
            codes.add(code);
        }
    }

    /**
     * s is the mistake's value c rather than a rough right value r: within the tolerance of c, c
     * itself wrong, and in every cell where c and r differ beyond the tolerance and s is not
     * within the tolerance of r, s no farther from c than from r (relative tolerances are wider
     * around a larger c, so s can be within c's tolerance and yet nearer r). A value of another
     * shape than r is a mistake by its shape alone.
     */
    static boolean isTheMistakesValue(Matrix s, Matrix c, Matrix r, Tolerance t) {
        if (!within(s, c, t)) {
            return false;
        }
        if (c.rows() != r.rows() || c.cols() != r.cols()) {
            return true;
        }
        if (within(c, r, t)) {
            return false;
        }
        for (int i = 0; i < s.size(); i++) {
            boolean tellsApart = !t.accepts(c.at(i), r.at(i)) && !t.accepts(s.at(i), r.at(i));
            if (tellsApart && Math.abs(s.at(i) - c.at(i)) > Math.abs(s.at(i) - r.at(i))) {
                return false;
            }
        }
        return true;
    }

    /** s is e rounded (either way at a half) or truncated to 0–8 decimals. */
    static boolean isDecimalRounding(double s, double e) {
        BigDecimal exact = new BigDecimal(e);
        for (int d = 0; d <= 8; d++) {
            for (RoundingMode mode : List.of(RoundingMode.HALF_UP, RoundingMode.HALF_DOWN, RoundingMode.HALF_EVEN,
                    RoundingMode.DOWN)) {
                if (Math.abs(exact.setScale(d, mode).doubleValue() - s) < 1e-12 * Math.max(1, Math.abs(s))) {
                    return true;
                }
            }
            if (Math.abs(round(e, d) - s) < 1e-12 * Math.max(1, Math.abs(s))) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ submissions and grading

    static Answer answer(Quantity q, Matrix value) {
        return Answer.readable(q.name(), value);
    }

    static Submission submission(Problem p, Map<Quantity, Matrix> values) {
        Map<Quantity, Answer> answers = new LinkedHashMap<>();
        values.forEach((q, m) -> answers.put(q, answer(q, m)));
        return new Submission("test", p.id(), "s", answers, List.of());
    }

    /** Every asked quantity, from the key, written as a student does (2–4 decimals, always within tolerance). */
    static Map<Quantity, Matrix> correctAnswers(Problem p, AnswerKey key, Random rnd) {
        Map<Quantity, Matrix> out = new LinkedHashMap<>();
        for (Quantity q : p.ask()) {
            out.put(q, written(key.get(q), p.tolerance().of(q), rnd));
        }
        return out;
    }

    static CheckResult grade(AnswerKey key, Map<Quantity, Matrix> values) {
        return Checker.check(key, submission(key.problem(), values), null, "s");
    }

    static QuantityResult result(CheckResult r, Quantity q) {
        return r.quantities().stream().filter(x -> x.quantity().equals(q)).findFirst()
                .orElseThrow(() -> new AssertionError(q + " not graded"));
    }

    // ------------------------------------------------------------------ problems

    /** The same problem with another learning rate, follow-through share or partial credit. */
    static Problem with(Problem p, double learningRate, double followThrough) {
        return new Problem(p.source(), p.id(), p.title(), p.statement(), p.network(), learningRate, p.x(), p.y(),
                p.weights(), p.biases(), p.ask(), p.tolerance(), p.points(), p.partialCredit(), followThrough, p.l2());
    }

    static final List<String> ACTIVATIONS = List.of("sigmoid", "tanh", "relu", "leaky-relu", "linear", "softmax");

    /**
     * A random valid problem asking for everything: 1–3 layers of 1–4 units, 1–5 samples,
     * either layout and reduction, any loss with an output it allows, a random tolerance
     * (absolute, relative, both, decimals or significant figures, sometimes per quantity),
     * learning rate (sometimes exactly 1) and follow-through share. Relu inputs stay at least
     * 0.05 from the kink, so rounding a z within tolerance does not flip a derivative.
     */
    static Problem randomProblem(Random rnd, String id) {
        Loss loss = Loss.values()[rnd.nextInt(Loss.values().length)];
        List<String> outputs = loss.usesLog() ? List.of("sigmoid", "softmax") : ACTIVATIONS;
        List<Layer> layers = new ArrayList<>();
        int hidden = rnd.nextInt(3);
        for (int i = 0; i < hidden; i++) {
            layers.add(layer(rnd, ACTIVATIONS.get(rnd.nextInt(ACTIVATIONS.size()))));
        }
        layers.add(layer(rnd, outputs.get(rnd.nextInt(outputs.size()))));
        WeightLayout layout = WeightLayout.values()[rnd.nextInt(2)];
        Reduction reduction = rnd.nextInt(4) == 0 ? Reduction.SUM : Reduction.MEAN;
        Network network = new Network(1 + rnd.nextInt(4), layers, loss, reduction, layout);
        int m = 1 + rnd.nextInt(5);
        Matrix y = targets(rnd, loss, m, network.output().units());
        double eta = rnd.nextInt(5) == 0 ? 1 : round(0.05 + 1.95 * rnd.nextDouble(), 2);
        double followThrough = List.of(1.0, 1.0, 0.5, 0.0).get(rnd.nextInt(4));
        Map<Quantity, Tolerance> perQuantity = new HashMap<>();
        if (rnd.nextBoolean()) {
            perQuantity.put(Quantity.LOSS, new Tolerance.Bound(0, 0.01));
        }
        Problem.Tolerances tolerances = new Problem.Tolerances(randomTolerance(rnd), perQuantity);
        for (int attempt = 0; ; attempt++) {
            Matrix x = uniform(rnd, m, network.inputs(), 2, 1);
            List<Matrix> w = new ArrayList<>();
            List<Matrix> b = new ArrayList<>();
            for (int l = 1; l <= network.depth(); l++) {
                int[] shape = network.weightShape(l);
                w.add(uniform(rnd, shape[0], shape[1], 1, 1));
                b.add(uniform(rnd, 1, network.layer(l).units(), 1, 1));
            }
            Problem p = new Problem("random", id, id, "", network, eta, x, y, w, b, Quantity.all(network.depth()),
                    tolerances, new Problem.Points(1, Map.of(Quantity.of(Kind.DW, 1), 2.0)), rnd.nextInt(4) == 0,
                    followThrough);
            try {
                AnswerKey key = Solver.solve(p);
                if (clearOfKinks(p, key) && !sigFigsOfNoise(p, key)) {
                    return p;
                }
            } catch (RuntimeException nonFinite) {
                // an infinite loss: draw again
            }
            if (attempt > 1000) {
                throw new IllegalStateException("no usable draw for " + id);
            }
        }
    }

    static Tolerance randomTolerance(Random rnd) {
        return switch (rnd.nextInt(5)) {
            case 0 -> new Tolerance.Bound(List.of(0.01, 0.005, 0.001).get(rnd.nextInt(3)), 0);
            case 1 -> new Tolerance.Bound(0, List.of(0.01, 0.02).get(rnd.nextInt(2)));
            case 2 -> new Tolerance.Bound(0.001, 0.01);
            case 3 -> new Tolerance.Decimals(2 + rnd.nextInt(3));
            default -> new Tolerance.SigFigs(2 + rnd.nextInt(3));
        };
    }

    private static Layer layer(Random rnd, String activation) {
        int units = activation.equals("softmax") ? 2 + rnd.nextInt(3) : 1 + rnd.nextInt(4);
        return new Layer(units, Activation.byName(activation, rnd.nextBoolean() ? 0.01 : 0.1).orElseThrow());
    }

    private static Matrix targets(Random rnd, Loss loss, int m, int k) {
        double[][] y = new double[m][k];
        for (int i = 0; i < m; i++) {
            switch (loss) {
                case CROSS_ENTROPY -> y[i][rnd.nextInt(k)] = 1;
                case BINARY_CROSS_ENTROPY -> {
                    for (int j = 0; j < k; j++) {
                        y[i][j] = rnd.nextInt(2);
                    }
                }
                default -> {
                    for (int j = 0; j < k; j++) {
                        y[i][j] = round(4 * rnd.nextDouble() - 2, 1);
                    }
                }
            }
        }
        return Matrix.of(y);
    }

    /** Random values with {@code decimals} decimals in [−bound, bound], as a teacher writes them. */
    private static Matrix uniform(Random rnd, int rows, int cols, double bound, int decimals) {
        double[][] v = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                v[r][c] = round(bound * (2 * rnd.nextDouble() - 1), decimals);
            }
        }
        return Matrix.of(v);
    }

    /**
     * Whether a key value is floating-point residue (0 < |e| < 1e-9, e.g. 5.6e-17 where a·w
     * terms cancel) under a significant-figures tolerance: Tolerance.SigFigs then asks
     * |s − e| < 10^(⌊log10|e|⌋ − k + 1), about 1e-19, so the 0 any student writes there is
     * refused (a weakness of nngrade.problem.Tolerance or of the solver's residue, reported; not
     * of the checker). Such draws are skipped, so "correct" answers here are ones a student writes.
     */
    private static boolean sigFigsOfNoise(Problem p, AnswerKey key) {
        for (Quantity q : p.ask()) {
            if (p.tolerance().of(q) instanceof Tolerance.SigFigs) {
                Matrix e = key.get(q);
                for (int i = 0; i < e.size(); i++) {
                    if (e.at(i) != 0 && Math.abs(e.at(i)) < 1e-9) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean clearOfKinks(Problem p, AnswerKey key) {
        for (int l = 1; l <= p.network().depth(); l++) {
            Activation f = p.network().layer(l).activation();
            if (f instanceof Activation.Relu || f instanceof Activation.LeakyRelu) {
                Matrix z = key.get(Quantity.of(Kind.Z, l));
                for (int i = 0; i < z.size(); i++) {
                    if (Math.abs(z.at(i)) < 0.05) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * The downstream value of q a student computes from their own {@code values}: from
     * {@code NaiveNetwork}, plain loops written from the spec, never from Backprop (the code under
     * test, which the checker's follow-through uses).
     */
    static Matrix step(Problem p, Quantity q, Function<Quantity, Matrix> own) {
        return NaiveNetwork.step(p, q, own);
    }
}
