package nngrade.submission;

import nngrade.problem.BadInputException;
import nngrade.problem.InputError;
import nngrade.problem.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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

    /** The file's bytes, refusing a folder, a missing file or one over {@link #MAX_BYTES} before reading it. */
    static byte[] readBytes(Path path, String source) {
        try {
            if (Files.isDirectory(path)) {
                throw new BadInputException(InputError.inFile(source, "is a folder; expected a submission file"));
            }
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw tooLarge(source, size);
            }
            try (InputStream in = Files.newInputStream(path)) {
                byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw tooLarge(source, bytes.length);
                }
                return bytes;
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(InputError.inFile(source, "no such file"));
        } catch (IOException e) {
            throw new BadInputException(InputError.inFile(source, "cannot be read: " + e.getMessage()));
        }
    }

    private static BadInputException tooLarge(String source, long size) {
        // rounded up: a file one byte over the limit is not "16 MB" when the limit is 16 MB
        long mb = (size + (1 << 20) - 1) >> 20;
        return new BadInputException(InputError.inFile(source, "is " + mb + " MB; a submission is at most "
                + (MAX_BYTES >> 20) + " MB"));
    }

    public static Submission parse(String source, byte[] bytes, Problem problem) {
        String text = decode(source, bytes);
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

    private static String decode(String source, byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                throw new BadInputException(InputError.inFile(source,
                        "is not a text file (it contains NUL bytes); expected answers as JSON or CSV"));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(InputError.inFile(source,
                    "is not UTF-8 text; save it as UTF-8 (CSV UTF-8 in a spreadsheet's Save As)"));
        }
    }
}
