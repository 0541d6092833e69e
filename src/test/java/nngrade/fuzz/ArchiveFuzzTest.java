package nngrade.fuzz;

import nngrade.grade.SubmissionFile;
import nngrade.grade.SubmissionFinder;
import nngrade.input.BadInputException;
import nngrade.input.Excerpts;
import nngrade.input.InputError;
import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import nngrade.variant.ProblemSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutation fuzzing of an LMS's zip read in place: each mutated archive is refused whole with a
 * one-line message naming it, or listed, and then each of its entries is read or refused with
 * a message naming the entry. Budget: a sixteenth of {@code nngrade.fuzz.seconds}.
 */
class ArchiveFuzzTest {
    private static final Problem NOTES = new ProblemSource(ProblemLoader.read(Path.of("problems/notes-softmax-step.json")), null)
            .forStudent("").problem();

    @TempDir
    static Path tmp;

    /** A Moodle download of the samples, and a Canvas one, stored and deflated. */
    private static List<FuzzHarness.Seed> seeds() throws IOException {
        List<FuzzHarness.Seed> seeds = new ArrayList<>();
        List<FuzzHarness.Seed> samples = FuzzHarness.files("submissions-sample");
        for (int method : new int[]{ZipEntry.DEFLATED, ZipEntry.STORED}) {
            ByteArrayOutputStream moodle = new ByteArrayOutputStream();
            ByteArrayOutputStream canvas = new ByteArrayOutputStream();
            try (ZipOutputStream m = new ZipOutputStream(moodle); ZipOutputStream c = new ZipOutputStream(canvas)) {
                int n = 1000;
                for (FuzzHarness.Seed s : samples) {
                    String name = Path.of(s.name()).getFileName().toString();
                    put(m, "Student " + n + "_" + n + "_assignsubmission_file_/" + name, s.bytes(), method);
                    put(c, "student" + n + "_" + n + "_" + (n + 5000) + "_" + name, s.bytes(), method);
                    n++;
                }
            }
            seeds.add(new FuzzHarness.Seed("moodle-" + method + ".zip", moodle.toByteArray()));
            seeds.add(new FuzzHarness.Seed("canvas-" + method + ".zip", canvas.toByteArray()));
        }
        return seeds;
    }

    private static void put(ZipOutputStream z, String name, byte[] bytes, int method) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(method);
        if (method == ZipEntry.STORED) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            e.setSize(bytes.length);
            e.setCrc(crc.getValue());
        }
        z.putNextEntry(e);
        z.write(bytes);
        z.closeEntry();
    }

    /** What grade does with a zip before grading: list and check it, then read every entry. */
    static List<InputError> findAndRead(Path zip, byte[] input) throws IOException {
        Files.write(zip, input);
        List<InputError> kept = new ArrayList<>();
        try (SubmissionFinder.Found found = SubmissionFinder.find(List.of(zip), List.of())) {
            for (SubmissionFile f : found.files()) {
                if (!f.supported()) {
                    continue;
                }
                try {
                    kept.addAll(asTheZips(zip, f.source(), f.location().read(f.source(), NOTES).errors()));
                } catch (BadInputException e) {
                    kept.addAll(asTheZips(zip, f.source(), e.errors()));
                }
            }
        }
        return kept;
    }

    /**
     * An entry's messages name it inside the zip ({@code class.zip!/folder/a.json:3: …}): kept as
     * the zip's own, for the harness's rule, when they do (its name's control characters escaped, as
     * every message shows them); left as they are, to be caught, when not.
     */
    private static List<InputError> asTheZips(Path zip, String entry, List<InputError> errors) {
        List<InputError> named = new ArrayList<>();
        for (InputError e : errors) {
            String line = e.oneLine();
            String shown = Excerpts.escaped(entry); // a tab in an entry's name is shown as \t
            named.add(entry.equals(e.file()) && entry.startsWith(zip + "!/") && line.startsWith(shown + ":")
                    ? InputError.inFile(zip.toString(), "entry " + line.substring(zip.toString().length() + 2)) : e);
        }
        return named;
    }

    /** Found by the fuzzer: a Moodle folder whose name holds a tab; its entry's message names it as \t. */
    @Test
    void anEntryWhoseNameHoldsATabIsNamedWithItEscaped() throws IOException {
        Path zip = tmp.resolve("class.zip");
        List<InputError> errors = findAndRead(zip,
                Files.readAllBytes(Path.of("src/test/resources/fuzz-regressions/archives/moodle-tab-in-folder-name.zip")));
        assertEquals(1, errors.size(), errors::toString);
        assertEquals(zip.toString(), errors.get(0).file());
        assertTrue(errors.get(0).oneLine().startsWith(zip + ": entry Student\\t1004_1004_assignsubmission_file_/perfect.json:"),
                errors.get(0).oneLine());
    }

    @Test
    void mutatedArchivesAreListedOrRefusedWithOneLineMessages() throws IOException {
        double seconds = FuzzHarness.totalSeconds() / 16;
        if (seconds <= 0) {
            return;
        }
        Path zip = tmp.resolve("class.zip");
        FuzzHarness.Stats stats = FuzzHarness.fuzz("archives", seeds(), seconds, (base, i, random) -> zip.toString(),
                (source, input, random) -> findAndRead(zip, input));
        assertTrue(stats.inputs() > 0);
        assertTrue(stats.read() > 0, "some mutated archives still list: " + stats);
    }
}
