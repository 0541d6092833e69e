package nngrade.grade;

import java.util.Locale;
import java.util.Optional;

/** Where a student's id comes from. */
public enum IdSource {
    /** Where the file sits (its name, its folder, the LMS's naming): a file's own claim cannot move its grade. */
    LAYOUT("layout"),
    /**
     * The file's {@code student} field, for setups whose file names carry no identity; two files
     * claiming one id are both flagged, neither silently dropped.
     */
    FIELD("field");

    private final String label;

    IdSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<IdSource> ofLabel(String label) {
        for (IdSource s : values()) {
            if (s.label.equals(label.toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
