/**
 * What {@code nngrade serve} and {@code nngrade links} stand on, below the HTTP layer: who a
 * token belongs to, and the store of every check (the contract is the shared spec's serve.md;
 * docs/serve.md tells teachers). Nothing here prints or knows picocli; only {@code cli} uses it.
 *
 * <h2>Tokens</h2>
 * <ul>
 *   <li>{@link nngrade.serve.Tokens#token Tokens.token(secret, id)}: a student's token,
 *       base64url(HMAC-SHA256(secret, "nngrade/student-token/v1" 0x00 id)), 43 characters.
 *       Never stored; derived again when needed.</li>
 *   <li>{@link nngrade.serve.Tokens#of Tokens.of(secret, roster.ids())} once at start, then
 *       {@link nngrade.serve.Tokens#studentOf studentOf(presented)} per request: the student's id
 *       or empty (401), compared in constant time.</li>
 *   <li>{@link nngrade.serve.TeacherToken#load TeacherToken.load(teacherTokenFile or null, dataDir)}
 *       once at start: reads --teacher-token-file, else DATA/teacher-token, created owner-only on
 *       the first start. {@code where()} is what serve prints; {@code matches(presented)} checks a
 *       request. Refusals are {@link nngrade.input.BadInputException}s (exit 2), one line each.</li>
 *   <li>{@link nngrade.serve.Links}: the base URL checked and normalised ({@code baseUrl}), a
 *       student's link ({@code url}, for the sheets), the CSV of {@code nngrade links}.</li>
 * </ul>
 * The secret is the one {@code cli.SecretOption} reads (--secret-file or NNGRADE_SECRET, with its
 * refusals); a missing one is refused by {@code Tokens} in one line.
 *
 * <h2>The attempt store</h2>
 * <pre>{@code
 * try (AttemptStore store = AttemptStore.open(dbUrlOrNull, dataDir)) {   // --db, --data
 *     int attempt = store.record(new Check(id, problemId, variantCode, now, body, contentType,
 *             score, maxScore, reportJson, diagnosesPerQuantity));        // committed on return
 *     OptionalInt limited = store.recordIfUnder(check, maxChecks, now.minus(Duration.ofHours(1)));
    int lastHour = store.countSince(id, problemId, now.minus(Duration.ofHours(1)));  // checksLeft
 *     Optional<Attempt> counted = store.counted(id, problemId, deadline);  // gradebook row
 *     List<Attempt> mine = store.attemptsOf(id, problemId);                // GET .../attempts
 *     List<Attempt> all = store.attemptsOn(problemId);                     // attempts.csv
 * }
 * }</pre>
 * <ul>
 *   <li>One store per server, shared by every request thread; it keeps a few connections open.
 *       On SQLite one writer thread commits the records that arrive together in one transaction
 *       (one fsync); a record() blocks until its own is durable, so call it from as many request
 *       threads as there are: concurrency is what fills a batch.</li>
 *   <li>Every method either does all it says or throws
 *       {@link nngrade.serve.StoreUnavailableException} (locked past the 5 s busy timeout, disk
 *       full, PostgreSQL unreachable): answer 503 with its one-line message. No attempt is ever
 *       half stored, and a failed record() took no number.</li>
 *   <li>Answer a check only after record() returned: that is what makes "an attempt is stored
 *       before its answer is sent" hold across kill -9 (StoreCrashTest).</li>
 *   <li>Deadline rule: an attempt at or before the deadline counts, so refuse a check when
 *       {@code now.isAfter(deadline)}. Times are kept to the millisecond, as UTC epoch millis.</li>
 *   <li>--max-checks N: {@code recordIfUnder(check, N, now - 1 h)} is empty when the student has
 *       had N checks of the problem in the hour (429, nothing stored); the count and the insert
 *       are one transaction, so N holds exactly under concurrent checks. {@code countSince} gives
 *       checksLeft and Retry-After's ground.</li>
 *   <li>Lists are ordered by student id, problem id (as Java compares strings) and attempt number,
 *       on every database.</li>
 * </ul>
 */
package nngrade.serve;
