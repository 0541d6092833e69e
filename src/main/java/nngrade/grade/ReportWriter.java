package nngrade.grade;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Stages files on one thread of its own, in the order given. Creating files in one folder is
 * serialised by the folder's lock anyway; from several threads at once the waiting ones spin
 * on it (a fifth of grade's CPU time with HTML reports, measured on Linux ext4), so the graders
 * hand their reports here and go on grading. At most 256 files wait, so memory stays flat.
 */
final class ReportWriter implements AutoCloseable {
    private record Job(String name, String text) {
    }

    private static final Job END = new Job(null, null);

    private final Output output;
    private final BlockingQueue<Job> queue = new ArrayBlockingQueue<>(256);
    private final Thread thread = new Thread(this::run, "nngrade-writer");
    private volatile Throwable failure;
    private boolean closed;

    ReportWriter(Output output) {
        this.output = output;
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues {@code text} for the staged file {@code name}; fails if an earlier file could not be written. */
    void write(String name, String text) {
        rethrowFailure();
        put(new Job(name, text));
    }

    /**
     * Waits until every queued file is written; throws the first failure. Interrupted, it stops
     * the writer before returning, so nothing writes into a staging area being deleted.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            put(END);
            thread.join();
        } catch (RuntimeException | Error e) {
            stop();
            throw e;
        } catch (InterruptedException e) {
            stop();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing reports", e);
        }
        rethrowFailure();
    }

    private void stop() {
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrowFailure() {
        rethrow(failure);
    }

    /**
     * Throws what another thread caught, as it was where it can be: a file that could not be
     * written (BadInputException), a bug, no memory. Nothing when {@code f} is null.
     */
    static void rethrow(Throwable f) {
        if (f instanceof RuntimeException e) {
            throw e;
        } else if (f instanceof Error e) {
            throw e;
        } else if (f != null) {
            throw new IllegalStateException(f);
        }
    }

    /** Waits for room in the queue, as long as the writer lives: a dead writer would make room never. */
    private void put(Job job) {
        try {
            while (!queue.offer(job, 100, TimeUnit.MILLISECONDS)) {
                if (!thread.isAlive()) {
                    rethrowFailure();
                    throw new IllegalStateException("the report writer stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing reports", e);
        }
    }

    private void run() {
        try {
            for (Job j = queue.take(); j != END; j = queue.take()) {
                if (failure == null) { // after a failure, only drain: the run is failing anyway
                    try {
                        output.stage(j.name(), j.text());
                    } catch (Throwable e) { // whatever it is, the thread lives on: graders wait on its queue
                        failure = e;
                    }
                }
            }
        } catch (InterruptedException e) { // files still queued are not written: the run must not pass
            failure = failure != null ? failure : new IllegalStateException("the report writer was interrupted", e);
        } catch (Throwable e) { // the queue itself failed (no memory): put() sees the thread gone
            failure = e;
        }
    }
}
