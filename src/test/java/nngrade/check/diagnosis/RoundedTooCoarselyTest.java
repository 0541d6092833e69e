package nngrade.check.diagnosis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fast paths of rounded-too-coarsely give exactly what the BigDecimal arithmetic gives. */
class RoundedTooCoarselyTest {
    private static final List<RoundingMode> MODES = List.of(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.DOWN);

    @ParameterizedTest
    @ValueSource(doubles = {0.35, -0.35, 123.45, 0.0123, 1e-5, 1.0E-5, 100.0, 1.2345E10, 10.5, 1, 7, 1e21, 1e-300,
            4.9e-324, Double.MAX_VALUE, 0.1 + 0.2, 2.5e-3, 1000, -1e7, 9.999999999999999e22})
    void writtenDigitsAreThoseOfTheShortestDecimal(double v) {
        assertWrittenLikeBigDecimal(v);
    }

    @Test
    void writtenDigitsAgreeWithBigDecimalOnRandomNumbers() {
        Random r = new Random(20261124);
        for (int i = 0; i < 100_000; i++) {
            assertWrittenLikeBigDecimal(Double.longBitsToDouble(r.nextLong())); // any finite double, NaN, ∞
            int decimals = r.nextInt(12);
            double scaled = Math.round((r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(10))) / Math.pow(10, decimals);
            assertWrittenLikeBigDecimal(scaled); // numbers as students write them
        }
    }

    @Test
    void zeroAndNonFiniteReadAsZero() {
        for (double v : new double[] {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertEquals(new RoundedTooCoarsely.Written(0, 1), RoundedTooCoarsely.Written.of(v));
        }
    }

    @Test
    void theDistanceBoundNeverRejectsARounding() {
        Random r = new Random(7);
        int roundings = 0;
        for (int i = 0; i < 50_000; i++) {
            double e = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(12) - 6);
            int precision = 1 + r.nextInt(8);
            boolean decimals = r.nextBoolean();
            // a rounding of e (the answer the rule must recognise), or a value near one
            BigDecimal v = new BigDecimal(e);
            BigDecimal rounded = decimals ? v.setScale(precision, MODES.get(r.nextInt(3)))
                    : v.round(new MathContext(precision, MODES.get(r.nextInt(3))));
            double s = r.nextInt(4) == 0 ? rounded.doubleValue() * (1 + (r.nextDouble() - 0.5) * 1e-3) : rounded.doubleValue();
            var fn = decimals ? RoundedTooCoarsely.DECIMALS : RoundedTooCoarsely.SIGNIFICANT;
            boolean expected = slowIsRounding(s, e, precision, decimals);
            assertEquals(expected, RoundedTooCoarsely.isRounding(s, e, precision, fn),
                    () -> "s=" + s + " e=" + e + " precision=" + precision + (decimals ? " decimals" : " significant"));
            roundings += expected ? 1 : 0;
        }
        assertTrue(roundings > 30_000, "the sample is mostly roundings: " + roundings);
    }

    @Test
    void aValueFarFromTheExpectedIsNotARounding() {
        assertFalse(RoundedTooCoarsely.isRounding(0.5, 0.347, 2, RoundedTooCoarsely.DECIMALS));
        assertTrue(RoundedTooCoarsely.isRounding(0.35, 0.347, 2, RoundedTooCoarsely.DECIMALS));
        assertTrue(RoundedTooCoarsely.isRounding(0.34, 0.347, 2, RoundedTooCoarsely.DECIMALS)); // truncated
        assertTrue(RoundedTooCoarsely.isRounding(0.9, 0.8499999999999999, 1, RoundedTooCoarsely.DECIMALS)); // as shown
        assertFalse(RoundedTooCoarsely.isRounding(0.36, 0.347, 2, RoundedTooCoarsely.DECIMALS));
    }

    /** The rule without its shortcut: every rounding of e (as shown, or exact) in every mode. */
    private static boolean slowIsRounding(double s, double e, int precision, boolean decimals) {
        BigDecimal exact = new BigDecimal(e);
        for (BigDecimal v : List.of(exact.round(new MathContext(12, RoundingMode.HALF_EVEN)), exact)) {
            for (RoundingMode mode : MODES) {
                BigDecimal r = decimals ? v.setScale(precision, mode)
                        : v.signum() == 0 ? null : v.round(new MathContext(precision, mode));
                if (r != null && s == r.doubleValue()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void assertWrittenLikeBigDecimal(double v) {
        BigDecimal b = Double.isFinite(v) ? BigDecimal.valueOf(v).stripTrailingZeros() : BigDecimal.ZERO;
        RoundedTooCoarsely.Written w = RoundedTooCoarsely.Written.of(v);
        assertEquals(b.scale(), w.scale(), () -> "scale of " + v);
        assertEquals(b.precision(), w.precision(), () -> "precision of " + v);
    }
}
