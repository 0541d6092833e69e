package nngrade.problem;

/** One layer: how many units, and the activation applied to them. */
public record Layer(int units, Activation activation) {
}
