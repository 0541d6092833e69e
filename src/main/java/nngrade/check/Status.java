package nngrade.check;

/** How one asked quantity was graded. */
public enum Status {
    CORRECT("correct"),
    /** Wrong against the key, but right given the student's own earlier answers. */
    FOLLOW_THROUGH("follow-through"),
    INCORRECT("incorrect"),
    MISSING("missing"),
    /** Present but unreadable, or of a shape no diagnosis explains. */
    INVALID("invalid");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    /** The spec's name, as in JSON reports. */
    public String label() {
        return label;
    }

    public boolean earnsPoints() {
        return this == CORRECT || this == FOLLOW_THROUGH;
    }
}
