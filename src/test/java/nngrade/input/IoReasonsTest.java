package nngrade.input;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.stream.Stream;
import java.util.zip.ZipException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every way the JDK says a file is unusable, in the words a teacher reads: never a class name. */
class IoReasonsTest {
    static Stream<Arguments> exceptions() {
        return Stream.of(
                Arguments.of(new AccessDeniedException("out/grades.csv"), "permission denied: out/grades.csv", "permission denied"),
                Arguments.of(new NoSuchFileException("in/a.json"), "no such file or folder: in/a.json", "no such file or folder"),
                Arguments.of(new NotDirectoryException("out"), "not a folder: out", "not a folder"),
                Arguments.of(new DirectoryNotEmptyException("out"), "the folder is not empty: out", "the folder is not empty"),
                Arguments.of(new FileAlreadyExistsException("out"), "out is in the way: it is not a folder", "already exists"),
                Arguments.of(new FileSystemException("a.json", null, "Is a directory"), "is a folder: a.json", "is a folder"),
                Arguments.of(new FileSystemException("out", null, "No space left on device"),
                        "no space left on device: out", "no space left on device"),
                Arguments.of(new MalformedInputException(1), "not UTF-8 text", "not UTF-8 text"),
                Arguments.of(new FileNotFoundException("x.json (Permission denied)"), "permission denied", "permission denied"),
                Arguments.of(new FileNotFoundException("x (Is a directory)"), "is a folder", "is a folder"),
                Arguments.of(new EOFException(), "it ends early (cut off)", "it ends early (cut off)"),
                Arguments.of(new ZipException(), "not a readable zip archive", "not a readable zip archive"),
                Arguments.of(new ZipException("Archive is not a ZIP archive"), "archive is not a zip archive",
                        "archive is not a zip archive"),
                Arguments.of(new IOException("java.util.zip.DataFormatException: invalid stored block lengths"),
                        "invalid stored block lengths", "invalid stored block lengths"),
                Arguments.of(new IOException(), "input/output error", "input/output error"));
    }

    @ParameterizedTest
    @MethodSource("exceptions")
    void eachExceptionIsPlainWords(IOException e, String withFile, String reason) {
        assertEquals(withFile, IoReasons.of(e));
        assertEquals(reason, IoReasons.reason(e));
    }
}
