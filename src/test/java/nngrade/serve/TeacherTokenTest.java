package nngrade.serve;

import nngrade.input.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TeacherTokenTest {

    @Test
    void theFirstStartCreatesAnOwnerOnlyTokenAndTheNextReusesIt(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("nngrade-data");
        TeacherToken first = TeacherToken.load(null, data);
        Path file = data.resolve("teacher-token");
        assertTrue(first.created());
        assertEquals(file, first.where());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String token = Files.readString(file).strip();
        assertEquals(32, Base64.getUrlDecoder().decode(token).length);
        assertTrue(first.matches(token));
        try (var listing = Files.list(data)) {
            assertEquals(1, listing.count(), "no temporary file is left");
        }

        TeacherToken again = TeacherToken.load(null, data);
        assertFalse(again.created());
        assertTrue(again.matches(token));
        assertEquals(token, Files.readString(file).strip());
    }

    @Test
    void twoFoldersGetTwoTokens(@TempDir Path tmp) throws Exception {
        TeacherToken.load(null, tmp.resolve("a"));
        TeacherToken.load(null, tmp.resolve("b"));
        assertFalse(Files.readString(tmp.resolve("a/teacher-token")).equals(Files.readString(tmp.resolve("b/teacher-token"))));
    }

    @Test
    void aGivenFileIsReadAndNothingIsCreated(@TempDir Path tmp) throws Exception {
        Path given = tmp.resolve("token.txt");
        Files.writeString(given, "  0123456789abcdefghijKLMNOP\n");
        TeacherToken t = TeacherToken.load(given, tmp.resolve("data"));
        assertTrue(t.matches("0123456789abcdefghijKLMNOP"));
        assertFalse(t.matches("0123456789abcdefghijKLMNOp"));
        assertFalse(t.matches(null));
        assertFalse(Files.exists(tmp.resolve("data")));
        assertEquals("TeacherToken[in " + given + "]", t.toString());
    }

    @Test
    void aTokenFileOthersCanReadIsRefused(@TempDir Path tmp) throws Exception {
        TeacherToken.load(null, tmp);
        Path file = tmp.resolve("teacher-token");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        BadInputException e = assertThrows(BadInputException.class, () -> TeacherToken.load(null, tmp));
        assertEquals(file + ": can be read or written by others (rw-r--r--); expected the owner's only: chmod 600 " + file,
                e.errors().get(0).oneLine());
    }

    @Test
    void anEmptyOrShortTokenFileIsRefusedInOneLine(@TempDir Path tmp) throws Exception {
        Path empty = tmp.resolve("empty");
        Files.writeString(empty, "\n");
        assertEquals(empty + ": is empty; expected the teacher's token",
                assertThrows(BadInputException.class, () -> TeacherToken.load(empty, tmp)).errors().get(0).oneLine());
        Path shortOne = tmp.resolve("short");
        Files.write(shortOne, "hunter2".getBytes(StandardCharsets.UTF_8));
        assertEquals(shortOne + ": holds a token of 7 characters; expected at least 22 (128 bits of base64url)",
                assertThrows(BadInputException.class, () -> TeacherToken.load(shortOne, tmp)).errors().get(0).oneLine());
    }
}
