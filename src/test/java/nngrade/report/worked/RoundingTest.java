package nngrade.report.worked;

import nngrade.problem.Tolerance;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RoundingTest {
    @Test
    void twoDigitsFinerThanTheTolerance() {
        assertEquals(new Rounding.Decimals(4), Rounding.suggestedBy(new Tolerance.Bound(0.01, 0)));
        assertEquals(new Rounding.Decimals(5), Rounding.suggestedBy(new Tolerance.Bound(0.005, 0)));
        assertEquals(new Rounding.Decimals(5), Rounding.suggestedBy(new Tolerance.Bound(0.001, 0.01)));
        assertEquals(new Rounding.Significant(4), Rounding.suggestedBy(new Tolerance.Bound(0, 0.01)));
        assertEquals(new Rounding.Decimals(5), Rounding.suggestedBy(new Tolerance.Decimals(3)));
        assertEquals(new Rounding.Significant(5), Rounding.suggestedBy(new Tolerance.SigFigs(3)));
    }

    @Test
    void writtenPlainWithoutTrailingZerosOrMinusZero() {
        Rounding four = new Rounding.Decimals(4);
        assertEquals("0.8", four.written(0.7999999999999999));
        assertEquals("-2", four.written(-2.0000000000000004));
        assertEquals("0.3469", four.written(0.34686954));
        assertEquals("0", four.written(-0.00001));
        assertEquals("0.0001", four.written(0.00005)); // half up, of the double nearest 0.00005
        assertEquals("3.859", new Rounding.Significant(4).written(3.8588067));
        assertEquals("0.0001235", new Rounding.Significant(4).written(0.00012345678));
        assertEquals("0", new Rounding.Significant(5).written(2.7755575615628914e-17), "a leftover of cancelling terms");
        assertEquals("0.00000001", Rounding.EXACT.written(1e-8), "never E notation in math");
        assertEquals("-0.3", Rounding.EXACT.written(-0.3));
        assertEquals(0.00005, four.halfUnit(123), 1e-18);
        assertEquals(0.0005, new Rounding.Significant(4).halfUnit(3.8588), 1e-15);
    }
}
