package nngrade.check;

import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import nngrade.problem.Quantity;
import nngrade.report.CheckText;
import nngrade.report.Messages;
import nngrade.report.Messages.Lang;
import nngrade.report.ReportOptions;
import nngrade.solve.AnswerKey;
import nngrade.solve.Solver;
import nngrade.submission.Answer;
import nngrade.submission.Submission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The teacher's examples of issue 15, worked as a student works them: a slip, then everything
 * after it computed from the student's own values. The student's numbers are made here with
 * plain loops from the key's upstream values (which the solver tests pin independently), so a
 * mistake in follow-through or in a diagnosis shows up as a wrong status, code or message.
 */
class ChainedSlipsTest {
    private static final Problem TWO_LAYER = ProblemLoader.load(Path.of("problems/two-layer-tanh-softmax.json"));
    private static final Problem BATCH_MEAN = ProblemLoader.load(Path.of("problems/logistic-batch.json"));
    private static final Problem BATCH_SUM = ProblemLoader.load(Path.of("src/test/resources/check/logistic-batch-sum.json"));
    private static final Problem SIGMOID_QUADRATIC = ProblemLoader.load(Path.of("problems/quadratic-sigmoid-regression.json"));

    @Test
    void aFlippedDeltaThenATransposedNonSquareDW1ThenACorrectSubtractionCostsOnlyTwoAnswers() {
        AnswerKey key = Solver.solve(TWO_LAYER);
        double eta = TWO_LAYER.learningRate();
        Map<String, double[][]> s = keyValues(key);
        // δ2 = y − ŷ; the backward pass is linear in δ2, so every gradient after it is the key's negated
        for (String q : List.of("dz2", "dW2", "db2", "da1", "dz1", "dW1", "db1")) {
            s.put(q, scaled(s.get(q), -1));
        }
        double[][] ownDW1 = s.get("dW1");
        s.put("W1_next", step(TWO_LAYER.w(1).toArray2d(), ownDW1, eta));
        s.put("b1_next", step(row(TWO_LAYER.b(1)), s.get("db1"), eta));
        s.put("W2_next", step(TWO_LAYER.w(2).toArray2d(), s.get("dW2"), eta));
        s.put("b2_next", step(row(TWO_LAYER.b(2)), s.get("db2"), eta));
        s.put("dW1", transposed(ownDW1)); // written inputs × units: 2×3 where W1 is 3×2

        CheckResult r = Checker.check(key, submission(TWO_LAYER, s), null, "s");

        assertWrong(r, "dz2", List.of("sign-flipped"), List.of());
        assertWrong(r, "dW1", List.of("transposed"), List.of("dz1"));
        for (String q : List.of("dW2", "db2", "da1", "dz1", "db1", "W1_next", "b1_next", "W2_next", "b2_next")) {
            assertCarried(r, q);
        }
        for (String q : List.of("z1", "a1", "z2", "yhat", "loss")) {
            assertCorrect(r, q);
        }
        assertEquals(19 - (1 + 2), r.score(), 1e-9, "only dz2 (1 point) and dW1 (2 points) cost points");
        String text = CheckText.render(r, new ReportOptions(new Messages(Lang.en), false, false, false));
        assertFalse(text.contains("adds the gradient"), text);
        assertTrue(text.contains("Your dW1 is the transpose of the expected gradient: W1 is units × inputs here"), text);
    }

    @Test
    void anUpdateSignSlipAfterAWrongDb1IsJudgedAgainstTheStudentsOwnDb1() {
        AnswerKey key = Solver.solve(TWO_LAYER);
        Map<String, double[][]> s = keyValues(key);
        double[][] dz1 = s.get("dz1");
        dz1[0][1] *= 2; // a slip of their own in one unit of δ1
        s.put("dW1", outer(dz1[0], TWO_LAYER.x().rowValues(0)));
        s.put("db1", copy(dz1));
        s.put("W1_next", step(TWO_LAYER.w(1).toArray2d(), s.get("dW1"), TWO_LAYER.learningRate()));
        s.put("b1_next", step(row(TWO_LAYER.b(1)), s.get("db1"), -TWO_LAYER.learningRate())); // b1 + η·db1

        CheckResult r = Checker.check(key, submission(TWO_LAYER, s), null, "s");

        assertEquals(Status.INCORRECT, result(r, "dz1").status());
        assertCarried(r, "dW1");
        assertCarried(r, "db1");
        assertCarried(r, "W1_next");
        assertWrong(r, "b1_next", List.of("wrong-update-sign"), List.of("db1"));
    }

    @Test
    void aGradientDividedByMUnderASummedCostIsToldThereIsNo1OverM() {
        AnswerKey key = Solver.solve(BATCH_SUM);
        Map<String, double[][]> s = keyValues(key);
        s.put("dW1", scaled(s.get("dW1"), 1.0 / 4));
        s.put("W1_next", step(BATCH_SUM.w(1).toArray2d(), s.get("dW1"), BATCH_SUM.learningRate()));

        CheckResult r = Checker.check(key, submission(BATCH_SUM, s), null, "s");

        assertWrong(r, "dW1", List.of("extra-mean"), List.of());
        assertCarried(r, "W1_next");
        String en = message(r, "dW1", Lang.en);
        assertEquals("Your dW1 is the right value divided by m = 4: the cost here is the sum over the batch, not the"
                + " mean, so dW1 has no 1/m. dW1 = δ1ᵀ·x.", en.substring(0, en.indexOf(".", en.indexOf("dW1 =")) + 1));
        assertFalse(en.contains("once"), en);
        assertTrue(message(r, "dW1", Lang.ro).contains("aici costul este suma pe lot, nu media, deci dW1 nu are 1/m"));
    }

    @Test
    void aLossGivenAsTheMeanOfASummedCostIsNamed() {
        AnswerKey key = Solver.solve(BATCH_SUM);
        Map<String, double[][]> s = keyValues(key);
        s.put("loss", scaled(s.get("loss"), 1.0 / 4));

        CheckResult r = Checker.check(key, submission(BATCH_SUM, s), null, "s");

        assertWrong(r, "loss", List.of("extra-mean"), List.of());
        assertTrue(message(r, "loss", Lang.en).startsWith(
                "Your loss is the mean over the batch: the cost here is the sum over its m = 4 samples."));
    }

    @Test
    void underAMeanCostTheExtraMeanMessagesSayWhereTheOneOverMBelongs() {
        AnswerKey key = Solver.solve(BATCH_MEAN);
        Map<String, double[][]> s = keyValues(key);
        s.put("dz1", scaled(s.get("dz1"), 1.0 / 4));
        // dW1 and db1 from their own δ1 (already divided by m) with the mean's 1/m: carried forward
        s.put("dW1", scaled(s.get("dW1"), 1.0 / 4));
        s.put("db1", scaled(columnSums(s.get("dz1")), 1.0 / 4));

        CheckResult r = Checker.check(key, submission(BATCH_MEAN, s), null, "s");

        assertWrong(r, "dz1", List.of("extra-mean"), List.of());
        assertEquals("Your dz1 is the right value divided by m = 4: dz1 is per sample, without a 1/m.",
                firstSentence(message(r, "dz1", Lang.en)));
        assertCarried(r, "dW1");
        assertCarried(r, "db1");

        Map<String, double[][]> twice = keyValues(key);
        twice.put("dW1", scaled(twice.get("dW1"), 1.0 / 4));
        CheckResult r2 = Checker.check(key, submission(BATCH_MEAN, twice), null, "s");
        assertWrong(r2, "dW1", List.of("extra-mean"), List.of());
        assertEquals("Your dW1 is the right value divided by m = 4 once more: the cost is the mean over the batch,"
                + " so dW1 takes the 1/m once.", firstSentence(message(r2, "dW1", Lang.en)));
    }

    @Test
    void sigmaWhereSigmaPrimeBelongsIsNamedInAHiddenLayerAndAtTheOutput() {
        AnswerKey key = Solver.solve(TWO_LAYER);
        Map<String, double[][]> s = keyValues(key);
        double[][] z1 = s.get("z1");
        double[][] da1 = s.get("da1");
        double[][] dz1 = new double[1][3];
        for (int j = 0; j < 3; j++) {
            dz1[0][j] = da1[0][j] * Math.tanh(z1[0][j]); // tanh(z) for tanh′(z) = 1 − tanh²(z)
        }
        s.put("dz1", dz1);
        s.put("dW1", outer(dz1[0], TWO_LAYER.x().rowValues(0)));
        s.put("db1", copy(dz1));
        s.put("W1_next", step(TWO_LAYER.w(1).toArray2d(), s.get("dW1"), TWO_LAYER.learningRate()));
        s.put("b1_next", step(row(TWO_LAYER.b(1)), s.get("db1"), TWO_LAYER.learningRate()));
        CheckResult r = Checker.check(key, submission(TWO_LAYER, s), null, "s");
        assertWrong(r, "dz1", List.of("activation-instead-of-derivative"), List.of());
        assertEquals("Your dz1 multiplies by the activation f(z1) where its derivative f′(z1) belongs.",
                message(r, "dz1", Lang.en).substring(0, message(r, "dz1", Lang.en).indexOf("belongs.") + 8));
        for (String q : List.of("dW1", "db1", "W1_next", "b1_next")) {
            assertCarried(r, q);
        }

        // quadratic loss, sigmoid output: δ = (ŷ − y) ⊙ σ(z) instead of (ŷ − y) ⊙ σ(z)(1 − σ(z))
        AnswerKey key2 = Solver.solve(SIGMOID_QUADRATIC);
        Map<String, double[][]> s2 = keyValues(key2);
        double[][] yhat = s2.get("yhat");
        double[][] y = SIGMOID_QUADRATIC.y().toArray2d();
        double[][] z = s2.get("z1");
        double[][] dz = new double[yhat.length][yhat[0].length];
        for (int i = 0; i < dz.length; i++) {
            for (int j = 0; j < dz[0].length; j++) {
                dz[i][j] = (yhat[i][j] - y[i][j]) / (1 + Math.exp(-z[i][j]));
            }
        }
        s2.put("dz1", dz);
        CheckResult r2 = Checker.check(key2, submission(SIGMOID_QUADRATIC, s2), null, "s");
        assertEquals(List.of("activation-instead-of-derivative"), result(r2, "dz1").diagnoses());
    }

    @Test
    void threeIndependentSlipsAreEachNamedWhereTheyHappen() {
        AnswerKey key = Solver.solve(TWO_LAYER);
        Map<String, double[][]> s = keyValues(key);
        s.put("dW2", transposed(s.get("dW2")));
        s.put("loss", new double[][]{{0.6}}); // 0.5933… rounded to one decimal, outside ±1%
        s.put("b1_next", step(row(TWO_LAYER.b(1)), s.get("db1"), 1)); // η left out
        CheckResult r = Checker.check(key, submission(TWO_LAYER, s), null, "s");
        assertWrong(r, "dW2", List.of("transposed"), List.of());
        assertWrong(r, "loss", List.of("rounded-too-coarsely"), List.of());
        assertWrong(r, "b1_next", List.of("learning-rate-omitted"), List.of());
        long wrong = r.quantities().stream().filter(q -> q.status() != Status.CORRECT).count();
        assertEquals(3, wrong, "every other answer is left alone");
    }

    /** A carried-forward answer never carries a diagnosis, whatever its value happens to match. */
    @ParameterizedTest
    @EnumSource(Lang.class)
    void aCarriedForwardAnswerReadsAsPassed(Lang lang) {
        AnswerKey key = Solver.solve(TWO_LAYER);
        Map<String, double[][]> s = keyValues(key);
        for (String q : List.of("dz2", "dW2", "db2")) {
            s.put(q, scaled(s.get(q), -1));
        }
        CheckResult r = Checker.check(key, submission(TWO_LAYER, s), null, "s");
        String text = CheckText.render(r, new ReportOptions(new Messages(lang), false, false, false));
        String block = text.substring(text.indexOf("dW2"), text.indexOf("da1"));
        String expectedWord = lang == Lang.en ? "expected" : "corect este";
        String recheck = lang == Lang.en ? "Re-check" : "Verifică";
        assertFalse(block.contains(expectedWord), block);
        assertFalse(block.contains(recheck), block);
        assertTrue(result(r, "dW2").passed());
    }

    // ------------------------------------------------------------------ helpers

    private static void assertWrong(CheckResult r, String name, List<String> codes, List<String> carriedFrom) {
        QuantityResult q = result(r, name);
        assertAll(name,
                () -> assertEquals(Status.INCORRECT, q.status(), name + " status"),
                () -> assertEquals(codes, q.diagnoses(), name + " diagnoses"),
                () -> assertEquals(carriedFrom, q.carriedFrom(), name + " measured against"));
    }

    private static void assertCarried(CheckResult r, String name) {
        QuantityResult q = result(r, name);
        assertAll(name,
                () -> assertEquals(Status.FOLLOW_THROUGH, q.status(), name + " status"),
                () -> assertEquals(q.maxPoints(), q.points(), name + " points"),
                () -> assertEquals(List.of(), q.diagnoses(), name + " diagnoses"),
                () -> assertTrue(q.passed(), name + " passed"));
    }

    private static void assertCorrect(CheckResult r, String name) {
        QuantityResult q = result(r, name);
        assertEquals(Status.CORRECT, q.status(), name);
        assertEquals(List.of(), q.diagnoses(), name);
    }

    private static String message(CheckResult r, String name, Lang lang) {
        QuantityResult q = result(r, name);
        String text = CheckText.render(r, new ReportOptions(new Messages(lang), false, false, false));
        int at = text.indexOf("\n  ✗ " + q.name() + " ");
        String block = text.substring(at + 1);
        for (String line : block.split("\n")) {
            String l = line.strip();
            if (l.startsWith("Your ") || (lang == Lang.ro && l.startsWith(q.name() + " "))) {
                return l;
            }
        }
        throw new AssertionError("no diagnosis line for " + name + " in\n" + block);
    }

    private static String firstSentence(String line) {
        return line.substring(0, line.indexOf(". ") + 1);
    }

    private static QuantityResult result(CheckResult r, String name) {
        return r.quantities().stream().filter(q -> q.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not graded"));
    }

    private static Map<String, double[][]> keyValues(AnswerKey key) {
        Map<String, double[][]> out = new LinkedHashMap<>();
        for (Quantity q : key.problem().ask()) {
            out.put(q.name(), key.get(q).toArray2d());
        }
        return out;
    }

    private static Submission submission(Problem p, Map<String, double[][]> values) {
        Map<Quantity, Answer> answers = new LinkedHashMap<>();
        for (Quantity q : p.ask()) {
            answers.put(q, Answer.readable(q.name(), Matrix.of(values.get(q.name()))));
        }
        return new Submission("test", p.id(), "s", answers, List.of());
    }

    private static double[][] map(double[][] a, DoubleUnaryOperator f) {
        double[][] out = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[i][j] = f.applyAsDouble(a[i][j]);
            }
        }
        return out;
    }

    private static double[][] copy(double[][] a) {
        return map(a, v -> v);
    }

    private static double[][] scaled(double[][] a, double k) {
        return map(a, v -> v * k);
    }

    private static double[][] transposed(double[][] a) {
        double[][] out = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[j][i] = a[i][j];
            }
        }
        return out;
    }

    /** θ − η·g, cell by cell. */
    private static double[][] step(double[][] theta, double[][] g, double eta) {
        double[][] out = new double[theta.length][theta[0].length];
        for (int i = 0; i < theta.length; i++) {
            for (int j = 0; j < theta[0].length; j++) {
                out[i][j] = theta[i][j] - eta * g[i][j];
            }
        }
        return out;
    }

    private static double[][] outer(double[] delta, double[] x) {
        double[][] out = new double[delta.length][x.length];
        for (int i = 0; i < delta.length; i++) {
            for (int j = 0; j < x.length; j++) {
                out[i][j] = delta[i] * x[j];
            }
        }
        return out;
    }

    private static double[][] columnSums(double[][] a) {
        double[][] out = new double[1][a[0].length];
        for (double[] r : a) {
            for (int j = 0; j < r.length; j++) {
                out[0][j] += r[j];
            }
        }
        return out;
    }

    private static double[][] row(Matrix b) {
        return new double[][]{b.toArray()};
    }
}
