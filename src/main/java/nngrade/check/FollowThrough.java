package nngrade.check;

import nngrade.problem.Matrix;
import nngrade.problem.Optimizer;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.solve.Backprop;
import nngrade.solve.Steps;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a quantity should be given the student's own earlier answers (the spec's
 * follow-through order): each value is computed by the solver's own steps from the
 * quantities it directly depends on, as the student gave them. A quantity of step s > 1 is
 * computed in the problem of step s as the student left it: their own W_next, b_next and
 * optimiser state of step s − 1.
 *
 * @param value       the follow-through value
 * @param carriedFrom the names of the student's answers it was computed from
 */
public record FollowThrough(Matrix value, List<String> carriedFrom) {

    /** The follow-through value of q, or null when q depends on none of the student's answers. */
    public static FollowThrough of(World w, Quantity q) {
        Problem p = w.key().problem();
        List<Quantity> from = sources(w, p, q);
        if (from.isEmpty()) {
            return null;
        }
        Matrix value = q.kind().graph() ? Matrix.scalar(GraphFollowThrough.value(p, q, w::get)) : network(w, p, q);
        if (value.firstNonFinite() >= 0) {
            return null; // e.g. ln of a student's ŷ of 0: no value to follow
        }
        List<String> names = new ArrayList<>();
        for (Quantity f : from) {
            names.add(w.nameOf(f));
        }
        return new FollowThrough(value, names);
    }

    /**
     * The student's own answers q is computed from: its inputs they answered, and at a step s > 1
     * the own answers an unanswered input comes from in turn (loss@2 from ŷ@2 from z1@2 from their
     * W1_next and b1_next), in the order first met.
     */
    static List<Quantity> sources(World w, Problem p, Quantity q) {
        Set<Quantity> out = new LinkedHashSet<>();
        Deque<Quantity> todo = new ArrayDeque<>(inputs(p, q));
        Set<Quantity> seen = new HashSet<>(todo);
        while (!todo.isEmpty()) {
            Quantity f = todo.removeFirst();
            if (w.isOwn(f)) {
                out.add(f);
            } else if (f.step() > 1 && !f.kind().graph()) {
                for (Quantity g : inputs(p, f)) {
                    if (seen.add(g)) {
                        todo.addLast(g);
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private static Matrix network(World w, Problem p, Quantity q) {
        int s = q.step();
        Problem ps = stepProblem(w, s);
        int l = q.layer();
        int depth = p.network().depth();
        return switch (q.kind()) {
            case Z -> Backprop.z(ps, l, l == 1 ? ps.x() : w.get(at(Kind.A, l - 1, s)));
            case A -> Backprop.a(ps, l, w.get(at(Kind.Z, l, s)));
            case YHAT -> Backprop.a(ps, depth, w.get(at(Kind.Z, depth, s)));
            case LOSS -> Matrix.scalar(Backprop.lossFromYhat(ps, w.get(Quantity.YHAT.atStep(s))));
            case DZ -> l == depth
                    ? Backprop.outputDelta(ps, w.get(at(Kind.Z, depth, s)), w.get(Quantity.YHAT.atStep(s)))
                    : Backprop.hiddenDelta(ps, l, w.get(at(Kind.Z, l, s)), w.get(at(Kind.DA, l, s)));
            case DA -> Backprop.da(ps, l, w.get(at(Kind.DZ, l + 1, s)));
            case DW -> Backprop.dW(ps, l, w.get(at(Kind.DZ, l, s)), l == 1 ? ps.x() : w.get(at(Kind.A, l - 1, s)));
            case DB -> Backprop.db(ps, w.get(at(Kind.DZ, l, s)));
            case W_NEXT, B_NEXT -> next(w, ps, q);
            case VW_NEXT, VB_NEXT, SW_NEXT, SB_NEXT, MW_NEXT, MB_NEXT -> stateNext(w, ps, q);
            case NODE, D_NODE, NODE_NEXT -> throw new IllegalStateException(q + " is a graph's"); // GraphFollowThrough's
        };
    }

    /** The problem of step s as the student left it: step 1 is the given one. */
    static Problem stepProblem(World w, int s) {
        Problem ps = w.key().problem();
        for (int r = 1; r < s; r++) {
            ps = Steps.after(ps, r, w::get);
        }
        return ps;
    }

    /** P_next from the student's own dP and own state after the step (vP_next; dP and sP_next; mP_next and vP_next). */
    private static Matrix next(World w, Problem ps, Quantity q) {
        boolean weights = q.kind() == Kind.W_NEXT;
        int l = q.layer();
        int s = q.step();
        Optimizer o = ps.optimizer();
        List<Matrix> after = new ArrayList<>();
        for (Kind k : weights ? o.stateOfW() : o.stateOfB()) {
            after.add(w.get(at(k, l, s)));
        }
        Matrix dP = w.get(at(weights ? Kind.DW : Kind.DB, l, s));
        return o.stepFrom(weights ? ps.w(l) : ps.b(l), dP, after, ps.learningRate(), ps.t() + 1);
    }

    /** A state after the step from the student's own dP and the state before (given, or their own of step s − 1). */
    private static Matrix stateNext(World w, Problem ps, Quantity q) {
        boolean weights = !q.isBiasVector();
        int l = q.layer();
        Optimizer o = ps.optimizer();
        List<Kind> kinds = weights ? o.stateOfW() : o.stateOfB();
        Matrix dP = w.get(at(weights ? Kind.DW : Kind.DB, l, q.step()));
        return o.stateAfter(dP, Steps.stateBefore(ps, l, weights)).get(kinds.indexOf(q.kind()));
    }

    private static Quantity at(Kind kind, int layer, int step) {
        return Quantity.of(kind, layer).atStep(step);
    }

    /**
     * The quantities q is computed from, in the spec's follow-through order. At step s > 1 the
     * parameters and state step s − 1 left are inputs too, where q's formula reads them.
     */
    static List<Quantity> inputs(Problem p, Quantity q) {
        if (q.kind().graph()) {
            return GraphFollowThrough.inputs(p, q);
        }
        int l = q.layer();
        int s = q.step();
        int depth = p.network().depth();
        boolean shortcut = p.network().loss().simplifiesWith(p.network().output().activation());
        boolean l2 = p.l2() != 0;
        List<Quantity> out = new ArrayList<>(switch (q.kind()) {
            case Z -> l == 1 ? List.<Quantity>of() : List.of(at(Kind.A, l - 1, s));
            case A -> List.of(at(Kind.Z, l, s));
            case YHAT -> List.of(at(Kind.Z, depth, s));
            case LOSS -> List.of(Quantity.YHAT.atStep(s));
            case DZ -> l < depth ? List.of(at(Kind.DA, l, s), at(Kind.Z, l, s))
                    : shortcut ? List.of(Quantity.YHAT.atStep(s)) // δ = ŷ − y needs no z
                    : List.of(at(Kind.Z, depth, s), Quantity.YHAT.atStep(s));
            case DA -> List.of(at(Kind.DZ, l + 1, s));
            case DW -> l == 1 ? List.of(at(Kind.DZ, l, s)) : List.of(at(Kind.DZ, l, s), at(Kind.A, l - 1, s));
            case DB -> List.of(at(Kind.DZ, l, s));
            case W_NEXT, B_NEXT -> stepInputs(p, q);
            case VW_NEXT, VB_NEXT, SW_NEXT, SB_NEXT, MW_NEXT, MB_NEXT ->
                    List.of(at(q.isBiasVector() ? Kind.DB : Kind.DW, l, s));
            case NODE, D_NODE, NODE_NEXT -> List.<Quantity>of();
        });
        if (s > 1) {
            int before = s - 1;
            switch (q.kind()) {
                case Z -> {
                    out.add(at(Kind.W_NEXT, l, before));
                    out.add(at(Kind.B_NEXT, l, before));
                }
                case DA -> out.add(at(Kind.W_NEXT, l + 1, before));
                case DW -> {
                    if (l2) {
                        out.add(at(Kind.W_NEXT, l, before));
                    }
                }
                case LOSS -> {
                    if (l2) {
                        for (int k = 1; k <= depth; k++) {
                            out.add(at(Kind.W_NEXT, k, before));
                        }
                    }
                }
                case W_NEXT, B_NEXT -> out.add(at(q.kind(), l, before));
                case VW_NEXT, VB_NEXT, SW_NEXT, SB_NEXT, MW_NEXT, MB_NEXT -> out.add(at(q.kind(), l, before));
                default -> {
                }
            }
        }
        return out;
    }

    /** P_next's inputs: the state after the step where the rule reads it, dP where it reads that. */
    private static List<Quantity> stepInputs(Problem p, Quantity q) {
        boolean weights = q.kind() == Kind.W_NEXT;
        int l = q.layer();
        int s = q.step();
        Quantity dP = at(weights ? Kind.DW : Kind.DB, l, s);
        List<Quantity> state = new ArrayList<>();
        for (Kind k : weights ? p.optimizer().stateOfW() : p.optimizer().stateOfB()) {
            state.add(at(k, l, s));
        }
        if (p.optimizer().stepReadsGradient()) {
            state.add(0, dP);
        }
        return state;
    }
}
