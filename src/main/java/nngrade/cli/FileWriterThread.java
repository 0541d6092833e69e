package nngrade.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes files on one thread of its own, in the order given. Creating files in one folder is
 * serialised by the folder's lock anyway; from several threads at once the waiting ones spin
 * on it (a fifth of grade's CPU time with HTML reports, measured on Linux ext4), so the graders
 * hand their reports here and go on grading. At most 256 files wait, so memory stays flat.
 */
final class FileWriterThread implements AutoCloseable {
    private record Job(Path path, String text) {
    }

    private static final Job END = new Job(null, null);

    private final BlockingQueue<Job> queue = new ArrayBlockingQueue<>(256);
    private final Thread thread = new Thread(this::run, "nngrade-writer");
    private volatile Throwable failure;

    FileWriterThread() {
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues {@code text} for {@code path}; fails if an earlier file could not be written. */
    void write(Path path, String text) throws IOException {
        rethrowFailure();
        put(new Job(path, text));
    }

    /** Waits until every queued file is written; throws the first failure. */
    @Override
    public void close() throws IOException {
        put(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing reports");
        }
        rethrowFailure();
    }

    /** A file that could not be written as IOException; anything else (a bug, no memory) as it was. */
    private void rethrowFailure() throws IOException {
        Throwable f = failure;
        if (f instanceof IOException e) {
            throw e;
        } else if (f instanceof RuntimeException e) {
            throw e;
        } else if (f instanceof Error e) {
            throw e;
        } else if (f != null) {
            throw new IllegalStateException(f);
        }
    }

    /** Waits for room in the queue, as long as the writer lives: a dead writer would make room never. */
    private void put(Job job) throws IOException {
        try {
            while (!queue.offer(job, 100, TimeUnit.MILLISECONDS)) {
                if (!thread.isAlive()) {
                    rethrowFailure();
                    throw new IllegalStateException("the report writer stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing reports");
        }
    }

    private void run() {
        try {
            for (Job j = queue.take(); j != END; j = queue.take()) {
                if (failure == null) { // after a failure, only drain: the run is failing anyway
                    try {
                        AtomicFiles.writeUtf8(j.path(), j.text());
                    } catch (Throwable e) { // whatever it is, the thread lives on: graders wait on its queue
                        failure = e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) { // the queue itself failed (no memory): put() sees the thread gone
            failure = e;
        }
    }
}
