package nngrade.check;

import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.solve.AnswerKey;
import nngrade.solve.Solver;
import nngrade.submission.Answer;
import nngrade.submission.Submission;

import java.util.HashMap;
import java.util.Map;

/**
 * The values a student worked with: their own answer where they gave a usable one (readable,
 * in the right shape, or in the transposed shape, which is turned back: a student who wrote a
 * non-square dW1 as inputs × units can only have subtracted it from W1 after turning it back),
 * the key's everywhere else at step 1. At a step s > 1 a quantity they did not answer is what
 * step s is from their own step s − 1 (the problem as their own parameters and state left it), so
 * a slip at step 1 worked on consistently costs nothing twice. Follow-through values are computed in it.
 */
public final class World {
    private final AnswerKey key;
    private final Map<Quantity, Matrix> own = new HashMap<>();
    private final Map<Quantity, String> names = new HashMap<>();
    private final Map<Integer, Map<Quantity, Matrix>> steps = new HashMap<>();

    public World(AnswerKey key, Submission submission) {
        this.key = key;
        Problem p = key.problem();
        submission.answers().forEach((q, a) -> {
            Matrix m = usable(p, q, a, key.get(q));
            if (m != null) {
                own.put(q, m);
                names.put(q, a.name());
            }
        });
    }

    /** The student's value of q if usable, else the key's (step 1) or their own step s − 1's consequence. */
    public Matrix get(Quantity q) {
        Matrix m = own.get(q);
        if (m != null) {
            return m;
        }
        if (q.step() == 1 || q.kind().graph()) {
            return key.get(q);
        }
        Map<Quantity, Matrix> step = steps.get(q.step());
        if (step == null) { // step s − 1's values come first: the recursion ends at step 1
            step = Solver.stepValues(FollowThrough.stepProblem(this, q.step()), q.step());
            steps.put(q.step(), step);
        }
        return step.get(q);
    }

    public boolean isOwn(Quantity q) {
        return own.containsKey(q);
    }

    /** The name the student used for q. */
    public String nameOf(Quantity q) {
        return names.getOrDefault(q, q.name());
    }

    public AnswerKey key() {
        return key;
    }

    private static Matrix usable(Problem p, Quantity q, Answer a, Matrix expected) {
        if (!a.isReadable()) {
            return null;
        }
        Matrix m = oriented(p, q, a.value(), expected);
        if (m.sameShape(expected)) {
            return m;
        }
        Matrix back = m.transpose();
        return back.sameShape(expected) ? back : null;
    }

    /**
     * A vector written as a column is the same vector: biases, and per-sample quantities of a
     * single sample, have no orientation to get wrong.
     */
    public static Matrix oriented(Problem p, Quantity q, Matrix submitted, Matrix expected) {
        boolean vector = q.isBiasVector() || (q.kind().perSample() && p.samples() == 1);
        if (vector && expected.rows() == 1 && submitted.cols() == 1 && submitted.rows() == expected.cols()) {
            return submitted.transpose();
        }
        return submitted;
    }
}
