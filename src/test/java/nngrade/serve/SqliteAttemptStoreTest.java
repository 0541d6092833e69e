package nngrade.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqliteAttemptStoreTest extends AttemptStoreContract {
    @TempDir
    Path data;

    @Override
    AttemptStore openStore() {
        return AttemptStore.open(null, data);
    }

    @Test
    void theDatabaseIsOneFileInTheDataFolderInWalMode() throws Exception {
        store().record(check("ana", "p1", T0, 1));
        Path db = data.resolve("nngrade.db");
        assertTrue(Files.isRegularFile(db));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertEquals("wal", rs.getString(1));
        }
    }

    @Test
    void aMissingDataFolderIsCreated() {
        AttemptStore s = AttemptStore.open(null, data.resolve("a/b"));
        try (s) {
            assertEquals(1, s.record(check("ana", "p1", T0, 1)));
        }
        assertTrue(Files.isRegularFile(data.resolve("a/b/nngrade.db")));
    }

    /** Another writer holds the lock past the busy timeout: one exception with a message, nothing stored. */
    @Test
    void aLockedDatabaseIsUnavailableAndKeepsNothing() throws Exception {
        Path db = data.resolve("nngrade.db");
        AttemptStore s = JdbcAttemptStore.sqlite(db, 200);
        try (s; Connection other = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = other.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> s.record(check("ana", "p1", T0, 1)));
            assertTrue(e.getMessage().startsWith("the database " + db + " could not store the attempt: "), e.getMessage());
            assertTrue(e.getMessage().contains("locked"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
            st.execute("ROLLBACK");
            assertEquals(List.of(), s.attemptsOf("ana"));
            assertEquals(1, s.record(check("ana", "p1", T0, 1)), "the store works again once the lock is gone");
        }
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsUnavailable() throws Exception {
        Path notAFolder = data.resolve("file");
        Files.writeString(notAFolder, "x");
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> AttemptStore.open(null, notAFolder));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
