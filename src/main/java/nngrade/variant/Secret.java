package nngrade.variant;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The teacher's secret. Its text is never shown: toString says only that it is a secret. */
public final class Secret {
    private final byte[] key;

    private Secret(byte[] key) {
        this.key = key;
    }

    /** The secret from text (a file's content or NNGRADE_SECRET), without surrounding whitespace. */
    public static Secret of(String text) {
        return new Secret(text.strip().getBytes(StandardCharsets.UTF_8));
    }

    public boolean isEmpty() {
        return key.length == 0;
    }

    byte[] key() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "Secret[hidden]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && Arrays.equals(key, s.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }
}
