package nngrade.solve;

import nngrade.problem.Matrix;
import nngrade.problem.Network;
import nngrade.problem.Problem;

/**
 * The steps of one forward and backward pass, each a pure function of the values it needs.
 * The solver chains them on the key's values; the checker reuses them on a student's own
 * earlier answers to compute follow-through values.
 */
public final class Backprop {
    private Backprop() {
    }

    /** z_l = a_(l−1)·W_lᵀ + b_l (out-in) or a_(l−1)·W_l + b_l (in-out). */
    public static Matrix z(Problem p, int layer, Matrix input) {
        return p.network().weightLayout().preActivation(input, p.w(layer), p.b(layer));
    }

    /** a_l = f_l(z_l). */
    public static Matrix a(Problem p, int layer, Matrix z) {
        return p.network().layer(layer).activation().apply(z);
    }

    /**
     * C = factor · (Σ_i ℓ_i + (λ/2)·Σ_l ‖W_l‖²), from the output pre-activation (log-probabilities
     * taken from z); factor is 1/m under mean, 1 under sum.
     */
    public static double loss(Problem p, Matrix zL, Matrix yhat) {
        Network n = p.network();
        var out = n.output().activation();
        Matrix perSample = n.loss().perSample(yhat, p.y(), out.logOf(zL), out.log1mOf(zL));
        return n.reduction().factor(p.samples()) * (perSample.sum() + penalty(p));
    }

    /** C from ŷ alone, as a student computes it from their own ŷ. */
    public static double lossFromYhat(Problem p, Matrix yhat) {
        Network n = p.network();
        return n.reduction().factor(p.samples()) * (n.loss().perSample(yhat, p.y()).sum() + penalty(p));
    }

    /** (λ/2)·Σ_l ‖W_l‖², the squared Frobenius norms of the given weights (biases are not regularised). */
    public static double penalty(Problem p) {
        if (p.l2() == 0) {
            return 0;
        }
        double squares = 0;
        for (int l = 1; l <= p.network().depth(); l++) {
            squares += p.w(l).hadamard(p.w(l)).sum();
        }
        return p.l2() / 2 * squares;
    }

    /** ∂/∂W_l of the penalty in C: factor · λ·W_l. */
    public static Matrix penaltyGradient(Problem p, int layer) {
        return p.w(layer).scale(p.network().reduction().factor(p.samples()) * p.l2());
    }

    /** δ_L = ∂ℓ/∂z_L per sample (ŷ − y for the pairs that simplify). */
    public static Matrix outputDelta(Problem p, Matrix zL, Matrix yhat) {
        Network n = p.network();
        return n.loss().outputDelta(n.output().activation(), zL, yhat, p.y());
    }

    /** da_l = ∂ℓ/∂a_l = δ_(l+1)·W_(l+1) (out-in) or δ_(l+1)·W_(l+1)ᵀ (in-out). */
    public static Matrix da(Problem p, int layer, Matrix deltaNext) {
        return p.network().weightLayout().inputGradient(deltaNext, p.w(layer + 1));
    }

    /** δ_l = da_l ⊙ f_l′(z_l) (or the softmax Jacobian applied to da_l). */
    public static Matrix hiddenDelta(Problem p, int layer, Matrix z, Matrix da) {
        return p.network().layer(layer).activation().backprop(z, da);
    }

    /**
     * dW_l = factor · δ_lᵀ·a_(l−1) (out-in) or factor · a_(l−1)ᵀ·δ_l (in-out), plus factor · λ·W_l
     * under an L2 penalty.
     */
    public static Matrix dW(Problem p, int layer, Matrix delta, Matrix input) {
        Network n = p.network();
        Matrix data = n.weightLayout().weightGradient(delta, input).scale(n.reduction().factor(p.samples()));
        return p.l2() == 0 ? data : data.plus(penaltyGradient(p, layer));
    }

    /** db_l = factor · Σ_i δ_l,i. */
    public static Matrix db(Problem p, Matrix delta) {
        return delta.columnSums().scale(p.network().reduction().factor(p.samples()));
    }

    /** θ_next = θ − η·dθ. */
    public static Matrix step(Problem p, Matrix theta, Matrix gradient) {
        return theta.minus(gradient.scale(p.learningRate()));
    }
}
