package nngrade.grade;

import nngrade.input.BadInputException;
import nngrade.input.InputError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;

/** Writing outputs so a reader never sees half a file: write beside the target, then rename. */
public final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /** Writes {@code target}; a file that cannot be written (a folder in its place, a full disk) is refused naming it. */
    public static void write(Path target, String content) {
        try {
            Path tmp = prepare(target, content);
            try {
                move(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
    }

    /** "out/x.html: cannot write: out/x.html is a folder": the one line for every output that could not be written. */
    static BadInputException cannotWrite(Path target, IOException e) {
        return new BadInputException(InputError.inFile(target.toString(), "cannot write: " + whyNot(e)));
    }

    /**
     * The first half of {@link #write}: {@code content} in a hidden temporary file beside
     * {@code target}, returned for {@link #move} to put in place (or for the caller to delete).
     * Fails here, before anything is replaced, when the target cannot be written.
     */
    public static Path prepare(Path target, String content) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        if (Files.isDirectory(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "is a folder");
        }
        Path tmp = parent.resolve(temporaryName(target.getFileName().toString()));
        try {
            // a new file (O_EXCL) under a name no one can guess: never written through a link someone left there
            writeUtf8(tmp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return tmp;
    }

    /**
     * {@code .NAME.PID.RANDOM.tmp}: the pid tells a later run whether its owner is gone ({@link Leftovers}),
     * the random part that no one could have put a link there beforehand.
     */
    static String temporaryName(String name) {
        return "." + name + "." + ProcessHandle.current().pid() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp";
    }

    /**
     * Writes {@code text} as UTF-8. Unlike {@code Files.writeString}, an unpaired surrogate
     * (a student's JSON may spell one, {@code "\\ud800"}) becomes "?" instead of failing the run.
     */
    public static void writeUtf8(Path path, String text, OpenOption... options) throws IOException {
        Files.write(path, text.getBytes(StandardCharsets.UTF_8), options);
    }

    /** Why a file could not be written, in words, for a one-line error. */
    public static String whyNot(IOException e) {
        return nngrade.input.IoReasons.of(e);
    }

    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
