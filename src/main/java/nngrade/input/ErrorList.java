package nngrade.input;

import java.util.ArrayList;
import java.util.List;

/**
 * The errors found in one file, of which only the first {@link #MAX} are kept: a file of a
 * million bad lines (or a matrix of a million bad cells) is told in a screenful, then counted.
 */
public final class ErrorList {
    public static final int MAX = 100;

    private final String source;
    private final List<InputError> kept = new ArrayList<>();
    private long found;

    public ErrorList(String source) {
        this.source = source;
    }

    public void add(InputError e) {
        if (++found <= MAX) {
            kept.add(e);
        }
    }

    public boolean isEmpty() {
        return found == 0;
    }

    /** Every error added, kept or not: whether a step found any is told by comparing counts. */
    public long count() {
        return found;
    }

    /** The errors kept, and a last line counting the rest. */
    public List<InputError> list() {
        if (found <= MAX) {
            return kept;
        }
        List<InputError> all = new ArrayList<>(kept);
        all.add(InputError.inFile(source, "and " + (found - MAX) + " more problems like these (only the first " + MAX
                + " are listed)"));
        return all;
    }

    /** Stops reading the file when anything was found wrong in it. */
    public void throwIfAny() {
        if (found > 0) {
            throw new BadInputException(list());
        }
    }
}
