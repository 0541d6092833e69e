package nngrade.variant;

import com.fasterxml.jackson.databind.JsonNode;
import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.solve.AnswerKey;

/**
 * What keeps a drawn variant pleasant to compute by hand. A draw that breaks one is redrawn.
 *
 * @param maxAbsZ          every pre-activation within ±maxAbsZ (sigmoid and softmax stay away from 0 and 1), or NaN
 * @param minOutputGap     any two outputs of one sample at least this far apart (no ties), or NaN
 * @param nonZeroInputRows no sample of x all zeros (default true)
 * @param maxTries         draws before giving up (default 1000)
 */
public record Constraints(double maxAbsZ, double minOutputGap, boolean nonZeroInputRows, int maxTries) {

    static Constraints of(JsonNode n) {
        if (n == null) {
            return new Constraints(Double.NaN, Double.NaN, true, 1000);
        }
        return new Constraints(
                n.has("maxAbsZ") ? n.get("maxAbsZ").asDouble() : Double.NaN,
                n.has("minOutputGap") ? n.get("minOutputGap").asDouble() : Double.NaN,
                !n.has("nonZeroInputRows") || n.get("nonZeroInputRows").asBoolean(),
                n.has("maxTries") ? n.get("maxTries").asInt() : 1000);
    }

    /** The first constraint the variant breaks, as a phrase, or null if it meets them all. */
    String broken(Problem p, AnswerKey key) {
        if (p.isGraph()) {
            return null; // the constraints are of a network's x, z and ŷ; a graph's bad draws fail to solve instead
        }
        if (nonZeroInputRows) {
            Matrix x = p.x();
            for (int i = 0; i < x.rows(); i++) {
                boolean allZero = true;
                for (int j = 0; j < x.cols() && allZero; j++) {
                    allZero = x.get(i, j) == 0;
                }
                if (allZero) {
                    return "a row of x is all zeros";
                }
            }
        }
        if (!Double.isNaN(maxAbsZ)) {
            for (int l = 1; l <= p.network().depth(); l++) {
                Matrix z = key.get(Quantity.of(Quantity.Kind.Z, l));
                for (int i = 0; i < z.size(); i++) {
                    if (Math.abs(z.at(i)) > maxAbsZ) {
                        return "|z" + l + "| exceeds maxAbsZ " + maxAbsZ;
                    }
                }
            }
        }
        if (!Double.isNaN(minOutputGap)) {
            Matrix yhat = key.get(Quantity.YHAT);
            for (int i = 0; i < yhat.rows(); i++) {
                for (int a = 0; a < yhat.cols(); a++) {
                    for (int b = a + 1; b < yhat.cols(); b++) {
                        if (Math.abs(yhat.get(i, a) - yhat.get(i, b)) < minOutputGap) {
                            return "two outputs are closer than minOutputGap " + minOutputGap;
                        }
                    }
                }
            }
        }
        return null;
    }
}
