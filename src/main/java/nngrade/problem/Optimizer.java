package nngrade.problem;

import nngrade.problem.Quantity.Kind;

import java.util.List;

/**
 * The rule of the step (v1.1 "optimizer"), with its hyper-parameters. Each keeps, for every
 * parameter P, the state named by {@link #stateOfW} / {@link #stateOfB}: given (zeros when
 * absent) and asked after the step as {@code vW1_next} and so on.
 */
public sealed interface Optimizer {

    /** The name in a problem file: sgd, momentum, rmsprop, adam. */
    String label();

    /** The state kept for each Wl, in the order it is updated. */
    List<Kind> stateOfW();

    /** The state kept for each bl, in the order it is updated. */
    List<Kind> stateOfB();

    /**
     * One step of a parameter P: P_next and the state after it, in {@link #stateOfW} order.
     *
     * @param state the state before the step, in the same order
     * @param eta   the learning rate η
     * @param tNext t' = t + 1, the step's index counting the ones already taken (Adam's bias correction)
     */
    default Update update(Matrix p, Matrix dP, List<Matrix> state, double eta, int tNext) {
        List<Matrix> after = stateAfter(dP, state);
        return new Update(stepFrom(p, dP, after, eta, tNext), after);
    }

    /** The state after the step from the gradient dP and the state before, in {@link #stateOfW} order. */
    List<Matrix> stateAfter(Matrix dP, List<Matrix> state);

    /** Whether {@link #stepFrom} reads dP itself (sgd, rmsprop) rather than only the state after. */
    boolean stepReadsGradient();

    /** P_next from P, dP and the state after the step (momentum's vP_next, Adam's mP_next and vP_next …). */
    Matrix stepFrom(Matrix p, Matrix dP, List<Matrix> stateAfter, double eta, int tNext);

    /** P_next and the optimiser's state after the step. */
    record Update(Matrix next, List<Matrix> state) {
        public Update {
            state = List.copyOf(state);
        }
    }

    /**
     * P_next's formula: "W1_next = W1 − η·vW1_next (η = 0.1)", numbers in {@code n}'s notation.
     *
     * @param tNext t' = t + 1, shown in Adam's bias correction
     */
    String stepFormula(String param, double eta, int tNext, Activation.Notation n);

    /**
     * The formula of the state {@code kind} of P after the step: "vW1_next = β·vW1 + (1 − dampening)·dW1 (β = 0.9, …)".
     * Only for a kind in {@link #stateOfW} or {@link #stateOfB}.
     */
    String stateFormula(Kind kind, String param, Activation.Notation n);

    /** "P_next = P − η·" with η's value after the rule's own text. */
    private static String next(String param) {
        return param + "_next = " + param + " − η·";
    }

    private static String eta(double eta, Activation.Notation n) {
        return "η = " + n.number(eta);
    }

    /** The hyper-parameters as a sheet states them, numbers in {@code n}'s notation: "β = 0.9, dampening = 0", "" for sgd. */
    String hyperParameters(Activation.Notation n);

    /** dP² elementwise. */
    private static Matrix squared(Matrix dP) {
        return dP.hadamard(dP);
    }

    /** P − η·g / (√s + ε), elementwise. */
    private static Matrix scaledStep(Matrix p, Matrix g, Matrix s, double eta, double epsilon) {
        double[] out = p.toArray();
        for (int i = 0; i < out.length; i++) {
            out[i] -= eta * g.at(i) / (Math.sqrt(s.at(i)) + epsilon);
        }
        return Matrix.wrap(p.rows(), p.cols(), out);
    }

    /** P_next = P − η·dP. */
    record Sgd() implements Optimizer {
        public boolean stepReadsGradient() {
            return true;
        }

        public String label() {
            return "sgd";
        }

        public List<Kind> stateOfW() {
            return List.of();
        }

        public List<Kind> stateOfB() {
            return List.of();
        }

        public List<Matrix> stateAfter(Matrix dP, List<Matrix> state) {
            return List.of();
        }

        public Matrix stepFrom(Matrix p, Matrix dP, List<Matrix> stateAfter, double eta, int tNext) {
            return p.minus(dP.scale(eta));
        }

        public String stepFormula(String param, double eta, int tNext, Activation.Notation n) {
            return next(param) + "d" + param + " (" + eta(eta, n) + ")";
        }

        public String stateFormula(Kind kind, String param, Activation.Notation n) {
            throw new IllegalArgumentException("sgd keeps no state");
        }

        public String hyperParameters(Activation.Notation n) {
            return "";
        }
    }

    /** vP_next = β·vP + (1 − dampening)·dP; P_next = P − η·vP_next. */
    record Momentum(double beta, double dampening) implements Optimizer {
        public boolean stepReadsGradient() {
            return false;
        }

        public String label() {
            return "momentum";
        }

        public List<Kind> stateOfW() {
            return List.of(Kind.VW_NEXT);
        }

        public List<Kind> stateOfB() {
            return List.of(Kind.VB_NEXT);
        }

        public List<Matrix> stateAfter(Matrix dP, List<Matrix> state) {
            return List.of(state.get(0).scale(beta).plus(dP.scale(1 - dampening)));
        }

        public Matrix stepFrom(Matrix p, Matrix dP, List<Matrix> stateAfter, double eta, int tNext) {
            return p.minus(stateAfter.get(0).scale(eta));
        }

        public String stepFormula(String param, double eta, int tNext, Activation.Notation n) {
            return next(param) + "v" + param + "_next (" + eta(eta, n) + ")";
        }

        public String stateFormula(Kind kind, String param, Activation.Notation n) {
            return "v" + param + "_next = β·v" + param + " + (1 − dampening)·d" + param + " (" + hyperParameters(n) + ")";
        }

        public String hyperParameters(Activation.Notation n) {
            return "β = " + n.number(beta) + n.separator() + "dampening = " + n.number(dampening);
        }
    }

    /** sP_next = β·sP + (1 − β)·dP²; P_next = P − η·dP / (√sP_next + ε). */
    record RmsProp(double beta, double epsilon) implements Optimizer {
        public boolean stepReadsGradient() {
            return true;
        }

        public String label() {
            return "rmsprop";
        }

        public List<Kind> stateOfW() {
            return List.of(Kind.SW_NEXT);
        }

        public List<Kind> stateOfB() {
            return List.of(Kind.SB_NEXT);
        }

        public List<Matrix> stateAfter(Matrix dP, List<Matrix> state) {
            return List.of(state.get(0).scale(beta).plus(squared(dP).scale(1 - beta)));
        }

        public Matrix stepFrom(Matrix p, Matrix dP, List<Matrix> stateAfter, double eta, int tNext) {
            return scaledStep(p, dP, stateAfter.get(0), eta, epsilon);
        }

        public String stepFormula(String param, double eta, int tNext, Activation.Notation n) {
            return next(param) + "d" + param + " / (√s" + param + "_next + ε) (" + eta(eta, n) + n.separator() + "ε = " + n.number(epsilon) + ")";
        }

        public String stateFormula(Kind kind, String param, Activation.Notation n) {
            return "s" + param + "_next = β·s" + param + " + (1 − β)·d" + param + "² (β = " + n.number(beta) + ")";
        }

        public String hyperParameters(Activation.Notation n) {
            return "β = " + n.number(beta) + n.separator() + "ε = " + n.number(epsilon);
        }
    }

    /**
     * mP_next = β1·mP + (1 − β1)·dP; vP_next = β2·vP + (1 − β2)·dP²; with t' = t + 1,
     * P_next = P − η·m̂ / (√v̂ + ε), m̂ = mP_next / (1 − β1^t'), v̂ = vP_next / (1 − β2^t').
     */
    record Adam(double beta1, double beta2, double epsilon) implements Optimizer {
        public boolean stepReadsGradient() {
            return false;
        }

        public String label() {
            return "adam";
        }

        public List<Kind> stateOfW() {
            return List.of(Kind.MW_NEXT, Kind.VW_NEXT);
        }

        public List<Kind> stateOfB() {
            return List.of(Kind.MB_NEXT, Kind.VB_NEXT);
        }

        public List<Matrix> stateAfter(Matrix dP, List<Matrix> state) {
            return List.of(state.get(0).scale(beta1).plus(dP.scale(1 - beta1)),
                    state.get(1).scale(beta2).plus(squared(dP).scale(1 - beta2)));
        }

        public Matrix stepFrom(Matrix p, Matrix dP, List<Matrix> stateAfter, double eta, int tNext) {
            return corrected(p, stateAfter.get(0), stateAfter.get(1), eta, tNext);
        }

        public String stepFormula(String param, double eta, int tNext, Activation.Notation n) {
            return next(param) + "m̂ / (√v̂ + ε), m̂ = m" + param + "_next / (1 − β1^" + tNext + "), v̂ = v" + param
                    + "_next / (1 − β2^" + tNext + ") (" + eta(eta, n) + n.separator() + hyperParameters(n) + ")";
        }

        public String stateFormula(Kind kind, String param, Activation.Notation n) {
            return kind == Kind.MW_NEXT || kind == Kind.MB_NEXT
                    ? "m" + param + "_next = β1·m" + param + " + (1 − β1)·d" + param + " (β1 = " + n.number(beta1) + ")"
                    : "v" + param + "_next = β2·v" + param + " + (1 − β2)·d" + param + "² (β2 = " + n.number(beta2) + ")";
        }

        /** P − η·m̂ / (√v̂ + ε) with m̂ = m / (1 − β1^t'), v̂ = v / (1 − β2^t'). */
        public Matrix corrected(Matrix p, Matrix m, Matrix v, double eta, int tNext) {
            return scaledStep(p, mHat(m, tNext), vHat(v, tNext), eta, epsilon);
        }

        /** m̂ = m / (1 − β1^t'). */
        public Matrix mHat(Matrix m, int tNext) {
            return m.scale(1 / (1 - Math.pow(beta1, tNext)));
        }

        /** v̂ = v / (1 − β2^t'). */
        public Matrix vHat(Matrix v, int tNext) {
            return v.scale(1 / (1 - Math.pow(beta2, tNext)));
        }

        /** P − η·m / (√v + ε): the step without Adam's bias correction (a diagnosis's candidate). */
        public Matrix uncorrected(Matrix p, Matrix m, Matrix v, double eta) {
            return scaledStep(p, m, v, eta, epsilon);
        }

        public String hyperParameters(Activation.Notation n) {
            return "β1 = " + n.number(beta1) + n.separator() + "β2 = " + n.number(beta2) + n.separator() + "ε = " + n.number(epsilon);
        }
    }

    Optimizer SGD = new Sgd();
}
