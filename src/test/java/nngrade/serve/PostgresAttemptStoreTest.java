package nngrade.serve;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The store's contract on PostgreSQL, at the database NNGRADE_TEST_POSTGRES names (.ci/run starts
 * one), each test in a schema of its own that is dropped after it. Skipped, saying why, when the
 * variable is unset or the database cannot be reached.
 */
class PostgresAttemptStoreTest extends AttemptStoreContract {
    static final String ENV = "NNGRADE_TEST_POSTGRES";
    private static final String url = System.getenv(ENV);
    /** Why the tests cannot run here, or null when they can. */
    private static String unavailable;
    private String schema;

    @BeforeAll
    static void reachable() {
        if (url == null || url.isBlank()) {
            unavailable = ENV + " is not set (such as jdbc:postgresql://127.0.0.1:5432/nngrade_test"
                    + "?user=nngrade&password=nngrade): the PostgreSQL store tests are skipped";
            return;
        }
        try (Connection c = DriverManager.getConnection(url)) {
            c.isValid(5);
        } catch (SQLException e) {
            unavailable = ENV + " names " + JdbcAttemptStore.withoutQuery(url) + ", which cannot be reached ("
                    + JdbcAttemptStore.reason(e) + "): the PostgreSQL store tests are skipped";
        }
    }

    /** Each test is skipped with the reason (an assumption in @BeforeAll would leave no trace in the report). */
    @BeforeEach
    void ownSchema() throws SQLException {
        assumeTrue(unavailable == null, unavailable);
        schema = "nngrade_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        execute("CREATE SCHEMA " + schema);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        closeStores();
        if (schema == null) {
            return;
        }
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    AttemptStore openStore() {
        return AttemptStore.open(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, null);
    }
}
