package nngrade.serve;

import nngrade.input.BadInputException;
import nngrade.input.InputError;
import nngrade.variant.Secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The students' tokens of a roster. A student's token is
 * base64url(HMAC-SHA256(secret, "nngrade/student-token/v1" 0x00 student id)) without padding: 43
 * characters, 256 bits. It is derived again whenever it is needed, so no token is ever stored,
 * and a new secret gives every student a new one.
 *
 * <p>Finding the student of a presented token goes through a map from SHA-256(token) to the
 * id, then compares the presented token with that student's derived one in constant time
 * ({@link MessageDigest#isEqual}). The map's lookup takes a time that depends on the presented
 * token, but only through its SHA-256: to learn anything about a real token from those timings
 * an attacker would have to choose inputs whose hashes approach a real token's hash, which
 * SHA-256's preimage resistance rules out, and even a real token's hash does not give the
 * token. The final comparison, on the tokens themselves, takes the same time wherever they differ.
 */
public final class Tokens {
    static final String DOMAIN = "nngrade/student-token/v1";
    private static final HexFormat HEX = HexFormat.of();

    private final Secret secret;
    private final Map<String, String> idByHash;

    private Tokens(Secret secret, Map<String, String> idByHash) {
        this.secret = secret;
        this.idByHash = idByHash;
    }

    /** The tokens of these students under this secret; refuses a missing or empty secret. */
    public static Tokens of(Secret secret, Collection<String> ids) {
        Secret s = required(secret);
        Map<String, String> byHash = new HashMap<>();
        for (String id : ids) {
            byHash.put(HEX.formatHex(sha256(token(s, id))), id);
        }
        return new Tokens(s, Map.copyOf(byHash));
    }

    /** A student's token: the credential in their link, {@code BASE/s/TOKEN}. */
    public static String token(Secret secret, String studentId) {
        byte[] mac = required(secret).mac(DOMAIN, studentId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    /** The token of a roster student, for the server's own use (the form token of their pages). */
    String tokenOf(String studentId) {
        return token(secret, studentId);
    }

    /** The roster student whose token {@code presented} is; empty for anything else, null included. */
    public Optional<String> studentOf(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        String id = idByHash.get(HEX.formatHex(sha256(presented)));
        if (id == null) {
            return Optional.empty();
        }
        byte[] expected = token(secret, id).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8)) ? Optional.of(id) : Optional.empty();
    }

    private static Secret required(Secret secret) {
        if (secret == null || secret.isEmpty()) {
            throw new BadInputException(InputError.inFile("command line", "the students' links are derived from the "
                    + "teacher's secret, and none was given: --secret-file FILE or the NNGRADE_SECRET environment variable"));
        }
        return secret;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "Tokens[" + idByHash.size() + " students]";
    }
}
