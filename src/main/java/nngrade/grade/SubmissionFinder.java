package nngrade.grade;

import nngrade.input.BadInputException;
import nngrade.input.InputError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Finds the submission files (*.json, *.csv) under the inputs a teacher names, files or folders. */
public final class SubmissionFinder {

    /** A path the run will write, and the option that named it, so a refusal can say which. */
    public record Target(String option, Path path) {
    }

    private SubmissionFinder() {
    }

    /**
     * Every submission file under {@code inputs}, sorted by path, each once. Refuses, before
     * anything is read, a target that lies in (or on) an input: nngrade never writes among
     * the submissions.
     */
    public static List<SubmissionFile> find(List<Path> inputs, List<Target> targets) {
        try {
            return walkAll(inputs, targets);
        } catch (IOException e) {
            String where = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : String.valueOf(inputs);
            throw new BadInputException(InputError.inFile(where, "cannot be read: " + AtomicFiles.whyNot(e)));
        }
    }

    private static List<SubmissionFile> walkAll(List<Path> inputs, List<Target> targets) throws IOException {
        // Keyed by the real location, so one file named two ways (./a/x.json, a/x.json) is graded once:
        // the first input that names it wins.
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new BadInputException(InputError.inFile(input.toString(), "no such file or folder"));
            }
            for (Target t : targets) {
                refuseWritingInto(input, input.toAbsolutePath().normalize(), t);
            }
        }
        Map<Path, SubmissionFile> found = new HashMap<>();
        for (Path input : inputs) {
            Path abs = input.toAbsolutePath().normalize();
            if (Files.isDirectory(input) && inputs.size() == 1) {
                List<SubmissionFile> files = walk(input); // one walk names each file once: nothing to merge
                files.sort(null);
                return files;
            } else if (Files.isDirectory(input)) {
                walk(input).forEach(f -> found.putIfAbsent(f.file().toAbsolutePath().normalize(), f));
            } else {
                found.putIfAbsent(abs, new SubmissionFile(input, Files.getLastModifiedTime(input)));
            }
        }
        List<SubmissionFile> files = new ArrayList<>(found.values());
        files.sort(null);
        return files;
    }

    private static void refuseWritingInto(Path input, Path inputAbs, Target target) {
        if (target.path() == null || !target.path().toAbsolutePath().normalize().startsWith(inputAbs)) {
            return;
        }
        throw new BadInputException(InputError.atField("command line", target.option(), target.path()
                + (Files.isDirectory(input) ? " is inside the submissions folder " + input : " is the submission " + input)
                + "; nngrade never writes there: choose another " + (target.option().equals("--out") ? "folder" : "file")));
    }

    /**
     * The submission files in a folder, its subfolders walked in parallel (a class is often a
     * folder per group); each file is seen once, with the walk's own attributes.
     */
    private static List<SubmissionFile> walk(Path folder) throws IOException {
        List<Path> subfolders = new ArrayList<>();
        List<SubmissionFile> found = new ArrayList<>(visit(folder, 1, subfolders));
        try {
            subfolders.parallelStream().map(sub -> {
                try {
                    return visit(sub, Integer.MAX_VALUE, null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).forEachOrdered(found::addAll);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return found;
    }

    /** The submission files down to {@code depth} levels below {@code folder}; folders at the last level go to {@code deeper}. */
    private static List<SubmissionFile> visit(Path folder, int depth, List<Path> deeper) throws IOException {
        List<SubmissionFile> found = new ArrayList<>();
        Files.walkFileTree(folder, EnumSet.noneOf(FileVisitOption.class), depth, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                if (a.isDirectory()) { // at the depth limit
                    deeper.add(f);
                } else if (!isSubmission(f)) {
                    return FileVisitResult.CONTINUE;
                } else if (a.isRegularFile()) {
                    found.add(new SubmissionFile(f, a.lastModifiedTime()));
                } else if (a.isSymbolicLink() && Files.isRegularFile(f)) { // a link to a file is that file
                    found.add(new SubmissionFile(f, Files.getLastModifiedTime(f)));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
                throw new BadInputException(InputError.inFile(f.toString(), "cannot be read: " + AtomicFiles.whyNot(e)));
            }
        });
        return found;
    }

    private static boolean isSubmission(Path f) {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".json") || name.endsWith(".csv") || name.endsWith(".xlsx"));
    }
}
