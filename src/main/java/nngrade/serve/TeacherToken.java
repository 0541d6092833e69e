package nngrade.serve;

import nngrade.input.BadInputException;
import nngrade.input.FileKind;
import nngrade.input.InputError;
import nngrade.input.IoReasons;
import nngrade.input.TextFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * The teacher's token, the credential of {@code /teacher} and the teacher's API. Read from
 * {@code --teacher-token-file}, else from {@code DATA/teacher-token}, which the first start
 * creates: 32 random bytes from {@link SecureRandom}, base64url, in a file readable and writable
 * by its owner only. The token is never shown: {@link #toString} says where it is, not what it is.
 */
public final class TeacherToken {
    /** The file in the data folder. */
    public static final String FILE_NAME = "teacher-token";
    /** Shorter than 128 bits of base64url is a password, not a token. */
    static final int MIN_LENGTH = 22;
    private static final FileKind FILE = new FileKind("the teacher's token (a text file)", "a teacher-token file",
            1L << 16, "the teacher's token as text", "is not UTF-8 text; expected the teacher's token as text", false);
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private final byte[] hash;
    private final Path where;
    private final boolean created;

    private TeacherToken(String token, Path where, boolean created) {
        this.hash = Tokens.sha256(token);
        this.where = where;
        this.created = created;
    }

    /**
     * The teacher's token from {@code file} when given (not null), else from {@code dataDir}'s
     * teacher-token, created there when missing. Refusals are one line naming the file.
     */
    public static TeacherToken load(Path file, Path dataDir) {
        if (file != null) {
            return new TeacherToken(read(file), file, false);
        }
        Path own = dataDir.resolve(FILE_NAME);
        if (Files.exists(own)) {
            return existing(own);
        }
        try {
            Files.createDirectories(dataDir);
            return create(own);
        } catch (FileAlreadyExistsException e) { // another server of the same folder was first
            return existing(own);
        } catch (IOException e) {
            throw new BadInputException(InputError.inFile(own.toString(), "could not be created: " + IoReasons.of(e)));
        }
    }

    /** Whether {@code presented} is the teacher's token, in a time that does not depend on where they differ. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(hash, Tokens.sha256(presented));
    }

    /**
     * What the teacher's browser keeps once signed in: derived from the token (whoever has it
     * could sign in anyway), so that a token file of any characters makes a valid cookie value.
     */
    String cookie() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Tokens.sha256("nngrade/teacher-cookie/v1\n"
                + Base64.getEncoder().encodeToString(hash)));
    }

    /** Whether {@code presented} is {@link #cookie()}, in a time that does not depend on where they differ. */
    boolean matchesCookie(String presented) {
        return presented != null && MessageDigest.isEqual(cookie().getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    /** Where the token is, for serve to print (never the token). */
    public Path where() {
        return where;
    }

    /** Whether this start created the file. */
    public boolean created() {
        return created;
    }

    @Override
    public String toString() {
        return "TeacherToken[in " + where + "]";
    }

    private static TeacherToken existing(Path own) {
        if (posix(own)) {
            try {
                Set<PosixFilePermission> p = Files.getPosixFilePermissions(own);
                if (!OWNER_ONLY.containsAll(p)) {
                    throw new BadInputException(InputError.inFile(own.toString(), "can be read or written by others ("
                            + PosixFilePermissions.toString(p) + "); expected the owner's only: chmod 600 " + own));
                }
            } catch (IOException e) {
                throw new BadInputException(InputError.inFile(own.toString(), "could not be read: " + IoReasons.of(e)));
            }
        }
        return new TeacherToken(read(own), own, false);
    }

    private static String read(Path file) {
        String token = TextFiles.readRegularText(file, file.toString(), FILE).strip();
        if (token.isEmpty()) {
            throw new BadInputException(InputError.inFile(file.toString(), "is empty; expected the teacher's token"));
        }
        if (token.length() < MIN_LENGTH) {
            throw new BadInputException(InputError.inFile(file.toString(), "holds a token of " + token.length()
                    + " characters; expected at least " + MIN_LENGTH + " (128 bits of base64url)"));
        }
        return token;
    }

    /**
     * Writes a new token to a temporary file created with owner-only permissions (so no one else
     * can ever open it, not even between its creation and a chmod), syncs it, and links it in
     * under its name: a link fails when the name exists, so two servers starting together keep
     * one token, and a crash leaves either no teacher-token or a whole one.
     */
    private static TeacherToken create(Path own) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        boolean posix = posix(own.getParent());
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
        Path tmp = Files.createTempFile(own.getParent(), "." + FILE_NAME + "-", ".tmp", attributes);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(ch)) {
                out.write((token + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                ch.force(true);
            }
            Files.createLink(own, tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new TeacherToken(token, own, true);
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
