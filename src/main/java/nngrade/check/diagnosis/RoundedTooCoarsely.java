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
        return consistentRounding(c.tolerance(), submitted, reference, maxDecimals(submitted), DECIMALS)
                || consistentRounding(c.tolerance(), submitted, reference, maxSignificant(submitted), SIGNIFICANT);
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
        // A rounding is within one unit of its last place: at d decimals 10^−d, at k significant
        // figures |e|·10^(1−k); e as shown (12 digits) is within 5·10^−12·|e| of e. Further off,
        // with room for binary error, s is none of the roundings below: no need to compute them.
        double unit = roundings == DECIMALS ? Math.pow(10, -precision) : Math.abs(e) * Math.pow(10, 1 - precision);
        if (!(Math.abs(s - e) <= unit * 1.01 + Math.abs(e) * 1e-11 + Math.ulp(s))) {
            return false;
        }
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
            d = Math.max(d, Math.max(0, Written.of(m.at(i)).scale()));
        }
        return d;
    }

    /** The most significant figures written in a non-zero cell. */
    static int maxSignificant(Matrix m) {
        int k = 0;
        for (int i = 0; i < m.size(); i++) {
            if (m.at(i) != 0) {
                k = Math.max(k, Written.of(m.at(i)).precision());
            }
        }
        return k;
    }

    /**
     * A number as written: {@code BigDecimal.valueOf(v).stripTrailingZeros()}'s scale and
     * precision (0 for a non-finite v), counted from the digits of {@code Double.toString(v)}
     * without the arithmetic of a BigDecimal.
     */
    record Written(int scale, int precision) {
        static Written of(double v) {
            if (!Double.isFinite(v) || v == 0) {
                return new Written(0, 1);
            }
            String t = Double.toString(Math.abs(v)); // "123.45", "0.0123", "1.0E-5", "1.2345E10"
            int e = t.indexOf('E');
            int exponent = e < 0 ? 0 : Integer.parseInt(t.substring(e + 1));
            int end = e < 0 ? t.length() : e;
            int dot = t.indexOf('.');
            int fraction = end - dot - 1; // digits after the point
            int last = end - 1;
            while (t.charAt(last) == '0' || t.charAt(last) == '.') { // trailing zeros (there is a non-zero digit)
                if (t.charAt(last) == '0') {
                    fraction--;
                }
                last--;
            }
            int first = 0;
            while (t.charAt(first) == '0' || t.charAt(first) == '.') {
                first++;
            }
            int digits = last - first + 1 - (first < dot && dot < last ? 1 : 0);
            return new Written(fraction - exponent, digits);
        }
    }

    /** The significant digits a calculator or a printout shows. */
    private static final MathContext SHOWN = new MathContext(12, RoundingMode.HALF_EVEN);

    static final BiFunction<BigDecimal, Integer, List<BigDecimal>> DECIMALS = RoundedTooCoarsely::toDecimals;
    static final BiFunction<BigDecimal, Integer, List<BigDecimal>> SIGNIFICANT = RoundedTooCoarsely::toSignificant;

    private static final List<RoundingMode> MODES = List.of(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN,
            RoundingMode.DOWN);
}
