package nngrade.input;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.zip.ZipException;

/**
 * Why a file could not be read or written, in plain words ("permission denied", "no such file or
 * folder", "not UTF-8 text", "is a folder"), never a Java class name: the JDK's exceptions name the
 * trouble by their type (AccessDeniedException) or by the operating system's words in a message
 * ("x.json (Permission denied)"), and a teacher needs neither.
 */
public final class IoReasons {
    private IoReasons() {
    }

    /** The reason and, where the exception names it, the file: {@code permission denied: out/grades.csv}. */
    public static String of(IOException e) {
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + (f.getReason() != null ? " " + f.getReason() : " is in the way: it is not a folder");
        }
        String file = e instanceof FileSystemException f ? f.getFile() : null;
        return file == null ? reason(e) : reason(e) + ": " + file;
    }

    /** The reason alone, for a message that names the file already. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        } else if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        } else if (e instanceof NotDirectoryException) {
            return "not a folder";
        } else if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        } else if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        } else if (e instanceof FileSystemLoopException) {
            return "its links form a loop";
        } else if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        } else if (e instanceof EOFException) {
            return "it ends early (cut off)";
        } else if (e instanceof ZipException && (e.getMessage() == null || e.getMessage().isBlank())) {
            return "not a readable zip archive";
        } else if (e instanceof FileSystemException f) {
            return f.getReason() == null ? "cannot be opened" : words(f.getReason());
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return "input/output error";
        }
        // java.io: "x.json (Permission denied)", the operating system's words in the parentheses
        int open = m.lastIndexOf(" (");
        return words(open >= 0 && m.endsWith(")") ? m.substring(open + 2, m.length() - 1) : m);
    }

    /** The operating system's words, lower-cased, with a folder called a folder; a class name in them dropped. */
    private static String words(String text) {
        String w = text.replaceAll("\\b(?:[a-z]+\\.)+[A-Z]\\w*(?:Exception|Error): ?", "").strip().toLowerCase(Locale.ROOT);
        return switch (w) {
            case "is a directory" -> "is a folder";
            case "not a directory" -> "not a folder";
            case "no such file or directory" -> "no such file or folder";
            case "directory not empty" -> "the folder is not empty";
            case "" -> "input/output error";
            default -> Excerpts.escaped(Excerpts.shown(w));
        };
    }
}
