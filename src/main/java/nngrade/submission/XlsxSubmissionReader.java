package nngrade.submission;

import nngrade.input.BadInputException;
import nngrade.input.Excerpts;
import nngrade.input.InputError;
import nngrade.input.XlsxTable;
import nngrade.problem.Problem;

import java.util.List;
import java.util.Optional;

/**
 * Reads answers from the first sheet of an .xlsx workbook, in the two layouts of a CSV submission
 * (told apart by the header row in the same way): the sheet's rows are read by the CSV reader's
 * own step, and only the places in its messages differ: {@code ana.xlsx: sheet "Sheet1", cell D4: …}.
 */
final class XlsxSubmissionReader {
    private XlsxSubmissionReader() {
    }

    static Submission parse(String source, byte[] bytes, Problem problem) {
        XlsxTable table = XlsxTable.read(source, bytes);
        if (table.rows().isEmpty()) {
            // the message starts with the place, so it is said once: ana.xlsx: sheet "Sheet1" is empty; …
            throw new BadInputException(InputError.inSheet(source, table.sheet(), "", "sheet \""
                    + Excerpts.shown(table.sheet()) + "\" is empty; the answers are read from the first sheet, under a "
                    + "header quantity,row,col,value or quantity,value"));
        }
        return CsvSubmissionReader.read(source, table.rows(), new Cells(source, table), problem);
    }

    /** A sheet's rows are named by their numbers, and their cells by references such as D4. */
    private record Cells(String source, XlsxTable table) implements RowPlaces {
        @Override
        public InputError atRow(int line, String message) {
            return InputError.inSheet(source, table.sheet(), "row " + line, message);
        }

        @Override
        public InputError atCell(int line, int cell, String message) {
            return InputError.inSheet(source, table.sheet(), "cell " + XlsxTable.cellName(line, cell), message);
        }

        @Override
        public String row(int line) {
            return "row " + line;
        }

        @Override
        public String joined(List<String> cells) {
            return String.join(",", cells);
        }

        @Override
        public String tooManyCellsHint(int found, int expected) {
            return found > expected ? "; keep notes out of the columns after the answers" : "";
        }

        @Override
        public Optional<String> refusal(int line, int cell) {
            return table.refusal(line, cell);
        }

        @Override
        public boolean splitsDecimalCommas() {
            return false;
        }
    }
}
