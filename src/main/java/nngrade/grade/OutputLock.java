package nngrade.grade;

import nngrade.input.BadInputException;
import nngrade.input.InputError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code OUT/.nngrade.lock}: one {@code nngrade grade} writes an output folder at a time. The file
 * holds the owner's pid and start time; it is made with O_EXCL, so of two runs starting together
 * one wins. A lock whose process is gone (a killed run) is taken over: the pid is checked with
 * {@link ProcessHandle}, and its start time too where the system tells it, as pids are reused.
 */
final class OutputLock implements AutoCloseable {
    static final String NAME = ".nngrade.lock";
    private static final int ATTEMPTS = 5;
    /** The owner of a lock file created a moment ago and not yet written: alive, its pid unknown for now. */
    private static final long BEING_WRITTEN = 0;
    private final Path file;
    private final String mine;

    private OutputLock(Path file, String mine) {
        this.file = file;
        this.mine = mine;
    }

    /** Takes the lock of {@code out} (which exists), or refuses naming the run that holds it. */
    static OutputLock take(Path out) {
        Path file = out.resolve(NAME);
        ProcessHandle me = ProcessHandle.current();
        String mine = me.pid() + " " + me.info().startInstant().map(Instant::toString).orElse("-") + "\n";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                // created exclusively (O_EXCL) and written in one call: another run sees it empty for a moment at most
                Files.write(file, mine.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return new OutputLock(file, mine);
            } catch (FileAlreadyExistsException held) {
                String stale = content(file);
                Optional<Long> owner = liveOwner(file, stale);
                if (owner.isPresent() && owner.get() == BEING_WRITTEN && attempt < ATTEMPTS - 1) {
                    pause();
                    continue;
                }
                if (owner.isPresent()) {
                    throw new BadInputException(InputError.inFile(out.toString(), "another nngrade grade (pid "
                            + owner.get() + ") is writing " + out + "; wait for it or remove " + file + " if it is gone"));
                }
                try {
                    // a dead run's: taken over, unless another run took it over since we read it (then it refuses us, or we it)
                    if (stale.equals(content(file))) {
                        Files.deleteIfExists(file);
                    }
                } catch (IOException e) {
                    throw cannotLock(file, e);
                }
            } catch (IOException e) {
                throw cannotLock(file, e);
            }
        }
        throw new BadInputException(InputError.inFile(file.toString(), "cannot take the lock: it keeps reappearing"));
    }

    /** The pid in a lock file whose process still runs; empty for a dead one, or a file being written right now (retried). */
    private static Optional<Long> liveOwner(Path file, String content) {
        String text = content.strip();
        // created and not yet written, or written part way ("12" of "12345 …"): a lock is whole once its line
        // ends, and its owner is alive for a moment at least; a prefix of a pid may be another, live process's
        if (!content.endsWith("\n")) {
            return youngerThanASecond(file) ? Optional.of(BEING_WRITTEN) : Optional.empty();
        }
        String[] parts = text.split(" ");
        long pid;
        try {
            pid = Long.parseLong(parts[0]);
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        String started = parts.length > 1 ? parts[1] : "-";
        Optional<String> actual = p.get().info().startInstant().map(Instant::toString);
        boolean reused = !started.equals("-") && actual.isPresent() && !actual.get().equals(started);
        return reused ? Optional.empty() : Optional.of(pid);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The lock file's text; empty when it is gone. */
    private static String content(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException gone) {
            return "";
        } catch (IOException e) {
            throw cannotLock(file, e);
        }
    }

    private static boolean youngerThanASecond(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isAfter(Instant.now().minusSeconds(1));
        } catch (IOException e) {
            return false;
        }
    }

    private static BadInputException cannotLock(Path file, IOException e) {
        return new BadInputException(InputError.inFile(file.toString(), "cannot write: " + AtomicFiles.whyNot(e)));
    }

    /** Removes the lock if it is still this run's. */
    @Override
    public void close() {
        try {
            if (mine.equals(Files.readString(file, StandardCharsets.UTF_8))) {
                Files.delete(file);
            }
        } catch (IOException ignored) { // gone already, or unreadable: the next run judges it by its pid
        }
    }
}
