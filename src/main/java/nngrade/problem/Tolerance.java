package nngrade.problem;

import java.math.BigDecimal;

/** When a submitted number s counts as the expected number e. */
public sealed interface Tolerance {

    /**
     * Relative slack for binary rounding of decimal inputs: 0.36 − 0.35 is 0.010000000000000009,
     * which must count as 0.01 for "≤ 0.01" and 0.35 − 0.34 = 0.009999999999999953 as 0.01 for "&lt; 0.01".
     */
    double ROUNDING_SLACK = 1e-9;

    boolean accepts(double submitted, double expected);

    /** Whether every cell of {@code submitted} is accepted against {@code expected}'s (shapes must agree). */
    default boolean accepts(Matrix submitted, Matrix expected) {
        if (!submitted.sameShape(expected)) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!accepts(submitted.at(i), expected.at(i))) {
                return false;
            }
        }
        return true;
    }

    /** How the tolerance reads in a message, e.g. {@code ±0.01} or {@code 2 decimals}. */
    String describe();

    /** |s − e| ≤ a + r·|e| (absolute, relative or both); for e = 0 (|e| &lt; 1e-12), |s − e| ≤ max(a, 1e-12). */
    record Bound(double absolute, double relative) implements Tolerance {
        @Override
        public boolean accepts(double s, double e) {
            // Below 1e-12 an expected value is a leftover of cancelling terms (5.6e-17 for 0), read as
            // 0: a purely relative bound would refuse the student's exact 0 for it.
            double allowed = Math.abs(e) < 1e-12 ? Math.max(absolute, 1e-12) : absolute + relative * Math.abs(e);
            return Math.abs(s - e) <= allowed * (1 + ROUNDING_SLACK) + 2 * Math.ulp(e);
        }

        @Override
        public String describe() {
            if (relative == 0) {
                return "±" + plain(absolute);
            }
            if (absolute == 0) {
                return "±" + plain(relative * 100) + "%";
            }
            return "±(" + plain(absolute) + " + " + plain(relative * 100) + "%)";
        }
    }

    /** |s − e| &lt; 10^−d: an answer rounded or truncated to d decimals passes. */
    record Decimals(int decimals) implements Tolerance {
        @Override
        public boolean accepts(double s, double e) {
            return Math.abs(s - e) < Math.pow(10, -decimals) * (1 - ROUNDING_SLACK);
        }

        @Override
        public String describe() {
            return decimals + (decimals == 1 ? " decimal" : " decimals");
        }
    }

    /** |s − e| &lt; 10^(⌊log10|e|⌋ − k + 1); for e = 0 (|e| &lt; 1e-12), |s − e| &lt; 10^−k. */
    record SigFigs(int digits) implements Tolerance {
        @Override
        public boolean accepts(double s, double e) {
            // Below 1e-12 an expected value is a leftover of cancelling terms (5.6e-17 for 0), read as 0.
            double bound = Math.abs(e) < 1e-12
                    ? Math.pow(10, -digits)
                    : Math.pow(10, Math.floor(Math.log10(Math.abs(e))) - digits + 1);
            return Math.abs(s - e) < bound * (1 - ROUNDING_SLACK);
        }

        @Override
        public String describe() {
            return digits + (digits == 1 ? " significant figure" : " significant figures");
        }
    }

    /** The spec's default when a problem gives none. */
    Tolerance DEFAULT = new Bound(0.01, 0);

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
