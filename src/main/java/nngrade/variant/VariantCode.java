package nngrade.variant;

import java.util.Optional;

/**
 * A variant's short code, printed on its task sheet and carried in the submission, so that
 * grading can tell a file answered from other numbers than those it is graded against (another
 * student's sheet, or a problem file or secret that changed since the sheets were made).
 *
 * <p>The code is 8 characters of Crockford's base32 (digits and capitals without I, L, O, U) of
 * the first 40 bits of HMAC-SHA256(secret, {@code "nngrade/variant-code/v1"} 0x00 SHA-256(problem
 * text) 0x00 student id): the seed's inputs ({@link Seeds}) under another domain, so it changes
 * with each of them, and tells nothing about the secret or the seed. It is written in two groups
 * of four, {@code 7K3M-Q9XD}, which is easier to copy by hand.
 */
public final class VariantCode {
    static final String DOMAIN = "nngrade/variant-code/v1";
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 8;

    private VariantCode() {
    }

    static String of(String problemText, String studentId, Secret secret) {
        byte[] material = Seeds.codeMaterial(problemText, studentId, secret);
        long bits = 0;
        for (int i = 0; i < 5; i++) {
            bits = bits << 8 | (material[i] & 0xFF);
        }
        StringBuilder code = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt((int) (bits >>> (35 - 5 * i)) & 31));
        }
        return grouped(code);
    }

    /**
     * A code as a student wrote or copied it, in the form nngrade prints: letter case, spaces
     * and dashes are ignored, and O is read as 0, I and L as 1 (Crockford's rule for characters
     * that look alike). Empty when the text is not 8 such characters.
     */
    public static Optional<String> read(String written) {
        StringBuilder code = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c == '-' || c == '–' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            char u = c < 128 ? Character.toUpperCase(c) : c;
            u = u == 'O' ? '0' : u == 'I' || u == 'L' ? '1' : u;
            if (ALPHABET.indexOf(u) < 0 || code.length() == LENGTH) {
                return Optional.empty();
            }
            code.append(u);
        }
        return code.length() == LENGTH ? Optional.of(grouped(code)) : Optional.empty();
    }

    /** Whether {@code written} is {@code code}, read as {@link #read} does. */
    public static boolean matches(String written, String code) {
        return read(written).map(code::equals).orElse(false);
    }

    private static String grouped(StringBuilder code) {
        return code.insert(LENGTH / 2, '-').toString();
    }
}
