package nngrade.check.diagnosis;

import nngrade.problem.Matrix;
import nngrade.problem.Tolerance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

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

    /**
     * s is e rounded (half up, or half to even as NumPy does) or truncated to some number of
     * decimals, exactly as written: of e's digits as a calculator shows them (0.85, computed as
     * 0.8499999999999999, rounds to 0.9) or of its exact binary value.
     */
    static boolean isRounding(double s, double e) {
        BigDecimal exact = new BigDecimal(e);
        List<BigDecimal> readings = List.of(exact.round(SHOWN), exact);
        for (int d = 0; d <= MAX_DECIMALS; d++) {
            for (BigDecimal v : readings) {
                for (RoundingMode mode : MODES) {
                    if (s == v.setScale(d, mode).doubleValue()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The significant digits a calculator or a printout shows. */
    private static final MathContext SHOWN = new MathContext(12, RoundingMode.HALF_EVEN);

    private static final List<RoundingMode> MODES = List.of(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN,
            RoundingMode.DOWN);
}
