package nngrade.check;

/** One cell compared: 1-based indices, the submitted and the expected value. */
public record CellResult(int row, int col, double submitted, double expected, boolean correct) {
}
