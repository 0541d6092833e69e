package nngrade.serve;

/**
 * The attempt store cannot do what was asked now: the database is locked past its busy timeout,
 * the disk is full, PostgreSQL cannot be reached. Nothing of the operation was kept (an attempt
 * is stored whole or not at all); the HTTP layer answers 503 with {@link #getMessage()}, one
 * line that names the database (never a password) and the reason.
 */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
