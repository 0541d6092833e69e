package nngrade.check;

import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.solve.Backprop;

import java.util.ArrayList;
import java.util.List;

/**
 * What a quantity should be given the student's own earlier answers (the spec's
 * follow-through order): each value is computed by the solver's own steps from the
 * quantities it directly depends on, as the student gave them.
 *
 * @param value       the follow-through value
 * @param carriedFrom the names of the student's answers it was computed from
 */
public record FollowThrough(Matrix value, List<String> carriedFrom) {

    /** The follow-through value of q, or null when q depends on none of the student's answers. */
    public static FollowThrough of(World w, Quantity q) {
        Problem p = w.key().problem();
        List<Quantity> from = inputs(p, q);
        if (from.isEmpty() || from.stream().noneMatch(w::isOwn)) {
            return null;
        }
        Matrix value = q.kind().graph() ? Matrix.scalar(GraphFollowThrough.value(p, q, w::get)) : network(w, p, q);
        if (value.firstNonFinite() >= 0) {
            return null; // e.g. ln of a student's ŷ of 0: no value to follow
        }
        List<String> names = new ArrayList<>();
        for (Quantity f : from) {
            if (w.isOwn(f)) {
                names.add(w.nameOf(f));
            }
        }
        return new FollowThrough(value, names);
    }

    private static Matrix network(World w, Problem p, Quantity q) {
        int l = q.layer();
        int depth = p.network().depth();
        return switch (q.kind()) {
            case Z -> Backprop.z(p, l, w.get(Quantity.of(Kind.A, l - 1)));
            case A -> Backprop.a(p, l, w.get(Quantity.of(Kind.Z, l)));
            case YHAT -> Backprop.a(p, depth, w.get(Quantity.of(Kind.Z, depth)));
            case LOSS -> Matrix.scalar(Backprop.lossFromYhat(p, w.get(Quantity.YHAT)));
            case DZ -> l == depth
                    ? Backprop.outputDelta(p, w.get(Quantity.of(Kind.Z, depth)), w.get(Quantity.YHAT))
                    : Backprop.hiddenDelta(p, l, w.get(Quantity.of(Kind.Z, l)), w.get(Quantity.of(Kind.DA, l)));
            case DA -> Backprop.da(p, l, w.get(Quantity.of(Kind.DZ, l + 1)));
            case DW -> Backprop.dW(p, l, w.get(Quantity.of(Kind.DZ, l)), l == 1 ? p.x() : w.get(Quantity.of(Kind.A, l - 1)));
            case DB -> Backprop.db(p, w.get(Quantity.of(Kind.DZ, l)));
            case W_NEXT -> Backprop.step(p, p.w(l), w.get(Quantity.of(Kind.DW, l)));
            case B_NEXT -> Backprop.step(p, p.b(l), w.get(Quantity.of(Kind.DB, l)));
            case VW_NEXT, VB_NEXT, SW_NEXT, SB_NEXT, MW_NEXT, MB_NEXT, NODE, D_NODE, NODE_NEXT ->
                    throw new IllegalStateException(q + " has no inputs yet"); // inputs() gives none
        };
    }

    /** The quantities q is computed from, in the spec's follow-through order. */
    static List<Quantity> inputs(Problem p, Quantity q) {
        if (q.kind().graph()) {
            return GraphFollowThrough.inputs(p, q);
        }
        int l = q.layer();
        int depth = p.network().depth();
        boolean shortcut = p.network().loss().simplifiesWith(p.network().output().activation());
        return switch (q.kind()) {
            case Z -> l == 1 ? List.of() : List.of(Quantity.of(Kind.A, l - 1));
            case A -> List.of(Quantity.of(Kind.Z, l));
            case YHAT -> List.of(Quantity.of(Kind.Z, depth));
            case LOSS -> List.of(Quantity.YHAT);
            case DZ -> l < depth ? List.of(Quantity.of(Kind.DA, l), Quantity.of(Kind.Z, l))
                    : shortcut ? List.of(Quantity.YHAT) // δ = ŷ − y needs no z
                    : List.of(Quantity.of(Kind.Z, depth), Quantity.YHAT);
            case DA -> List.of(Quantity.of(Kind.DZ, l + 1));
            case DW -> l == 1 ? List.of(Quantity.of(Kind.DZ, l))
                    : List.of(Quantity.of(Kind.DZ, l), Quantity.of(Kind.A, l - 1));
            case DB -> List.of(Quantity.of(Kind.DZ, l));
            case W_NEXT -> List.of(Quantity.of(Kind.DW, l));
            case B_NEXT -> List.of(Quantity.of(Kind.DB, l));
            case VW_NEXT, VB_NEXT, SW_NEXT, SB_NEXT, MW_NEXT, MB_NEXT, NODE, D_NODE, NODE_NEXT -> List.of();
        };
    }
}
