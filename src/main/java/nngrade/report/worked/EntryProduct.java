package nngrade.report.worked;

import java.math.BigDecimal;

/**
 * One entry of a small matrix product written out, as the notes do:
 * {@code (x·W1ᵀ)₁ = 0.1·1 + 0.2·3 + (−0.3)·0 = 0.7}; factors in the order the formula writes them.
 *
 * @param row   the entry's row (from 0), meaningful when the product has several rows
 * @param col   the entry's column (from 0)
 * @param left  the left factor of each term
 * @param right the right factor of each term
 * @param value the entry, exactly
 * @param rounding how the entry is shown: as the product it is an entry of
 */
public record EntryProduct(int row, int col, double[] left, Rounding leftRounding, double[] right,
                           Rounding rightRounding, double value, Rounding rounding) {

    /**
     * Whether the product of the factors as shown, rounded, is not the entry as shown
     * ({@code 0.632·3 ≈ 1.8961}: the exact 0.63204·3 rounded), so that it is written with ≈.
     */
    public boolean approximate() {
        BigDecimal shown = BigDecimal.ZERO;
        for (int k = 0; k < left.length; k++) {
            shown = shown.add(new BigDecimal(leftRounding.written(left[k])).multiply(new BigDecimal(rightRounding.written(right[k]))));
        }
        return !rounding.written(shown.doubleValue()).equals(rounding.written(value));
    }
}
