package nngrade.check;

import nngrade.input.BadInputException;
import nngrade.problem.Tolerance;
import nngrade.problem.Tolerance.Bound;
import nngrade.problem.Tolerance.Decimals;
import nngrade.problem.Tolerance.SigFigs;
import nngrade.problem.ToleranceSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every tolerance mode of the spec ("Problem file", tolerances) at its boundary: a value just
 * inside passes, just outside fails, and the exact decimal at the boundary is decided the way
 * the spec says despite binary rounding (0.36 − 0.35 is 0.010000000000000009 in doubles).
 */
class ToleranceTest {

    private static void check(Tolerance t, double submitted, double expected, boolean accepted) {
        assertEquals(accepted, t.accepts(submitted, expected),
                () -> t.describe() + ": submitted " + submitted + ", expected " + expected
                        + " (|s − e| = " + Math.abs(submitted - expected) + ")");
    }

    // ---------------------------------------------------------------- absolute: |s − e| ≤ a

    @ParameterizedTest(name = "absolute 0.01, e = {1}: {0} → {2}")
    @CsvSource({
            "0.35,    0.35, true",
            "0.3599,  0.35, true",
            "0.36,    0.35, true",   // exactly 0.01 off, although 0.36 − 0.35 > 0.01 in binary
            "0.3601,  0.35, false",
            "0.34,    0.35, true",   // 0.35 − 0.34 < 0.01 in binary: inside either way
            "0.3401,  0.35, true",
            "0.3399,  0.35, false",
            "-0.34,  -0.35, true",
            "-0.36,  -0.35, true",
            "-0.3601,-0.35, false",
            "-0.3399,-0.35, false",
            "0.01,    0,    true",
            "-0.01,   0,    true",
            "0.0101,  0,    false",
            "1.03,    1.02, true",
            "1.0301,  1.02, false",
            "0.35,   -0.35, false"})
    void absolute(double submitted, double expected, boolean accepted) {
        check(new Bound(0.01, 0), submitted, expected, accepted);
    }

    @Test
    void absoluteIsTheDefault() {
        assertEquals(new Bound(0.01, 0), Tolerance.DEFAULT);
        check(Tolerance.DEFAULT, 0.36, 0.35, true);
        check(Tolerance.DEFAULT, 0.3601, 0.35, false);
    }

    @ParameterizedTest(name = "absolute 0.005, e = {1}: {0} → {2}")
    @CsvSource({
            "0.3545,   0.3495, true",
            "0.3546,   0.3495, false",
            "0.3445,   0.3495, true",
            "0.3444,   0.3495, false",
            "-2.9317, -2.9367, true",
            "-2.9316, -2.9367, false"})
    void absoluteHalfAHundredth(double submitted, double expected, boolean accepted) {
        check(new Bound(0.005, 0), submitted, expected, accepted);
    }

    // ---------------------------------------------------------------- relative: |s − e| ≤ r·|e|

    @ParameterizedTest(name = "relative 1%, e = {1}: {0} → {2}")
    @CsvSource({
            "202,       200,   true",
            "198,       200,   true",
            "202.0001,  200,   false",
            "197.9999,  200,   false",
            "-202,     -200,   true",
            "-202.0001,-200,   false",
            "3.8973,    3.8588, true",    // 3.8588 · 1.01 = 3.897388
            "3.8974,    3.8588, false",
            "3.8203,    3.8588, true",    // 3.8588 · 0.99 = 3.820212
            "3.8202,    3.8588, false",
            "0.000101,  0.0001, true",
            "0.0001011, 0.0001, false",
            "0,         0,     true",
            "1e-13,     0,     true",     // e = 0: a relative tolerance allows only a leftover of cancelling terms
            "0,         5.551115123125783e-17, true", // 0.1 + 0.2 − 0.3: a 0 the student writes as 0
            "-5.551115123125783e-17, 0, true",
            "1e-11,     0,     false",
            "1.0e-6,    0,     false"})
    void relative(double submitted, double expected, boolean accepted) {
        check(new Bound(0, 0.01), submitted, expected, accepted);
    }

    @Test
    void relativeScalesWithTheExpectedValue() {
        Tolerance t = new Bound(0, 0.01);
        check(t, 1e6 + 1e4, 1e6, true);
        check(t, 1e6 + 1e4 + 1, 1e6, false);
        check(t, 1e-6 * 1.01, 1e-6, true);
        check(t, 1e-6 * 1.0102, 1e-6, false);
    }

    // ---------------------------------------------------------------- both: |s − e| ≤ a + r·|e|

    @ParameterizedTest(name = "absolute 0.01 + relative 1%, e = {1}: {0} → {2}")
    @CsvSource({
            "10.11,    10,   true",   // 0.01 + 0.1
            "10.1101,  10,   false",
            "9.89,     10,   true",
            "9.8899,   10,   false",
            "-10.11,  -10,   true",
            "-10.1101,-10,   false",
            "0.01,     0,    true",   // at 0 only the absolute part is left
            "0.0101,   0,    false",
            "0.3635,   0.35, true",   // 0.01 + 0.0035
            "0.3636,   0.35, false"})
    void both(double submitted, double expected, boolean accepted) {
        check(new Bound(0.01, 0.01), submitted, expected, accepted);
    }

    // ---------------------------------------------------------------- decimals: |s − e| < 10^−d

    @ParameterizedTest(name = "2 decimals, e = {1}: {0} → {2}")
    @CsvSource({
            "0.34,       0.3468694676544798, true",   // truncated
            "0.35,       0.3468694676544798, true",   // rounded
            "0.3468,     0.3468694676544798, true",
            "0.33,       0.3468694676544798, false",
            "0.36,       0.3468694676544798, false",
            "0.66,       0.6666666666666666, true",   // 2/3 truncated
            "0.67,       0.6666666666666666, true",   // 2/3 rounded
            "0.65,       0.6666666666666666, false",
            "0.68,       0.6666666666666666, false",
            "-0.66,     -0.6666666666666666, true",
            "-0.67,     -0.6666666666666666, true",
            "-0.68,     -0.6666666666666666, false",
            "-2.93,     -2.9367205378474655, true",
            "-2.94,     -2.9367205378474655, true",
            "-2.92,     -2.9367205378474655, false",
            "0.35,       0.35, true",
            "0.3599,     0.35, true",
            "0.36,       0.35, false",   // exactly 0.01 off: outside (strict <), despite binary rounding
            "0.34,       0.35, false",   // 0.35 − 0.34 is 0.00999999999999995 in binary, still outside
            "0.3401,     0.35, true",
            "1.01,       1,    false",
            "0.99,       1,    false",
            "1.0099,     1,    true",
            "0.0099,     0,    true",
            "0.01,       0,    false",
            "-0.01,      0,    false",
            "1234.56,    1234.5678, true",
            "1234.57,    1234.5678, true",
            "1234.55,    1234.5678, false"})
    void decimals(double submitted, double expected, boolean accepted) {
        check(new Decimals(2), submitted, expected, accepted);
    }

    @ParameterizedTest(name = "{0} decimals")
    @ValueSource(ints = {0, 1, 3, 4, 6})
    void decimalsAtEveryPrecision(int d) {
        Tolerance t = new Decimals(d);
        double e = 2.0 / 3;
        double step = Math.pow(10, -d);
        double truncated = BigDecimal.valueOf(e).setScale(d, RoundingMode.DOWN).doubleValue();
        double rounded = BigDecimal.valueOf(e).setScale(d, RoundingMode.HALF_UP).doubleValue();
        check(t, truncated, e, true);
        check(t, rounded, e, true);
        check(t, truncated - step, e, false);
        check(t, rounded + step, e, false);
        check(t, e + 0.999 * step, e, true);
        check(t, e + 1.001 * step, e, false);
    }

    // ---------------------------------------------------------------- sigfigs: |s − e| < 10^(⌊log10|e|⌋ − k + 1)

    @ParameterizedTest(name = "3 significant figures, e = {1}: {0} → {2}")
    @CsvSource({
            "1230,       1234.5678, true",    // truncated
            "1235,       1234.5678, true",    // rounded (bound 10)
            "1244.5,     1234.5678, true",
            "1244.6,     1234.5678, false",
            "1224.6,     1234.5678, true",
            "1224.5,     1234.5678, false",
            "0.347,      0.3468694676544798, true",   // bound 0.001
            "0.346,      0.3468694676544798, true",
            "0.3478,     0.3468694676544798, true",
            "0.3479,     0.3468694676544798, false",
            "0.345,      0.3468694676544798, false",
            "0.00123,    0.0012345, true",     // bound 1e-5
            "0.00124,    0.0012345, true",
            "0.001244,   0.0012345, true",
            "0.001245,   0.0012345, false",
            "0.001224,   0.0012345, false",
            "-0.00123,  -0.0012345, true",
            "-0.001245, -0.0012345, false",
            "100.99,     100,  true",          // a power of 10: bound 1
            "101,        100,  false",
            "99.01,      100,  true",
            "99,         100,  false",
            "0.3509,     0.35, true",          // bound 0.001, strict
            "0.351,      0.35, false",         // 0.351 − 0.35 < 0.001 in binary, still outside
            "0.349,      0.35, false",
            "0.0009,     0,    true",          // e = 0: |s| < 10^−3
            "-0.0009,    0,    true",
            "0.001,      0,    false",
            "-0.001,     0,    false",
            "0,          0,    true"})
    void sigfigs(double submitted, double expected, boolean accepted) {
        check(new SigFigs(3), submitted, expected, accepted);
    }

    @ParameterizedTest(name = "{0} significant figures")
    @ValueSource(ints = {1, 2, 4, 6})
    void sigfigsAtEveryPrecision(int k) {
        Tolerance t = new SigFigs(k);
        for (double e : new double[] {2.0 / 3, -2.0 / 3, 123.456789, 0.000987654321}) {
            double unit = Math.pow(10, Math.floor(Math.log10(Math.abs(e))) - k + 1);
            double truncated = BigDecimal.valueOf(e).round(new MathContext(k, RoundingMode.DOWN)).doubleValue();
            double rounded = BigDecimal.valueOf(e).round(new MathContext(k, RoundingMode.HALF_UP)).doubleValue();
            check(t, truncated, e, true);
            check(t, rounded, e, true);
            check(t, e + 0.999 * unit, e, true);
            check(t, e - 0.999 * unit, e, true);
            check(t, e + 1.001 * unit, e, false);
            check(t, e - 1.001 * unit, e, false);
        }
        check(t, 0.999 * Math.pow(10, -k), 0, true);
        check(t, 1.001 * Math.pow(10, -k), 0, false);
    }

    // ---------------------------------------------------------------- every mode accepts the exact value

    static Stream<Arguments> modesAndValues() {
        Tolerance[] modes = {new Bound(0.01, 0), new Bound(0, 0.01), new Bound(0.01, 0.01), new Bound(0, 0),
                new Decimals(0), new Decimals(2), new Decimals(6), new SigFigs(1), new SigFigs(3), new SigFigs(6)};
        double[] values = {0, 0.35, -0.35, 1.0 / 3, 1e-3, -2.9367205378474655, 123.456, 9999.5};
        return Stream.of(modes).flatMap(t -> Arrays.stream(values).mapToObj(v -> Arguments.of(t, v)));
    }

    @ParameterizedTest(name = "{0} accepts {1}")
    @MethodSource("modesAndValues")
    void everyModeAcceptsTheExactValue(Tolerance t, double value) {
        assertTrue(t.accepts(value, value));
        assertTrue(t.accepts(-0.0 + value, value));
    }

    @Test
    void exactAnswersPassEvenWhenTheBoundIsBelowTheRoundingSlack() {
        assertTrue(new Decimals(12).accepts(0.5, 0.5));
        assertTrue(new Decimals(15).accepts(0.5, 0.5));
        assertTrue(new SigFigs(3).accepts(1e-13, 1e-13));       // e.g. a saturated softmax output
        assertTrue(new SigFigs(3).accepts(3e-11, 3e-11));
        assertTrue(new SigFigs(12).accepts(0, 0));
        assertTrue(new Decimals(2).accepts(1e10, 1e10));
        assertTrue(new Decimals(6).accepts(1e6, 1e6));
        assertTrue(new Decimals(2).accepts(1e9 + 0.005, 1e9)); // rounded to 2 decimals
    }

    // ---------------------------------------------------------------- how they read, how they are given

    @ParameterizedTest(name = "{1}")
    @MethodSource("descriptions")
    void describe(Tolerance t, String text) {
        assertEquals(text, t.describe());
    }

    static Stream<Arguments> descriptions() {
        return Stream.of(
                Arguments.of(new Bound(0.01, 0), "±0.01"),
                Arguments.of(new Bound(0.005, 0), "±0.005"),
                Arguments.of(new Bound(0, 0.01), "±1%"),
                Arguments.of(new Bound(0, 0.005), "±0.5%"),
                Arguments.of(new Bound(0.01, 0.01), "±(0.01 + 1%)"),
                Arguments.of(new Decimals(1), "1 decimal"),
                Arguments.of(new Decimals(2), "2 decimals"),
                Arguments.of(new SigFigs(1), "1 significant figure"),
                Arguments.of(new SigFigs(3), "3 significant figures"));
    }

    @ParameterizedTest(name = "--tolerance {0}")
    @MethodSource("commandLineTolerances")
    void commandLineTolerances(String spec, Tolerance expected) {
        assertEquals(expected, ToleranceSpec.parse(spec));
    }

    static Stream<Arguments> commandLineTolerances() {
        return Stream.of(
                Arguments.of("decimals=2", new Decimals(2)),
                Arguments.of("sigfigs=3", new SigFigs(3)),
                Arguments.of("absolute=0.01", new Bound(0.01, 0)),
                Arguments.of("relative=0.01", new Bound(0, 0.01)),
                Arguments.of("absolute=0.01,relative=0.02", new Bound(0.01, 0.02)),
                Arguments.of(" absolute = 0.01 , relative = 0.02 ", new Bound(0.01, 0.02)));
    }

    @Test
    void aMalformedCommandLineToleranceIsRefused() {
        BadInputException e = assertThrows(BadInputException.class, () -> ToleranceSpec.parse("two decimals"));
        assertEquals("command line: --tolerance: expected kind=value such as decimals=2 or absolute=0.01, "
                + "found \"two decimals\"", e.errors().get(0).oneLine());
    }
}
