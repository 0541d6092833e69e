package nngrade.check.diagnosis;

import nngrade.problem.Matrix;
import nngrade.problem.Quantity.Kind;
import nngrade.solve.Backprop;

import java.util.ArrayList;
import java.util.List;

/**
 * The L2 penalty's share of a reference (formats.md v1.1): a slip of the data term alone (its
 * 1/m forgotten or doubled) leaves the penalty term as the formula shows it.
 */
final class Penalty {
    private Penalty() {
    }

    /** The penalty's term in the quantity: factor·λ·W for dW, null where it has none (or λ = 0). */
    static Matrix term(Context c) {
        if (c.problem().l2() == 0 || c.quantity().kind() != Kind.DW) {
            return null;
        }
        return Backprop.penaltyGradient(c.stepProblem(), c.quantity().layer());
    }

    /**
     * The candidates of a slip that multiplies by {@code k}: the whole reference times k, and
     * where there is a penalty term P, (reference − P)·k + P.
     */
    static List<Matrix> scaled(Context c, Matrix reference, double k) {
        List<Matrix> out = new ArrayList<>(2);
        out.add(reference.scale(k));
        Matrix p = term(c);
        // a reference already transposed (this slip composed with another) has no term of its shape
        if (p != null && p.sameShape(reference)) {
            out.add(reference.minus(p).scale(k).plus(p));
        }
        return out;
    }
}
