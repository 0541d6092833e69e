package nngrade.report.worked;

import nngrade.problem.Numbers;
import nngrade.problem.Tolerance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How a worked solution writes a value: two digits finer than the tolerance grades it (±0.01
 * shows 4 decimals, 3 significant figures show 5), so a reader copying the shown value passes;
 * the solution's model keeps the exact value.
 */
public sealed interface Rounding {

    /** Digits finer than the tolerance that a shown value keeps. */
    int EXTRA_DIGITS = 2;

    /** The value written as it is rounded, plain decimal, without trailing zeros; −0 as 0. */
    String written(double v);

    /** The largest difference between a value and how it is written (half a unit of the last place kept). */
    double halfUnit(double v);

    /** A given value, written as the problem file has it (shortest round-trip form, never in E notation). */
    record Exact() implements Rounding {
        @Override
        public String written(double v) {
            return v == 0 ? "0" : plain(new BigDecimal(Numbers.exact(v)));
        }

        @Override
        public double halfUnit(double v) {
            return 0;
        }
    }

    /** Rounded half up to a number of decimals. */
    record Decimals(int decimals) implements Rounding {
        @Override
        public String written(double v) {
            return plain(new BigDecimal(v).setScale(decimals, RoundingMode.HALF_UP));
        }

        @Override
        public double halfUnit(double v) {
            return 0.5 * Math.pow(10, -decimals);
        }
    }

    /**
     * Rounded half up to a number of significant figures; below 1e-12 a value is a leftover of
     * cancelling terms (2.8e-17 for 0) and written 0, as {@link Tolerance.SigFigs} reads it.
     */
    record Significant(int digits) implements Rounding {
        @Override
        public String written(double v) {
            return Math.abs(v) < ZERO ? "0" : plain(new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_UP)));
        }

        @Override
        public double halfUnit(double v) {
            return Math.abs(v) < ZERO ? ZERO : 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(v))) - digits + 1);
        }
    }

    /** Below this a value is 0 for {@link Significant}. */
    double ZERO = 1e-12;

    Rounding EXACT = new Exact();

    /** The rounding a tolerance suggests: {@link #EXTRA_DIGITS} finer than what it accepts. */
    static Rounding suggestedBy(Tolerance t) {
        if (t instanceof Tolerance.Decimals d) {
            return new Decimals(d.decimals() + EXTRA_DIGITS);
        }
        if (t instanceof Tolerance.SigFigs s) {
            return new Significant(s.digits() + EXTRA_DIGITS);
        }
        Tolerance.Bound b = (Tolerance.Bound) t;
        if (b.absolute() > 0) {
            return new Decimals(Math.max(0, digitsOf(b.absolute())) + EXTRA_DIGITS);
        }
        return new Significant(Math.max(1, digitsOf(b.relative())) + EXTRA_DIGITS);
    }

    /** ⌈−log10 t⌉: 2 for 0.01, 3 for 0.005. */
    private static int digitsOf(double t) {
        return (int) Math.ceil(-Math.log10(t) - 1e-9);
    }

    private static String plain(BigDecimal d) {
        if (d.signum() == 0) {
            return "0";
        }
        return d.stripTrailingZeros().toPlainString();
    }
}
