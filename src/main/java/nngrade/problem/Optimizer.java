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

    /** P_next = P − η·dP. */
    record Sgd() implements Optimizer {
        public String label() {
            return "sgd";
        }

        public List<Kind> stateOfW() {
            return List.of();
        }

        public List<Kind> stateOfB() {
            return List.of();
        }
    }

    /** vP_next = β·vP + (1 − dampening)·dP; P_next = P − η·vP_next. */
    record Momentum(double beta, double dampening) implements Optimizer {
        public String label() {
            return "momentum";
        }

        public List<Kind> stateOfW() {
            return List.of(Kind.VW_NEXT);
        }

        public List<Kind> stateOfB() {
            return List.of(Kind.VB_NEXT);
        }
    }

    /** sP_next = β·sP + (1 − β)·dP²; P_next = P − η·dP / (√sP_next + ε). */
    record RmsProp(double beta, double epsilon) implements Optimizer {
        public String label() {
            return "rmsprop";
        }

        public List<Kind> stateOfW() {
            return List.of(Kind.SW_NEXT);
        }

        public List<Kind> stateOfB() {
            return List.of(Kind.SB_NEXT);
        }
    }

    /**
     * mP_next = β1·mP + (1 − β1)·dP; vP_next = β2·vP + (1 − β2)·dP²; with t' = t + 1,
     * P_next = P − η·m̂ / (√v̂ + ε), m̂ = mP_next / (1 − β1^t'), v̂ = vP_next / (1 − β2^t').
     */
    record Adam(double beta1, double beta2, double epsilon) implements Optimizer {
        public String label() {
            return "adam";
        }

        public List<Kind> stateOfW() {
            return List.of(Kind.MW_NEXT, Kind.VW_NEXT);
        }

        public List<Kind> stateOfB() {
            return List.of(Kind.MB_NEXT, Kind.VB_NEXT);
        }
    }

    Optimizer SGD = new Sgd();
}
