package nngrade.solve;

import nngrade.problem.Activation;
import nngrade.problem.Network;
import nngrade.problem.Numbers;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Reduction;

/** The formula each quantity comes from, written in the problem's own layout and reduction. */
public final class Formulas {
    private Formulas() {
    }

    public static String of(Problem p, Quantity q) {
        Network n = p.network();
        int l = q.layer();
        String in = l == 1 ? "x" : "a" + (l - 1);
        String divisor = n.reduction().divisor();
        return switch (q.kind()) {
            case Z -> "z" + l + " = " + n.weightLayout().zFormula(in, "W" + l, "b" + l);
            case A -> "a" + l + " = " + applied(n.layer(l).activation(), "z" + l);
            case YHAT -> "ŷ = " + applied(n.output().activation(), "z" + n.depth());
            case LOSS -> (n.reduction() == Reduction.MEAN ? "C = (1/m) Σᵢ ℓᵢ" : "C = Σᵢ ℓᵢ")
                    + ", ℓ = " + n.loss().formula();
            case DZ -> l == n.depth() ? outputDelta(n) : "δ" + l + " = da" + l + " ⊙ f′(z" + l + "), "
                    + n.layer(l).activation().prime();
            case DA -> "da" + l + " = " + n.weightLayout().daFormula("δ" + (l + 1), "W" + (l + 1));
            case DW -> "dW" + l + " = " + n.weightLayout().dWFormula("δ" + l, in) + divisor;
            case DB -> "db" + l + " = Σᵢ δ" + l + divisor;
            case W_NEXT -> "W" + l + "_next = W" + l + " − η·dW" + l + " (η = " + Numbers.exact(p.learningRate()) + ")";
            case B_NEXT -> "b" + l + "_next = b" + l + " − η·db" + l + " (η = " + Numbers.exact(p.learningRate()) + ")";
        };
    }

    private static String applied(Activation f, String z) {
        return f instanceof Activation.Linear ? z : f.symbol() + "(" + z + ")";
    }

    private static String outputDelta(Network n) {
        int depth = n.depth();
        Activation f = n.output().activation();
        String d = "δ" + depth;
        if (n.loss().simplifiesWith(f)) {
            return d + " = ŷ − y (" + f.name() + " with " + n.loss().label() + ")";
        }
        String dl = "∂ℓ/∂ŷ = " + n.loss().gradientFormula();
        if (f instanceof Activation.Softmax) {
            return d + " = J_softmax(z" + depth + ")ᵀ·∂ℓ/∂ŷ, " + dl;
        }
        if (f instanceof Activation.Linear) {
            return d + " = ∂ℓ/∂ŷ = " + n.loss().gradientFormula();
        }
        return d + " = ∂ℓ/∂ŷ ⊙ f′(z" + depth + "), " + dl + ", " + f.prime();
    }
}
