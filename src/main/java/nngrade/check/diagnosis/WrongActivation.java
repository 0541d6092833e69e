package nngrade.check.diagnosis;

import nngrade.problem.Activation;
import nngrade.problem.Matrix;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;

import java.util.ArrayList;
import java.util.List;

/** Another activation applied to z, e.g. sigmoid per unit instead of softmax. */
public final class WrongActivation extends CandidateDiagnosis {
    private static final List<Activation> ALL = List.of(new Activation.Sigmoid(), new Activation.Tanh(),
            new Activation.Relu(), new Activation.Linear(), new Activation.Softmax());

    @Override
    public String code() {
        return "wrong-activation";
    }

    @Override
    public List<Matrix> candidates(Context c, Matrix reference) {
        Quantity q = c.quantity();
        int depth = c.problem().network().depth();
        int layer = q.kind() == Kind.YHAT ? depth : q.kind() == Kind.A ? q.layer() : 0;
        if (layer == 0) {
            return List.of();
        }
        Activation used = c.problem().network().layer(layer).activation();
        Matrix z = c.values().apply(Quantity.of(Kind.Z, layer).atStep(c.quantity().step()));
        List<Matrix> out = new ArrayList<>();
        for (Activation other : ALL) {
            if (!other.name().equals(used.name()) && !(other instanceof Activation.Softmax && z.cols() < 2)) {
                out.add(other.apply(z));
            }
        }
        return out;
    }
}
