package nngrade.problem;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.function.BiConsumer;

/**
 * Reads a matrix from a JSON value: a number (1×1), a flat list (one row), or a list of
 * rows. Cells may be numbers or numeric strings. Every bad cell is reported, with its path.
 */
public final class MatrixReader {
    /** Larger matrices are refused before any allocation proportional to the claim. */
    public static final int MAX_CELLS = 10_000_000;

    private MatrixReader() {
    }

    /**
     * The matrix at {@code path}, or null after reporting to {@code errors} (path, message)
     * every reason it cannot be read.
     */
    public static Matrix read(JsonNode node, String path, BiConsumer<String, String> errors) {
        return read(node, path, errors, 0);
    }

    /**
     * As {@link #read(JsonNode, String, BiConsumer)}, the paths counting rows and cells from
     * {@code first}: 1 for a submission, whose messages say {@code answers.dW1[2][1]} as a student
     * counts, 0 for a problem file, whose other paths ({@code network.layers[0]}) count as JSON does.
     */
    public static Matrix read(JsonNode node, String path, BiConsumer<String, String> errors, int first) {
        if (node.isNumber() || node.isTextual()) {
            Numbers.Parsed v = cell(node);
            if (v instanceof Numbers.Value value) {
                return Matrix.scalar(value.value());
            }
            errors.accept(path, ((Numbers.NotANumber) v).reason());
            return null;
        }
        if (!node.isArray()) {
            errors.accept(path, "expected a number or a list of numbers, found " + Fields.describe(node));
            return null;
        }
        if (node.isEmpty()) {
            errors.accept(path, "is an empty list; expected numbers");
            return null;
        }
        boolean nested = node.get(0).isArray();
        if (!nested) {
            for (int i = 1; i < node.size(); i++) {
                if (node.get(i).isArray()) {
                    errors.accept(path, "is a mix of numbers and lists (item 1 is " + Fields.describe(node.get(0))
                            + ", item " + (i + 1) + " is a list); expected a list of rows, each a list of numbers");
                    return null;
                }
            }
        }
        int rows = nested ? node.size() : 1;
        int cols = nested ? node.get(0).size() : node.size();
        if (cols == 0) {
            errors.accept(path + "[" + first + "]", "row 1 is an empty list; expected numbers");
            return null;
        }
        if ((long) rows * cols > MAX_CELLS) {
            errors.accept(path, "has more than " + MAX_CELLS + " values");
            return null;
        }
        double[] data = new double[rows * cols];
        boolean ok = true;
        for (int i = 0; i < rows; i++) {
            JsonNode row = nested ? node.get(i) : node;
            String rowPath = nested ? path + "[" + (i + first) + "]" : path;
            if (nested && !row.isArray()) {
                errors.accept(rowPath, "row " + (i + 1) + " is " + Fields.describe(row)
                        + ", but row 1 is a list; expected a list of rows");
                ok = false;
                continue;
            }
            if (row.size() != cols) {
                errors.accept(path, "is ragged: row " + (i + 1) + " has " + row.size() + " values, but row 1 has " + cols);
                ok = false;
                continue;
            }
            for (int j = 0; j < cols; j++) {
                Numbers.Parsed v = cell(row.get(j));
                if (v instanceof Numbers.Value value) {
                    data[i * cols + j] = value.value();
                } else {
                    errors.accept(rowPath + "[" + (j + first) + "]", ((Numbers.NotANumber) v).reason());
                    ok = false;
                }
            }
        }
        return ok ? Matrix.wrap(rows, cols, data) : null;
    }

    private static Numbers.Parsed cell(JsonNode node) {
        if (node.isNumber()) {
            double v = node.doubleValue();
            // the text only for the message: Double.toString is most of the cost of a cell
            return Double.isFinite(v) ? new Numbers.Value(v) : Numbers.finite(v, node.asText());
        } else if (node.isTextual()) {
            return Numbers.parse(node.asText());
        }
        return new Numbers.NotANumber("expected a number, found " + Fields.describe(node));
    }
}
