package nngrade.serve;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.logging.LogFactory;
import org.flywaydb.core.api.logging.LogLevel;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import javax.sql.DataSource;

/**
 * The attempt store on SQLite or PostgreSQL, with the same SQL on both (the schema is Flyway's
 * db/migration). Only how a writing transaction begins differs: SQLite's BEGIN IMMEDIATE takes
 * the database's write lock first (waiting up to the busy timeout), so two checks of one student
 * never read the same highest number; on PostgreSQL two transactions may, and the primary key
 * turns the second insert away, which is then tried again with the next number.
 *
 * <p>Transactions are begun and ended by statements on connections in auto-commit mode rather
 * than by {@link Connection#setAutoCommit}: the SQLite driver would begin the next transaction
 * as soon as one commits, holding the write lock while the connection waits in the pool.
 */
final class JdbcAttemptStore implements AttemptStore {
    /** How long a check waits for another's write before the store is called unavailable. */
    static final int BUSY_TIMEOUT_MS = 5_000;
    /** The connections of the pool (the writer's own aside): a request waits for one when all are out. */
    private static final int POOL = 8;
    /** How long a request waits for a connection of the pool before it is a 503. */
    private static final long BORROW_WAIT_MS = 10_000;
    /** A PostgreSQL insert that lost the race for a number tries again, this many times at most. */
    private static final int RETRIES = 1_000;
    /** Lost the race for a number (unique violation), or, where transactions are serializable, any race. */
    private static final Set<String> RETRIED = Set.of("23505", "40001");

    private static final String COLUMNS = "student, problem, attempt, variant_code, checked_at, content_type, submission, "
            + "score, max_score, report_json";

    private final DataSource source;
    private final String where;
    private final String begin;
    /** The most pages the SQLite file may grow to, asked before each write; 0 leaves SQLite's own limit. */
    private final IntSupplier maxPages;
    private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(POOL);
    /** One per connection out of the pool, idle or borrowed: at most {@value #POOL}. */
    private final Semaphore permits = new Semaphore(POOL, true);
    /** SQLite's one writer, which commits the checks that arrive together at once; null on PostgreSQL. */
    private final GroupCommit writer;
    private volatile boolean closed;

    private JdbcAttemptStore(DataSource source, String where, String begin, boolean groupCommit, IntSupplier maxPages) {
        this.source = source;
        this.where = where;
        this.begin = begin;
        this.maxPages = maxPages;
        this.writer = groupCommit ? new GroupCommit() : null;
    }

    /** SQLite in {@code file} (its folder created when missing): WAL, synchronous=FULL, foreign keys on. */
    static JdbcAttemptStore sqlite(Path file) {
        return sqlite(file, BUSY_TIMEOUT_MS);
    }

    static JdbcAttemptStore sqlite(Path file, int busyTimeoutMs) {
        return sqlite(file, busyTimeoutMs, () -> 0);
    }

    /**
     * With a disk of {@code maxPages} pages (SQLite's max_page_count; 0 leaves it alone), for the
     * tests of a full disk: past it a write fails with SQLITE_FULL, as on a full file system. It
     * is asked before each write, so a test can fill the disk and give the space back while the
     * store runs.
     */
    static JdbcAttemptStore sqlite(Path file, int busyTimeoutMs, IntSupplier maxPages) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new StoreUnavailableException("the database " + file + " is unavailable: its folder could not be created ("
                    + oneLine(String.valueOf(e.getMessage())) + ")", e);
        }
        SQLiteConfig config = new SQLiteConfig();
        // WAL: readers do not wait for the writer; synchronous=FULL: each commit is fsynced to
        // the WAL before it returns, so an acknowledged attempt survives a crash or power loss
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(busyTimeoutMs);
        config.enforceForeignKeys(true);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return migrated(new JdbcAttemptStore(ds, "the database " + file, "BEGIN IMMEDIATE", true, maxPages));
    }

    /** PostgreSQL at {@code url} (jdbc:postgresql://…, user and password in it or the environment's usual places). */
    static JdbcAttemptStore postgres(String url) {
        String shown = "the database " + withoutQuery(url);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        try {
            ds.setURL(url);
        } catch (IllegalArgumentException e) {
            throw new StoreUnavailableException(shown + " is unavailable: its URL is not a PostgreSQL one", e);
        }
        if (ds.getSocketTimeout() == 0) { // a server gone silent is an error after a while, not a hung check
            ds.setSocketTimeout(30);
        }
        return migrated(new JdbcAttemptStore(ds, shown, "BEGIN", false, () -> 0));
    }

    private static JdbcAttemptStore migrated(JdbcAttemptStore store) {
        try {
            Flyway flyway = Flyway.configure().dataSource(store.source).locations("classpath:db/migration").load();
            // its news ("Migrating schema …") would go to stderr through java.util.logging at each
            // start; its warnings still do
            LogFactory.setLogLevel(LogLevel.WARN);
            flyway.migrate();
        } catch (FlywayException e) {
            throw new StoreUnavailableException(store.where + " could not be set up: " + reason(e), e);
        }
        return store;
    }

    @Override
    public int record(Check check) {
        return recordIfUnder(check, Integer.MAX_VALUE, Instant.EPOCH).getAsInt();
    }

    @Override
    public OptionalInt recordIfUnder(Check check, int limit, Instant since) {
        if (writer != null) {
            return writer.record(check, limit, since);
        }
        for (int tries = 0; ; tries++) {
            Connection c = borrow();
            try {
                OptionalInt number = insert(c, check, limit, since);
                giveBack(c);
                return number;
            } catch (SQLException e) {
                rollback(c);
                if (!RETRIED.contains(String.valueOf(e.getSQLState())) || tries >= RETRIES) {
                    throw unavailable("could not store the attempt", e);
                }
            }
        }
    }

    /**
     * The count, the number and the insert in one transaction: on SQLite it holds the write lock
     * throughout; on PostgreSQL a transaction that read before another's insert committed
     * computes the same number, loses on the key, and is tried again, counting that insert then.
     * Either way the limit is exact under concurrent checks (AttemptStoreContract tries it).
     */
    private OptionalInt insert(Connection c, Check check, int limit, Instant since) throws SQLException {
        execute(c, begin);
        OptionalInt number = insertOne(c, check, limit, since);
        execute(c, "COMMIT");
        return number;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** One attempt, inside a transaction begun by the caller; nothing written when it is over the limit. */
    private static OptionalInt insertOne(Connection c, Check check, int limit, Instant since) throws SQLException {
        // one statement, so one snapshot on PostgreSQL: under READ COMMITTED a second statement
        // would see another's insert that the count did not, and pass the limit by it
        int recent;
        int number;
        try (PreparedStatement next = c.prepareStatement("SELECT COUNT(CASE WHEN checked_at >= ? THEN 1 END), "
                + "COALESCE(MAX(attempt), 0) + 1 FROM attempts WHERE student = ? AND problem = ?")) {
            next.setLong(1, since.toEpochMilli());
            next.setString(2, check.student());
            next.setString(3, check.problem());
            try (ResultSet rs = next.executeQuery()) {
                rs.next();
                recent = rs.getInt(1);
                number = rs.getInt(2);
            }
        }
        if (recent >= limit) {
            return OptionalInt.empty();
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO attempts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ins.setString(1, check.student());
            ins.setString(2, check.problem());
            ins.setInt(3, number);
            ins.setString(4, check.variantCode());
            ins.setLong(5, check.time().toEpochMilli());
            ins.setString(6, check.contentType());
            ins.setBytes(7, check.submission());
            ins.setDouble(8, check.score());
            ins.setDouble(9, check.maxScore());
            ins.setString(10, check.reportJson());
            ins.executeUpdate();
        }
        if (!check.diagnoses().isEmpty()) {
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO attempt_diagnoses (student, problem, attempt, "
                    + "quantity_order, quantity, code_order, code) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                int q = 0;
                for (Map.Entry<String, List<String>> e : check.diagnoses().entrySet()) {
                    int k = 0;
                    for (String code : e.getValue()) {
                        ins.setString(1, check.student());
                        ins.setString(2, check.problem());
                        ins.setInt(3, number);
                        ins.setInt(4, q);
                        ins.setString(5, e.getKey());
                        ins.setInt(6, k++);
                        ins.setString(7, code);
                        ins.addBatch();
                    }
                    q++;
                }
                ins.executeBatch();
            }
        }
        return OptionalInt.of(number);
    }

    @Override
    public List<Attempt> attemptsOf(String student) {
        return select("a.student = ?", List.of(student));
    }

    @Override
    public List<Attempt> attemptsOf(String student, String problem) {
        return select("a.student = ? AND a.problem = ?", List.of(student, problem));
    }

    @Override
    public int countSince(String student, String problem, Instant since) {
        Connection c = borrow();
        try {
            int n = count(c, student, problem, since);
            giveBack(c);
            return n;
        } catch (SQLException e) {
            lose(c);
            throw unavailable("could not count the attempts", e);
        }
    }

    private static int count(Connection c, String student, String problem, Instant since) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM attempts WHERE student = ? AND problem = ? AND checked_at >= ?")) {
            s.setString(1, student);
            s.setString(2, problem);
            s.setLong(3, since.toEpochMilli());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Override
    public Optional<Attempt> counted(String student, String problem, Optional<Instant> deadline) {
        List<Attempt> mine = deadline.isPresent()
                ? select("a.student = ? AND a.problem = ? AND a.checked_at <= ?",
                        List.of(student, problem, deadline.get().toEpochMilli()))
                : attemptsOf(student, problem);
        return mine.isEmpty() ? Optional.empty() : Optional.of(mine.get(mine.size() - 1));
    }

    @Override
    public Map<String, Attempt> counted(String problem, Optional<Instant> deadline) {
        Map<String, Attempt> last = new LinkedHashMap<>();
        for (Attempt a : attemptsOn(problem)) {
            if (deadline.isEmpty() || !a.time().isAfter(deadline.get())) {
                last.put(a.student(), a); // by student and number: the last put is the highest
            }
        }
        return Collections.unmodifiableMap(last);
    }

    @Override
    public List<Attempt> attemptsOn(String problem) {
        return select("a.problem = ?", List.of(problem));
    }

    /** Every list's order; sorted in Java, as databases order text by collations that differ. */
    private static final Comparator<Attempt> ORDER = Comparator.comparing(Attempt::student)
            .thenComparing(Attempt::problem).thenComparingInt(Attempt::number);

    /** The key of an attempt in the database. */
    private record Key(String student, String problem, int number) {
    }

    /**
     * The attempts {@code where} selects (on {@code a}, the attempts table), with their
     * diagnoses. The attempts are read first: a stored attempt never changes, and its diagnoses
     * were committed with it, so the second query finds all of theirs (and maybe some of attempts
     * stored in between, which are left out).
     */
    private List<Attempt> select(String where, List<Object> params) {
        Connection c = borrow();
        try {
            record Row(Key key, String variant, long time, String type, byte[] submission, double score, double max,
                       String report) {
            }
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT a.student, a.problem, a.attempt, a.variant_code, "
                    + "a.checked_at, a.content_type, a.submission, a.score, a.max_score, a.report_json FROM attempts a WHERE "
                    + where)) {
                bind(s, params);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(new Key(rs.getString(1), rs.getString(2), rs.getInt(3)), rs.getString(4),
                                rs.getLong(5), rs.getString(6), rs.getBytes(7), rs.getDouble(8), rs.getDouble(9),
                                rs.getString(10)));
                    }
                }
            }
            Map<Key, Map<String, List<String>>> diagnoses = new LinkedHashMap<>();
            if (!rows.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("SELECT d.student, d.problem, d.attempt, d.quantity, d.code "
                        + "FROM attempt_diagnoses d JOIN attempts a ON a.student = d.student AND a.problem = d.problem "
                        + "AND a.attempt = d.attempt WHERE " + where
                        + " ORDER BY d.student, d.problem, d.attempt, d.quantity_order, d.code_order")) {
                    bind(s, params);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            diagnoses.computeIfAbsent(new Key(rs.getString(1), rs.getString(2), rs.getInt(3)),
                                    k -> new LinkedHashMap<>()).computeIfAbsent(rs.getString(4), k -> new ArrayList<>())
                                    .add(rs.getString(5));
                        }
                    }
                }
            }
            giveBack(c);
            List<Attempt> attempts = new ArrayList<>(rows.size());
            for (Row r : rows) {
                attempts.add(new Attempt(r.key().number(), new Check(r.key().student(), r.key().problem(), r.variant(),
                        Instant.ofEpochMilli(r.time()), r.submission(), r.type(), r.score(), r.max(), r.report(),
                        diagnoses.getOrDefault(r.key(), Map.of()))));
            }
            attempts.sort(ORDER);
            return List.copyOf(attempts);
        } catch (SQLException e) {
            lose(c);
            throw unavailable("could not read the attempts", e);
        }
    }

    private static void bind(PreparedStatement s, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Long l) {
                s.setLong(i + 1, l);
            } else {
                s.setString(i + 1, (String) p);
            }
        }
    }

    /**
     * A connection of the pool, waiting for one when all {@value #POOL} are out: opening more
     * under load costs each check a connection's set-up (on PostgreSQL a handshake and a server
     * process) and made the store slower the more clients came.
     */
    private Connection borrow() {
        if (closed) {
            throw new IllegalStateException("the attempt store is closed");
        }
        try {
            if (!permits.tryAcquire(BORROW_WAIT_MS, TimeUnit.MILLISECONDS)) {
                throw new StoreUnavailableException(where + " is busy: no connection was free for "
                        + BORROW_WAIT_MS / 1000 + " s; nothing was stored, try again in a minute", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException(where + " was not reached: the server is stopping", e);
        }
        Connection c = idle.poll();
        if (c != null) {
            return c;
        }
        try {
            return source.getConnection();
        } catch (SQLException e) {
            permits.release();
            throw unavailable("could not be opened", e);
        }
    }

    private void giveBack(Connection c) {
        if (closed || !idle.offer(c)) {
            discard(c);
        }
        permits.release();
    }

    /** A borrowed connection that failed: closed, not reused, and its place in the pool freed. */
    private void lose(Connection c) {
        discard(c);
        permits.release();
    }

    /** Ends a failed transaction; a connection that cannot even roll back is closed, not reused. */
    private void rollback(Connection c) {
        try (Statement s = c.createStatement()) {
            s.execute("ROLLBACK");
            giveBack(c);
        } catch (SQLException e) {
            lose(c);
        }
    }

    private static void discard(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing is all that is left to do with it
        }
    }

    @Override
    public void close() {
        closed = true;
        if (writer != null) {
            writer.stop();
        }
        for (Connection c; (c = idle.poll()) != null; ) {
            discard(c);
        }
    }

    /**
     * Group commit for SQLite. Each commit costs an fsync of the WAL (synchronous=FULL), a few
     * milliseconds on a common disk, and SQLite has one writer at a time: committing each check
     * alone caps a server near 300 checks a second whatever the number of clients. The checks
     * waiting when the writer is free go in one transaction and one fsync instead, each in turn
     * (numbers and limits as if alone), and every caller returns once that commit is durable;
     * if it fails, every caller of the batch gets the exception and nothing of the batch is kept.
     */
    private final class GroupCommit {
        private static final int MAX_BATCH = 64;

        private record Pending(Check check, int limit, Instant since, CompletableFuture<OptionalInt> done) {
        }

        private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
        private final Thread thread;
        /** The writer thread's own connection, kept between batches. */
        private Connection connection;

        GroupCommit() {
            thread = new Thread(this::run, "nngrade-store-writer");
            thread.setDaemon(true);
            thread.start();
        }

        OptionalInt record(Check check, int limit, Instant since) {
            if (closed) {
                throw new IllegalStateException("the attempt store is closed");
            }
            Pending p = new Pending(check, limit, since, new CompletableFuture<>());
            queue.add(p);
            if (!thread.isAlive() && queue.remove(p)) { // closed between the check and the add
                throw new IllegalStateException("the attempt store is closed");
            }
            try {
                // not interruptible: an interrupted caller could otherwise be told of a failure
                // for an attempt that is then committed
                return p.done().join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
        }

        private void run() {
            List<Pending> batch = new ArrayList<>(MAX_BATCH);
            while (!closed || !queue.isEmpty()) {
                try {
                    Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                } catch (InterruptedException e) {
                    continue; // stop() interrupts; the loop's condition decides
                }
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
                batch.clear();
            }
            if (connection != null) {
                drop();
            }
        }

        private void commit(List<Pending> batch) {
            try {
                if (connection == null) {
                    connection = source.getConnection();
                }
            } catch (SQLException e) {
                fail(batch, unavailable("could not be opened", e));
                return;
            }
            try {
                List<OptionalInt> numbers = new ArrayList<>(batch.size());
                int pages = maxPages.getAsInt();
                if (pages > 0) {
                    execute(connection, "PRAGMA max_page_count = " + pages);
                }
                execute(connection, begin);
                for (Pending p : batch) {
                    numbers.add(insertOne(connection, p.check(), p.limit(), p.since()));
                }
                execute(connection, "COMMIT");
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).done().complete(numbers.get(i));
                }
            } catch (SQLException e) {
                drop();
                fail(batch, unavailable("could not store the attempt", e));
            } catch (RuntimeException e) {
                drop();
                fail(batch, e);
            }
        }

        /** After a failure: closing the connection also rolls back whatever the failure left open. */
        private void drop() {
            discard(connection);
            connection = null;
        }

        private void fail(List<Pending> batch, RuntimeException e) {
            batch.forEach(p -> p.done().completeExceptionally(e));
        }

        /** Commits what is queued, then ends; whatever arrives after is refused as the store is closed. */
        void stop() {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (Pending p; (p = queue.poll()) != null; ) {
                p.done().completeExceptionally(new IllegalStateException("the attempt store is closed"));
            }
        }
    }

    private StoreUnavailableException unavailable(String what, SQLException e) {
        return new StoreUnavailableException(where + " " + what + ": " + explained(e), e);
    }

    /**
     * The reason in words a student can act on, for the two failures that pass: a full disk and
     * a lock held past the busy timeout. Nothing was kept either way (the transaction is rolled
     * back), so trying again later is safe. Others are the driver's own words.
     */
    private static String explained(SQLException e) {
        if (e instanceof SQLiteException s) {
            int primary = s.getResultCode().code & 0xff; // extended codes keep the primary one in the low byte
            if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
                return "the server's disk is full (SQLITE_FULL); nothing was stored, try again later or tell your teacher";
            }
            if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
                return "the database is locked by another program (" + reason(e) + "); nothing was stored, "
                        + "try again in a minute";
            }
        }
        return reason(e);
    }

    @Override
    public String toString() {
        return "JdbcAttemptStore[" + where + "]";
    }

    /** The innermost message of the chain, on one line: "database is locked", "Connection refused". */
    static String reason(Throwable t) {
        String message = null;
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (x.getMessage() != null && !x.getMessage().isBlank()) {
                message = x.getMessage();
            }
        }
        return message == null ? t.getClass().getSimpleName() : oneLine(message);
    }

    private static String oneLine(String s) {
        String line = s.strip();
        int nl = line.indexOf('\n');
        return (nl < 0 ? line : line.substring(0, nl)).strip();
    }

    /** The URL without its query, where a password may be. */
    static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
