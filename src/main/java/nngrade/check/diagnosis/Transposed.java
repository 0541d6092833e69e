package nngrade.check.diagnosis;

import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;

import java.util.List;

/** The expected matrix transposed, e.g. dW as x·δᵀ where W is units × inputs. */
public final class Transposed extends CandidateDiagnosis {
    @Override
    public String code() {
        return "transposed";
    }

    @Override
    public boolean composable() {
        return true;
    }

    @Override
    public List<Matrix> candidates(Context c, Matrix reference) {
        if (reference.rows() == 1 && !c.quantity().kind().equals(Quantity.Kind.DW)
                && !c.quantity().kind().equals(Quantity.Kind.W_NEXT)) {
            return List.of(); // a vector has no orientation to get wrong
        }
        if (reference.size() == 1) {
            return List.of();
        }
        return List.of(reference.transpose());
    }

    /** For dW and W_next the message names the weights' layout, which fixes their shape. */
    @Override
    public String messageKey(Problem p, Quantity q) {
        boolean weights = q.kind() == Quantity.Kind.DW || q.kind() == Quantity.Kind.W_NEXT;
        return weights ? "diagnosis.transposed.weights" : "diagnosis.transposed";
    }
}
