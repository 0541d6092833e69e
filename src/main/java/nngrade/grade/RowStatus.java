package nngrade.grade;

/** What became of one student or one input file in a class's gradebook. */
public enum RowStatus {
    GRADED("graded"), INVALID("invalid"), DUPLICATE("duplicate"), MISSING("missing"), UNKNOWN("unknown");

    private final String label;

    RowStatus(String label) {
        this.label = label;
    }

    /** The word the gradebook and the summaries use. */
    public String label() {
        return label;
    }
}
