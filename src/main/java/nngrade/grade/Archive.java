package nngrade.grade;

import nngrade.input.BadInputException;
import nngrade.input.Excerpts;
import nngrade.input.InputError;
import nngrade.problem.Problem;
import nngrade.submission.Submission;
import nngrade.submission.SubmissionReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * An LMS's zip of submissions, read in place: nothing is extracted, so no entry name can put a
 * file anywhere. Still, a download from Moodle or Canvas never holds a link, a name that climbs
 * out ({@code ../}) or an absolute one, nor an entry that expands a thousandfold; a zip that does
 * was not made by an LMS and is refused whole rather than graded on a guess.
 */
public final class Archive implements Closeable {
    /** Far more than any class; bounds the listing of a crafted archive. */
    static final int MAX_ENTRIES = 100_000;
    /** A JSON or CSV answer compresses 5 to 20 times; a zip bomb a million times. */
    static final long MAX_RATIO = 200;
    /** Below this an entry's ratio says nothing (a file of zeros compresses well and is small). */
    static final long RATIO_FLOOR = 1 << 20;
    /** What all entries may expand to together, as declared. */
    static final long MAX_TOTAL = 4L << 30;

    /** One file of the archive, in the archive's order. */
    public record Entry(int index, String name, FileTime modified) {
    }

    private final String source;
    private final ZipFile zip;
    private final List<ZipArchiveEntry> entries;

    private Archive(String source, ZipFile zip, List<ZipArchiveEntry> entries) {
        this.source = source;
        this.zip = zip;
        this.entries = entries;
    }

    /** Whether a command-line input is to be read as an archive. */
    public static boolean isArchive(Path input) {
        return input.getFileName() != null && input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /** Opens and checks a zip, refusing it whole (one line naming the entry) when it is not an LMS's. */
    public static Archive open(Path file) {
        String source = file.toString();
        ZipFile zip;
        try {
            zip = ZipFile.builder().setPath(file).get();
        } catch (IOException e) {
            throw new BadInputException(InputError.inFile(source, "is not a zip archive nngrade can read ("
                    + AtomicFiles.whyNot(e) + "); expected the zip of submissions as the LMS downloads it"));
        }
        try {
            return new Archive(source, zip, checked(source, zip));
        } catch (RuntimeException e) {
            try {
                zip.close();
            } catch (IOException ignored) {
                // the refusal is what the teacher needs to read
            }
            throw e;
        }
    }

    private static List<ZipArchiveEntry> checked(String source, ZipFile zip) {
        List<ZipArchiveEntry> files = new ArrayList<>();
        long total = 0;
        int count = 0;
        for (ZipArchiveEntry e : Collections.list(zip.getEntriesInPhysicalOrder())) {
            if (++count > MAX_ENTRIES) {
                throw refused(source, "has more than " + MAX_ENTRIES + " entries; an archive of submissions has at most that");
            }
            String name = e.getName().replace('\\', '/');
            if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || ("/" + name + "/").contains("/../")) {
                throw refused(source, "entry \"" + Excerpts.shown(e.getName())
                        + "\" names a place outside the archive; an LMS's download never does, so none of it is graded");
            }
            if (e.isUnixSymlink()) {
                throw refused(source, "entry \"" + Excerpts.shown(e.getName())
                        + "\" is a link; an LMS's download holds only files, so none of it is graded");
            }
            if (e.isDirectory()) {
                continue;
            }
            long size = e.getSize();
            long packed = e.getCompressedSize();
            if (size > RATIO_FLOOR && packed > 0 && size / packed > MAX_RATIO) {
                throw refused(source, "entry \"" + Excerpts.shown(e.getName()) + "\" expands " + size / packed
                        + " times (" + packed + " bytes to " + size + "); refused as a zip bomb");
            }
            total += Math.max(0, size);
            if (total > MAX_TOTAL) {
                throw refused(source, "expands to more than " + (MAX_TOTAL >> 30) + " GB; refused as a zip bomb");
            }
            files.add(e);
        }
        return List.copyOf(files);
    }

    private static BadInputException refused(String source, String message) {
        return new BadInputException(InputError.inFile(source, message));
    }

    /** The files of the archive, with {@code /} between folders. */
    public List<Entry> entries() {
        List<Entry> list = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            ZipArchiveEntry e = entries.get(i);
            FileTime modified = e.getLastModifiedTime() != null ? e.getLastModifiedTime() : FileTime.fromMillis(e.getTime());
            list.add(new Entry(i, e.getName().replace('\\', '/'), modified));
        }
        return list;
    }

    /** How messages name an entry: {@code class.zip!/folder/file.json}. */
    public String sourceOf(Entry e) {
        return source + "!/" + e.name();
    }

    /** Reads entry {@code index}; its bytes under the archive's lock, its parsing outside it. */
    Submission read(int index, String entrySource, Problem problem) {
        byte[] bytes;
        synchronized (this) {
            ZipArchiveEntry e = entries.get(index);
            if (!zip.canReadEntryData(e)) {
                throw new BadInputException(InputError.inFile(entrySource,
                        "cannot be read from the zip (encrypted, or compressed in a way nngrade does not read)"));
            }
            try {
                bytes = SubmissionReader.readBytes(zip.getInputStream(e), e.getSize(), entrySource);
            } catch (IOException ex) {
                throw new BadInputException(InputError.inFile(entrySource, "cannot be read from the zip: " + AtomicFiles.whyNot(ex)));
            }
        }
        return SubmissionReader.parse(entrySource, bytes, problem);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
