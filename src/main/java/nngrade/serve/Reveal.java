package nngrade.serve;

import java.util.Locale;
import java.util.Optional;

/** When students may see the expected values ({@code --reveal}). */
public enum Reveal {
    /** Never: statuses, diagnoses and which cells are wrong only. */
    NEVER,
    /** Once the deadline has passed: each attempt's feedback with the key's values, and the key. */
    AFTER_DEADLINE;

    /** The option's spelling: never, after-deadline. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The value an option names. */
    public static Optional<Reveal> ofLabel(String label) {
        for (Reveal r : values()) {
            if (r.label().equals(label)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
