package nngrade.check.diagnosis;

import nngrade.problem.Matrix;

import java.util.ArrayList;
import java.util.List;

/** A gradient of a name used several times that sums the terms of only some of its uses (one path). */
public final class FanOutNotSummed extends CandidateDiagnosis {
    /** Beyond this many uses the proper subsets are too many to be told apart from chance. */
    private static final int MAX_USES = 8;

    @Override
    public String code() {
        return "fan-out-not-summed";
    }

    @Override
    public List<Matrix> candidates(Context c, Matrix reference) {
        if (!GraphValues.innerGradient(c)) {
            return List.of();
        }
        List<Double> terms = GraphValues.contributions(c);
        int k = terms.size();
        if (k < 2 || k > MAX_USES) {
            return List.of();
        }
        List<Matrix> out = new ArrayList<>();
        for (int subset = 1; subset < (1 << k) - 1; subset++) { // every proper, non-empty subset of the uses
            double sum = 0;
            for (int i = 0; i < k; i++) {
                if ((subset & (1 << i)) != 0) {
                    sum += terms.get(i);
                }
            }
            out.add(Matrix.scalar(sum));
        }
        return out;
    }
}
