package nngrade.check.diagnosis;

import nngrade.problem.Matrix;
import nngrade.problem.Tolerance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The expected value rounded (or truncated) to fewer decimals than the tolerance needs. A
 * student rounds the whole answer to one precision, so the answer must read as that: with d
 * the most decimals written in any cell, every wrong cell is its expected value rounded or
 * truncated to d decimals (or likewise to k significant figures, k the most written). Cells
 * written more finely than the wrong ones rule the diagnosis out (a number that merely happens
 * to be short is not a rounding), and so does an answer that is all zeros (0 says nothing of
 * how it was rounded; it is as likely a blank).
 */
public final class RoundedTooCoarsely implements Diagnosis {

    @Override
    public String code() {
        return "rounded-too-coarsely";
    }

    @Override
    public boolean explains(Context c, Matrix submitted, Matrix reference) {
        if (!submitted.sameShape(reference)) {
            return false;
        }
        return consistentRounding(c.tolerance(), submitted, reference, maxDecimals(submitted), RoundedTooCoarsely::toDecimals)
                || consistentRounding(c.tolerance(), submitted, reference, maxSignificant(submitted),
                RoundedTooCoarsely::toSignificant);
    }

    /** Whether some cell is wrong, every wrong cell is e rounded at this precision, and some cell is not 0. */
    private static boolean consistentRounding(Tolerance t, Matrix submitted, Matrix reference, int precision,
                                              BiFunction<BigDecimal, Integer, List<BigDecimal>> roundings) {
        boolean wrong = false;
        boolean nonZero = false;
        for (int i = 0; i < submitted.size(); i++) {
            double s = submitted.at(i);
            double e = reference.at(i);
            nonZero |= s != 0;
            if (t.accepts(s, e)) {
                continue;
            }
            if (!isRounding(s, e, precision, roundings)) {
                return false;
            }
            wrong = true;
        }
        return wrong && nonZero;
    }

    /**
     * s is e rounded (half up, or half to even as NumPy does) or truncated at this precision,
     * exactly as written: of e's digits as a calculator shows them (0.85, computed as
     * 0.8499999999999999, rounds to 0.9) or of its exact binary value.
     */
    static boolean isRounding(double s, double e, int precision,
                              BiFunction<BigDecimal, Integer, List<BigDecimal>> roundings) {
        BigDecimal exact = new BigDecimal(e);
        for (BigDecimal v : List.of(exact.round(SHOWN), exact)) {
            for (BigDecimal r : roundings.apply(v, precision)) {
                if (s == r.doubleValue()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<BigDecimal> toDecimals(BigDecimal v, int d) {
        return MODES.stream().map(mode -> v.setScale(d, mode)).toList();
    }

    private static List<BigDecimal> toSignificant(BigDecimal v, int k) {
        if (k < 1 || v.signum() == 0) {
            return List.of();
        }
        return MODES.stream().map(mode -> v.round(new MathContext(k, mode))).toList();
    }

    /** The most decimals written in a cell (as the shortest decimal that reads back as the double). */
    static int maxDecimals(Matrix m) {
        int d = 0;
        for (int i = 0; i < m.size(); i++) {
            d = Math.max(d, Math.max(0, written(m.at(i)).scale()));
        }
        return d;
    }

    /** The most significant figures written in a non-zero cell. */
    static int maxSignificant(Matrix m) {
        int k = 0;
        for (int i = 0; i < m.size(); i++) {
            if (m.at(i) != 0) {
                k = Math.max(k, written(m.at(i)).precision());
            }
        }
        return k;
    }

    private static BigDecimal written(double s) {
        return Double.isFinite(s) ? BigDecimal.valueOf(s).stripTrailingZeros() : BigDecimal.ZERO;
    }

    /** The significant digits a calculator or a printout shows. */
    private static final MathContext SHOWN = new MathContext(12, RoundingMode.HALF_EVEN);

    private static final List<RoundingMode> MODES = List.of(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN,
            RoundingMode.DOWN);
}
