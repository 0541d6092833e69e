package nngrade.grade;

import nngrade.input.BadInputException;
import nngrade.input.FileKind;
import nngrade.input.InputError;
import nngrade.input.TextFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static nngrade.grade.AtomicFiles.cannotWrite;

/**
 * The class run's output folder ({@code --out}): gradebook.csv, changes.csv, summary.json, summary.html,
 * reports/ and a learning platform's grade import (moodle-grades.csv, canvas-grades.csv) inside it, JUnit XML
 * and Gradescope's results.json where their options say. Staging
 * is a hidden folder inside the output folder, so publishing is a rename on one file system.
 */
public final class FolderOutput implements Output {
    /** An artifact of an earlier run, read back: as large as a gradebook of a very large class gets. */
    private static final FileKind PREVIOUS = new FileKind("a file nngrade wrote", "a previous output", 256L << 20,
            "a CSV file", "is not UTF-8 text", true);
    private final Path out;
    private final Path staging;
    private final Map<Artifact, Path> targets = new EnumMap<>(Artifact.class);
    /** Whether this run made {@code out}: a run that publishes nothing then leaves no folder behind. */
    private final boolean madeOut;
    private final OutputLock lock;
    private final OutputSwitch.Steps steps;
    private boolean published;
    private String leftover;

    private FolderOutput(Path out, boolean madeOut, Path staging, Path junitXml, Path gradescope, OutputLock lock,
                         OutputSwitch.Steps steps) {
        this.out = out;
        this.lock = lock;
        this.steps = steps;
        this.madeOut = madeOut;
        this.staging = staging;
        targets.put(Artifact.SUMMARY_JSON, out.resolve("summary.json"));
        targets.put(Artifact.SUMMARY_HTML, out.resolve("summary.html"));
        if (junitXml != null) {
            targets.put(Artifact.JUNIT_XML, junitXml);
        }
        if (gradescope != null) {
            targets.put(Artifact.GRADESCOPE, gradescope);
        }
        targets.put(Artifact.MOODLE_GRADES, out.resolve("moodle-grades.csv"));
        targets.put(Artifact.CANVAS_GRADES, out.resolve("canvas-grades.csv"));
        targets.put(Artifact.CHANGES, out.resolve("changes.csv"));
        targets.put(Artifact.GRADEBOOK, out.resolve("gradebook.csv"));
    }

    /**
     * Creates {@code out} if needed, takes its lock ({@link OutputLock}), finishes a switch a
     * killed run left half-way ({@link OutputSwitch#finish}), removes what killed runs left
     * (staging folders, old sets, temporary files), and makes this run's staging folder.
     *
     * @param junitXml the JUnit XML file, or null
     * @param gradescope Gradescope's results.json, or null
     */
    public static FolderOutput create(Path out, Path junitXml, Path gradescope) {
        return create(out, junitXml, gradescope, OutputSwitch.Steps.NONE);
    }

    static FolderOutput create(Path out, Path junitXml, Path gradescope, OutputSwitch.Steps steps) {
        // a target that is a folder would only fail when publishing, after the whole class is graded
        for (Path file : new Path[]{junitXml, gradescope}) {
            if (file != null && Files.isDirectory(file)) {
                throw new BadInputException(InputError.inFile(file.toString(), "cannot write: " + file + " is a folder"));
            }
        }
        boolean madeOut = makeFolder(out);
        OutputLock lock;
        try {
            lock = OutputLock.take(out);
        } catch (RuntimeException e) {
            if (madeOut) {
                deleteQuietly(out);
            }
            throw e;
        }
        Path staging = null;
        try {
            OutputSwitch.finish(out, steps);
            Leftovers.remove(out, junitXml, gradescope);
            staging = Files.createTempDirectory(out, OutputSwitch.STAGING_PREFIX);
            Files.createDirectories(staging.resolve("reports"));
            return new FolderOutput(out, madeOut, staging, junitXml, gradescope, lock, steps);
        } catch (IOException | RuntimeException e) {
            if (staging != null) {
                try {
                    AtomicFiles.deleteTree(staging);
                } catch (IOException ignored) { // the refusal below is what the teacher needs to see
                }
            }
            lock.close();
            if (madeOut) {
                deleteQuietly(out);
            }
            if (e instanceof IOException io) {
                throw cannotWrite(out, io);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * Creates the output folder {@code out} and its parents unless it is a folder already. A file
     * where the folder or one of its parents should be ({@code --out notes.txt}, {@code --out
     * /etc/passwd/x}) is refused in one line naming {@code out}, as is a folder that cannot be made.
     *
     * @return whether this call made it: of runs starting together, only the one whose mkdir succeeded
     */
    public static boolean makeFolder(Path out) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.createDirectory(out);
            return true;
        } catch (FileAlreadyExistsException there) {
            if (!Files.isDirectory(out)) {
                throw cannotWrite(out, there);
            }
            return false;
        } catch (IOException e) {
            throw cannotWrite(out, e);
        }
    }

    private static void deleteQuietly(Path emptyFolder) {
        try {
            Files.deleteIfExists(emptyFolder);
        } catch (IOException notEmpty) { // someone put a file there meanwhile: it stays, and so does the folder
        }
    }

    @Override
    public void stage(String name, String text) {
        try {
            AtomicFiles.writeUtf8(staging.resolve(name), text);
        } catch (IOException e) { // a full disk, say
            throw cannotWrite(out, e);
        }
    }

    @Override
    public void restage(String from, String to) {
        try {
            Files.move(staging.resolve(from), staging.resolve(to)); // no REPLACE_EXISTING: a report never replaces another
        } catch (IOException e) {
            throw cannotWrite(out, e);
        }
    }

    @Override
    public String staged(String name) {
        try {
            return Files.readString(staging.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(InputError.inFile(out.toString(), "cannot read back what was staged: "
                    + AtomicFiles.whyNot(e)));
        }
    }

    @Override
    public Optional<PreviousFile> previous(Artifact artifact) {
        Path target = targets.get(artifact);
        if (target == null || !Files.exists(target)) {
            return Optional.empty();
        }
        String name = target.toString();
        return Optional.of(new PreviousFile(name, TextFiles.withoutBom(TextFiles.readText(target, name, PREVIOUS))));
    }

    /**
     * Writes the artifacts in the output folder into the staging folder beside the reports, and
     * the ones outside it beside their targets; then switches ({@link OutputSwitch}). A file that
     * cannot be written fails the run before the switch is committed, so nothing is replaced.
     */
    @Override
    public void publish(Map<Artifact, String> artifacts) {
        Map<Path, Path> outside = new LinkedHashMap<>(); // target → its temporary file, in the order of renaming
        boolean committed = false;
        try {
            for (Map.Entry<Artifact, String> a : new EnumMap<>(artifacts).entrySet()) {
                Path target = targets.get(a.getKey());
                try {
                    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) { // someone's folder: never moved away
                        throw new FileAlreadyExistsException(target.toString(), null, "is a folder");
                    }
                    if (a.getKey() != Artifact.JUNIT_XML && a.getKey() != Artifact.GRADESCOPE) {
                        AtomicFiles.writeUtf8(staging.resolve(target.getFileName().toString()), a.getValue(),
                                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    } else {
                        outside.put(target, AtomicFiles.prepare(target, a.getValue()));
                    }
                } catch (IOException e) {
                    throw cannotWrite(target, e);
                }
            }
            try {
                OutputSwitch.run(out, staging, outside, steps);
                committed = true;
            } catch (IOException e) {
                // committed or not, the journal says: a switch left half-way is finished by the next run
                published = Files.exists(out.resolve(OutputSwitch.JOURNAL));
                throw cannotWrite(out, e);
            }
            published = true;
        } finally {
            // a switch committed (its journal there) needs them: whoever finishes it moves them
            if (!committed && !published && !Files.exists(out.resolve(OutputSwitch.JOURNAL))) {
                for (Path tmp : outside.values()) {
                    try {
                        Files.deleteIfExists(tmp);
                    } catch (IOException ignored) { // a leftover hidden temporary file; the next run removes it
                    }
                }
            }
        }
    }

    /**
     * Deletes the staging folder, and {@code out} too when this run made it and published
     * nothing (a failed run leaves the place as it found it). What cannot be deleted is left for
     * {@link #leftover}, as the run's outcome stands.
     */
    @Override
    public void close() {
        try (lock) {
            closeStaging();
        }
    }

    private void closeStaging() {
        if (Files.exists(out.resolve(OutputSwitch.JOURNAL))) { // a switch that failed half-way: its staging folder is the new set
            leftover = "the switch to this run's files stopped half-way; the next nngrade grade on " + out + " finishes it";
            return;
        }
        try {
            AtomicFiles.deleteTree(staging);
        } catch (IOException e) {
            leftover = staging + " could not be removed: " + AtomicFiles.whyNot(e);
            return;
        }
        if (madeOut && !published) {
            lock.close(); // the lock is the last file in it
            deleteQuietly(out);
        }
    }

    /** After {@link #close}: the staging folder if it is still there, and why. */
    public Optional<String> leftover() {
        return Optional.ofNullable(leftover);
    }
}
