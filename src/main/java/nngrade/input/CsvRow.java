package nngrade.input;

import java.util.List;

/**
 * One record of a CSV file, its cells trimmed.
 *
 * @param line  the line it starts on, blank lines and cells over several lines counted
 * @param cells the cells, at least one
 */
public record CsvRow(int line, List<String> cells) {

    public CsvRow {
        cells = List.copyOf(cells);
    }

    public int size() {
        return cells.size();
    }

    public String get(int i) {
        return cells.get(i);
    }
}
