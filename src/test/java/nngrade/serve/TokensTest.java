package nngrade.serve;

import nngrade.input.BadInputException;
import nngrade.variant.Secret;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokensTest {
    private static final Secret SECRET = Secret.of("correct horse battery staple");

    /** Computed outside Java: base64url(HMAC-SHA256(secret, "nngrade/student-token/v1" 0x00 id)), no padding. */
    @Test
    void aTokenIsTheHmacOfTheIdUnderTheSecretWithItsDomain() {
        assertEquals("5X1N-Xx-t99AhSCEWY3Wjw-uGEmhzZQSsUIwwPqJKrY", Tokens.token(SECRET, "alice"));
        assertEquals("DuElHUGhUf1e9-LqDsipUa6CHnsIkxQnanTDktU2wps", Tokens.token(SECRET, "bob"));
    }

    @Test
    void aTokenHas256BitsInUrlSafeCharacters() {
        String t = Tokens.token(SECRET, "alice");
        assertEquals(43, t.length());
        assertTrue(t.matches("[A-Za-z0-9_-]+"), t);
    }

    @Test
    void theTokenDiffersByIdAndBySecret() {
        assertNotEquals(Tokens.token(SECRET, "alice"), Tokens.token(SECRET, "alice "));
        assertNotEquals(Tokens.token(SECRET, "alice"), Tokens.token(Secret.of("another secret"), "alice"));
    }

    @Test
    void theStudentOfATokenIsFoundAndNothingElseIs() {
        Tokens tokens = Tokens.of(SECRET, List.of("alice", "bob", "Ștefan"));
        assertEquals(Optional.of("alice"), tokens.studentOf(Tokens.token(SECRET, "alice")));
        assertEquals(Optional.of("Ștefan"), tokens.studentOf(Tokens.token(SECRET, "Ștefan")));
        assertEquals(Optional.empty(), tokens.studentOf(Tokens.token(SECRET, "mallory")));
        assertEquals(Optional.empty(), tokens.studentOf(Tokens.token(Secret.of("another secret"), "alice")));
        String alice = Tokens.token(SECRET, "alice");
        assertEquals(Optional.empty(), tokens.studentOf(alice.substring(0, 42)));
        assertEquals(Optional.empty(), tokens.studentOf(alice + "A"));
        assertEquals(Optional.empty(), tokens.studentOf(""));
        assertEquals(Optional.empty(), tokens.studentOf(null));
    }

    @Test
    void noSecretIsRefusedNamingWhereItComesFrom() {
        BadInputException e = assertThrows(BadInputException.class, () -> Tokens.of(null, List.of("alice")));
        assertEquals("command line: the students' links are derived from the teacher's secret, and none was given: "
                + "--secret-file FILE or the NNGRADE_SECRET environment variable", e.errors().get(0).oneLine());
        assertThrows(BadInputException.class, () -> Tokens.token(Secret.of("  "), "alice"));
    }

    @Test
    void neitherShowsATokenOrTheSecret() {
        assertEquals("Tokens[2 students]", Tokens.of(SECRET, List.of("alice", "bob")).toString());
    }
}
