-- nngrade serve's attempt store. The same SQL runs on SQLite and PostgreSQL: only types both
-- read alike (SQLite takes BYTEA as a column that keeps blobs as they are, DOUBLE PRECISION as
-- REAL, BIGINT as INTEGER), no identity columns, no dialect's functions.
--
-- An attempt is keyed by (student, problem, attempt): the key makes a second attempt 3 of the
-- same student and problem impossible, whatever two servers do at once. Times are UTC epoch
-- milliseconds.
CREATE TABLE attempts (
    student      TEXT             NOT NULL,
    problem      TEXT             NOT NULL,
    attempt      INTEGER          NOT NULL,
    variant_code TEXT             NOT NULL,
    checked_at   BIGINT           NOT NULL,
    content_type TEXT             NOT NULL,
    submission   BYTEA            NOT NULL,
    score        DOUBLE PRECISION NOT NULL,
    max_score    DOUBLE PRECISION NOT NULL,
    report_json  TEXT             NOT NULL,
    PRIMARY KEY (student, problem, attempt),
    CHECK (attempt >= 1)
);

-- --max-checks counts a student's attempts on a problem in the last hour.
CREATE INDEX attempts_by_time ON attempts (student, problem, checked_at);
-- The teacher's exports read a problem's attempts, student by student.
CREATE INDEX attempts_by_problem ON attempts (problem, student, attempt);

-- The diagnosis codes of each quantity of an attempt, in the report's order.
CREATE TABLE attempt_diagnoses (
    student        TEXT    NOT NULL,
    problem        TEXT    NOT NULL,
    attempt        INTEGER NOT NULL,
    quantity_order INTEGER NOT NULL,
    quantity       TEXT    NOT NULL,
    code_order     INTEGER NOT NULL,
    code           TEXT    NOT NULL,
    PRIMARY KEY (student, problem, attempt, quantity_order, code_order),
    FOREIGN KEY (student, problem, attempt) REFERENCES attempts (student, problem, attempt)
);
