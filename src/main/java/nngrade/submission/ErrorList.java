package nngrade.submission;

import nngrade.input.InputError;

import java.util.ArrayList;
import java.util.List;

/**
 * The errors found in one file, of which only the first {@link #MAX} are kept: a file of a
 * million bad lines (or one bad line copied a million times) is told in a screenful, then counted.
 */
final class ErrorList {
    static final int MAX = 100;
    /** Problems listed under one unreadable quantity. */
    static final int MAX_PER_QUANTITY = 10;

    private final String source;
    private final List<InputError> kept = new ArrayList<>();
    private long more;

    ErrorList(String source) {
        this.source = source;
    }

    void add(InputError e) {
        if (kept.size() < MAX) {
            kept.add(e);
        } else {
            more++;
        }
    }

    boolean isEmpty() {
        return kept.isEmpty();
    }

    /** The errors kept, and a last line counting the rest. */
    List<InputError> list() {
        if (more == 0) {
            return kept;
        }
        List<InputError> all = new ArrayList<>(kept);
        all.add(InputError.inFile(source, "and " + more + " more problems like these (only the first " + MAX
                + " are listed)"));
        return all;
    }

    /** Adds {@code problem} to a quantity's list unless it is full; the last slot says how many more there are. */
    static void addCapped(List<String> problems, String problem) {
        if (problems.size() < MAX_PER_QUANTITY) {
            problems.add(problem);
        } else if (problems.size() == MAX_PER_QUANTITY) {
            problems.add("and more problems like these (only the first " + MAX_PER_QUANTITY + " are listed)");
        }
    }
}
