package nngrade.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one way files are read as text: limits, strict UTF-8 with the line of the first bad byte, BOMs. */
class TextFilesTest {
    private static final FileKind NAMES_LINE = new FileKind("a test file", "a test file", 16, "text", "is not UTF-8 text",
            true);
    private static final FileKind NUL_TO_PARSER = new FileKind("a test file", "a test file", 16, null,
            "is not UTF-8 text", false);

    private static List<String> refused(byte[] bytes, FileKind kind) {
        BadInputException e = assertThrows(BadInputException.class, () -> TextFiles.checkText("t", bytes, kind));
        return e.errors().stream().map(InputError::oneLine).toList();
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"é|1", "a\\né|2", "a\\r\\nb\\r\\né|3", "a\\rb\\ré|3", "a\\n\\n\\r\\n\\ré|5"})
    void aByteThatIsNotUtf8IsRefusedAtItsLine(String text, int line) {
        byte[] bytes = latin1(text.replace("\\n", "\n").replace("\\r", "\r"));
        assertEquals(List.of("t:" + line + ": is not UTF-8 text"), refused(bytes, NAMES_LINE));
    }

    @Test
    void aNulByteIsRefusedAtItsLineOrLeftToTheParser() {
        byte[] bytes = "ab\ncd\0".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("t:2: is not a text file (it contains NUL bytes); expected text"), refused(bytes, NAMES_LINE));
        assertFalse(TextFiles.checkText("t", bytes, NUL_TO_PARSER));
    }

    @Test
    void utf16AndUtf32AreToldAsSuchFromTheirByteOrderMark() {
        String utf16 = "is UTF-16 text (a spreadsheet's \"Unicode Text\"), not UTF-8; save it as UTF-8";
        for (var charset : List.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
            byte[] bytes = "\uFEFF中".getBytes(charset); // no NUL byte: 中 is 4E2D
            assertEquals(List.of("t:1: " + utf16), refused(bytes, NAMES_LINE), charset.name());
        }
        byte[] utf32 = {0, 0, (byte) 0xFE, (byte) 0xFF, 0, 0, 0, 'a'};
        assertEquals(List.of("t: is UTF-32 text, not UTF-8; save it as UTF-8"), refused(utf32, NUL_TO_PARSER));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            UTF-16LE, no mark|UTF-16LE|id,name|UTF-16 text (a spreadsheet's "Unicode Text")
            UTF-16BE, no mark|UTF-16BE|z1,1|UTF-16 text (a spreadsheet's "Unicode Text")
            UTF-8|UTF-8|id,name|
            one letter|UTF-16LE|a|
            """)
    void utf16WithoutAMarkIsToldByItsNulBytesAtEveryOtherPlace(String what, String charset, String text, String told) {
        assertEquals(told, TextFiles.wideEncoding(text.getBytes(java.nio.charset.Charset.forName(charset))), what);
    }

    @Test
    void nulBytesAnywhereAreABinaryFileNotUtf16() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};
        assertEquals(null, TextFiles.wideEncoding(png));
        assertEquals(List.of("t:2: is not a text file (it contains NUL bytes); expected text"),
                refused("ab\ncd\0".getBytes(StandardCharsets.UTF_8), NAMES_LINE));
    }

    @Test
    void asciiIsToldApartFromOtherUtf8() {
        assertTrue(TextFiles.checkText("t", "{\"a\": 1}".getBytes(StandardCharsets.UTF_8), NAMES_LINE));
        assertFalse(TextFiles.checkText("t", "η = 0.5".getBytes(StandardCharsets.UTF_8), NAMES_LINE));
    }

    @Test
    void theTextIsReadExactlyAndTheByteOrderMarkDroppedOnRequest(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bom.txt"), "\uFEFFη");
        String text = TextFiles.readText(file, "bom.txt", NAMES_LINE);
        assertEquals("\uFEFFη", text);
        assertEquals("η", TextFiles.withoutBom(text));
        assertEquals("", TextFiles.withoutBom(""));
    }

    @Test
    void aFileOverTheLimitIsRefusedWithItsSizeRoundedUp(@TempDir Path dir) throws IOException {
        FileKind kind = new FileKind("a test file", "a test file", 1 << 20, null, "is not UTF-8 text", false);
        Path file = Files.write(dir.resolve("big.txt"), new byte[(1 << 20) + 1]);
        BadInputException e = assertThrows(BadInputException.class, () -> TextFiles.read(file, "big.txt", kind));
        assertEquals(List.of("big.txt: is 2 MB; a test file is at most 1 MB"),
                e.errors().stream().map(InputError::oneLine).toList());
        Files.write(file, new byte[1 << 20]);
        assertEquals(1 << 20, TextFiles.read(file, "big.txt", kind).length);
    }

    @Test
    void aMissingFileAndAFolderAreNamedByWhatWasExpected(@TempDir Path dir) {
        BadInputException missing = assertThrows(BadInputException.class,
                () -> TextFiles.read(dir.resolve("nope"), "nope", NAMES_LINE));
        assertEquals("nope: no such file", missing.errors().get(0).oneLine());
        BadInputException folder = assertThrows(BadInputException.class, () -> TextFiles.read(dir, "dir", NAMES_LINE));
        assertEquals("dir: is a folder; expected a test file", folder.errors().get(0).oneLine());
    }

    @Test
    void errorsPastTheCapAreCounted() {
        ErrorList errors = new ErrorList("t");
        for (int i = 0; i < ErrorList.MAX + 5; i++) {
            errors.add(InputError.atLine("t", i + 1, "bad"));
        }
        assertEquals(ErrorList.MAX + 5, errors.count());
        List<InputError> list = errors.list();
        assertEquals(ErrorList.MAX + 1, list.size());
        assertEquals("t: and 5 more problems like these (only the first 100 are listed)", list.get(ErrorList.MAX).oneLine());
    }
}
