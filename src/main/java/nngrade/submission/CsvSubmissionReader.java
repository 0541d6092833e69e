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
import java.util.regex.Pattern;

/**
 * Reads the CSV layouts of the spec, told apart by the header: long
 * ({@code quantity,row,col,value}) and by rows ({@code quantity,value}): a quantity per row, as a
 * compact matrix in one cell ({@code 0.35 1.04; -0.98 -2.94}) or one cell per value
 * ({@code yhat;0,6365;0,3132}), and a matrix also a row per matrix row, the rows named alike and
 * one under the other, with or without a leading row number. Either delimiter ({@code ,} or
 * {@code ;}), a BOM, CRLF, blank lines and spaces around cells are accepted. A workbook's sheet is
 * read in the same layouts by the same rows ({@link #read}).
 */
final class CsvSubmissionReader {
    private static final String LAYOUTS = "quantity,row,col,value (one cell per line) or quantity,value "
            + "(one quantity per line, rows separated by ;)";

    private enum Layout { LONG, ROWS }

    /** What may head the value columns of the by-rows layout: {@code value}, {@code values}, {@code 1}, {@code value 2}, {@code row}. */
    private static final Pattern VALUE_HEADER = Pattern.compile("|values?|row|\\d{1,4}|(values?|col(umn)?|[vcx])\\s*\\d{1,4}");
    private static final Pattern INDEX = Pattern.compile("\\d{1,9}");

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
            boolean quantity = QuantityNames.resolveInSubmission(header.get(0), problem.quantities()).isPresent();
            if (quantity && isLongRow(header)) {
                layout = Layout.LONG;
            } else if (quantity && header.size() >= 2) {
                layout = Layout.ROWS;
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
                c.byRow(r);
            }
        }
        return c.finish();
    }

    /**
     * Whether a first row without a header is one cell of the long layout: four cells, the middle two
     * indices or blank, and a value ({@code z1,1,2,-2}; {@code loss,,,3.86}). Any other row of two
     * cells or more is a row of the by-rows layout ({@code yhat;0,6365;0,3132}).
     */
    private static boolean isLongRow(CsvRow r) {
        return r.size() == 4 && (r.get(1).isEmpty() || INDEX.matcher(r.get(1)).matches())
                && (r.get(2).isEmpty() || INDEX.matcher(r.get(2)).matches()) && !r.get(3).isEmpty();
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

        @Override
        public boolean splitsDecimalCommas() {
            return delimiter == ',';
        }
    }

    private static Optional<Layout> layout(CsvRow header) {
        List<String> cells = new ArrayList<>();
        for (String cell : header.cells().subList(0, filled(header))) {
            cells.add(cell.strip().toLowerCase(Locale.ROOT));
        }
        if (String.join(",", cells).equals("quantity,row,col,value")) {
            return Optional.of(Layout.LONG);
        }
        if (cells.isEmpty() || !cells.get(0).equals("quantity")) {
            return Optional.empty();
        }
        for (String cell : cells.subList(1, cells.size())) {
            if (!VALUE_HEADER.matcher(cell).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(Layout.ROWS);
    }

    /** The cells of a row up to its last that is not empty: a spreadsheet pads short rows with empty ones. */
    private static int filled(CsvRow r) {
        int n = r.size();
        while (n > 0 && r.get(n - 1).isEmpty()) {
            n--;
        }
        return n;
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

    /** The rows, named alike and one under the other, of one quantity in the by-rows layout. */
    private record Group(Quantity quantity, String name, List<CsvRow> rows) {
    }

    /** Matrix rows read so far for one quantity, row-major. */
    private static final class Rows {
        int cols = -1;
        int count;
        double[] data = new double[16];
        int n;
    }

    /** Where a problem of a compact value is: its row within the value (from 0) and column (from 1, 0 for the row). */
    private interface Sink {
        void add(int row, int column, String message);
    }

    private static final class Collector {
        private final String source;
        private final Problem problem;
        private final RowPlaces places;
        private final nngrade.problem.Quantities layers;
        private final ErrorList errors;
        private final Map<Quantity, Grid> grids = new LinkedHashMap<>();
        private final Map<Quantity, Answer> answers = new LinkedHashMap<>();
        private final Map<Quantity, Integer> compactLines = new HashMap<>();
        private Group open; // the rows of the by-rows quantity being read, until a row names another
        private String variant;
        private int variantLine;

        Collector(String source, Problem problem, RowPlaces places) {
            this.source = source;
            this.problem = problem;
            this.places = places;
            this.layers = problem.quantities();
            this.errors = new ErrorList(source);
        }

        private void error(int line, String message) {
            errors.add(places.atRow(line, message));
        }

        private void error(int line, int cell, String message) {
            errors.add(places.atCell(line, cell, message));
        }

        private Optional<Quantity> quantity(String name, int line) {
            Optional<Quantity> q = QuantityNames.resolveInSubmission(name, layers);
            if (q.isEmpty()) {
                // past the list's cap the message is counted, not kept: no suggestion to look for
                List<Quantity> asked = errors.count() < ErrorList.MAX ? problem.ask() : List.of();
                error(line, 0, QuantityNames.unknown(name, layers, asked));
            }
            return q;
        }

        /** Says that a name was read only by ignoring its separators, at its first row. */
        private void noteLoose(String name, Quantity q, int line) {
            if (QuantityNames.isLoose(name, layers)) {
                error(line, 0, QuantityNames.readAs(name, q));
            }
        }

        private String cellCount(CsvRow r, int expected, String layoutName) {
            return "expected " + expected + " cells (" + layoutName + "), found " + r.size()
                    + places.tooManyCellsHint(r.size(), expected);
        }

        void longRow(CsvRow r) {
            int line = r.line();
            if (r.size() != 4) {
                Optional<Quantity> named = r.get(0).equalsIgnoreCase("variant") ? Optional.empty()
                        : QuantityNames.resolveInSubmission(r.get(0), layers);
                if (named.isPresent()) {
                    // the quantity was answered, and this row of it cannot be read: unreadable, not missing
                    String count = cellCount(r, 4, "quantity,row,col,value");
                    Answer.addProblem(grid(named.get(), r.get(0), line).problems, places.row(line) + ": " + count);
                    error(line, count);
                } else {
                    error(line, cellCount(r, 4, "quantity,row,col,value"));
                }
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
            Grid g = grid(q, r.get(0), line);
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
                if (!q.isScalar() && shape[0] * shape[1] != 1) {
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

        private Grid grid(Quantity q, String name, int line) {
            Grid g = grids.get(q);
            if (g == null) {
                g = new Grid(name, line);
                grids.put(q, g);
                noteLoose(name, q, line);
            }
            return g;
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
                int[] s = problem.shapeOf(QuantityNames.resolveInSubmission(g.name, layers).orElseThrow());
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
                String code = r.get(Math.max(0, filled(r) - 1)); // the last cell written: a sheet pads its rows
                variant = code.isEmpty() || filled(r) < 2 ? null : code;
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

        /** A row of the by-rows layout: one more row of the quantity being read, or the first of another. */
        void byRow(CsvRow r) {
            int line = r.line();
            if (variant(r)) {
                close();
                return;
            }
            String name = r.get(0);
            if (name.isEmpty()) {
                close();
                error(line, "expected a quantity's name in the first cell, found an empty cell; keep notes out of "
                        + "the rows of answers");
                return;
            }
            Optional<Quantity> oq = quantity(name, line);
            if (oq.isEmpty()) {
                close();
                return;
            }
            Quantity q = oq.get();
            if (open != null && open.quantity.equals(q)) {
                open.rows.add(r);
                return;
            }
            close();
            if (answers.containsKey(q) || compactLines.containsKey(q)) {
                error(line, "\"" + name + "\" is answered twice (first on " + places.row(compactLines.get(q))
                        + "); the first answer is graded");
                return;
            }
            compactLines.put(q, line);
            noteLoose(name, q, line);
            open = new Group(q, name, new ArrayList<>(List.of(r)));
        }

        /** Reads the quantity whose rows are done: its rows, one under the other, are its answer. */
        private void close() {
            Group g = open;
            if (g == null) {
                return;
            }
            open = null;
            boolean blank = true;
            for (CsvRow r : g.rows) {
                blank &= isBlank(r);
            }
            if (blank) {
                return; // left blank: not answered
            }
            int skip = numbered(g) ? 1 : 0;
            List<String> problems = new ArrayList<>();
            Rows rows = new Rows();
            for (CsvRow r : g.rows) {
                readRow(g.name, r, skip, rows, problems);
            }
            if (problems.isEmpty() && rows.cols == 0) {
                problems.add(g.name + " has an empty row");
                error(g.rows.get(0).line(), 1, problems.get(0));
            }
            if (problems.isEmpty() && places.splitsDecimalCommas()) {
                String split = splitDecimals(g);
                if (split != null) {
                    problems.add(split);
                    error(g.rows.get(0).line(), split);
                }
            }
            if (!problems.isEmpty()) {
                answers.put(g.quantity, Answer.unreadable(g.name, problems));
                return;
            }
            double[] data = rows.n == rows.data.length ? rows.data : Arrays.copyOf(rows.data, rows.n);
            answers.put(g.quantity, Answer.readable(g.name, Matrix.wrap(rows.count, rows.cols, data)));
        }

        /**
         * One row's matrix rows: a single cell is a compact matrix ({@code 0.35 1.04; -0.98 -2.94});
         * several cells are one matrix row of a value each ({@code 0,6365;0,3132}), or, when a cell
         * holds several values, one matrix row each ({@code 1 2 3;4 5 6}, a compact matrix whose
         * {@code ;} the file's delimiter took). Messages name the cell the value is in.
         */
        private void readRow(String name, CsvRow r, int skip, Rows rows, List<String> problems) {
            int line = r.line();
            int from = 1 + skip;
            int to = Math.max(from, filled(r));
            boolean refused = false;
            for (int cell = from; cell < to; cell++) {
                Optional<String> why = places.refusal(line, cell);
                if (why.isPresent()) {
                    String p = (to - from == 1 ? name : name + " row " + (rows.count + 1) + ", column " + (cell - from + 1))
                            + ": " + why.get();
                    Answer.addProblem(problems, p);
                    error(line, cell, p);
                    refused = true;
                }
            }
            if (refused) {
                rows.count++; // the row is there, unread: later rows keep their numbers
                return;
            }
            List<String> cells = r.cells().subList(from, to);
            boolean rowPerCell = cells.size() > 1 && cells.stream().anyMatch(Collector::holdsSeveral);
            if (!rowPerCell && cells.size() > 1 && cells.contains("")) {
                // an empty cell between values would vanish between the spaces that join them
                for (int c = 0; c < cells.size(); c++) {
                    if (cells.get(c).isEmpty()) {
                        String p = name + " row " + (rows.count + 1) + ", column " + (c + 1) + ": the value is empty";
                        Answer.addProblem(problems, p);
                        error(line, from + c, p);
                    }
                }
                rows.count++;
                return;
            }
            String text = cells.isEmpty() ? "" : String.join(rowPerCell ? ";" : " ", cells);
            int firstRow = rows.count;
            compact(name, text, rows, problems, (row, column, message) -> {
                int cell = cells.size() == 1 ? from : rowPerCell ? from + row : from + Math.max(0, column - 1);
                error(line, Math.min(cell, to - 1), message);
            });
            if (rows.count == firstRow) {
                String p = name + " row " + (rows.count + 1) + " has no values";
                Answer.addProblem(problems, p);
                error(line, p);
                rows.count++;
            }
        }

        /**
         * Whether a quantity's rows start with their row numbers ({@code dW1;1;0,1;0,2} and
         * {@code dW1;2;0,3;0,4}): every row starts with a whole number, 1 on the first row, 2 on the
         * second and so on, each cell holds one value, and without that first column the rows hold
         * exactly as many values as the quantity has. Else the first column is values like the rest.
         */
        private boolean numbered(Group g) {
            int[] shape = problem.shapeOf(g.quantity);
            long values = 0;
            for (int i = 0; i < g.rows.size(); i++) {
                CsvRow r = g.rows.get(i);
                int n = filled(r);
                if (n < 3 || !r.get(1).equals(String.valueOf(i + 1)) || places.refusal(r.line(), 1).isPresent()) {
                    return false;
                }
                for (String cell : r.cells().subList(1, n)) {
                    if (holdsSeveral(cell)) {
                        return false;
                    }
                }
                values += n - 2;
            }
            return values == (long) shape[0] * shape[1];
        }

        /**
         * Why a quantity's cells look like numbers with decimal commas in a file delimited by
         * {@code ,} ({@code yhat,0,6365,0,3132}: four cells for two values), or null. Said only when
         * the cells pair up as whole part and digits into exactly the values the quantity has.
         */
        private String splitDecimals(Group g) {
            int[] shape = problem.shapeOf(g.quantity);
            long cells = 0;
            for (CsvRow r : g.rows) {
                int n = filled(r);
                if ((n - 1) % 2 != 0) {
                    return null;
                }
                for (int c = 1; c < n; c += 2) {
                    if (!r.get(c).matches("[+-]?\\d+") || !r.get(c + 1).matches("\\d+")) {
                        return null;
                    }
                }
                cells += n - 1;
            }
            if (cells != 2L * shape[0] * shape[1]) {
                return null;
            }
            return g.name + " has " + cells + " cells for its " + (cells / 2) + " values"
                    + places.tooManyCellsHint((int) cells, (int) (cells / 2));
        }

        /** Whether a cell holds several values, separated by spaces. */
        private static boolean holdsSeveral(String cell) {
            String c = cell.strip();
            for (int i = 0; i < c.length(); i++) {
                if (Character.isWhitespace(c.charAt(i))) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isBlank(CsvRow r) {
            for (String cell : r.cells().subList(1, r.size())) {
                if (!cell.matches("[_\\s;\\[\\]]*")) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Reads a compact value ({@code 0.35 1.04 0; -0.98 -2.94 0}: rows separated by {@code ;},
         * values by spaces, in optional {@code [ ]}) as rows below those read so far, telling
         * {@code sink} each problem with the row (from 0, within the value) and column (from 1) it is in.
         */
        private static void compact(String name, String cell, Rows rows, List<String> problems, Sink sink) {
            String value = cell.strip();
            if (value.startsWith("[") && value.endsWith("]")) {
                value = value.substring(1, value.length() - 1).strip();
            }
            if (value.endsWith(";")) {
                value = value.substring(0, value.length() - 1).strip(); // MATLAB's "1 2 3;"
            }
            if (value.isEmpty()) {
                return;
            }
            // Scanned in place, a value at a time: splitting first made a String of every value, and a
            // 15 MB cell of 3 million values needed more than a 256 MB heap.
            for (int start = 0, row = 0; start <= value.length(); row++, rows.count++) {
                int end = value.indexOf(';', start);
                end = end < 0 ? value.length() : end;
                int rowStart = rows.n;
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
                        if (rows.n == rows.data.length) {
                            rows.data = Arrays.copyOf(rows.data, 2 * rows.n);
                        }
                        if (p instanceof Numbers.Value v) {
                            rows.data[rows.n++] = v.value();
                        } else {
                            rows.n++;
                            String m = name + " row " + (rows.count + 1) + ", column " + inRow + ": "
                                    + ((Numbers.NotANumber) p).reason();
                            Answer.addProblem(problems, m);
                            sink.add(row, inRow, m);
                        }
                    }
                    t = u;
                }
                if (rows.cols < 0) {
                    rows.cols = inRow;
                } else if (inRow != rows.cols) {
                    String m = name + " is ragged: row " + (rows.count + 1) + " has " + inRow + " values, but row 1 has "
                            + rows.cols;
                    Answer.addProblem(problems, m);
                    sink.add(row, 0, m);
                    rows.n = rowStart;
                }
                start = end + 1;
            }
        }

        Submission finish() {
            close();
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
