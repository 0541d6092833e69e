package nngrade.solve;

import nngrade.input.BadInputException;
import nngrade.input.InputError;
import nngrade.problem.Matrix;
import nngrade.problem.Numbers;
import nngrade.problem.Optimizer;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reference solver: for each step, one forward pass, the loss, one backward pass, the optimiser's step. */
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
        Map<Quantity, Matrix> v = new HashMap<>();
        Problem ps = p;
        for (int s = 1; s <= p.steps(); s++) {
            if (s > 1) {
                ps = Steps.after(ps, s - 1, v::get);
            }
            step(ps, s, v, true);
        }

        Map<Quantity, Matrix> ordered = new LinkedHashMap<>();
        for (Quantity q : p.quantities().all()) {
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

    /**
     * Step s's quantities computed from ps, the problem of step s as a student left it (their own
     * parameters and state of step s − 1): what that student's step s should be. A non-finite value
     * (a loss of ln 0 from their parameters) is kept, never refused: it is theirs, not the key's.
     */
    public static Map<Quantity, Matrix> stepValues(Problem ps, int s) {
        Map<Quantity, Matrix> v = new HashMap<>();
        step(ps, s, v, false);
        return v;
    }

    /** One forward pass, the loss, one backward pass and the optimiser's step of ps, as step s's quantities. */
    private static void step(Problem ps, int s, Map<Quantity, Matrix> v, boolean strict) {
        int depth = ps.network().depth();
        Matrix[] z = new Matrix[depth + 1];
        Matrix[] a = new Matrix[depth + 1];
        a[0] = ps.x();
        for (int l = 1; l <= depth; l++) {
            z[l] = Backprop.z(ps, l, a[l - 1]);
            a[l] = Backprop.a(ps, l, z[l]);
            v.put(Quantity.of(Kind.Z, l).atStep(s), z[l]);
            v.put((l < depth ? Quantity.of(Kind.A, l) : Quantity.YHAT).atStep(s), a[l]);
        }
        double loss = Backprop.loss(ps, z[depth], a[depth]);
        if (strict && !Double.isFinite(loss)) {
            throw new BadInputException(InputError.atField(ps.source(), Quantity.LOSS.atStep(s).name(),
                    infiniteLossMessage(ps, a[depth])));
        }
        v.put(Quantity.LOSS.atStep(s), Matrix.scalar(loss));

        Matrix delta = Backprop.outputDelta(ps, z[depth], a[depth]);
        for (int l = depth; l >= 1; l--) {
            if (l < depth) {
                Matrix da = Backprop.da(ps, l, delta);
                v.put(Quantity.of(Kind.DA, l).atStep(s), da);
                delta = Backprop.hiddenDelta(ps, l, z[l], da);
            }
            v.put(Quantity.of(Kind.DZ, l).atStep(s), delta);
            Matrix dW = Backprop.dW(ps, l, delta, a[l - 1]);
            Matrix db = Backprop.db(ps, delta);
            v.put(Quantity.of(Kind.DW, l).atStep(s), dW);
            v.put(Quantity.of(Kind.DB, l).atStep(s), db);
            put(v, Steps.update(ps, l, true, dW), Kind.W_NEXT, ps.optimizer().stateOfW(), l, s);
            put(v, Steps.update(ps, l, false, db), Kind.B_NEXT, ps.optimizer().stateOfB(), l, s);
        }
    }

    private static void put(Map<Quantity, Matrix> v, Optimizer.Update u, Kind next, List<Kind> state, int l, int s) {
        v.put(Quantity.of(next, l).atStep(s), u.next());
        for (int i = 0; i < state.size(); i++) {
            v.put(Quantity.of(state.get(i), l).atStep(s), u.state().get(i));
        }
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
