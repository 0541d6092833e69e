package nngrade.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static nngrade.serve.ServeDurabilityFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A store that cannot write, over HTTP: a full disk and a database locked by another program
 * are each a 503 with a message a student can act on, never a lost, half-written or hung
 * attempt, and the checks go on, numbered on, once the cause is gone.
 *
 * <p>The full disk is SQLite's max_page_count set to the pages the file has: the next write
 * that needs a page more fails with SQLITE_FULL, the error a full file system gives, through
 * the same code (a tiny file system would need root to mount).
 */
class ServeDurabilityTest {
    @TempDir
    Path data;

    @Test
    void aFullDiskIs503WithAMessageAndKeepsEveryEarlierAttemptThenChecksContinue() throws Exception {
        Path db = data.resolve(AttemptStore.SQLITE_FILE);
        AtomicInteger disk = new AtomicInteger(0); // pages the disk has room for; 0 for as many as needed
        try (AttemptStore store = JdbcAttemptStore.sqlite(db, JdbcAttemptStore.BUSY_TIMEOUT_MS, disk::get);
             Server server = Server.start(ServeDurabilityFixture.config(store, data))) {
            ServeDurabilityFixture.Client client = ServeDurabilityFixture.Client.of(server.port());
            assertEquals(1, attempt(client.check("s001")));
            assertEquals(1, attempt(client.check("s002")));

            disk.set(pageCount(db));
            int acknowledged = 1;
            HttpResponse<String> refused = null;
            for (int i = 0; i < 200 && refused == null; i++) { // the last page's free room takes a few more
                HttpResponse<String> r = client.check("s001");
                if (r.statusCode() == 200) {
                    assertEquals(++acknowledged, attempt(r));
                } else {
                    refused = r;
                }
            }
            assertTrue(refused != null, "the disk never filled");
            assertEquals(503, refused.statusCode(), refused.body());
            JsonNode error = json(refused.body());
            assertEquals("store-unavailable", error.get("error").asText());
            String message = error.get("message").asText();
            assertTrue(message.contains("the server's disk is full") && message.contains("nothing was stored")
                    && message.contains("try again later"), message);
            assertEquals(1, message.lines().count(), message);
            assertEquals(503, client.check("s002").statusCode(), "still full");

            assertEquals(IntStream.rangeClosed(1, acknowledged).boxed().toList(), client.attempts("s001"),
                    "every acknowledged attempt, and none of the refused");
            assertEquals(List.of(1), client.attempts("s002"));
            assertEquals("ok", integrity(db));

            disk.set(Integer.MAX_VALUE); // the space is back (0 would leave the writer's limit as it was)
            assertEquals(acknowledged + 1, attempt(client.check("s001")), "the numbering goes on");
            assertEquals(2, attempt(client.check("s002")));
        }
        assertEquals("ok", integrity(db));
    }

    @Test
    void aDatabaseLockedPastTheBusyTimeoutIs503NotAHangThenChecksContinue() throws Exception {
        Path db = data.resolve(AttemptStore.SQLITE_FILE);
        try (AttemptStore store = JdbcAttemptStore.sqlite(db, 300);
             Server server = Server.start(ServeDurabilityFixture.config(store, data))) {
            ServeDurabilityFixture.Client client = ServeDurabilityFixture.Client.of(server.port());
            assertEquals(1, attempt(client.check("s001")));
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = other.createStatement()) {
                s.execute("BEGIN EXCLUSIVE");
                HttpResponse<String> r = client.check("s001"); // the client's own time-out is 60 s
                assertEquals(503, r.statusCode(), r.body());
                JsonNode error = json(r.body());
                assertEquals("store-unavailable", error.get("error").asText());
                String message = error.get("message").asText();
                assertTrue(message.contains("the database is locked by another program") && message.contains("try again"),
                        message);
                assertEquals(List.of(1), client.attempts("s001"), "readers are not kept waiting by the writer's lock");
                s.execute("ROLLBACK");
            }
            assertEquals(2, attempt(client.check("s001")), "numbered on once the lock is gone");
            assertEquals(List.of(1, 2), client.attempts("s001"));
        }
    }

    private static int attempt(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        assertFalse(r.body().isBlank());
        return json(r.body()).get("attempt").asInt();
    }

    /** The database's pages, the WAL's included (a reader sees the last commit). */
    private static int pageCount(Path db) throws Exception {
        return Integer.parseInt(pragma(db, "page_count"));
    }

    private static String integrity(Path db) throws Exception {
        return pragma(db, "integrity_check");
    }

    private static String pragma(Path db, String name) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
