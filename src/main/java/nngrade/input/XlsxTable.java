package nngrade.input;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The first sheet of an .xlsx workbook as rows of cell texts, as {@link CsvTable} gives a CSV file:
 * what a CSV reader does with its cells is done with these. A number is its exact value as the
 * file stores it (not as the cell displays it, rounded), a formula its last computed value, text
 * as typed. A cell that holds no number however it is read (true/false, an error such as #DIV/0!,
 * a formula never computed) has a text all the same, and a {@link #refusal} saying why.
 *
 * <p>The workbook is checked first ({@link XlsxGuard}), then streamed by fastexcel-reader.
 *
 * @param sheet    the sheet's name, as its tab shows it
 * @param rows     the rows that are not blank, in sheet order, each named by the sheet's row number;
 *                 a row is at least as wide as the first (a sheet keeps no empty cells at a row's end)
 * @param refusals why a cell holds no number, keyed by {@link #key}
 */
public record XlsxTable(String sheet, List<CsvRow> rows, Map<Long, String> refusals) {
    static final String PASSWORD = "is password-protected; remove the password (Excel: File › Info › Protect Workbook) "
            + "and save it again, or save the answers as CSV";
    static final String DAMAGED_ZIP = "is not a complete .xlsx workbook (the zip archive is damaged or cut short); "
            + "save it again from the spreadsheet, or save the answers as CSV";
    private static final String DAMAGED = "is not a readable .xlsx workbook (its parts are damaged or missing); "
            + "open it in the spreadsheet and save it again, or save the answers as CSV";
    /** Excel's last row. */
    static final int MAX_ROWS = 1_048_576;
    /**
     * fastexcel-reader gives each row a list as long as the widest row so far: a cell in column XFD
     * and a million empty rows after it would be 64 GB of lists. These are the list slots allowed.
     */
    static final long MAX_ROW_SLOTS = 64L << 20;

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    /** The stream an encrypted .xlsx keeps its workbook in, named in the OLE2 directory in UTF-16LE. */
    private static final byte[] ENCRYPTED = "EncryptedPackage".getBytes(StandardCharsets.UTF_16LE);
    /** cellInErrorIfParseError: a number that is not one makes its cell an error, not the whole file. */
    private static final ReadingOptions OPTIONS = new ReadingOptions(false, true);
    private static final BigDecimal WHOLE = BigDecimal.valueOf(1e15);
    private static final Pattern ERROR_VALUE = Pattern.compile(
            "#(NULL!|DIV/0!|VALUE!|REF!|NAME\\?|NUM!|N/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|UNKNOWN!|CONNECT!|BUSY!"
                    + "|PYTHON!)");

    public XlsxTable {
        rows = List.copyOf(rows);
        refusals = Collections.unmodifiableMap(new HashMap<>(refusals));
    }

    /** Whether {@code bytes} start as a workbook does: a zip (.xlsx, .ods), or an OLE2 file (.xls, an encrypted .xlsx). */
    public static boolean isWorkbook(byte[] bytes) {
        return startsWith(bytes, ZIP) || startsWith(bytes, OLE2);
    }

    /** Reads the first sheet of the workbook {@code bytes}, from the file {@code source}. */
    public static XlsxTable read(String source, byte[] bytes) {
        if (startsWith(bytes, OLE2)) {
            throw new BadInputException(InputError.inFile(source, indexOf(bytes, ENCRYPTED) >= 0 ? PASSWORD
                    : "is an Excel 97-2003 workbook (.xls); save it as .xlsx (Excel Workbook) or as CSV"));
        }
        if (!startsWith(bytes, ZIP)) {
            throw notAWorkbook(source);
        }
        XlsxGuard.check(source, bytes);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes), OPTIONS)) {
            Optional<Sheet> first = workbook.getSheet(0);
            if (first.isEmpty()) {
                throw new BadInputException(InputError.inFile(source, "has no sheets; the answers are read from "
                        + "the first sheet"));
            }
            String name = first.get().getName() == null ? "" : first.get().getName();
            Rows rows = new Rows(source, name);
            try (Stream<Row> stream = first.get().openStream()) {
                for (Iterator<Row> it = stream.iterator(); it.hasNext(); ) {
                    rows.add(it.next());
                }
            }
            return rows.table();
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException b) {
                throw b;
            }
            throw new BadInputException(InputError.inFile(source, DAMAGED));
        }
    }

    /** The refusal of a file that should be a workbook (by its name) but is neither one nor text. */
    public static BadInputException notAWorkbook(String source) {
        return new BadInputException(InputError.inFile(source, "is not an .xlsx workbook (a workbook is a zip archive, "
                + "and this file does not start as one); save it from the spreadsheet as .xlsx or CSV"));
    }

    /** Why cell {@code cell} (from 0) of row {@code line} holds no number; empty when it is a number or text. */
    public Optional<String> refusal(int line, int cell) {
        return Optional.ofNullable(refusals.get(key(line, cell)));
    }

    /** A cell's reference as the spreadsheet shows it: row 4, cell 2 is C4. */
    public static String cellName(int line, int cell) {
        StringBuilder letters = new StringBuilder();
        for (int c = cell + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString() + line;
    }

    static long key(int line, int cell) {
        return ((long) line << 32) | (cell & 0xFFFFFFFFL);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= bytes.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (bytes[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The rows of the sheet as they are streamed. */
    private static final class Rows {
        private final String source;
        private final String sheet;
        private final List<CsvRow> rows = new ArrayList<>();
        private final Map<Long, String> refusals = new HashMap<>();
        private long read;
        private long slots;
        private int widest = 16; // fastexcel-reader's first guess of a row's width

        Rows(String source, String sheet) {
            this.source = source;
            this.sheet = sheet;
        }

        void add(Row row) {
            slots += widest;
            widest = Math.max(widest, row.getCellCount());
            if (++read > MAX_ROWS || slots > MAX_ROW_SLOTS) {
                throw new BadInputException(InputError.inSheet(source, sheet, "", "sheet \"" + Excerpts.shown(sheet)
                        + "\" has more rows, or wider ones, than a spreadsheet holds; keep only the answers in it"));
            }
            int line = row.getRowNum();
            List<String> cells = new ArrayList<>();
            int used = 0;
            for (int i = 0; i < row.getCellCount(); i++) {
                String text = text(row.getCell(i), line, i);
                cells.add(text);
                if (!text.isEmpty()) {
                    used = i + 1;
                }
            }
            if (used > 0) { // a row of empty cells is a blank line
                rows.add(new CsvRow(line, cells.subList(0, used)));
            }
        }

        /** The cell's text; for a cell that holds no number, also why. */
        private String text(Cell c, int line, int cell) {
            if (c == null) {
                return "";
            }
            Object value = c.getValue();
            String raw = c.getRawValue() == null ? "" : c.getRawValue();
            return switch (c.getType()) {
                case EMPTY -> "";
                case NUMBER -> value instanceof BigDecimal n ? number(n, raw) : raw.strip();
                case STRING -> value == null ? "" : value.toString().strip();
                case BOOLEAN -> refused(line, cell, bool(raw), bool(raw) + " is a true/false value, not a number");
                case ERROR -> raw.isEmpty() ? "" : error(line, cell, raw);
                case FORMULA -> formula(c, value, raw, line, cell);
            };
        }

        private String formula(Cell c, Object value, String raw, int line, int cell) {
            if (value instanceof BigDecimal number) {
                return number(number, raw);
            } else if (value instanceof Boolean) {
                return refused(line, cell, bool(raw), bool(raw) + " is a true/false value, not a number");
            } else if (value instanceof String s) {
                return ERROR_VALUE.matcher(s).matches() ? error(line, cell, s) : s.strip(); // t="str": text
            } else if (!raw.isEmpty()) {
                return error(line, cell, raw); // a computed value that is not one
            }
            String formula = "=" + (c.getFormula() == null ? "" : c.getFormula());
            return refused(line, cell, formula, "the formula \"" + Excerpts.shown(formula) + "\" has no computed value; "
                    + "open the file in the spreadsheet and save it again, so that its values are computed");
        }

        /**
         * A number exactly as stored (the display may be rounded), whole numbers as whole numbers: a
         * program that writes 1 as "1.0" still gives an index.
         */
        private static String number(BigDecimal value, String raw) {
            BigDecimal whole = value.stripTrailingZeros();
            if (whole.scale() <= 0 && whole.abs().compareTo(WHOLE) < 0) {
                return whole.toBigInteger().toString();
            }
            return raw.strip();
        }

        private String error(int line, int cell, String raw) {
            return refused(line, cell, raw, "\"" + Excerpts.shown(raw) + "\" is an error value, not a number; "
                    + "fix the formula that gives it");
        }

        private static String bool(String raw) {
            return raw.equals("1") ? "TRUE" : "FALSE";
        }

        private String refused(int line, int cell, String text, String why) {
            refusals.put(key(line, cell), why);
            return text;
        }

        XlsxTable table() {
            int width = rows.isEmpty() ? 0 : rows.get(0).size();
            List<CsvRow> padded = new ArrayList<>(rows.size());
            for (CsvRow r : rows) {
                if (r.size() >= width) {
                    padded.add(r);
                } else {
                    List<String> cells = new ArrayList<>(r.cells());
                    cells.addAll(Collections.nCopies(width - r.size(), ""));
                    padded.add(new CsvRow(r.line(), cells));
                }
            }
            return new XlsxTable(sheet, padded, refusals);
        }
    }
}
