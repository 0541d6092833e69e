package nngrade.solve;

import nngrade.input.BadInputException;
import nngrade.input.InputError;
import nngrade.problem.Matrix;
import nngrade.problem.Numbers;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The reference solver: one forward pass, the loss, one backward pass, one step. */
public final class Solver {
    private Solver() {
    }

    /**
     * The answer key of {@code p}. A problem whose numbers make a quantity infinite or NaN
     * (a probability of exactly 0 under a log, an overflow) is refused with a message naming
     * the quantity, never answered with a non-finite key.
     */
    public static AnswerKey solve(Problem p) {
        if (p.isGraph()) {
            return GraphSolver.solve(p);
        }
        int depth = p.network().depth();
        Map<Quantity, Matrix> v = new HashMap<>();

        Matrix[] z = new Matrix[depth + 1];
        Matrix[] a = new Matrix[depth + 1];
        a[0] = p.x();
        for (int l = 1; l <= depth; l++) {
            z[l] = Backprop.z(p, l, a[l - 1]);
            a[l] = Backprop.a(p, l, z[l]);
            v.put(Quantity.of(Kind.Z, l), z[l]);
            v.put(l < depth ? Quantity.of(Kind.A, l) : Quantity.YHAT, a[l]);
        }
        double loss = Backprop.loss(p, z[depth], a[depth]);
        if (!Double.isFinite(loss)) {
            throw new BadInputException(InputError.atField(p.source(), "loss", infiniteLossMessage(p, a[depth])));
        }
        v.put(Quantity.LOSS, Matrix.scalar(loss));

        Matrix delta = Backprop.outputDelta(p, z[depth], a[depth]);
        for (int l = depth; l >= 1; l--) {
            if (l < depth) {
                Matrix da = Backprop.da(p, l, delta);
                v.put(Quantity.of(Kind.DA, l), da);
                delta = Backprop.hiddenDelta(p, l, z[l], da);
            }
            v.put(Quantity.of(Kind.DZ, l), delta);
            Matrix dW = Backprop.dW(p, l, delta, a[l - 1]);
            Matrix db = Backprop.db(p, delta);
            v.put(Quantity.of(Kind.DW, l), dW);
            v.put(Quantity.of(Kind.DB, l), db);
            v.put(Quantity.of(Kind.W_NEXT, l), Backprop.step(p, p.w(l), dW));
            v.put(Quantity.of(Kind.B_NEXT, l), Backprop.step(p, p.b(l), db));
        }

        Map<Quantity, Matrix> ordered = new LinkedHashMap<>();
        for (Quantity q : Quantity.all(depth)) {
            Matrix m = v.get(q);
            int bad = m.firstNonFinite();
            if (bad >= 0) {
                throw new BadInputException(InputError.atField(p.source(), q.name(),
                        "the answer key's " + q.name() + " is " + m.at(bad) + " at row " + (bad / m.cols() + 1)
                                + ", column " + (bad % m.cols() + 1) + ": the given values overflow; use smaller ones"));
            }
            ordered.put(q, m);
        }
        return new AnswerKey(p, ordered);
    }

    private static String infiniteLossMessage(Problem p, Matrix yhat) {
        Matrix y = p.y();
        for (int i = 0; i < yhat.rows(); i++) {
            for (int j = 0; j < yhat.cols(); j++) {
                double h = yhat.get(i, j);
                double t = y.get(i, j);
                if ((h <= 0 && t > 0) || (h >= 1 && t < 1)) {
                    return "the loss is infinite: ŷ in row " + (i + 1) + ", column " + (j + 1) + " is "
                            + Numbers.exact(h) + " while y there is " + Numbers.exact(t)
                            + ", and ln 0 = −∞; change the given values so the outputs stay away from 0 and 1";
                }
            }
        }
        return "the loss is not finite: the given values overflow; use smaller ones";
    }
}
