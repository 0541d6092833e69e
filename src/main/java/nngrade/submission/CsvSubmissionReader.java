package nngrade.submission;

import nngrade.input.BadInputException;
import nngrade.input.CsvRow;
import nngrade.input.CsvTable;
import nngrade.input.ErrorList;
import nngrade.input.Excerpts;
import nngrade.input.InputError;
import nngrade.problem.Matrix;
import nngrade.problem.MatrixReader;
import nngrade.problem.Numbers;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the two CSV layouts of the spec, told apart by the header: long
 * ({@code quantity,row,col,value}) and compact ({@code quantity,value}). Either delimiter
 * ({@code ,} or {@code ;}), a BOM, CRLF, blank lines and spaces around cells are accepted.
 * A workbook's sheet is read in the same layouts by the same rows ({@link #read}).
 */
final class CsvSubmissionReader {
    private static final String LAYOUTS = "quantity,row,col,value (one cell per line) or quantity,value "
            + "(one quantity per line, rows separated by ;)";

    private enum Layout { LONG, COMPACT }

    private CsvSubmissionReader() {
    }

    static Submission parse(String source, String text, Problem problem) {
        CsvTable table = CsvTable.parse(source, text);
        List<CsvRow> rows = table.rows();
        if (rows.isEmpty()) {
            throw new BadInputException(InputError.inFile(source, "has no rows; expected a header " + LAYOUTS));
        }
        return read(source, rows, new Lines(source, table.delimiter()), problem);
    }

    /** The answers in {@code rows} (at least one: the header, or the first answer), wherever they come from. */
    static Submission read(String source, List<CsvRow> rows, RowPlaces places, Problem problem) {
        CsvRow header = rows.get(0);
        Optional<Layout> named = layout(header);
        Layout layout;
        int start = 1;
        if (named.isPresent()) {
            layout = named.get();
        } else {
            // No header: infer the layout from a first line that starts with a quantity name.
            boolean quantity = QuantityNames.resolve(header.get(0), problem.network().depth()).isPresent();
            if (quantity && header.size() == 4) {
                layout = Layout.LONG;
            } else if (quantity && header.size() == 2) {
                layout = Layout.COMPACT;
            } else {
                throw new BadInputException(places.atRow(header.line(),
                        "expected a header " + LAYOUTS + ", found \"" + Excerpts.shown(places.joined(header.cells())) + "\""));
            }
            start = 0;
        }
        Collector c = new Collector(source, problem, places);
        for (CsvRow r : rows.subList(start, rows.size())) {
            if (layout == Layout.LONG) {
                c.longRow(r);
            } else {
                c.compactRow(r);
            }
        }
        return c.finish();
    }

    /** A CSV file's rows are named by their lines. */
    private record Lines(String source, char delimiter) implements RowPlaces {
        @Override
        public InputError atRow(int line, String message) {
            return InputError.atLine(source, line, message);
        }

        @Override
        public InputError atCell(int line, int cell, String message) {
            return InputError.atLine(source, line, message);
        }

        @Override
        public String row(int line) {
            return "line " + line;
        }

        @Override
        public String joined(List<String> cells) {
            return String.join(String.valueOf(delimiter), cells);
        }

        @Override
        public String tooManyCellsHint(int found, int expected) {
            return delimiter == ',' && found > expected
                    ? "; with , as the delimiter write decimals with a point (0.35), or use ; as the delimiter" : "";
        }

        @Override
        public Optional<String> refusal(int line, int cell) {
            return Optional.empty();
        }
    }

    private static Optional<Layout> layout(CsvRow header) {
        List<String> cells = new ArrayList<>();
        for (String cell : header.cells()) {
            cells.add(cell.strip().toLowerCase(Locale.ROOT));
        }
        String joined = String.join(",", cells);
        if (joined.equals("quantity,row,col,value")) {
            return Optional.of(Layout.LONG);
        }
        if (joined.equals("quantity,value")) {
            return Optional.of(Layout.COMPACT);
        }
        return Optional.empty();
    }

    /** Cells of one quantity in the long layout, keyed by (row, col). */
    private static final class Grid {
        final String name;
        final int firstLine;
        final Map<Long, double[]> cells = new HashMap<>(); // key -> {value, line}
        final List<String> problems = new ArrayList<>();
        boolean scalar;
        int maxRow;
        int maxCol;

        Grid(String name, int firstLine) {
            this.name = name;
            this.firstLine = firstLine;
        }
    }

    private static final class Collector {
        private final String source;
        private final Problem problem;
        private final RowPlaces places;
        private final int layers;
        private final ErrorList errors;
        private final Map<Quantity, Grid> grids = new LinkedHashMap<>();
        private final Map<Quantity, Answer> answers = new LinkedHashMap<>();
        private final Map<Quantity, Integer> compactLines = new HashMap<>();
        private String variant;
        private int variantLine;

        Collector(String source, Problem problem, RowPlaces places) {
            this.source = source;
            this.problem = problem;
            this.places = places;
            this.layers = problem.network().depth();
            this.errors = new ErrorList(source);
        }

        private void error(int line, String message) {
            errors.add(places.atRow(line, message));
        }

        private void error(int line, int cell, String message) {
            errors.add(places.atCell(line, cell, message));
        }

        private Optional<Quantity> quantity(String name, int line) {
            Optional<Quantity> q = QuantityNames.resolve(name, layers);
            if (q.isEmpty()) {
                error(line, 0, QuantityNames.unknown(name, layers));
            }
            return q;
        }

        private String cellCount(CsvRow r, int expected, String layoutName) {
            return "expected " + expected + " cells (" + layoutName + "), found " + r.size()
                    + places.tooManyCellsHint(r.size(), expected);
        }

        void longRow(CsvRow r) {
            int line = r.line();
            if (r.size() != 4) {
                error(line, cellCount(r, 4, "quantity,row,col,value"));
                return;
            }
            if (variant(r)) {
                return;
            }
            Optional<Quantity> oq = quantity(r.get(0), line);
            if (oq.isEmpty()) {
                return;
            }
            Quantity q = oq.get();
            if (answers.containsKey(q)) {
                return;
            }
            Grid g = grids.computeIfAbsent(q, k -> new Grid(r.get(0), line));
            int[] shape = problem.shapeOf(q);
            int limit = Math.max(shape[0], shape[1]);
            String rowText = r.get(1);
            String colText = r.get(2);
            int colCell = 2;
            Optional<String> refused = places.refusal(line, 3);
            Numbers.Parsed parsed = refused.isPresent() ? new Numbers.NotANumber(refused.get()) : Numbers.parse(r.get(3));
            if (parsed instanceof Numbers.NotANumber bad) {
                if (r.get(3).isEmpty()) {
                    // A blank template cell: it still tells the shape, so the hole is reported by position.
                    if (rowText.matches("\\d{1,9}") && colText.matches("\\d{1,9}")) {
                        int row = Integer.parseInt(rowText);
                        int col = Integer.parseInt(colText);
                        if (row >= 1 && row <= limit && col >= 1 && col <= limit) {
                            g.maxRow = Math.max(g.maxRow, row);
                            g.maxCol = Math.max(g.maxCol, col);
                        }
                    }
                    return;
                }
                fail(g, line, 3, g.name + " row " + blankOr(rowText) + ", column " + blankOr(colText) + ": " + bad.reason());
                return;
            }
            double value = ((Numbers.Value) parsed).value();
            if (rowText.isEmpty() && colText.isEmpty()) {
                if (!q.equals(Quantity.LOSS) && shape[0] * shape[1] != 1) {
                    fail(g, line, g.name + " is " + shape[0] + "×" + shape[1] + ", so each line needs a row and a column");
                    return;
                }
                rowText = "1";
                colText = "1";
            } else if (colText.isEmpty() && shape[0] == 1) {
                colText = rowText; // a vector indexed by one number
                colCell = 1;
                rowText = "1";
            } else if (rowText.isEmpty() && shape[0] == 1) {
                rowText = "1";
            }
            Integer row = index(g, line, 1, "row", rowText, limit);
            Integer col = index(g, line, colCell, "column", colText, limit);
            if (row == null || col == null) {
                return;
            }
            long key = ((long) row << 32) | col;
            double[] previous = g.cells.get(key);
            if (previous != null) {
                fail(g, line, g.name + " row " + row + ", column " + col + " is given twice (first on "
                        + places.row((int) previous[1]) + ")");
                return;
            }
            g.cells.put(key, new double[] {value, line});
            g.maxRow = Math.max(g.maxRow, row);
            g.maxCol = Math.max(g.maxCol, col);
        }

        private static String blankOr(String s) {
            return s.isEmpty() ? "(none)" : Excerpts.shown(s);
        }

        private Integer index(Grid g, int line, int cell, String what, String text, int limit) {
            String shown = text.length() > 20 ? text.substring(0, 20) + "…" : text;
            if (!text.matches("\\d+")) {
                fail(g, line, cell, g.name + ": " + what + " \"" + shown
                        + "\" is not an index; expected a whole number from 1 to " + limit);
                return null;
            }
            // a whole number too long for an int (e.g. 99999999999) is out of range, not "not an index"
            int i = text.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(text);
            if (i < 1 || i > limit) {
                int[] s = problem.shapeOf(QuantityNames.resolve(g.name, layers).orElseThrow());
                fail(g, line, cell, g.name + ": " + what + " " + (text.length() > 9 ? shown : String.valueOf(i))
                        + " is out of range; " + g.name + " is " + s[0] + "×" + s[1] + " (indices start at 1)");
                return null;
            }
            return i;
        }

        /** The variant code's row ({@code variant,,,CODE} or {@code variant,CODE}): not a quantity. */
        private boolean variant(CsvRow r) {
            if (!r.get(0).equalsIgnoreCase("variant")) {
                return false;
            }
            if (variantLine > 0) {
                error(r.line(), "variant is given twice (first on " + places.row(variantLine) + "); the first is used");
            } else {
                variantLine = r.line();
                String code = r.get(r.size() - 1);
                variant = code.isEmpty() ? null : code;
            }
            return true;
        }

        private void fail(Grid g, int line, String message) {
            Answer.addProblem(g.problems, message);
            error(line, message);
        }

        private void fail(Grid g, int line, int cell, String message) {
            Answer.addProblem(g.problems, message);
            error(line, cell, message);
        }

        void compactRow(CsvRow r) {
            int line = r.line();
            if (r.size() != 2) {
                error(line, cellCount(r, 2, "quantity,value"));
                return;
            }
            if (variant(r)) {
                return;
            }
            Optional<Quantity> oq = quantity(r.get(0), line);
            if (oq.isEmpty()) {
                return;
            }
            Quantity q = oq.get();
            String name = r.get(0);
            if (answers.containsKey(q) || grids.containsKey(q)) {
                error(line, "\"" + name + "\" is answered twice (first on " + places.row(compactLines.get(q))
                        + "); the first answer is graded");
                return;
            }
            compactLines.put(q, line);
            Optional<String> refused = places.refusal(line, 1);
            if (refused.isPresent()) {
                String p = name + ": " + refused.get();
                error(line, 1, p);
                answers.put(q, Answer.unreadable(name, List.of(p)));
                return;
            }
            String value = r.get(1).strip();
            if (value.startsWith("[") && value.endsWith("]")) {
                value = value.substring(1, value.length() - 1).strip();
            }
            if (value.endsWith(";")) {
                value = value.substring(0, value.length() - 1).strip(); // MATLAB's "1 2 3;"
            }
            if (value.isEmpty() || value.matches("[_\\s;]*")) {
                return; // left blank
            }
            // Scanned in place, a value at a time: splitting first made a String of every value, and a
            // 15 MB cell of 3 million values needed more than a 256 MB heap.
            List<String> problems = new ArrayList<>();
            int cols = -1;
            int rowCount = 0;
            double[] data = new double[16];
            int n = 0;
            for (int start = 0; start <= value.length(); rowCount++) {
                int end = value.indexOf(';', start);
                end = end < 0 ? value.length() : end;
                int rowStart = n;
                int inRow = 0;
                for (int t = start; t < end; ) {
                    while (t < end && Character.isWhitespace(value.charAt(t))) {
                        t++;
                    }
                    int u = t;
                    while (u < end && !Character.isWhitespace(value.charAt(u))) {
                        u++;
                    }
                    if (u > t) {
                        inRow++;
                        Numbers.Parsed p = Numbers.parse(value.substring(t, u));
                        if (n == data.length) {
                            data = Arrays.copyOf(data, 2 * n);
                        }
                        if (p instanceof Numbers.Value v) {
                            data[n++] = v.value();
                        } else {
                            n++;
                            Answer.addProblem(problems, name + " row " + (rowCount + 1) + ", column " + inRow + ": "
                                    + ((Numbers.NotANumber) p).reason());
                        }
                    }
                    t = u;
                }
                if (cols < 0) {
                    cols = inRow;
                } else if (inRow != cols) {
                    Answer.addProblem(problems, name + " is ragged: row " + (rowCount + 1) + " has " + inRow
                            + " values, but row 1 has " + cols);
                    n = rowStart;
                }
                start = end + 1;
            }
            if (cols == 0 && problems.isEmpty()) {
                problems.add(name + " has an empty row");
            }
            for (String p : problems) {
                error(line, 1, p);
            }
            if (!problems.isEmpty()) {
                answers.put(q, Answer.unreadable(name, problems));
                return;
            }
            answers.put(q, Answer.readable(name, Matrix.wrap(rowCount, cols, n == data.length ? data : Arrays.copyOf(data, n))));
        }

        Submission finish() {
            Map<Quantity, Answer> out = new LinkedHashMap<>(answers);
            grids.forEach((q, g) -> {
                if (!g.problems.isEmpty()) {
                    out.put(q, Answer.unreadable(g.name, g.problems));
                    return;
                }
                if (g.cells.isEmpty()) {
                    return; // only blank cells: not answered
                }
                if ((long) g.maxRow * g.maxCol > MatrixReader.MAX_CELLS) {
                    // each index is in range, but together they make a matrix no answer can be
                    String big = g.name + " has cells up to row " + g.maxRow + " and column " + g.maxCol
                            + ", more than " + MatrixReader.MAX_CELLS + " values";
                    error(g.firstLine, big);
                    out.put(q, Answer.unreadable(g.name, List.of(big)));
                    return;
                }
                double[] data = new double[g.maxRow * g.maxCol];
                List<String> holes = new ArrayList<>();
                long holeCount = 0;
                for (int i = 1; i <= g.maxRow; i++) {
                    for (int j = 1; j <= g.maxCol; j++) {
                        double[] cell = g.cells.get(((long) i << 32) | j);
                        if (cell == null) {
                            if (++holeCount <= Answer.MAX_PROBLEMS) {
                                holes.add(g.name + " has no value for row " + i + ", column " + j);
                            }
                        } else {
                            data[(i - 1) * g.maxCol + (j - 1)] = cell[0];
                        }
                    }
                }
                if (holeCount > Answer.MAX_PROBLEMS) {
                    holes.add("and " + (holeCount - Answer.MAX_PROBLEMS) + " more cells of " + g.name
                            + " have no value");
                }
                if (!holes.isEmpty()) {
                    for (String h : holes) {
                        error(g.firstLine, h);
                    }
                    out.put(q, Answer.unreadable(g.name, holes));
                } else {
                    out.put(q, Answer.readable(g.name, Matrix.wrap(g.maxRow, g.maxCol, data)));
                }
            });
            if (out.isEmpty() && errors.isEmpty()) {
                throw new BadInputException(InputError.inFile(source, "has a header but no answers"));
            }
            return new Submission(source, null, null, variant, out, errors.list());
        }
    }
}
