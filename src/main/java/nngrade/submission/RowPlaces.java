package nngrade.submission;

import nngrade.input.InputError;

import java.util.List;
import java.util.Optional;

/**
 * Where the rows of an answer table are, for its messages: the lines of a CSV file, or the rows
 * and cells of a sheet. Both are read by one step ({@link CsvSubmissionReader#read}); only how a
 * message names the place, and what a spreadsheet cell can hold besides text, differ.
 * A row is named by its {@code line}: the CSV line it starts on, or the sheet's row number.
 */
interface RowPlaces {

    /** Something wrong with a row as a whole. */
    InputError atRow(int line, String message);

    /** Something wrong with one cell of a row ({@code cell} from 0). */
    InputError atCell(int line, int cell, String message);

    /** A row as a message refers back to it, e.g. in "(first on line 3)". */
    String row(int line);

    /** The cells of a row as a message quotes them. */
    String joined(List<String> cells);

    /** What to add to "expected 4 cells …, found 5", e.g. a hint about the delimiter; may be empty. */
    String tooManyCellsHint(int found, int expected);

    /**
     * Why a cell holds no number even if its text looks like one (a sheet's true/false or error cell,
     * a formula never computed); empty for a cell that is text, which every CSV cell is.
     */
    Optional<String> refusal(int line, int cell);

    /**
     * Whether a number with a decimal comma becomes two cells ({@code 0,35} as {@code 0} and
     * {@code 35}): in a CSV file delimited by {@code ,}; never in a sheet, whose cells are not split.
     */
    boolean splitsDecimalCommas();
}
