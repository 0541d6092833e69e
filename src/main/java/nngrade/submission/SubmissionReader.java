package nngrade.submission;

import nngrade.input.BadInputException;
import nngrade.input.InputError;
import nngrade.problem.Problem;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a submission file, JSON or CSV (long or compact), telling them apart by content.
 * A file that cannot be read at all raises {@link BadInputException}; problems with single
 * quantities are kept in the {@link Submission} and the rest is graded.
 */
public final class SubmissionReader {
    /** A full answer key of a large network is a few MB; more is not a submission. */
    public static final long MAX_BYTES = 16L << 20;

    private SubmissionReader() {
    }

    public static Submission read(Path path, Problem problem) {
        String source = path.toString();
        return parse(source, readBytes(path, source), problem);
    }

    /** The file's bytes, refusing a folder, a missing file or one over {@link #MAX_BYTES}. */
    static byte[] readBytes(Path path, String source) {
        // java.io rather than NIO: a grade of 100,000 files spends a fifth of its time here, and
        // FileInputStream is the fewest calls between us and open/read/close
        byte[] bytes;
        try (FileInputStream in = new FileInputStream(path.toFile())) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            if (Files.isDirectory(path)) {
                throw new BadInputException(InputError.inFile(source, "is a folder; expected a submission file"));
            } else if (!Files.exists(path)) {
                throw new BadInputException(InputError.inFile(source, "no such file"));
            }
            // java.io names the file by text, which may not encode back to the name's bytes
            // ("josé.json" under LANG=C, in many containers); NIO opens the path's own bytes.
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            } catch (IOException nio) {
                throw new BadInputException(InputError.inFile(source, "cannot be read: " + reason(nio)));
            }
        }
        if (bytes.length > MAX_BYTES) {
            long size;
            try {
                size = Files.size(path);
            } catch (IOException e) {
                size = bytes.length;
            }
            throw tooLarge(source, Math.max(size, bytes.length));
        }
        return bytes;
    }

    /** "x.json (Permission denied)" → "permission denied"; NIO's exceptions by their kind. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        } else if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        } else if (e instanceof FileSystemException f) {
            return f.getReason() == null ? "cannot be opened" : f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int open = m.lastIndexOf(" (");
        return (open >= 0 && m.endsWith(")") ? m.substring(open + 2, m.length() - 1) : m).toLowerCase(java.util.Locale.ROOT);
    }

    private static BadInputException tooLarge(String source, long size) {
        // rounded up: a file one byte over the limit is not "16 MB" when the limit is 16 MB
        long mb = (size + (1 << 20) - 1) >> 20;
        return new BadInputException(InputError.inFile(source, "is " + mb + " MB; a submission is at most "
                + (MAX_BYTES >> 20) + " MB"));
    }

    public static Submission parse(String source, byte[] bytes, Problem problem) {
        if (checkText(source, bytes)) {
            // the common case, read without decoding: ASCII bytes are their own characters
            int first = 0;
            while (first < bytes.length && Character.isWhitespace(bytes[first])) {
                first++;
            }
            if (first < bytes.length && (bytes[first] == '{' || bytes[first] == '[')) {
                return JsonSubmissionReader.parse(source, bytes, problem);
            }
        }
        String text = new String(bytes, StandardCharsets.UTF_8); // valid: checked above
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String trimmed = body.strip();
        if (trimmed.isEmpty()) {
            throw new BadInputException(InputError.inFile(source, "is empty; expected answers as JSON or CSV "
                    + "(nngrade template PROBLEM prints a blank answer sheet)"));
        }
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return JsonSubmissionReader.parse(source, body, problem);
        }
        return CsvSubmissionReader.parse(source, body, problem);
    }

    /**
     * Refuses bytes that are not UTF-8 text (NUL bytes, malformed sequences); true when they
     * are plain ASCII, the usual case, which needs no decoding.
     */
    private static boolean checkText(String source, byte[] bytes) {
        boolean ascii = true;
        for (byte b : bytes) {
            if (b == 0) {
                throw new BadInputException(InputError.inFile(source,
                        "is not a text file (it contains NUL bytes); expected answers as JSON or CSV"));
            }
            ascii &= b > 0;
        }
        if (ascii) {
            return true;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new BadInputException(InputError.inFile(source,
                    "is not UTF-8 text; save it as UTF-8 (CSV UTF-8 in a spreadsheet's Save As)"));
        }
        return false;
    }
}
