package nngrade.serve;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Every check a student made, kept durably. Safe to use from many threads at once. Every
 * operation either does all it says or throws {@link StoreUnavailableException}; lists come in
 * a fixed order (ids compared as Java strings, then attempt numbers), whatever the database.
 *
 * <p>The deadline's rule: an attempt counts when it was checked at or before the deadline
 * ({@code !time.isAfter(deadline)}), so the server refuses checks once {@code now.isAfter(deadline)}.
 */
public interface AttemptStore extends AutoCloseable {

    /** The name of the embedded database in the data folder. */
    String SQLITE_FILE = "nngrade.db";

    /**
     * The store of {@code serve}: the database {@code db} names ({@code jdbc:postgresql://…}) when
     * it is not null, else SQLite in {@code dataDir}/{@value #SQLITE_FILE}, the folder created when
     * missing. The schema is brought up to date first.
     */
    static AttemptStore open(String db, Path dataDir) {
        return db != null ? JdbcAttemptStore.postgres(db) : JdbcAttemptStore.sqlite(dataDir.resolve(SQLITE_FILE));
    }

    /**
     * Stores a check as the student's next attempt on its problem and returns its number: 1 for
     * the first, then one more than the highest stored, also when many checks of the same student
     * arrive at once, from several servers, or after a restart. The attempt is committed
     * (durable on disk) before this returns.
     */
    int record(Check check);

    /**
     * {@link #record} unless the student already has {@code limit} attempts on the problem at or
     * after {@code since}; then nothing is stored and the answer is empty (429). The count and
     * the record are one transaction, so concurrent checks cannot pass the limit together.
     */
    OptionalInt recordIfUnder(Check check, int limit, Instant since);

    /** The student's attempts on every problem, by problem and number. */
    List<Attempt> attemptsOf(String student);

    /** The student's attempts on one problem, by number. */
    List<Attempt> attemptsOf(String student, String problem);

    /** How many attempts the student made on the problem at or after {@code since} (for --max-checks). */
    int countSince(String student, String problem, Instant since);

    /** The attempt that counts: the last one at or before the deadline, or the last one without a deadline. */
    Optional<Attempt> counted(String student, String problem, Optional<Instant> deadline);

    /** The attempt that counts of each student who has one on the problem, by student id. */
    Map<String, Attempt> counted(String problem, Optional<Instant> deadline);

    /** Every attempt on the problem, by student and number (for attempts.csv). */
    List<Attempt> attemptsOn(String problem);

    /** Closes the database connections; the store is not used after. */
    @Override
    void close();
}
