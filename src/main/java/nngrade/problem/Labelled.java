package nngrade.problem;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A member of a closed set that problem files name by a label: a loss, a reduction, a weight layout. */
interface Labelled {
    String label();

    /** The member called {@code label}, if there is one. */
    static <T extends Labelled> Optional<T> byLabel(T[] members, String label) {
        return Arrays.stream(members).filter(m -> m.label().equals(label)).findFirst();
    }

    /** The labels, in the order a teacher is shown them. */
    static List<String> labels(Labelled[] members) {
        return Arrays.stream(members).map(Labelled::label).toList();
    }
}
