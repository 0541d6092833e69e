package nngrade.check.diagnosis;

import nngrade.problem.Matrix;

/** The parameters a step quantity updates. */
final class Parameters {
    private Parameters() {
    }

    /** W_l for W_l_next, b_l for b_l_next, null for any other quantity. */
    static Matrix before(Context c) {
        int l = c.quantity().layer();
        return switch (c.quantity().kind()) {
            case W_NEXT -> c.problem().w(l);
            case B_NEXT -> c.problem().b(l);
            default -> null;
        };
    }
}
