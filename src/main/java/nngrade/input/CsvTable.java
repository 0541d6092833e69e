package nngrade.input;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CSV file as nngrade reads submissions and rosters: RFC 4180 with {@code ,} or {@code ;} as
 * the delimiter, spaces around cells and blank lines ignored, each row with the line it is on.
 * A file that is not valid CSV is one plain line at its line, without the parser's class name; one
 * whose columns are separated by tabs is refused with how to save it as CSV.
 *
 * @param delimiter the delimiter the file uses
 * @param rows      the rows that are not blank, in file order
 */
public record CsvTable(char delimiter, List<CsvRow> rows) {
    private static final CSVFormat COMMA = format(',');
    private static final CSVFormat SEMICOLON = format(';');
    private static final String TABS = "the columns are separated by tabs (a spreadsheet's \"Text (Tab delimited)\"); "
            + "save it as CSV, comma-separated (CSV UTF-8 in a spreadsheet's Save As)";

    // commons-csv writes its line numbers with %,d: "(startline 1,500)", grouped as the locale groups
    private static final Pattern START_LINE = Pattern.compile("\\(startline ([^)]*)\\)\\s*");
    private static final Pattern AT_LINE = Pattern.compile("\\s*at line: (.+?), position: \\S+");

    private static final int SHARED_LENGTH = 8;
    private static final int SHARED_CELLS = 4096;

    public CsvTable {
        rows = List.copyOf(rows);
    }

    /** Parses {@code text} (without a byte-order mark) from the file {@code source}. */
    public static CsvTable parse(String source, String text) {
        char delimiter = delimiter(text);
        int tabbed = tabDelimitedLine(text);
        if (tabbed > 0) {
            throw new BadInputException(InputError.atLine(source, tabbed, TABS));
        }
        Lines lines = new Lines(text);
        List<CsvRow> rows = new ArrayList<>();
        // Rows as the parser gives them, each record dropped once read, and the short cells every row
        // repeats (a quantity's name, a row index) shared: a long CSV of 700,000 cells fits a 256 MB heap.
        Map<String, String> shared = new HashMap<>();
        try (CSVParser parser = (delimiter == ';' ? SEMICOLON : COMMA).parse(new StringReader(text))) {
            for (CSVRecord r : parser) {
                if (r.size() > 1 || !r.get(0).isEmpty()) { // a line of nothing but spaces is blank too
                    String[] cells = r.values();
                    for (int i = 0; i < cells.length; i++) {
                        if (cells[i].length() <= SHARED_LENGTH && shared.size() < SHARED_CELLS) {
                            cells[i] = shared.computeIfAbsent(cells[i], c -> c);
                        } else if (cells[i].length() <= SHARED_LENGTH) {
                            cells[i] = shared.getOrDefault(cells[i], cells[i]);
                        }
                    }
                    rows.add(new CsvRow(lines.of(r), List.of(cells)));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new BadInputException(syntaxError(source, e));
        }
        return new CsvTable(delimiter, rows);
    }

    private static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .build();
    }

    /**
     * The line of the first line that is not blank when it separates its cells by tabs and by neither
     * {@code ,} nor {@code ;} (a spreadsheet's "Text (Tab delimited)"), else 0. Refused rather than
     * read: a tab is also what a pasted cell or an editor's indentation holds, and the files nngrade
     * writes back beside a roster (Moodle's, Canvas's) must keep the LMS's own delimiter.
     */
    static int tabDelimitedLine(String text) {
        int line = 0;
        for (String l : (Iterable<String>) text.lines()::iterator) {
            line++;
            if (!l.isBlank()) {
                String cells = l.strip();
                return cells.indexOf('\t') >= 0 && cells.indexOf(',') < 0 && cells.indexOf(';') < 0 ? line : 0;
            }
        }
        return 0;
    }

    /**
     * {@code ;} when the first line that is not blank has one before any {@code ,} (then {@code ,}
     * may be a decimal comma, as spreadsheets in many European locales write), else {@code ,}.
     */
    static char delimiter(String text) {
        String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        int semicolon = first.indexOf(';');
        int comma = first.indexOf(',');
        return semicolon >= 0 && (comma < 0 || semicolon < comma) ? ';' : ',';
    }

    /**
     * A CSV syntax error at its line, without the parser's class name: commons-csv reports
     * {@code org.apache.commons.csv.CSVException: (startline 5) EOF reached before …}.
     */
    private static InputError syntaxError(String source, Exception e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String msg = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("");
        int line = 0;
        for (Pattern p : List.of(START_LINE, AT_LINE)) {
            Matcher m = p.matcher(msg);
            if (m.find()) {
                String digits = m.group(1).replaceAll("\\D", "");
                line = digits.isEmpty() || digits.length() > 9 ? 0 : Integer.parseInt(digits);
                msg = m.replaceFirst("");
            }
        }
        if (msg.startsWith("EOF reached before encapsulated token finished")) {
            msg = "a quoted value is not closed (a \" without its closing \")";
        } else if (msg.startsWith("Invalid character between encapsulated token and delimiter")) {
            msg = "text after the closing \" of a quoted value; quote the whole value";
        }
        return InputError.atLine(source, line, "is not valid CSV: " + msg.strip());
    }

    /** Line numbers of records, from their character positions. */
    private static final class Lines {
        private final String text;
        private final int[] starts;

        Lines(String text) {
            this.text = text;
            int[] s = new int[64];
            int n = 1; // s[0] = 0: the first line starts the text
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '\n' || (ch == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                    if (n == s.length) {
                        s = Arrays.copyOf(s, 2 * n);
                    }
                    s[n++] = i + 1;
                }
            }
            starts = Arrays.copyOf(s, n);
        }

        int of(CSVRecord r) {
            // a record's position is where the previous one ended: skip the blank lines between them
            int at = (int) r.getCharacterPosition();
            while (at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r')) {
                at++;
            }
            int pos = Arrays.binarySearch(starts, at);
            return pos >= 0 ? pos + 1 : -pos - 1;
        }
    }
}
