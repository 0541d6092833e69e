package nngrade.variant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nngrade.input.BadInputException;
import nngrade.problem.Activation;
import nngrade.problem.Layer;
import nngrade.problem.Loss;
import nngrade.problem.Matrix;
import nngrade.problem.Network;
import nngrade.problem.Problem;
import nngrade.problem.ProblemFile;
import nngrade.problem.ProblemLoader;
import nngrade.problem.Quantity;
import nngrade.problem.Reduction;
import nngrade.problem.Tolerance;
import nngrade.problem.WeightLayout;
import nngrade.solve.AnswerKey;
import nngrade.solve.Solver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The refusals of the generators and the constraints, each at its boundary: the last value
 * accepted and the first refused, with hand-worked numbers (z = 0.5·1 + 0.5 = 1 exactly).
 */
class RefusalsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path GOLDEN = Path.of("src/test/resources/variants/golden-softmax.json");
    private static final Secret SECRET = Secret.of("s3cr3t-teacher");

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(text, e);
        }
    }

    private static Generator parse(String generator) {
        return Generator.parse("p.json", "given.x", json(generator));
    }

    private static String refusal(String generator) {
        BadInputException e = assertThrows(BadInputException.class, () -> parse(generator));
        assertEquals(1, e.errors().size(), () -> e.errors().toString());
        return e.errors().get(0).oneLine();
    }

    // ------------------------------------------------------------------ generators

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"random\": \"uniform\", \"min\": 0, \"max\": 1000000000001, \"shape\": [1, 1]} | p.json: given.x: max − min must be at most 1e12",
            "{\"random\": \"uniform\", \"min\": 0, \"max\": 1, \"step\": 0, \"shape\": [1, 1]} | p.json: given.x.step must be positive",
            "{\"random\": \"uniform\", \"min\": 0, \"max\": 1, \"step\": -0.5, \"shape\": [1, 1]} | p.json: given.x.step must be positive",
            "{\"random\": \"uniform\", \"max\": 1, \"shape\": [1, 1]} | p.json: given.x.min is missing",
            "{\"random\": \"uniform\", \"min\": 0, \"shape\": [1, 1]} | p.json: given.x.max is missing",
            "{\"random\": \"integers\", \"min\": -1000000000001, \"max\": 0, \"shape\": [1, 1]} | p.json: given.x: integers needs min and max within ±1e12",
            "{\"random\": \"integers\", \"min\": 0, \"max\": 1000000000001, \"shape\": [1, 1]} | p.json: given.x: integers needs min and max within ±1e12",
            "{\"random\": \"integers\", \"min\": 3, \"max\": 2, \"shape\": [1, 1]} | p.json: given.x: min 3 is above max 2",
            "{\"random\": \"one-hot\", \"shape\": [2, 1]} | p.json: given.x.shape: a one-hot row needs at least 2 columns",
            "{\"random\": \"one-hot\", \"shape\": [0, 3]} | p.json: given.x.shape: expected [rows, columns] of whole numbers ≥ 1, found [0,3]",
            "{\"random\": \"one-hot\", \"shape\": [3, 0]} | p.json: given.x.shape: expected [rows, columns] of whole numbers ≥ 1, found [3,0]",
            "{\"random\": \"one-hot\", \"shape\": [1000, 1001]} | p.json: given.x.shape: expected [rows, columns] of whole numbers ≥ 1, found [1000,1001]",
            "{\"random\": \"one-hot\", \"shape\": [3]} | p.json: given.x.shape: expected [rows, columns] of whole numbers ≥ 1, found [3]",
            "{\"random\": \"one-hot\", \"shape\": 3} | p.json: given.x.shape: expected [rows, columns] of whole numbers ≥ 1, found 3"})
    void aGeneratorBeyondItsBoundIsRefusedWithItsField(String generator, String message) {
        assertEquals(message, refusal(generator));
    }

    /** The last values inside each bound are accepted, and drawn as asked. */
    @Test
    void aGeneratorAtItsBoundIsAccepted() {
        SplitMix64 r = new SplitMix64(1);
        Generator wide = parse("{\"random\": \"uniform\", \"min\": 0, \"max\": 1000000000000, \"shape\": [1, 2]}");
        for (double v : wide.draw(r)[0]) {
            assertTrue(v >= 0 && v < 1e12, "v = " + v);
        }
        Generator point = parse("{\"random\": \"uniform\", \"min\": 0.5, \"max\": 0.5, \"step\": 0.1, \"shape\": [2, 3]}");
        assertArrayEquals(new double[][] {{0.5, 0.5, 0.5}, {0.5, 0.5, 0.5}}, point.draw(r));
        Generator one = parse("{\"random\": \"integers\", \"min\": -1000000000000, \"max\": -1000000000000, "
                + "\"shape\": [1, 2]}");
        assertArrayEquals(new double[][] {{-1e12, -1e12}}, one.draw(r));
        Generator seven = parse("{\"random\": \"integers\", \"min\": 7, \"max\": 7, \"shape\": [1, 1]}");
        assertArrayEquals(new double[][] {{7}}, seven.draw(r));
        Generator hot = parse("{\"random\": \"one-hot\", \"shape\": [1000, 1000]}");
        assertEquals(1000, hot.rows());
        assertEquals(1000, hot.cols());
        Generator two = parse("{\"random\": \"one-hot\", \"shape\": [4, 2]}");
        for (double[] row : two.draw(r)) {
            assertEquals(1, row[0] + row[1]);
            assertTrue(row[0] == 0 || row[0] == 1);
        }
    }

    /** A bound written as text is read as the number it spells; anything else is refused. */
    @Test
    void boundsWrittenAsTextOrAsOtherValues() {
        Generator text = parse("{\"random\": \"integers\", \"min\": \"2\", \"max\": \"2\", \"shape\": [1, 1]}");
        assertArrayEquals(new double[][] {{2}}, text.draw(new SplitMix64(0)));
        assertEquals("p.json: given.x.min: expected a number, found true",
                refusal("{\"random\": \"integers\", \"min\": true, \"max\": 2, \"shape\": [1, 1]}"));
    }

    /**
     * Without a step, min + u·(max − min) with u the top 53 bits of SplitMix64's published first
     * outputs for seed 0 (0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4) over 2^53.
     */
    @Test
    void aUniformWithoutAStepScalesTheDraw() {
        Generator g = parse("{\"random\": \"uniform\", \"min\": -1, \"max\": 3, \"shape\": [1, 2]}");
        double u1 = (0xE220A8397B1DCDAFL >>> 11) / 9007199254740992.0;
        double u2 = (0x6E789E6AA1B965F4L >>> 11) / 9007199254740992.0;
        assertArrayEquals(new double[][] {{-1 + 4 * u1, -1 + 4 * u2}}, g.draw(new SplitMix64(0)));
        assertEquals(0.8833, u1, 1e-4); // 0xE2… / 2^64
        SplitMix64 r = new SplitMix64(0);
        assertEquals(u1, r.nextDouble());
        assertEquals(u2, r.nextDouble());
    }

    @Test
    void nextIntRefusesAnEmptyRange() {
        assertThrows(IllegalArgumentException.class, () -> new SplitMix64(0).nextInt(0));
        assertThrows(IllegalArgumentException.class, () -> new SplitMix64(0).nextInt(-3));
        assertEquals(0, new SplitMix64(0).nextInt(1));
    }

    /** Whole numbers below 10^15 are written as integers, the rest as doubles. */
    @Test
    void drawnValuesAsJson() {
        assertEquals("[[3,-2,0.5,999999999999999,1.0E15,-1.0E15],[1.0E300]]",
                Generator.toJson(new double[][] {{3, -2, 0.5, 999_999_999_999_999.0, 1e15, -1e15}, {1e300}}).toString());
    }

    @Test
    void aCarriageReturnAtTheStartIsALineEnd() {
        assertEquals("\nabc", Seeds.normalised("\rabc"));
        assertEquals("\na\nb", Seeds.normalised("\r\na\rb"));
        assertEquals("abc", Seeds.normalised("\uFEFFabc"));
    }

    // ------------------------------------------------------------------ constraints

    /** One input x = 1, two linear units with W = [0.5; 1], b = [0.5, 0.5]: z = ŷ = [1, 1.5], 0.5 apart. */
    private static Problem twoLinearUnits(double x) {
        Network n = new Network(1, List.of(new Layer(2, new Activation.Linear())), Loss.QUADRATIC, Reduction.MEAN,
                WeightLayout.OUT_IN);
        return new Problem("test", "two-linear", "", "", n, 0.5, Matrix.of(new double[][] {{x}, {1}}),
                Matrix.of(new double[][] {{0, 0}, {0, 0}}), List.of(Matrix.of(new double[][] {{0.5}, {1}})),
                List.of(Matrix.row(0.5, 0.5)), Quantity.all(1), new Problem.Tolerances(Tolerance.DEFAULT, Map.of()),
                new Problem.Points(1, Map.of()), false, 1);
    }

    private static Constraints constraints(String json) {
        return Constraints.of(json(json));
    }

    @Test
    void theDefaultsOfConstraints() {
        assertEquals(new Constraints(Double.NaN, Double.NaN, true, 1000), Constraints.of(null));
        assertEquals(new Constraints(Double.NaN, Double.NaN, true, 1000), constraints("{}"));
        assertEquals(new Constraints(2.5, 0.1, false, 7),
                constraints("{\"maxAbsZ\": 2.5, \"minOutputGap\": 0.1, \"nonZeroInputRows\": false, \"maxTries\": 7}"));
        assertTrue(constraints("{\"nonZeroInputRows\": true}").nonZeroInputRows());
    }

    @Test
    void aZeroInputRowBreaksTheDefaultConstraint() {
        Problem zeroRow = twoLinearUnits(0);
        AnswerKey key = Solver.solve(zeroRow);
        assertEquals("a row of x is all zeros", constraints("{}").broken(zeroRow, key));
        assertNull(constraints("{\"nonZeroInputRows\": false}").broken(zeroRow, key));
        Problem p = twoLinearUnits(1);
        assertNull(constraints("{}").broken(p, Solver.solve(p)));
    }

    /** A row is all zeros only if every cell is: [0, 1] is not, whichever cell holds the 0. */
    @Test
    void aRowWithOneZeroIsNotAllZeros() {
        Network n = new Network(2, List.of(new Layer(1, new Activation.Linear())), Loss.QUADRATIC, Reduction.MEAN,
                WeightLayout.OUT_IN);
        for (double[] row : new double[][] {{0, 1}, {1, 0}}) {
            Problem p = new Problem("test", "row", "", "", n, 0.5, Matrix.of(new double[][] {row}),
                    Matrix.of(new double[][] {{0}}), List.of(Matrix.of(new double[][] {{0.5, 0.5}})),
                    List.of(Matrix.row(0)), Quantity.all(1), new Problem.Tolerances(Tolerance.DEFAULT, Map.of()),
                    new Problem.Points(1, Map.of()), false, 1);
            assertNull(constraints("{}").broken(p, Solver.solve(p)), () -> java.util.Arrays.toString(row));
        }
    }

    @Test
    void maxAbsZIsInclusive() {
        Problem p = twoLinearUnits(1);
        AnswerKey key = Solver.solve(p);
        assertEquals(Matrix.of(new double[][] {{1, 1.5}, {1, 1.5}}), key.get(Quantity.of(Quantity.Kind.Z, 1)));
        assertNull(constraints("{\"maxAbsZ\": 1.5}").broken(p, key));
        assertEquals("|z1| exceeds maxAbsZ 1.25", constraints("{\"maxAbsZ\": 1.25}").broken(p, key));
    }

    @Test
    void minOutputGapIsInclusive() {
        Problem p = twoLinearUnits(1);
        AnswerKey key = Solver.solve(p);
        assertNull(constraints("{\"minOutputGap\": 0.5}").broken(p, key));
        assertEquals("two outputs are closer than minOutputGap 0.75",
                constraints("{\"minOutputGap\": 0.75}").broken(p, key));
    }

    /**
     * maxTries draws and no more. The seed depends on the file's text, so files with other
     * maxTries draw other streams: id-0 gets no variant from the file with maxTries 1 and one
     * from the file with maxTries 2.
     */
    @Test
    void maxTriesIsTheNumberOfDraws() {
        ProblemFile golden = ProblemLoader.read(GOLDEN);
        ProblemFile once = withMaxTries(golden, 1);
        ProblemFile twice = withMaxTries(golden, 2);
        BadInputException e = assertThrows(BadInputException.class, () -> Variants.of(once, "id-0", SECRET));
        assertTrue(e.errors().get(0).oneLine().contains("met the constraints in 1 draws"), e.errors().get(0).oneLine());
        assertNotNull(Variants.of(once, "id-4", SECRET));
        Variants.Variant v = Variants.of(twice, "id-0", SECRET);
        assertNull(Constraints.of(golden.root().get("constraints")).broken(v.problem(), v.key()));
        assertThrows(BadInputException.class, () -> Variants.of(twice, "id-2", SECRET));
    }

    /**
     * A drawn problem is validated without its constraints, so the bound on the draws is
     * checked before drawing: 0 and 10^9 (minutes of draws for an impossible constraint) are
     * refused naming the field, before the first draw, as the loader refuses them in a problem
     * without generators.
     */
    @Test
    void maxTriesOutsideItsRangeIsRefusedBeforeDrawing() {
        ProblemFile golden = ProblemLoader.read(GOLDEN);
        for (String tries : new String[] {"0", "1000000000", "1e9", "2.5", "\"7\""}) {
            ProblemFile f = withMaxTries(golden, tries);
            BadInputException e = assertThrows(BadInputException.class, () -> Variants.of(f, "id-0", SECRET), tries);
            assertEquals(1, e.errors().size());
            String line = e.errors().get(0).oneLine();
            assertTrue(line.startsWith("tries.json: constraints.maxTries: expected a whole number from 1 to 100000, found "),
                    line);
        }
        assertNotNull(Variants.of(withMaxTries(golden, "100000"), "id-4", SECRET));
    }

    private static ProblemFile withMaxTries(ProblemFile f, int tries) {
        return withMaxTries(f, Integer.toString(tries));
    }

    private static ProblemFile withMaxTries(ProblemFile f, String tries) {
        String text = f.text().replace("\"nonZeroInputRows\": true }", "\"nonZeroInputRows\": true, \"maxTries\": " + tries + " }");
        assertNotEquals(f.text(), text);
        return ProblemLoader.parseFile("tries.json", text);
    }

    // ------------------------------------------------------------------ the problem source

    @Test
    void aProblemWithGeneratorsIsDrawnPerStudentOnce() {
        ProblemFile golden = ProblemLoader.read(GOLDEN);
        ProblemSource s = new ProblemSource(golden, SECRET);
        assertTrue(s.perStudent());
        assertTrue(s.shared().isEmpty());
        assertSame(golden, s.file());
        Variants.Variant ana = s.forStudent("ana.popescu");
        assertSame(ana, s.forStudent("ana.popescu"));
        assertEquals(Variants.of(golden, "ana.popescu", SECRET).problem(), ana.problem());
        assertNotEquals(ana.problem(), s.forStudent("carmen").problem());
        assertEquals(VariantCode.of(golden.text(), "ana.popescu", SECRET), s.variantCode("ana.popescu").orElseThrow());
    }

    @Test
    void aProblemWithoutGeneratorsIsTheSameForEveryone() {
        ProblemFile notes = ProblemLoader.read(Path.of("problems/notes-softmax-step.json"));
        ProblemSource s = new ProblemSource(notes, null);
        assertFalse(s.perStudent());
        Variants.Variant shared = s.shared().orElseThrow();
        assertSame(shared, s.forStudent("ana"));
        assertSame(shared, s.forStudent("bogdan"));
        assertTrue(s.variantCode("ana").isEmpty());
        assertEquals(ProblemLoader.load(Path.of("problems/notes-softmax-step.json")), shared.problem());
    }

    @Test
    void aProblemWithGeneratorsNeedsTheSecret() {
        ProblemFile golden = ProblemLoader.read(GOLDEN);
        BadInputException e = assertThrows(BadInputException.class, () -> new ProblemSource(golden, null));
        assertTrue(e.errors().get(0).oneLine().contains("needs the teacher's secret"), e.errors().get(0).oneLine());
        ProblemSource empty = new ProblemSource(golden, Secret.of("  "));
        BadInputException noCode = assertThrows(BadInputException.class, () -> empty.variantCode("ana"));
        assertTrue(noCode.errors().get(0).oneLine().contains("needs the teacher's secret"));
    }

    @Test
    void secretsAreEqualByTheirText() {
        assertEquals(Secret.of("abc"), Secret.of(" abc\n"));
        assertEquals(Secret.of("abc").hashCode(), Secret.of("abc ").hashCode());
        assertNotEquals(Secret.of("abc"), Secret.of("abd"));
        assertNotEquals(Secret.of("abc").hashCode(), Secret.of("abd").hashCode());
        assertNotEquals(Secret.of("abc"), "abc");
        assertTrue(Secret.of(" ").isEmpty());
        assertFalse(Secret.of("a").isEmpty());
    }
}
