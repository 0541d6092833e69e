package nngrade.variant;

import nngrade.input.BadInputException;
import nngrade.input.InputError;
import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.ProblemFile;
import nngrade.problem.ProblemLoader;
import nngrade.problem.Quantity;
import nngrade.solve.Solver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VariantsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/variants/golden-softmax.json");
    private static final Secret SECRET = Secret.of("s3cr3t-teacher");

    private static Variants.Variant variant(ProblemFile file, String id, Secret secret) {
        return Variants.of(file, id, secret);
    }

    /** SplitMix64's published first outputs for seed 0 (0xE220A8397B1DCDAF, …). */
    @Test
    void splitMix64MatchesItsReferenceOutputs() {
        SplitMix64 r = new SplitMix64(0);
        assertEquals(-2152535657050944081L, r.nextLong());
        assertEquals(7960286522194355700L, r.nextLong());
        assertEquals(487617019471545679L, r.nextLong());
    }

    @Test
    void nextIntIsUniformEnoughAndInRange() {
        SplitMix64 r = new SplitMix64(42);
        int[] counts = new int[7];
        for (int i = 0; i < 70_000; i++) {
            counts[(int) r.nextInt(7)]++;
        }
        for (int c : counts) {
            assertTrue(Math.abs(c - 10_000) < 400, "count " + c);
        }
    }

    /** These variants must never change: students keep their numbers across JDKs and versions. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ana.popescu    | -1 0 -2 | 1 0 0 | -0.2 0.6 -1; 0.1 0.5 0.9; 0.2 -0.6 -0.1",
            "bogdan.ionescu | 1 1 0   | 0 0 1 | -0.5 0.6 0.9; 0.5 1 -0.9; -0.1 1 0.2",
            "carmen         | 3 -1 2  | 0 0 1 | 0.5 0.6 -0.7; 0.9 0.6 -0.4; 0.9 -0.2 -0.4"})
    void goldenVariants(String id, String x, String y, String w1) {
        var v = variant(ProblemLoader.read(GOLDEN), id, SECRET).problem();
        assertEquals(parse(x), v.x());
        assertEquals(parse(y), v.y());
        assertEquals(parse(w1), v.w(1));
        assertEquals(Matrix.row(0.1, 0.1, 0.1), v.b(1));
    }

    private static Matrix parse(String text) {
        String[] rows = text.strip().split(";");
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            String[] cells = rows[i].strip().split("\\s+");
            out[i] = new double[cells.length];
            for (int j = 0; j < cells.length; j++) {
                out[i][j] = Double.parseDouble(cells[j]);
            }
        }
        return Matrix.of(out);
    }

    @Test
    void sameInputsSameVariant() {
        ProblemFile f = ProblemLoader.read(GOLDEN);
        for (int i = 0; i < 50; i++) {
            String id = "student" + i;
            assertEquals(variant(f, id, SECRET).problem(), variant(ProblemLoader.read(GOLDEN), id, Secret.of(" s3cr3t-teacher\n")).problem());
        }
    }

    @Test
    void anotherStudentSecretOrFileGivesAnotherVariant() {
        ProblemFile f = ProblemLoader.read(GOLDEN);
        ProblemFile edited = ProblemLoader.parseFile("edited.json", f.text().replace("\"title\"", "\"title\" ").replace("η = 0.5", "η = 0.5 "));
        int n = 300;
        int otherStudent = 0;
        int otherSecret = 0;
        int otherFile = 0;
        for (int i = 0; i < n; i++) {
            var mine = variant(f, "s" + i, SECRET).problem();
            otherStudent += mine.equals(variant(f, "s" + (i + 1), SECRET).problem()) ? 0 : 1;
            otherSecret += mine.equals(variant(f, "s" + i, Secret.of("another")).problem()) ? 0 : 1;
            otherFile += mine.equals(variant(edited, "s" + i, SECRET).problem()) ? 0 : 1;
        }
        // 6^3 inputs × 3 classes × 21^9 weights: a repeat is astronomically rare.
        assertEquals(n, otherStudent);
        assertEquals(n, otherSecret);
        assertEquals(n, otherFile);
    }

    /** Over thousands of ids: every value on its grid and in range, every constraint met. */
    @Test
    void generatedValuesRespectRangeStepAndConstraints() {
        ProblemFile f = ProblemLoader.read(GOLDEN);
        Set<Integer> classesSeen = new HashSet<>();
        Set<Double> weightsSeen = new HashSet<>();
        for (int i = 0; i < 3000; i++) {
            var v = variant(f, "id-" + i, SECRET);
            var p = v.problem();
            for (int j = 0; j < 3; j++) {
                double x = p.x().at(j);
                assertTrue(x == Math.rint(x) && x >= -2 && x <= 3, "x " + x);
            }
            double sum = 0;
            for (int j = 0; j < 3; j++) {
                double y = p.y().at(j);
                assertTrue(y == 0 || y == 1);
                sum += y;
                if (y == 1) {
                    classesSeen.add(j);
                }
            }
            assertEquals(1, sum);
            for (int j = 0; j < 9; j++) {
                double w = p.w(1).at(j);
                assertTrue(w >= -1 && w <= 1, "w " + w);
                assertEquals(Math.round(w * 10) / 10.0, w, 0.0, "w " + w + " is on the 0.1 grid");
                weightsSeen.add(w);
            }
            assertTrue(p.x().at(0) != 0 || p.x().at(1) != 0 || p.x().at(2) != 0, "no all-zero input row");
            Matrix z = v.key().get(Quantity.of(Quantity.Kind.Z, 1));
            for (int j = 0; j < 3; j++) {
                assertTrue(Math.abs(z.at(j)) <= 3, "|z| ≤ maxAbsZ");
            }
            Matrix yhat = v.key().get(Quantity.YHAT);
            for (int a = 0; a < 3; a++) {
                for (int b = a + 1; b < 3; b++) {
                    assertTrue(Math.abs(yhat.at(a) - yhat.at(b)) >= 0.05, "outputs apart");
                }
            }
        }
        assertEquals(Set.of(0, 1, 2), classesSeen);
        assertEquals(21, weightsSeen.size(), "every step from −1 to 1 is drawn");
    }

    @Test
    void aGeneratorProblemRefusesToRunWithoutASecret() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> Variants.of(ProblemLoader.read(GOLDEN), "ana", null));
        assertEquals(GOLDEN + ": draws given values at random for each student (x, y, W1), so it needs the teacher's "
                + "secret: --secret-file FILE or the NNGRADE_SECRET environment variable", e.errors().get(0).oneLine());
    }

    @Test
    void impossibleConstraintsFailWithAClearMessage() {
        ProblemFile f = ProblemLoader.read(GOLDEN);
        ProblemFile strict = ProblemLoader.parseFile("strict.json",
                f.text().replace("\"maxAbsZ\": 3, \"minOutputGap\": 0.05", "\"maxAbsZ\": 0.001, \"maxTries\": 50"));
        BadInputException e = assertThrows(BadInputException.class, () -> Variants.of(strict, "ana", SECRET));
        InputError only = e.errors().get(0);
        assertEquals("strict.json: constraints: no variant for student \"ana\" met the constraints in 50 draws "
                + "(the last: |z1| exceeds maxAbsZ 0.001); loosen the constraints or change the generators' ranges",
                only.oneLine());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"random\": \"gaussian\", \"shape\": [1, 3]} | given.x.random: unknown generator \"gaussian\"; expected one of uniform, integers, one-hot",
            "{\"random\": \"uniform\", \"min\": 1, \"max\": 0, \"shape\": [1, 3]} | given.x: min 1 is above max 0",
            "{\"random\": \"uniform\", \"min\": 0, \"max\": 1, \"step\": 0.3, \"shape\": [1, 3]} | given.x.step: max − min (1) is not a whole number of steps of 0.3",
            "{\"random\": \"uniform\", \"min\": -1, \"max\": 1, \"step\": 1e-400, \"shape\": [1, 3]} | given.x.step: a step of 1E-400 makes more than 10^15 values between min and max; take a larger step, or none",
            "{\"random\": \"integers\", \"min\": 0, \"max\": 3} | given.x.shape: expected [rows, columns] of whole numbers ≥ 1, found nothing",
            "{\"random\": \"integers\", \"min\": 0.5, \"max\": 3, \"shape\": [1, 3]} | given.x: integers needs whole min and max, found 0.5",
            // what the file holds is quoted short, however long it is
            "{\"random\": \"integers\", \"min\": 0, \"max\": 3, \"shape\": [\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", 3]} | given.x.shape: expected [rows, columns] of whole numbers ≥ 1, found [\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…",
            "{\"random\": \"integers\", \"min\": 0, \"max\": 3, \"shape\": [1, 3], \"shapexxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\": 1} | given.x.shapexxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…: unknown field \"shapexxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…\"; expected one of random, min, max, shape"})
    void badGeneratorsAreReportedWithTheirField(String generator, String message) {
        ProblemFile f = ProblemLoader.read(GOLDEN);
        String text = f.text().replace("{ \"random\": \"integers\", \"min\": -2, \"max\": 3, \"shape\": [1, 3] }", generator);
        assertNotEquals(f.text(), text);
        BadInputException e = assertThrows(BadInputException.class,
                () -> Variants.of(ProblemLoader.parseFile("p.json", text), "ana", SECRET));
        assertEquals("p.json: " + message, e.errors().get(0).oneLine());
    }

    @Test
    void aStepOfExactlyTenToTheFifteenValuesIsAccepted() {
        ProblemFile f = ProblemLoader.read(GOLDEN);
        String text = f.text().replace("{ \"random\": \"integers\", \"min\": -2, \"max\": 3, \"shape\": [1, 3] }",
                "{\"random\": \"uniform\", \"min\": 0, \"max\": 1, \"step\": 1e-15, \"shape\": [1, 3]}");
        assertNotEquals(f.text(), text);
        Matrix x = Variants.of(ProblemLoader.parseFile("p.json", text), "ana", SECRET).problem().x();
        for (int i = 0; i < x.size(); i++) {
            assertTrue(x.at(i) >= 0 && x.at(i) <= 1, "x = " + x.at(i));
        }
    }

    @Test
    void theSecretNeverShowsInItsToString() {
        assertEquals("Secret[hidden]", SECRET.toString());
    }

    @Test
    void seedsDependOnEveryInput() {
        long base = Seeds.seed("text", "ana", SECRET);
        assertNotEquals(base, Seeds.seed("text ", "ana", SECRET));
        assertNotEquals(base, Seeds.seed("text", "anA", SECRET));
        assertNotEquals(base, Seeds.seed("text", "ana", Secret.of("x")));
        assertEquals(base, Seeds.seed("text", "ana", Secret.of("s3cr3t-teacher")));
    }

    @Test
    void lineEndsAndAByteOrderMarkDoNotChangeTheNumbers(@TempDir Path dir) throws IOException {
        String lf = Files.readString(Path.of("problems/variant-softmax-step.json"));
        assertFalse(lf.contains("\r") || lf.startsWith("\uFEFF"), "the bundled file is the LF original");
        long seed = Seeds.seed(lf, "ana", SECRET);
        assertEquals(seed, Seeds.seed(lf.replace("\n", "\r\n"), "ana", SECRET), "git autocrlf, a Windows editor");
        assertEquals(seed, Seeds.seed("\uFEFF" + lf, "ana", SECRET), "a byte-order mark");
        assertEquals(seed, Seeds.seed(lf.replace("\n", "\r"), "ana", SECRET), "old Mac line ends");
        assertNotEquals(seed, Seeds.seed(lf.replace("\n", "\n\n"), "ana", SECRET), "a blank line is an edit");
        Path crlf = dir.resolve("crlf.json");
        Files.writeString(crlf, "\uFEFF" + lf.replace("\n", "\r\n"));
        assertEquals(Variants.of(ProblemLoader.read(Path.of("problems/variant-softmax-step.json")), "ana", SECRET).problem().x(),
                Variants.of(ProblemLoader.read(crlf), "ana", SECRET).problem().x());
    }

    /** An optimiser's given state can be drawn per student like any given: in its shape, on the grid, used by the key. */
    @Test
    void anOptimisersGivenStateIsDrawnPerStudent() {
        ProblemFile f = ProblemLoader.read(Path.of("src/test/resources/variant/momentum-state-drawn.json"));
        Set<Matrix> drawn = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            Problem p = variant(f, "s" + i, SECRET).problem();
            Matrix v = p.stateOf(Quantity.Kind.VW_NEXT, 1);
            assertEquals(1, v.rows());
            assertEquals(2, v.cols());
            for (double c : v.toArray()) {
                assertTrue(c >= -0.1 && c <= 0.1 && Math.abs(c * 100 - Math.rint(c * 100)) < 1e-9, "on the grid: " + c);
            }
            drawn.add(v);
            // vW1_next = 0.9·vW1 + dW1 with the student's own vW1
            Matrix expected = v.scale(0.9).plus(Solver.solve(p).get(Quantity.of(Quantity.Kind.DW, 1)));
            double[] got = Solver.solve(p).get(Quantity.of(Quantity.Kind.VW_NEXT, 1)).toArray();
            for (int j = 0; j < got.length; j++) {
                assertEquals(expected.at(j), got[j], 1e-12);
            }
        }
        assertTrue(drawn.size() > 10, "20 students share " + drawn.size() + " velocities");
    }
}
