package nngrade.check.diagnosis;

import nngrade.problem.Matrix;
import nngrade.problem.Tolerance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The expected value rounded (or truncated) to fewer decimals than the tolerance needs: every
 * cell is exactly a rounding of its expected value, and at least one is too coarse.
 */
public final class RoundedTooCoarsely implements Diagnosis {
    private static final int MAX_DECIMALS = 6;

    @Override
    public String code() {
        return "rounded-too-coarsely";
    }

    @Override
    public boolean explains(Context c, Matrix submitted, Matrix reference) {
        if (!submitted.sameShape(reference)) {
            return false;
        }
        Tolerance t = c.tolerance();
        boolean tooCoarse = false;
        for (int i = 0; i < submitted.size(); i++) {
            double s = submitted.at(i);
            double e = reference.at(i);
            if (t.accepts(s, e)) {
                continue;
            }
            if (!isRounding(s, e)) {
                return false;
            }
            tooCoarse = true;
        }
        return tooCoarse;
    }

    /** s is e rounded half-up or truncated to some number of decimals, exactly as written. */
    static boolean isRounding(double s, double e) {
        BigDecimal exact = new BigDecimal(e);
        for (int d = 0; d <= MAX_DECIMALS; d++) {
            double rounded = exact.setScale(d, RoundingMode.HALF_UP).doubleValue();
            double truncated = exact.setScale(d, RoundingMode.DOWN).doubleValue();
            if (s == rounded || s == truncated) {
                return rounded != 0 || s == 0 ? true : s == truncated;
            }
        }
        return false;
    }
}
