package nngrade.report;

/**
 * How a check report is rendered.
 *
 * @param hideExpected leave the expected values out (students checking before a deadline)
 * @param allCells     list every cell, not only the wrong ones
 * @param color        ANSI colours in text output
 */
public record ReportOptions(Messages messages, boolean hideExpected, boolean allCells, boolean color) {
    /** Wrong cells shown per quantity in text; the rest is summarised. */
    static final int MAX_CELLS_SHOWN = 6;
}
