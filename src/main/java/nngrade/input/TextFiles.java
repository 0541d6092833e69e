package nngrade.input;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Every file nngrade reads, read the same way: at most its kind's size, strict UTF-8 (a byte
 * that is not is an error, never a U+FFFD in the data), and one plain line for each way a file
 * can be unusable. A UTF-16 or UTF-32 file (a spreadsheet's "Unicode Text") is told as such, on line 1,
 * with how to save it as UTF-8.
 */
public final class TextFiles {
    private static final char BOM = '\uFEFF';
    private static final String NOT_UTF8 = "is not UTF-8 text";

    private TextFiles() {
    }

    /** The file's text, exactly: a UTF-8 byte-order mark is kept (see {@link #withoutBom}). */
    public static String readText(Path path, String source, FileKind kind) {
        byte[] bytes = read(path, source, kind);
        checkText(source, bytes, kind);
        return new String(bytes, StandardCharsets.UTF_8); // valid: checked
    }

    /**
     * {@link #read(Path, String, FileKind)} of a file the user named (a problem, a roster, overrides),
     * refusing first what is not a regular file: opening a pipe waits for a writer forever, and a
     * device never ends. Submissions found by a walk are known to be files and skip the extra look.
     */
    public static byte[] readRegular(Path path, String source, FileKind kind) {
        if (Files.exists(path) && !Files.isDirectory(path) && !Files.isRegularFile(path)) {
            throw new BadInputException(InputError.inFile(source, "is not a regular file (a pipe, a socket or a device); "
                    + "expected " + kind.expected()));
        }
        return read(path, source, kind);
    }

    /** {@link #readText} of a file the user named: see {@link #readRegular}. */
    public static String readRegularText(Path path, String source, FileKind kind) {
        byte[] bytes = readRegular(path, source, kind);
        checkText(source, bytes, kind);
        return new String(bytes, StandardCharsets.UTF_8); // valid: checked
    }

    /** The file's bytes, refusing a folder, a missing or unreadable file, or one over the kind's size. */
    public static byte[] read(Path path, String source, FileKind kind) {
        int limit = (int) Math.min(Integer.MAX_VALUE - 8, kind.maxBytes() + 1);
        // java.io rather than NIO: a grade of 100,000 files spends a fifth of its time here, and
        // FileInputStream is the fewest calls between us and open/read/close
        byte[] bytes;
        try (FileInputStream in = new FileInputStream(path.toFile())) {
            bytes = in.readNBytes(limit);
        } catch (IOException e) {
            if (Files.isDirectory(path)) {
                throw new BadInputException(InputError.inFile(source, "is a folder; expected " + kind.expected()));
            } else if (!Files.exists(path)) {
                throw new BadInputException(InputError.inFile(source, "no such file"));
            }
            // java.io names the file by text, which may not encode back to the name's bytes
            // ("josé.json" under LANG=C, in many containers); NIO opens the path's own bytes.
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes(limit);
            } catch (IOException nio) {
                throw new BadInputException(InputError.inFile(source, "cannot be read: " + reason(nio)));
            }
        }
        if (bytes.length > kind.maxBytes()) {
            long size;
            try {
                size = Files.size(path);
            } catch (IOException e) {
                size = bytes.length;
            }
            throw tooLarge(source, Math.max(size, bytes.length), kind);
        }
        return bytes;
    }

    /**
     * The bytes of a stream (an entry of an archive) of {@code size} bytes as its archive
     * declares them (-1 if unknown), refused past the kind's size as a file is. The size is
     * never trusted: at most the limit is read.
     */
    public static byte[] read(InputStream in, long size, String source, FileKind kind) {
        byte[] bytes;
        try (in) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, kind.maxBytes() + 1));
        } catch (IOException e) {
            throw new BadInputException(InputError.inFile(source, "cannot be read: " + reason(e)));
        }
        if (bytes.length > kind.maxBytes()) {
            throw tooLarge(source, Math.max(size, bytes.length), kind);
        }
        return bytes;
    }

    private static BadInputException tooLarge(String source, long size, FileKind kind) {
        // rounded up: a file one byte over the limit is not "16 MB" when the limit is 16 MB
        long mb = (size + (1 << 20) - 1) >> 20;
        return new BadInputException(InputError.inFile(source, "is " + mb + " MB; " + kind.limited()
                + " is at most " + (kind.maxBytes() >> 20) + " MB"));
    }

    /**
     * Refuses bytes that are not UTF-8 text (NUL bytes, where the kind refuses them; malformed
     * sequences); true when they are plain ASCII, the usual case, which needs no decoding and which
     * Jackson's byte parser reads fastest.
     */
    public static boolean checkText(String source, byte[] bytes, FileKind kind) {
        String wide = wideEncoding(bytes);
        if (wide != null) { // before the NUL bytes: "contains NUL bytes" would not say what to do
            String rest = kind.notUtf8().startsWith(NOT_UTF8) ? kind.notUtf8().substring(NOT_UTF8.length()) : "";
            throw refused(source, bytes, 0, kind, "is " + wide + ", not UTF-8"
                    + (rest.isEmpty() ? "; save it as UTF-8" : rest));
        }
        boolean ascii = true;
        for (byte b : bytes) {
            if (b == 0 && kind.contents() != null) {
                throw refused(source, bytes, indexOfNul(bytes), kind,
                        "is not a text file (it contains NUL bytes); expected " + kind.contents());
            }
            ascii &= b > 0;
        }
        if (ascii) {
            return true;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        boolean malformed = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, CharBuffer.allocate(bytes.length), true)
                .isError();
        if (malformed) { // the buffer stops at the first byte that is not UTF-8
            throw refused(source, bytes, in.position(), kind, kind.notUtf8());
        }
        return false;
    }

    /** Text without the UTF-8 byte-order mark some editors and spreadsheets write first. */
    public static String withoutBom(String text) {
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    /**
     * "UTF-32 text", "UTF-16 text (a spreadsheet's \"Unicode Text\")", or null: by the byte-order mark, else by
     * NUL bytes at every even or every odd place of the first 256 bytes, which is how UTF-16 writes
     * Latin letters and digits (a binary file has its NULs anywhere).
     */
    static String wideEncoding(byte[] b) {
        if (b.length >= 4 && (b[0] == 0 && b[1] == 0 && b[2] == (byte) 0xFE && b[3] == (byte) 0xFF
                || b[0] == (byte) 0xFF && b[1] == (byte) 0xFE && b[2] == 0 && b[3] == 0)) {
            return "UTF-32 text";
        }
        String utf16 = "UTF-16 text (a spreadsheet's \"Unicode Text\")";
        if (b.length >= 2 && (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF || b[0] == (byte) 0xFF && b[1] == (byte) 0xFE)) {
            return utf16;
        }
        int n = Math.min(b.length, 256) & ~1;
        if (n < 4) {
            return null;
        }
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i < n; i += 2) {
            evenNul += b[i] == 0 ? 1 : 0;
            oddNul += b[i + 1] == 0 ? 1 : 0;
        }
        int pairs = n / 2;
        return evenNul == pairs && oddNul == 0 || oddNul == pairs && evenNul == 0 ? utf16 : null;
    }

    private static BadInputException refused(String source, byte[] bytes, int at, FileKind kind, String message) {
        return new BadInputException(kind.namesLine()
                ? InputError.atLine(source, lineAt(bytes, at), message)
                : InputError.inFile(source, message));
    }

    private static int indexOfNul(byte[] bytes) {
        int i = 0;
        while (bytes[i] != 0) {
            i++;
        }
        return i;
    }

    /** The line of byte {@code at}, counting LF, CRLF and a lone CR as line ends, as the CSV parser does. */
    private static int lineAt(byte[] bytes, int at) {
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                line++;
            }
        }
        return line;
    }

    /** "x.json (Permission denied)" → "permission denied": see {@link IoReasons}. */
    private static String reason(IOException e) {
        return IoReasons.reason(e);
    }
}
