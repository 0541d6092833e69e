package nngrade.solve;

import nngrade.problem.Activation;
import nngrade.problem.Loss;
import nngrade.problem.Network;
import nngrade.problem.Numbers;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Reduction;
import nngrade.problem.WeightLayout;

import java.util.EnumMap;
import java.util.Map;

/** The formula each quantity comes from, written in the problem's own layout and reduction. */
public final class Formulas {
    private Formulas() {
    }

    /**
     * The words a formula is written with in the reader's language (the math symbols are the same
     * in every language), and its decimal separator.
     *
     * @param with   joins an output activation and the loss it pairs with: "softmax with cross-entropy"
     * @param ifWord and {@code elseWord} split a derivative into cases: "1 if z &gt; 0, else 0"
     * @param units  and {@code inputs} name W's dimensions: "units × inputs"
     * @param losses each loss's name
     * @param ofStep  marks a formula of a later step: "of step" 2
     * @param given   marks a graph's input: "x (given)"
     * @param notUsed marks a graph's node no other uses: "0 (x not used)"
     */
    public record Words(String with, String ifWord, String elseWord, String units, String inputs, Map<Loss, String> losses,
                        char decimalSeparator, String ofStep, String given, String notUsed) implements Activation.Notation {

        /** The formulas of an answer key, and of feedback in English. */
        public static final Words ENGLISH = new Words("with", "if", "else", "units", "inputs", labels(), '.',
                "of step", "given", "not used");

        public Words {
            losses = Map.copyOf(losses);
            for (Loss l : Loss.values()) {
                if (!losses.containsKey(l)) {
                    throw new IllegalArgumentException("no name for the loss " + l.label());
                }
            }
        }

        private static Map<Loss, String> labels() {
            Map<Loss, String> out = new EnumMap<>(Loss.class);
            for (Loss l : Loss.values()) {
                out.put(l, l.label());
            }
            return out;
        }

        public String loss(Loss l) {
            return losses.get(l);
        }

        /** W's shape in words, e.g. "units × inputs". */
        public String shape(WeightLayout layout) {
            return layout.shapeWords(units, inputs);
        }

        @Override
        public String number(double v) {
            return Numbers.written(v).replace('.', decimalSeparator);
        }

        @Override
        public String separator() {
            return decimalSeparator == ',' ? "; " : ", ";
        }

        @Override
        public String cases(String value, String condition, String otherwise) {
            return value + " " + ifWord + " " + condition + ", " + elseWord + " " + otherwise;
        }
    }

    /** In English, as the answer key writes it. */
    public static String of(Problem p, Quantity q) {
        return of(p, q, Words.ENGLISH);
    }

    public static String of(Problem p, Quantity q, Words w) {
        if (q.kind().graph()) {
            return GraphFormulas.of(p, q, w);
        }
        String f = ofOneStep(p, q, w);
        return q.step() == 1 || q.kind().graph() ? f : f + " (" + w.ofStep() + " " + q.step() + ")";
    }

    private static String ofOneStep(Problem p, Quantity q, Words w) {
        Network n = p.network();
        int l = q.layer();
        String in = l == 1 ? "x" : "a" + (l - 1);
        String divisor = n.reduction().divisor();
        return switch (q.kind()) {
            case Z -> "z" + l + " = " + n.weightLayout().zFormula(in, "W" + l, "b" + l);
            case A -> "a" + l + " = " + applied(n.layer(l).activation(), "z" + l);
            case YHAT -> "ŷ = " + applied(n.output().activation(), "z" + n.depth());
            case LOSS -> (p.l2() == 0 ? (n.reduction() == Reduction.MEAN ? "C = (1/m) Σᵢ ℓᵢ" : "C = Σᵢ ℓᵢ")
                    : (n.reduction() == Reduction.MEAN ? "C = (1/m) (Σᵢ ℓᵢ + (λ/2) Σₗ ‖Wₗ‖²)" : "C = Σᵢ ℓᵢ + (λ/2) Σₗ ‖Wₗ‖²")
                    + " (λ = " + w.number(p.l2()) + ")") + ", ℓ = " + n.loss().formula();
            case DZ -> l == n.depth() ? outputDelta(n, w) : "δ" + l + " = da" + l + " ⊙ f′(z" + l + "), "
                    + n.layer(l).activation().prime(w);
            case DA -> "da" + l + " = " + n.weightLayout().daFormula("δ" + (l + 1), "W" + (l + 1));
            case DW -> "dW" + l + " = " + n.weightLayout().dWFormula("δ" + l, in) + divisor + (p.l2() == 0 ? ""
                    : (n.reduction() == Reduction.MEAN ? " + (λ/m)·W" : " + λ·W") + l + " (λ = " + w.number(p.l2()) + ")");
            case DB -> "db" + l + " = Σᵢ δ" + l + divisor;
            case W_NEXT -> step(p, "W" + l, q.step(), w);
            case B_NEXT -> step(p, "b" + l, q.step(), w);
            case VW_NEXT, VB_NEXT, SW_NEXT, SB_NEXT, MW_NEXT, MB_NEXT -> state(p, q, w);
            case NODE, D_NODE, NODE_NEXT -> q.name();
        };
    }

    /** P_next of step s under the problem's optimiser, with η and its hyper-parameters: Adam's t' = t + s. */
    private static String step(Problem p, String param, int s, Words w) {
        return p.optimizer().stepFormula(param, p.learningRate(), p.t() + s, w);
    }

    /** The optimiser's state after the step, from dP and the state before. */
    private static String state(Problem p, Quantity q, Words w) {
        String name = q.atStep(1).name(); // vW1_next: the parameter is W1
        String param = name.substring(1, name.length() - "_next".length());
        return p.optimizer().stateFormula(q.kind(), param, w);
    }

    private static String applied(Activation f, String z) {
        return f instanceof Activation.Linear ? z : f.symbol() + "(" + z + ")";
    }

    private static String outputDelta(Network n, Words w) {
        int depth = n.depth();
        Activation f = n.output().activation();
        String d = "δ" + depth;
        if (n.loss().simplifiesWith(f)) {
            return d + " = ŷ − y (" + f.name() + " " + w.with() + " " + w.loss(n.loss()) + ")";
        }
        String dl = "∂ℓ/∂ŷ = " + n.loss().gradientFormula();
        if (f instanceof Activation.Softmax) {
            return d + " = J_softmax(z" + depth + ")ᵀ·∂ℓ/∂ŷ, " + dl;
        }
        if (f instanceof Activation.Linear) {
            return d + " = ∂ℓ/∂ŷ = " + n.loss().gradientFormula();
        }
        return d + " = ∂ℓ/∂ŷ ⊙ f′(z" + depth + "), " + dl + ", " + f.prime(w);
    }
}
