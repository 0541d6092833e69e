package nngrade.variant;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

    /**
     * HMAC-SHA256 under this secret of {@code domain} 0x00 {@code message} (UTF-8): what is
     * derived from the secret outside this package (serve's student tokens) goes through here, so
     * the key itself never leaves it, and the domain keeps each use's values apart from the others.
     */
    public byte[] mac(String domain, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(domain.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
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
