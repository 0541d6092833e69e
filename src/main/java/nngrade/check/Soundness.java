package nngrade.check;

import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a student's answers are free of mistakes: right against the key (within tolerance),
 * or right given earlier answers that are themselves free of mistakes. An answer computed from
 * such answers differs from the key only by rounding the tolerance allows, carried forward
 * (ŷ rounded to 2 decimals, then −ln ŷ), so its follow-through earns full points whatever the
 * problem's followThrough share. A quantity the student did not answer is the key's at step 1:
 * sound; at a later step it is computed from their own answers, sound when they are.
 */
final class Soundness {
    private final World world;
    private final Problem.Tolerances tolerances;
    private final Map<Quantity, Boolean> known = new HashMap<>();

    Soundness(World world, Problem.Tolerances tolerances) {
        this.world = world;
        this.tolerances = tolerances;
    }

    boolean allSound(List<Quantity> quantities) {
        return quantities.stream().allMatch(this::sound);
    }

    boolean sound(Quantity q) {
        if (!world.isOwn(q) && (q.step() == 1 || q.kind().graph())) {
            return true;
        }
        Boolean s = known.get(q);
        if (s == null) {
            s = decide(q);
            known.put(q, s);
        }
        return s;
    }

    private boolean decide(Quantity q) {
        if (!world.isOwn(q)) { // a later step's, computed from the student's own earlier answers
            return allSound(FollowThrough.inputs(world.key().problem(), q));
        }
        Matrix own = world.get(q);
        if (tolerances.of(q).accepts(own, world.key().get(q))) {
            return true;
        }
        FollowThrough ft = FollowThrough.of(world, q);
        // inputs come earlier in the computation, so this recursion ends
        return ft != null && tolerances.of(q).accepts(own, ft.value())
                && allSound(FollowThrough.inputs(world.key().problem(), q));
    }
}
