package nngrade.serve;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UnreachablePostgresTest {

    /** Nothing listens on port 1: the store is unavailable, in one line that names the database and not its password. */
    @Test
    void anUnreachableServerIsUnavailableInOneLineWithoutThePassword() {
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> AttemptStore.open(
                "jdbc:postgresql://127.0.0.1:1/nngrade_test?user=nngrade&password=sekrit&connectTimeout=2", null));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertEquals("the database jdbc:postgresql://127.0.0.1:1/nngrade_test could not be set up: Connection refused",
                e.getMessage());
        assertFalse(e.getMessage().contains("sekrit"));
    }
}
