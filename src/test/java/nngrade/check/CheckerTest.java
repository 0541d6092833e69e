package nngrade.check;

import nngrade.input.InputError;
import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.ProblemFile;
import nngrade.problem.ProblemLoader;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.problem.Tolerance;
import nngrade.problem.ToleranceSpec;
import nngrade.report.Answers;
import nngrade.report.SubmissionWriter;
import nngrade.solve.AnswerKey;
import nngrade.solve.Solver;
import nngrade.submission.Submission;
import nngrade.submission.SubmissionReader;
import nngrade.variant.Secret;
import nngrade.variant.Variants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checker as a property: the answer key, written in any of the three submission formats
 * and read back, grades full marks, for every problem in problems/ and for random valid
 * problems; one cell pushed past its tolerance is exactly one wrong cell; partial credit is
 * proportional; shapes, missing answers and the tolerance override behave as the spec says.
 */
class CheckerTest {

    /** The three submission formats of the spec, as written by the answer-key writer. */
    enum Format {
        JSON("json", SubmissionWriter::json),
        CSV_LONG("csv", SubmissionWriter::csvLong),
        CSV_COMPACT("csv", SubmissionWriter::csvCompact);

        final String extension;
        final Function<Answers, String> writer;

        Format(String extension, Function<Answers, String> writer) {
            this.extension = extension;
            this.writer = writer;
        }
    }

    // ---------------------------------------------------------------- problems

    static List<Path> problemFiles() {
        try (Stream<Path> files = Files.list(Path.of("problems"))) {
            List<Path> out = files.filter(f -> f.toString().matches(".*\\.(json|ya?ml)")).sorted().toList();
            assertTrue(out.size() >= 5, "problems/ holds " + out);
            assertTrue(out.contains(Path.of("problems/inout-relu-mse.yaml")));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> problemFilesInEveryFormat() {
        return problemFiles().stream().flatMap(f -> Stream.of(Format.values()).map(fmt -> Arguments.of(f, fmt)));
    }

    private static Problem load(String name) {
        return ProblemLoader.load(Path.of("problems", name));
    }

    /**
     * A problem file as a student gets it: a file whose given values are drawn at random is
     * one student's variant (the spec's "pure function of problem, student id and secret").
     */
    static Problem loadProblem(Path file) {
        ProblemFile f = ProblemLoader.read(file);
        if (!f.hasGenerators()) {
            return ProblemLoader.build(f);
        }
        Problem p = Variants.of(f, "ana.popescu", Secret.of("checker-test-secret")).problem();
        assertEquals(p, Variants.of(f, "ana.popescu", Secret.of("checker-test-secret")).problem(), "not reproducible");
        return p;
    }

    private static final String[] ACTIVATIONS = {"sigmoid", "tanh", "relu", "leaky-relu", "linear", "softmax"};
    private static final String[] LOSSES = {"cross-entropy", "binary-cross-entropy", "quadratic", "mse"};
    private static final String[] TOLERANCES = {"{\"absolute\": 0.01}", "{\"relative\": 0.01}",
            "{\"absolute\": 0.001, \"relative\": 0.001}", "{\"decimals\": 3}", "{\"sigfigs\": 3}"};

    /**
     * A random valid problem file (JSON, read by the loader so it is validated like a
     * teacher's): 1–3 layers of 1–4 units, 1–4 inputs, 1–4 samples, any loss with an output
     * activation it allows, either layout and reduction, a random tolerance and points.
     */
    static String randomProblemJson(long seed) {
        // scrambled: java.util.Random's first draws from neighbouring small seeds are nearly equal
        Random r = new Random(seed * 0x9E3779B97F4A7C15L);
        String loss = LOSSES[r.nextInt(LOSSES.length)];
        boolean logLoss = loss.contains("cross-entropy");
        int depth = 1 + r.nextInt(3);
        int inputs = 1 + r.nextInt(4);
        int m = 1 + r.nextInt(4);
        String layout = r.nextBoolean() ? "out-in" : "in-out";
        int[] units = new int[depth + 1];
        units[0] = inputs;
        StringBuilder layers = new StringBuilder();
        for (int l = 1; l <= depth; l++) {
            String act = l == depth && logLoss ? (r.nextBoolean() ? "sigmoid" : "softmax")
                    : ACTIVATIONS[r.nextInt(ACTIVATIONS.length)];
            if (l == depth && loss.equals("cross-entropy") && act.equals("sigmoid")) {
                act = "softmax"; // rows of y sum to 1 over ≥ 2 classes
            }
            units[l] = act.equals("softmax") ? 2 + r.nextInt(3) : 1 + r.nextInt(4);
            String activation = act.equals("leaky-relu") && r.nextBoolean()
                    ? "{\"name\": \"leaky-relu\", \"alpha\": 0.1}" : "\"" + act + "\"";
            layers.append(l > 1 ? ", " : "").append("{\"units\": ").append(units[l])
                    .append(", \"activation\": ").append(activation).append('}');
        }
        StringBuilder given = new StringBuilder();
        given.append("\"x\": ").append(matrix(r, m, inputs, 2));
        given.append(", \"y\": ").append(targets(r, loss, m, units[depth]));
        for (int l = 1; l <= depth; l++) {
            int rows = layout.equals("out-in") ? units[l] : units[l - 1];
            int cols = layout.equals("out-in") ? units[l - 1] : units[l];
            given.append(", \"W").append(l).append("\": ").append(matrix(r, rows, cols, 1));
            given.append(", \"b").append(l).append("\": ").append(row(r, units[l], 1));
        }
        return "{\n"
                + "  \"id\": \"random-" + seed + "\",\n"
                + "  \"title\": \"random problem " + seed + "\",\n"
                + "  \"network\": {\"inputs\": " + inputs + ", \"layers\": [" + layers + "], \"loss\": \"" + loss
                + "\", \"reduction\": \"" + (r.nextBoolean() ? "mean" : "sum") + "\", \"weightLayout\": \""
                + layout + "\"},\n"
                + "  \"learningRate\": " + (1 + r.nextInt(20)) / 10.0 + ",\n"
                + "  \"given\": {" + given + "},\n"
                + "  \"tolerance\": {\"default\": " + TOLERANCES[r.nextInt(TOLERANCES.length)] + "},\n"
                + "  \"points\": {\"default\": " + (1 + r.nextInt(3)) + ", \"dW1\": 2},\n"
                + "  \"partialCredit\": " + r.nextBoolean() + "\n"
                + "}\n";
    }

    private static String matrix(Random r, int rows, int cols, double bound) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < rows; i++) {
            sb.append(i > 0 ? ", " : "").append(row(r, cols, bound));
        }
        return sb.append(']').toString();
    }

    private static String row(Random r, int cols, double bound) {
        StringBuilder sb = new StringBuilder("[");
        for (int j = 0; j < cols; j++) {
            // three decimals, never exactly 0 (relu inputs stay off the kink)
            double v = Math.round(bound * (2 * r.nextDouble() - 1) * 1000) / 1000.0;
            sb.append(j > 0 ? ", " : "").append(v == 0 ? 0.001 : v);
        }
        return sb.append(']').toString();
    }

    private static String targets(Random r, String loss, int m, int k) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < m; i++) {
            sb.append(i > 0 ? ", [" : "[");
            int hot = r.nextInt(k);
            for (int j = 0; j < k; j++) {
                String v = switch (loss) {
                    case "cross-entropy" -> j == hot ? "1" : "0";
                    case "binary-cross-entropy" -> r.nextBoolean() ? "1" : "0";
                    default -> Double.toString(Math.round((4 * r.nextDouble() - 2) * 100) / 100.0);
                };
                sb.append(j > 0 ? ", " : "").append(v);
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    static Problem randomProblem(long seed) {
        return ProblemLoader.parse("random-" + seed + ".json", randomProblemJson(seed));
    }

    static final long RANDOM_PROBLEMS = 40;

    static Stream<Arguments> randomProblemsInEveryFormat() {
        return LongStream.rangeClosed(1, RANDOM_PROBLEMS).boxed()
                .flatMap(seed -> Stream.of(Format.values()).map(fmt -> Arguments.of(seed, fmt)));
    }

    // ---------------------------------------------------------------- submissions

    /** Writes {@code answers} in {@code format} and reads the file back, as a student's would be. */
    private static Submission roundTrip(Problem p, Answers answers, Format format) {
        String text = format.writer.apply(answers);
        return SubmissionReader.parse("key." + format.extension, text.getBytes(StandardCharsets.UTF_8), p);
    }

    /** A submission document holding {@code values}, in the key's order. */
    private static Answers answers(AnswerKey key, Map<Quantity, Matrix> values) {
        List<Answers.Entry> entries = new ArrayList<>();
        values.forEach((q, m) -> entries.add(new Answers.Entry(q.name(), m, false, q.equals(Quantity.LOSS))));
        return new Answers(key.problem().id(), "student", entries);
    }

    private static Map<Quantity, Matrix> keyValues(AnswerKey key) {
        return new LinkedHashMap<>(key.values());
    }

    private static CheckResult grade(AnswerKey key, Map<Quantity, Matrix> values, Format format, Tolerance override) {
        Submission s = roundTrip(key.problem(), answers(key, values), format);
        assertEquals(List.of(), s.errors());
        return Checker.check(key, s, override, "student");
    }

    private static QuantityResult result(CheckResult r, Quantity q) {
        return r.quantities().stream().filter(x -> x.quantity().equals(q)).findFirst()
                .orElseThrow(() -> new AssertionError(q + " not graded"));
    }

    private static double maxScore(Problem p) {
        return p.ask().stream().mapToDouble(q -> p.points().of(q)).sum();
    }

    private static void assertFullMarks(AnswerKey key, CheckResult r) {
        Problem p = key.problem();
        assertTrue(r.graded());
        assertEquals("graded", r.status());
        assertEquals(List.of(), r.errors());
        assertEquals(p.ask(), r.quantities().stream().map(QuantityResult::quantity).toList());
        for (QuantityResult q : r.quantities()) {
            assertEquals(Status.CORRECT, q.status(), () -> q.name() + " of " + p.id() + ": " + q.wrongCells());
            assertEquals(p.points().of(q.quantity()), q.points());
            assertEquals(q.maxPoints(), q.points());
            assertEquals(List.of(), q.wrongCells());
            assertEquals(List.of(), q.diagnoses(), "a correct answer never gets a diagnosis");
            assertEquals(key.get(q.quantity()).size(), q.cells().size());
        }
        assertEquals(maxScore(p), r.maxScore(), 1e-12);
        assertEquals(r.maxScore(), r.score(), 1e-12);
        assertTrue(r.allCorrect());
    }

    // ---------------------------------------------------------------- the key grades 100%

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("problemFilesInEveryFormat")
    void theAnswerKeyOfEveryProblemGradesFullMarks(Path file, Format format) {
        Problem p = loadProblem(file);
        AnswerKey key = Solver.solve(p);
        Submission s = roundTrip(p, Answers.of(key), format);
        assertEquals(List.of(), s.errors());
        assertEquals(key.values().keySet(), s.answers().keySet());
        assertFullMarks(key, Checker.check(key, s, null, "key"));
    }

    @ParameterizedTest(name = "random problem {0} as {1}")
    @MethodSource("randomProblemsInEveryFormat")
    void theAnswerKeyOfRandomProblemsGradesFullMarks(long seed, Format format) {
        Problem p = randomProblem(seed);
        AnswerKey key = Solver.solve(p);
        Submission s = roundTrip(p, Answers.of(key), format);
        assertEquals(List.of(), s.errors());
        assertFullMarks(key, Checker.check(key, s, null, "key"));
    }

    @Test
    void randomProblemsCoverEveryLossLayerCountAndLayout() {
        Set<String> seen = new TreeSet<>();
        for (long seed = 1; seed <= RANDOM_PROBLEMS; seed++) {
            Problem p = randomProblem(seed);
            seen.add(p.network().loss().label());
            seen.add(p.network().depth() + " layers");
            seen.add(p.network().weightLayout().label());
            seen.add(p.samples() > 1 ? "batch" : "one sample");
            seen.add(p.partialCredit() ? "partial" : "all or nothing");
        }
        assertEquals(new TreeSet<>(List.of("1 layers", "2 layers", "3 layers", "all or nothing", "batch",
                "binary-cross-entropy", "cross-entropy", "in-out", "mse", "one sample", "out-in", "partial",
                "quadratic")), seen);
    }

    static Stream<Arguments> keysReadBack() {
        Stream<Arguments> files = problemFiles().stream().map(f -> Arguments.of(f.toString(), loadProblem(f)));
        Stream<Arguments> random = LongStream.rangeClosed(1, RANDOM_PROBLEMS)
                .mapToObj(seed -> Arguments.of("random " + seed, randomProblem(seed)));
        return Stream.concat(files, random)
                .flatMap(a -> Stream.of(Format.values()).map(f -> Arguments.of(a.get()[0], a.get()[1], f)));
    }

    @ParameterizedTest(name = "{0} as {2}")
    @MethodSource("keysReadBack")
    void theKeyReadsBackBitForBit(String name, Problem p, Format format) {
        AnswerKey key = Solver.solve(p);
        Submission s = roundTrip(p, Answers.of(key), format);
        key.values().forEach((q, expected) -> {
            Matrix read = s.answers().get(q).value();
            assertNotNull(read, q.name());
            assertEquals(expected.rows(), read.rows(), q.name());
            assertEquals(expected.cols(), read.cols(), q.name());
            for (int i = 0; i < expected.size(); i++) {
                // −0 is written as 0, the only value that does not come back with the same bits
                long want = Double.doubleToLongBits(expected.at(i) + 0.0);
                assertEquals(want, Double.doubleToLongBits(read.at(i)),
                        q.name() + " cell " + i + ": " + expected.at(i) + " read as " + read.at(i));
            }
        });
    }

    // ---------------------------------------------------------------- one cell past the tolerance

    /** A value outside any tolerance the problems use (absolute ≤ 0.01, relative ≤ 1%, 3 decimals or figures). */
    private static double pushed(double e) {
        return e + 0.5 + 0.5 * Math.abs(e);
    }

    static Stream<Arguments> everyAskedQuantityOfEveryProblem() {
        return problemFiles().stream().flatMap(f -> {
            Problem p = loadProblem(f);
            return p.ask().stream().map(q -> Arguments.of(f, q.name()));
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyAskedQuantityOfEveryProblem")
    void oneCellPastTheToleranceIsExactlyThatCellWrong(Path file, String name) {
        Problem p = loadProblem(file);
        Quantity q = p.quantities().parse(name).orElseThrow();
        AnswerKey key = Solver.solve(p);
        Matrix expected = key.get(q);
        Random r = new Random(name.hashCode() ^ file.hashCode());
        int row = r.nextInt(expected.rows());
        int col = r.nextInt(expected.cols());
        double[][] cells = expected.toArray2d();
        cells[row][col] = pushed(cells[row][col]);
        Map<Quantity, Matrix> values = keyValues(key);
        values.put(q, Matrix.of(cells));

        for (Format format : Format.values()) {
            CheckResult result = grade(key, values, format, null);
            QuantityResult qr = result(result, q);
            assertEquals(Status.INCORRECT, qr.status(), format + ": " + qr);
            assertEquals(List.of(new CellResult(row + 1, col + 1, cells[row][col], expected.get(row, col), false)),
                    qr.wrongCells(), format.toString());
            assertEquals(expected.size() - 1, qr.cells().stream().filter(CellResult::correct).count());
            assertEquals(0, qr.points(), "no partial credit in " + file);
            for (QuantityResult other : result.quantities()) {
                if (!other.quantity().equals(q)) {
                    assertEquals(Status.CORRECT, other.status(), other.name() + " next to a wrong " + name);
                }
            }
            assertEquals(maxScore(p) - p.points().of(q), result.score(), 1e-12);
            assertFalse(result.allCorrect());
        }
    }

    @ParameterizedTest(name = "random problem {0}")
    @MethodSource("seeds")
    void oneCellPastTheToleranceInARandomProblem(long seed) {
        Problem p = randomProblem(seed);
        AnswerKey key = Solver.solve(p);
        Random r = new Random(seed);
        Quantity q = p.ask().get(r.nextInt(p.ask().size()));
        Matrix expected = key.get(q);
        int row = r.nextInt(expected.rows());
        int col = r.nextInt(expected.cols());
        double[][] cells = expected.toArray2d();
        cells[row][col] = pushed(cells[row][col]);
        Map<Quantity, Matrix> values = keyValues(key);
        values.put(q, Matrix.of(cells));

        CheckResult result = grade(key, values, Format.JSON, null);
        QuantityResult qr = result(result, q);
        assertEquals(Status.INCORRECT, qr.status());
        assertEquals(List.of(new CellResult(row + 1, col + 1, cells[row][col], expected.get(row, col), false)),
                qr.wrongCells());
        double share = p.partialCredit() ? (expected.size() - 1.0) / expected.size() : 0;
        assertEquals(p.points().of(q) * share, qr.points(), 1e-12);
        assertEquals(maxScore(p) - p.points().of(q) * (1 - share), result.score(), 1e-9);
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, RANDOM_PROBLEMS);
    }

    // ---------------------------------------------------------------- partial credit

    private static Problem withPartialCredit(Problem p, boolean partial) {
        return new Problem(p.source(), p.id(), p.title(), p.statement(), p.network(), p.learningRate(), p.x(), p.y(),
                p.weights(), p.biases(), p.ask(), p.tolerance(), p.points(), partial, p.followThrough());
    }

    @ParameterizedTest(name = "{0} of 6 cells wrong")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
    void partialCreditIsProportionalToTheCorrectCells(int wrong) {
        // two-layer-tanh-softmax: dW1 is 3×2 and worth 2 points
        Problem p = withPartialCredit(load("two-layer-tanh-softmax.json"), true);
        AnswerKey key = Solver.solve(p);
        Quantity dW1 = Quantity.of(Kind.DW, 1);
        Matrix expected = key.get(dW1);
        assertEquals(6, expected.size());
        double[] cells = expected.toArray();
        for (int i = 0; i < wrong; i++) {
            cells[i] = pushed(cells[i]);
        }
        Map<Quantity, Matrix> values = keyValues(key);
        values.put(dW1, Matrix.wrap(3, 2, cells));

        QuantityResult qr = result(grade(key, values, Format.CSV_LONG, null), dW1);
        assertEquals(wrong == 0 ? Status.CORRECT : Status.INCORRECT, qr.status());
        assertEquals(wrong, qr.wrongCells().size());
        assertEquals(2.0 * (6 - wrong) / 6, qr.points(), 1e-12);
        assertEquals(2.0, qr.maxPoints());

        QuantityResult allOrNothing = result(Checker.check(Solver.solve(withPartialCredit(p, false)),
                roundTrip(p, answers(key, values), Format.JSON), null, "s"), dW1);
        assertEquals(wrong == 0 ? 2.0 : 0.0, allOrNothing.points());
    }

    @Test
    void partialCreditAddsUpOverQuantities() {
        Problem p = withPartialCredit(load("notes-softmax-step.json"), true);
        AnswerKey key = Solver.solve(p);
        Quantity dW1 = Quantity.of(Kind.DW, 1);
        Quantity z1 = Quantity.of(Kind.Z, 1);
        Map<Quantity, Matrix> values = keyValues(key);
        double[] w = key.get(dW1).toArray();
        w[0] = pushed(w[0]);
        w[4] = pushed(w[4]);
        w[8] = pushed(w[8]);
        values.put(dW1, Matrix.wrap(3, 3, w));                        // 6 of 9 right: 2 · 6/9
        double[] z = key.get(z1).toArray();
        z[1] = pushed(z[1]);
        values.put(z1, Matrix.row(z));                                   // 2 of 3 right: 1 · 2/3
        values.remove(Quantity.LOSS);                                    // missing: 0 of 1
        CheckResult r = grade(key, values, Format.CSV_COMPACT, null);
        assertEquals(2.0 * 6 / 9, result(r, dW1).points(), 1e-12);
        assertEquals(2.0 / 3, result(r, z1).points(), 1e-12);
        assertEquals(0.0, result(r, Quantity.LOSS).points());
        assertEquals(9.0, r.maxScore());
        assertEquals(9.0 - 2.0 * 3 / 9 - 1.0 / 3 - 1, r.score(), 1e-12);
    }

    // ---------------------------------------------------------------- shapes and statuses

    static Stream<Arguments> nonSquareWeights() {
        return Stream.of(
                Arguments.of("two-layer-tanh-softmax.json", 1, 3, 2),
                Arguments.of("two-layer-tanh-softmax.json", 2, 2, 3),
                Arguments.of("inout-relu-mse.yaml", 1, 3, 2),
                Arguments.of("inout-relu-mse.yaml", 2, 2, 1),
                Arguments.of("logistic-batch.json", 1, 1, 2),
                Arguments.of("quadratic-sigmoid-regression.json", 1, 2, 3));
    }

    @ParameterizedTest(name = "{0}: dW{1} ({2}×{3}) transposed")
    @MethodSource("nonSquareWeights")
    void aTransposedNonSquareGradientIsIncorrectNotRejected(String file, int layer, int rows, int cols) {
        Problem p = load(file);
        AnswerKey key = Solver.solve(p);
        Quantity dW = Quantity.of(Kind.DW, layer);
        Matrix expected = key.get(dW);
        assertEquals(rows, expected.rows());
        assertEquals(cols, expected.cols());
        Map<Quantity, Matrix> values = keyValues(key);
        values.put(dW, expected.transpose());

        for (Format format : Format.values()) {
            CheckResult r = grade(key, values, format, null);
            QuantityResult qr = result(r, dW);
            assertEquals(Status.INCORRECT, qr.status(), format + ": " + qr);
            assertEquals(0.0, qr.points());
            assertEquals(expected.transpose(), qr.submitted());
            assertFalse(qr.shapeMatches());
            assertEquals(List.of(), qr.problems(), "a transposed answer is graded, not unreadable");
            assertTrue(r.graded());
            assertEquals(List.of(), r.errors());
            assertEquals(maxScore(p) - p.points().of(dW), r.score(), 1e-12);
        }
    }

    @Test
    void aShapeThatIsNeitherRightNorTransposedIsInvalid() {
        Problem p = load("notes-softmax-step.json");
        AnswerKey key = Solver.solve(p);
        Quantity dW1 = Quantity.of(Kind.DW, 1);
        Map<Quantity, Matrix> values = keyValues(key);
        values.put(dW1, Matrix.of(new double[][] {{0.35, 1.04}, {-0.98, -2.94}}));
        QuantityResult qr = result(grade(key, values, Format.JSON, null), dW1);
        assertEquals(Status.INVALID, qr.status());
        assertEquals(0.0, qr.points());
        assertEquals(List.of(), qr.cells());
    }

    @Test
    void aBiasOrSingleSampleVectorWrittenAsAColumnIsTheSameVector() {
        Problem p = load("notes-softmax-step.json");
        AnswerKey key = Solver.solve(p);
        Map<Quantity, Matrix> values = keyValues(key);
        for (Quantity q : List.of(Quantity.of(Kind.DB, 1), Quantity.of(Kind.B_NEXT, 1), Quantity.of(Kind.Z, 1),
                Quantity.YHAT, Quantity.of(Kind.DZ, 1))) {
            values.put(q, key.get(q).transpose());
        }
        assertFullMarks(key, grade(key, values, Format.JSON, null));
    }

    @Test
    void aMissingQuantityIsMissing() {
        Problem p = load("notes-softmax-step.json");
        AnswerKey key = Solver.solve(p);
        Quantity dW1 = Quantity.of(Kind.DW, 1);
        for (Format format : Format.values()) {
            Map<Quantity, Matrix> values = keyValues(key);
            values.remove(dW1);
            values.remove(Quantity.LOSS);
            CheckResult r = grade(key, values, format, null);
            for (Quantity q : List.of(dW1, Quantity.LOSS)) {
                QuantityResult qr = result(r, q);
                assertEquals(Status.MISSING, qr.status());
                assertEquals(q.name(), qr.name());
                assertEquals(0.0, qr.points());
                assertNull(qr.submitted());
                assertEquals(List.of(), qr.cells());
                assertEquals(key.get(q), qr.expected());
            }
            assertEquals(9.0 - 2 - 1, r.score());
            assertEquals(9.0, r.maxScore());
            assertFalse(r.allCorrect());
        }
    }

    @Test
    void anUnreadableAnswerIsInvalidAndTheRestIsGraded() {
        Problem p = load("notes-softmax-step.json");
        AnswerKey key = Solver.solve(p);
        String json = SubmissionWriter.json(Answers.of(key)).replaceFirst("\"dW1\": \\[\\s*\\[[^\\]]*\\]",
                "\"dW1\": [[\"one\", \"two\", \"three\"]");
        Submission s = SubmissionReader.parse("bad.json", json.getBytes(StandardCharsets.UTF_8), p);
        CheckResult r = Checker.check(key, s, null, "s");
        QuantityResult qr = result(r, Quantity.of(Kind.DW, 1));
        assertEquals(Status.INVALID, qr.status());
        assertEquals(List.of("answers.dW1[1][1]: \"one\" is not a number", "answers.dW1[1][2]: \"two\" is not a number",
                "answers.dW1[1][3]: \"three\" is not a number"), qr.problems());
        assertEquals(3, r.errors().size());
        assertTrue(r.graded());
        assertEquals(9.0 - 2, r.score());
    }

    @Test
    void aSubmissionForAnotherProblemIsGradedWithAWarning() {
        Problem p = load("notes-softmax-step.json");
        AnswerKey key = Solver.solve(p);
        Answers other = new Answers("logistic-batch", null, Answers.of(key).entries());
        CheckResult r = Checker.check(key, roundTrip(p, other, Format.JSON), null, "s");
        assertEquals(List.of("key.json: problem: this file answers \"logistic-batch\", but it is graded against "
                + "\"notes-softmax-step\""), r.errors().stream().map(InputError::oneLine).toList());
        assertEquals(r.maxScore(), r.score());
    }

    // ---------------------------------------------------------------- the tolerance override

    private static Matrix roundedTo(Matrix m, int decimals) {
        return m.map(v -> BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).doubleValue());
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aDecimalsOverrideAcceptsAnswersRoundedToThatManyDecimals(Format format) {
        Problem p = load("quadratic-sigmoid-regression.json"); // default: 3 decimals, nothing per quantity
        AnswerKey key = Solver.solve(p);
        Map<Quantity, Matrix> rounded = new LinkedHashMap<>();
        key.values().forEach((q, m) -> rounded.put(q, roundedTo(m, 2)));

        CheckResult strict = grade(key, rounded, format, null);
        assertFalse(strict.allCorrect());
        assertTrue(strict.quantities().stream().anyMatch(q -> q.status() == Status.INCORRECT));
        assertTrue(strict.quantities().stream().allMatch(q -> q.tolerance().equals(new Tolerance.Decimals(3))));

        CheckResult lenient = grade(key, rounded, format, ToleranceSpec.parse("decimals=2"));
        assertFullMarks(key, lenient);
        assertTrue(lenient.quantities().stream().allMatch(q -> q.tolerance().equals(new Tolerance.Decimals(2))));
    }

    @Test
    void anOverrideReplacesOnlyTheDefaultTolerance() {
        // notes: default absolute 0.01, loss relative 1%
        Problem p = load("notes-softmax-step.json");
        AnswerKey key = Solver.solve(p);
        Quantity dz1 = Quantity.of(Kind.DZ, 1);
        Map<Quantity, Matrix> values = keyValues(key);
        values.put(dz1, key.get(dz1).map(v -> v + 0.01));                 // on the absolute bound: inside ±0.01
        values.put(Quantity.LOSS, key.get(Quantity.LOSS).map(v -> v * 1.009)); // inside 1%, off by 0.035

        CheckResult asGiven = grade(key, values, Format.JSON, null);
        assertFullMarks(key, asGiven);

        CheckResult overridden = grade(key, values, Format.JSON, new Tolerance.Decimals(2));
        QuantityResult dz = result(overridden, dz1);
        assertEquals(Status.INCORRECT, dz.status(), "exactly 0.01 off is outside 2 decimals");
        assertEquals(3, dz.wrongCells().size());
        assertEquals(new Tolerance.Decimals(2), dz.tolerance());
        QuantityResult loss = result(overridden, Quantity.LOSS);
        assertEquals(Status.CORRECT, loss.status(), "the per-quantity tolerance of loss stays");
        assertEquals(new Tolerance.Bound(0, 0.01), loss.tolerance());
        assertEquals(9.0 - 1, overridden.score());
    }

    @Test
    void theSampleSubmissionRoundedToTwoDecimalsPassesBothWays() {
        Problem p = load("notes-softmax-step.json");
        AnswerKey key = Solver.solve(p);
        Submission s = SubmissionReader.read(Path.of("submissions-sample/rounded-2dp.json"), p);
        assertFullMarks(key, Checker.check(key, s, null, "rounded-2dp"));
        assertFullMarks(key, Checker.check(key, s, new Tolerance.Decimals(2), "rounded-2dp"));
        CheckResult oneDecimal = Checker.check(key, s, new Tolerance.Decimals(1), "rounded-2dp");
        assertTrue(oneDecimal.allCorrect(), "2 decimals are more than 1 decimal needs");
        CheckResult threeDecimals = Checker.check(key, s, new Tolerance.Decimals(3), "rounded-2dp");
        assertFalse(threeDecimals.allCorrect());
        assertEquals(Status.CORRECT, result(threeDecimals, Quantity.LOSS).status(), "loss keeps its 1%");
    }
}
