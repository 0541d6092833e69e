package nngrade.submission;

import nngrade.input.BadInputException;
import nngrade.input.FileKind;
import nngrade.input.InputError;
import nngrade.input.TextFiles;
import nngrade.input.XlsxTable;
import nngrade.problem.Problem;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a submission file, JSON, CSV (long, or by rows) or an .xlsx workbook (the CSV layouts in its
 * first sheet), telling them apart by content.
 * A file that cannot be read at all raises {@link BadInputException}; problems with single
 * quantities are kept in the {@link Submission} and the rest is graded.
 */
public final class SubmissionReader {
    /** A full answer key of a large network is a few MB; more is not a submission. */
    public static final long MAX_BYTES = 16L << 20;
    static final FileKind FILE = new FileKind("a submission file", "a submission", MAX_BYTES,
            "answers as JSON or CSV", "is not UTF-8 text; save it as UTF-8 (CSV UTF-8 in a spreadsheet's Save As)",
            false);

    private SubmissionReader() {
    }

    public static Submission read(Path path, Problem problem) {
        return read(path, path.toString(), problem);
    }

    /** Reads a file that messages name as {@code source}. */
    public static Submission read(Path path, String source, Problem problem) {
        return parse(source, TextFiles.read(path, source, FILE), problem);
    }

    /**
     * The bytes of a submission in a stream (an entry of an LMS's zip) of {@code size} bytes as
     * declared (-1 if unknown), for {@link #parse}; refused past the size a file may have.
     */
    public static byte[] readBytes(InputStream in, long size, String source) {
        return TextFiles.read(in, size, source, FILE);
    }

    public static Submission parse(String source, byte[] bytes, Problem problem) {
        if (XlsxTable.isWorkbook(bytes)) {
            return XlsxSubmissionReader.parse(source, bytes, problem);
        }
        if (isText(source, bytes)) {
            // the common case, read without decoding: ASCII bytes are their own characters
            int first = 0;
            while (first < bytes.length && Character.isWhitespace(bytes[first])) {
                first++;
            }
            if (first < bytes.length && (bytes[first] == '{' || bytes[first] == '[')) {
                return JsonSubmissionReader.parse(source, bytes, problem);
            }
        }
        String body = TextFiles.withoutBom(new String(bytes, StandardCharsets.UTF_8)); // valid: checked above
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
     * Whether the bytes are ASCII (else UTF-8, or refused). A file named .xlsx that is neither text nor
     * a workbook is told as a workbook that is not one; a CSV file named .xlsx is still read as CSV.
     */
    private static boolean isText(String source, byte[] bytes) {
        try {
            return TextFiles.checkText(source, bytes, FILE);
        } catch (BadInputException notText) {
            if (source.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                throw XlsxTable.notAWorkbook(source);
            }
            throw notText;
        }
    }
}
