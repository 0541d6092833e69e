package nngrade.solve;

import nngrade.problem.Matrix;
import nngrade.problem.Optimizer;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Several steps on one batch (v1.1 "steps"): step s + 1 is step s's problem with the parameters
 * and optimiser state step s left, one more step taken (t + 1), so that each step reuses
 * {@link Backprop} unchanged.
 */
public final class Steps {
    private Steps() {
    }

    /**
     * The problem of step s + 1 from the one of step s ({@code ps}) and step s's values, by the
     * quantities' names of step s (W1_next, vb1_next …): the solver's own, or a student's.
     */
    public static Problem after(Problem ps, int s, Function<Quantity, Matrix> values) {
        int depth = ps.network().depth();
        Optimizer o = ps.optimizer();
        List<Matrix> w = new ArrayList<>();
        List<Matrix> b = new ArrayList<>();
        Map<String, Matrix> state = new HashMap<>();
        for (int l = 1; l <= depth; l++) {
            w.add(values.apply(Quantity.of(Kind.W_NEXT, l).atStep(s)));
            b.add(values.apply(Quantity.of(Kind.B_NEXT, l).atStep(s)));
            for (Kind k : o.stateOfW()) {
                state.put(k.statePrefix() + l, values.apply(Quantity.of(k, l).atStep(s)));
            }
            for (Kind k : o.stateOfB()) {
                state.put(k.statePrefix() + l, values.apply(Quantity.of(k, l).atStep(s)));
            }
        }
        return ps.next(w, b, state);
    }

    /** The state before the step of Wl (weights) or bl, in the optimiser's order. */
    public static List<Matrix> stateBefore(Problem ps, int layer, boolean weights) {
        List<Matrix> out = new ArrayList<>();
        for (Kind k : weights ? ps.optimizer().stateOfW() : ps.optimizer().stateOfB()) {
            out.add(ps.stateOf(k, layer));
        }
        return out;
    }

    /** Step ps's update of Wl (weights) or bl from the gradient dP: P_next and the state after. */
    public static Optimizer.Update update(Problem ps, int layer, boolean weights, Matrix dP) {
        Matrix p = weights ? ps.w(layer) : ps.b(layer);
        return ps.optimizer().update(p, dP, stateBefore(ps, layer, weights), ps.learningRate(), ps.t() + 1);
    }
}
