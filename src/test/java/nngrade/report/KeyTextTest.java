package nngrade.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The text key's numbers: exactly what String.format's %.7f / %.7e write, made faster. */
class KeyTextTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, 1.0, -2.0, 0.5, 0.00015, 0.0001, -0.0001, 9999999.99999999, 0.12345675, 0.12345665,
            1.00000005, 2.5e-8, 1e7, -1e7, 1e-4, 0.3468694676544798, -0.24686946765447979, 3.8588067437128286,
            9.99999995, -9.99999995, 0.99999999, -0.99999996, 999999.99999999, 9999999.99999995, 0.00099999999,
            0.000123456785, -0.00012345675, 19.99999996, 0.1, -0.5})
    void writesWhatFormatWrites(double v) {
        assertEquals(formatted(v), KeyText.fixed(v));
    }

    @Test
    void writesWhatFormatWritesForRandomValues() {
        Random r = new Random(784_128_10);
        for (int i = 0; i < 200_000; i++) {
            double v = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(14) - 6);
            assertEquals(formatted(v), KeyText.fixed(v), () -> "v = " + v);
            double ties = Math.round(v * 1e8) / 1e8 + 5e-8; // many on the rounding boundary
            assertEquals(formatted(ties), KeyText.fixed(ties), () -> "v = " + ties);
        }
    }

    @Test
    void roundsTheTextHalfAwayFromZeroCarryingThroughNines() {
        assertEquals("1.2346", KeyText.roundHalfUp("1.23455", 4));
        assertEquals("-1.2346", KeyText.roundHalfUp("-1.23455", 4));
        assertEquals("1.2345", KeyText.roundHalfUp("1.234549999", 4));
        assertEquals("10.00", KeyText.roundHalfUp("9.995", 2));
        assertEquals("-100.0", KeyText.roundHalfUp("-99.96", 1));
        assertEquals("0.5000", KeyText.roundHalfUp("0.5", 4));
    }

    private static String formatted(double v) {
        double a = Math.abs(v);
        return a != 0 && (a < 1e-4 || a >= 1e7) ? String.format(Locale.ROOT, "%.7e", v)
                : String.format(Locale.ROOT, "%.7f", v + 0.0);
    }
}
