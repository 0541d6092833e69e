package nngrade.input;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each cell of a CSV text lies, as raw text (quotes and spaces around it included), so a
 * file can be written back with a few cells changed and every other byte as it was: the way an
 * LMS's own export goes back to it. Scans the text the way {@link CsvTable} parses it (the same
 * line ends, the same blank lines left out), for a text {@link CsvTable#parse} has accepted.
 */
public final class CsvSpans {

    /**
     * The raw places of one record's cells in the text.
     *
     * @param starts where each cell's raw text starts
     * @param ends   where each ends (exclusive): at its delimiter, line end or the end of the text
     */
    public record Record(int[] starts, int[] ends) {
        public int size() {
            return starts.length;
        }

        /** Where the record's last cell ends: a cell added past it goes here. */
        public int end() {
            return ends[ends.length - 1];
        }
    }

    private CsvSpans() {
    }

    /**
     * The records of {@code text} that are not blank, one per row of {@code table} (the table
     * parsed from the same text), each with as many cells as its row.
     *
     * @param offset added to every place: where {@code text} starts in the file's text (after a byte-order mark)
     */
    public static List<Record> of(String text, CsvTable table, int offset) {
        List<Record> records = scan(text, table.delimiter(), offset);
        if (records.size() != table.rows().size()) {
            throw new IllegalStateException("scanned " + records.size() + " records, parsed " + table.rows().size());
        }
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).size() != table.rows().get(i).size()) {
                throw new IllegalStateException("record " + (i + 1) + ": scanned " + records.get(i).size()
                        + " cells, parsed " + table.rows().get(i).size());
            }
        }
        return records;
    }

    /** RFC 4180 with spaces around cells ignored: as commons-csv reads it for {@link CsvTable}. */
    static List<Record> scan(String text, char delimiter, int offset) {
        List<Record> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (isLineEnd(text.charAt(i))) { // an empty line: no record
                i = afterLineEnd(text, i);
                continue;
            }
            List<int[]> cells = new ArrayList<>();
            boolean blank = true;
            while (true) {
                int start = i;
                int j = i;
                while (j < n && isSpace(text.charAt(j), delimiter)) {
                    j++;
                }
                int end;
                if (j < n && text.charAt(j) == '"') {
                    int k = j + 1;
                    boolean content = false;
                    while (true) {
                        if (k >= n) {
                            throw new IllegalStateException("a quoted value is not closed at " + j);
                        }
                        char c = text.charAt(k);
                        if (c == '"') {
                            if (k + 1 < n && text.charAt(k + 1) == '"') {
                                content = true;
                                k += 2;
                                continue;
                            }
                            k++;
                            break;
                        }
                        content |= c > ' '; // the parser trims a quoted value too
                        k++;
                    }
                    while (k < n && text.charAt(k) != delimiter && !isLineEnd(text.charAt(k))) {
                        k++; // spaces only, in a text the parser accepted
                    }
                    end = k;
                    blank &= !content;
                } else {
                    int k = j;
                    while (k < n && text.charAt(k) != delimiter && !isLineEnd(text.charAt(k))) {
                        k++;
                    }
                    end = k;
                    // the parser's value: trailing whitespace dropped, then String.trim
                    int last = k;
                    while (last > j && Character.isWhitespace(text.charAt(last - 1))) {
                        last--;
                    }
                    blank &= text.substring(j, last).trim().isEmpty();
                }
                cells.add(new int[] {start + offset, end + offset});
                if (end < n && text.charAt(end) == delimiter) {
                    i = end + 1;
                    continue;
                }
                i = end < n ? afterLineEnd(text, end) : n;
                break;
            }
            if (cells.size() > 1 || !blank) {
                int[] starts = new int[cells.size()];
                int[] ends = new int[cells.size()];
                for (int c = 0; c < cells.size(); c++) {
                    starts[c] = cells.get(c)[0];
                    ends[c] = cells.get(c)[1];
                }
                out.add(new Record(starts, ends));
            }
        }
        return out;
    }

    /** Spaces the parser skips before a value: whitespace that is neither the delimiter nor a line end. */
    private static boolean isSpace(char c, char delimiter) {
        return Character.isWhitespace(c) && c != delimiter && !isLineEnd(c);
    }

    private static boolean isLineEnd(char c) {
        return c == '\n' || c == '\r';
    }

    private static int afterLineEnd(String text, int at) {
        return text.charAt(at) == '\r' && at + 1 < text.length() && text.charAt(at + 1) == '\n' ? at + 2 : at + 1;
    }
}
