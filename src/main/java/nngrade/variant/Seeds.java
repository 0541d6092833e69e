package nngrade.variant;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The seed of a student's variant:
 * first 8 bytes (big-endian) of HMAC-SHA256(secret, "nngrade/variant/v1" 0x00 SHA-256(problem text) 0x00 student id),
 * all text in UTF-8. The problem text is taken with a leading byte-order mark dropped and CRLF
 * or CR line ends read as LF: re-saving the file in an editor or checking it out with git's
 * autocrlf must not give every student other numbers. A file with LF line ends and no BOM is
 * hashed as it is, so its variants are those of every earlier version. Changing the problem's
 * content, the student or the secret changes the seed.
 */
public final class Seeds {
    static final String DOMAIN = "nngrade/variant/v1";

    private Seeds() {
    }

    public static long seed(String problemText, String studentId, Secret secret) {
        return ByteBuffer.wrap(mac(DOMAIN, problemText, studentId, secret)).getLong();
    }

    /**
     * The material of a variant's code ({@link VariantCode}): the same inputs as the seed under
     * another domain, so a code printed on a sheet tells nothing about the seed or the secret.
     */
    static byte[] codeMaterial(String problemText, String studentId, Secret secret) {
        return mac(VariantCode.DOMAIN, problemText, studentId, secret);
    }

    private static byte[] mac(String domain, String problemText, String studentId, Secret secret) {
        try {
            byte[] problemHash = MessageDigest.getInstance("SHA-256").digest(normalised(problemText).getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            mac.update(domain.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(problemHash);
            mac.update((byte) 0);
            mac.update(studentId.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** The text as a file with LF line ends and no byte-order mark would hold it. */
    static String normalised(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return t.indexOf('\r') < 0 ? t : t.replace("\r\n", "\n").replace('\r', '\n');
    }
}
