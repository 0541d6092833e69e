package nngrade.check;

import nngrade.problem.Activation;
import nngrade.problem.Optimizer;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.problem.Reduction;

import java.util.Set;
import java.util.function.Function;

import static nngrade.check.Student.activate;
import static nngrade.check.Student.input;
import static nngrade.check.Student.lossGradient;
import static nngrade.check.Student.plus;
import static nngrade.check.Student.scale;
import static nngrade.check.Student.shortcut;
import static nngrade.check.Student.times;
import static nngrade.check.Student.transpose;
import static nngrade.check.Student.weightGradient;

/**
 * One mistake a student makes on one quantity, named by its diagnosis code (formats.md,
 * "Diagnosis codes"), and the value it gives: computed from what the student computes with
 * ({@code carried}) and from {@code exact}, the right value given those.
 */
enum Slip {
    TRANSPOSED("transposed"),
    SIGN_FLIPPED("sign-flipped"),
    MISSING_MEAN("missing-mean"),
    EXTRA_MEAN("extra-mean"),
    WRONG_UPDATE_SIGN("wrong-update-sign"),
    LEARNING_RATE_OMITTED("learning-rate-omitted"),
    MISSING_ACTIVATION_DERIVATIVE("missing-activation-derivative"),
    ACTIVATION_INSTEAD_OF_DERIVATIVE("activation-instead-of-derivative"),
    WRONG_ACTIVATION("wrong-activation"),
    ROUNDED_TOO_COARSELY("rounded-too-coarsely"),
    REGULARIZATION_OMITTED("regularization-omitted"),
    REGULARIZATION_NOT_AVERAGED("regularization-not-averaged"),
    STATE_NOT_UPDATED("state-not-updated"),
    BIAS_CORRECTION_OMITTED("bias-correction-omitted");

    final String code;

    Slip(String code) {
        this.code = code;
    }

    private static final Set<Kind> PER_SAMPLE = Set.of(Kind.Z, Kind.A, Kind.YHAT, Kind.DZ, Kind.DA);

    /** Whether a student can make this slip on q in p (whether it changes the value is decided later). */
    boolean applies(Problem p, Quantity q) {
        int m = p.samples();
        Kind k = q.kind();
        return switch (this) {
            // a per-sample quantity of one sample is a vector: no orientation to get wrong
            case TRANSPOSED -> k == Kind.DW || (m > 1 && PER_SAMPLE.contains(k));
            case SIGN_FLIPPED -> k == Kind.DZ || k == Kind.DA || k == Kind.DW || k == Kind.DB;
            case MISSING_MEAN -> m > 1 && p.network().reduction() == Reduction.MEAN
                    && (k == Kind.DW || k == Kind.DB || k == Kind.LOSS);
            case EXTRA_MEAN -> m > 1 && (k == Kind.DZ || k == Kind.DW || k == Kind.DB);
            case WRONG_UPDATE_SIGN -> k == Kind.W_NEXT || k == Kind.B_NEXT;
            case LEARNING_RATE_OMITTED -> p.learningRate() != 1 && (k == Kind.W_NEXT || k == Kind.B_NEXT);
            case MISSING_ACTIVATION_DERIVATIVE -> k == Kind.DZ && !(activation(p, q) instanceof Activation.Linear)
                    && !(q.layer() == p.network().depth() && shortcut(p));
            // f(z) in place of an elementwise f′(z); softmax's derivative is a Jacobian, linear's is 1
            case ACTIVATION_INSTEAD_OF_DERIVATIVE -> k == Kind.DZ && !(activation(p, q) instanceof Activation.Linear)
                    && !(activation(p, q) instanceof Activation.Softmax)
                    && !(q.layer() == p.network().depth() && shortcut(p));
            case WRONG_ACTIVATION -> k == Kind.A || k == Kind.YHAT;
            case ROUNDED_TOO_COARSELY -> true;
            // on W_next: the step of sgd from a dW without its λ term (an optimiser's state hides it)
            case REGULARIZATION_OMITTED -> p.l2() > 0 && (k == Kind.DW || k == Kind.LOSS
                    || (k == Kind.W_NEXT && p.optimizer() instanceof Optimizer.Sgd));
            // (λ/m)·W and λ·W differ only in a batch
            case REGULARIZATION_NOT_AVERAGED -> p.l2() > 0 && m > 1 && (k == Kind.DW || k == Kind.LOSS);
            case STATE_NOT_UPDATED -> k.state();
            case BIAS_CORRECTION_OMITTED -> p.optimizer() instanceof Optimizer.Adam && (k == Kind.W_NEXT || k == Kind.B_NEXT);
        };
    }

    /** What the student writes for q; null where the slip leaves nothing to write (a rounding to all zeros). */
    double[][] value(Problem p, Quantity q, double[][] exact, Function<Quantity, double[][]> carried) {
        int l = q.layer();
        int m = p.samples();
        return switch (this) {
            case TRANSPOSED -> transpose(exact);
            case SIGN_FLIPPED -> scale(exact, -1); // δ = y − ŷ, and all it gives
            // the whole cost summed: Σᵢ of the data term, λ·W undivided
            case MISSING_MEAN -> q.kind() == Kind.LOSS ? scale(exact, m)
                    : q.kind() == Kind.DW ? plus(weightGradient(p, carried.apply(Quantity.of(Kind.DZ, l)),
                    input(p, carried, l)), scale(p.w(l).toArray2d(), p.l2()))
                    : Student.columnSums(carried.apply(Quantity.of(Kind.DZ, l)));
            case EXTRA_MEAN -> scale(exact, 1.0 / m);
            // exact = θ − η·u for the optimiser's update u: θ + η·u, and θ − u
            case WRONG_UPDATE_SIGN -> plus(scale(Student.parameter(p, q), 2), scale(exact, -1));
            case LEARNING_RATE_OMITTED -> plus(Student.parameter(p, q),
                    scale(plus(Student.parameter(p, q), scale(exact, -1)), -1 / p.learningRate()));
            case MISSING_ACTIVATION_DERIVATIVE -> {
                if (l < p.network().depth()) {
                    yield carried.apply(Quantity.of(Kind.DA, l)); // δ_l = da_l
                }
                double[][] yhat = carried.apply(Quantity.YHAT);
                // the ŷ − y shortcut where the pair does not allow it; ∂ℓ/∂ŷ alone otherwise
                yield p.network().loss().usesLog() ? plus(yhat, scale(p.y().toArray2d(), -1)) : lossGradient(p, yhat);
            }
            case ACTIVATION_INSTEAD_OF_DERIVATIVE -> {
                double[][] upstream = l < p.network().depth() ? carried.apply(Quantity.of(Kind.DA, l))
                        : lossGradient(p, carried.apply(Quantity.YHAT));
                yield times(upstream, activate(activation(p, q), carried.apply(Quantity.of(Kind.Z, l))));
            }
            case WRONG_ACTIVATION -> {
                int layer = q.kind() == Kind.YHAT ? p.network().depth() : l;
                yield activate(Mistakes.wrongActivation(p.network().layer(layer)), carried.apply(Quantity.of(Kind.Z, layer)));
            }
            case ROUNDED_TOO_COARSELY -> {
                double[][] r = Student.rounded(exact, 1);
                yield allZero(r) ? null : r;
            }
            case REGULARIZATION_OMITTED -> switch (q.kind()) {
                case DW -> plus(exact, scale(Student.penaltyGradient(p, l), -1));
                // W − η·dW from a dW without its λ term
                case W_NEXT -> plus(exact, scale(Student.penaltyGradient(p, l), p.learningRate()));
                default -> new double[][] {{exact[0][0] - Student.factor(p) * Student.penalty(p)}};
            };
            case REGULARIZATION_NOT_AVERAGED -> {
                boolean mean = p.network().reduction() == Reduction.MEAN;
                if (q.kind() == Kind.DW) {
                    // λ·W under mean, (λ/m)·W under sum
                    double[][] wrongTerm = scale(p.w(l).toArray2d(), mean ? p.l2() : p.l2() / m);
                    yield plus(plus(exact, scale(Student.penaltyGradient(p, l), -1)), wrongTerm);
                }
                double wrongTerm = mean ? Student.penalty(p) : Student.penalty(p) / m;
                yield new double[][] {{exact[0][0] - Student.factor(p) * Student.penalty(p) + wrongTerm}};
            }
            case STATE_NOT_UPDATED -> Student.stateBefore(p, q);
            case BIAS_CORRECTION_OMITTED -> {
                Optimizer.Adam a = (Optimizer.Adam) p.optimizer();
                double[][] u = Student.divided(carried.apply(Student.stateOf(q, Kind.MW_NEXT, Kind.MB_NEXT)),
                        carried.apply(Student.stateOf(q, Kind.VW_NEXT, Kind.VB_NEXT)), 1, 1, a.epsilon());
                yield plus(Student.parameter(p, q), scale(u, -p.learningRate()));
            }
        };
    }

    private static Activation activation(Problem p, Quantity q) {
        return p.network().layer(q.layer()).activation();
    }

    static boolean allZero(double[][] a) {
        for (double[] row : a) {
            for (double v : row) {
                if (v != 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
