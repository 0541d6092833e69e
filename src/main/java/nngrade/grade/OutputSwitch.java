package nngrade.grade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Switches an output folder from one run's files to the next's. The new set is complete in a
 * staging folder first; then a journal ({@code OUT/.nngrade-switch}, renamed into place, so it is
 * there whole or not at all) commits the switch. From then on the switch is only ever finished,
 * by this run or, after a kill, by the next one to open the folder ({@link #finish}).
 *
 * <p>The switch moves every old file away (the gradebook first), then every new one in (the
 * gradebook last), then the files outside the folder. So at every moment the folder holds part of
 * one run's set and nothing of the other's, and when gradebook.csv is there its whole set is.
 * Each step is one rename, and every step can be told done or not from what is on disk, so
 * finishing again after a kill at any moment repeats nothing and skips nothing.
 */
final class OutputSwitch {
    static final String JOURNAL = ".nngrade-switch";
    static final String STAGING_PREFIX = ".nngrade-staging-";
    static final String OLD_PREFIX = ".nngrade-old-";
    /** Made in the staging folder once every old file is away: the switch's half-way mark. */
    private static final String OLD_ARE_AWAY = ".old-are-away";
    /** The names in the output folder that one run's set consists of, in the order they are moved in. */
    static final List<String> NAMES = List.of("reports", "summary.json", "summary.html", "moodle-grades.csv",
            "canvas-grades.csv", "changes.csv", "gradebook.csv");

    /** Called before each step, to simulate a kill in tests; a no-op otherwise. */
    interface Steps {
        Steps NONE = step -> {
        };

        void before(String step) throws IOException;
    }

    private OutputSwitch() {
    }

    /**
     * Commits and runs the switch to the set in {@code staging} (a folder in {@code out}), and the
     * files outside it ({@code outside}: target → its complete temporary file beside it).
     */
    static void run(Path out, Path staging, Map<Path, Path> outside, Steps steps) throws IOException {
        StringBuilder journal = new StringBuilder("staging\t" + staging.getFileName() + "\n");
        for (Map.Entry<Path, Path> e : outside.entrySet()) {
            journal.append("outside\t").append(e.getValue().toAbsolutePath()).append('\t')
                    .append(e.getKey().toAbsolutePath()).append('\n');
        }
        Path written = staging.resolve(JOURNAL);
        AtomicFiles.writeUtf8(written, journal.toString());
        steps.before("commit");
        Files.move(written, out.resolve(JOURNAL), StandardCopyOption.ATOMIC_MOVE);
        finish(out, steps);
    }

    /** Finishes a committed switch if there is one (a run killed half-way): afterwards the folder holds the new set whole. */
    static void finish(Path out, Steps steps) throws IOException {
        Path journalFile = out.resolve(JOURNAL);
        if (!Files.exists(journalFile)) {
            return;
        }
        String staging = null;
        Map<Path, Path> outside = new LinkedHashMap<>();
        for (String line : Files.readAllLines(journalFile, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f[0].equals("staging")) {
                staging = f[1];
            } else if (f[0].equals("outside")) {
                outside.put(Path.of(f[2]), Path.of(f[1]));
            }
        }
        if (staging == null || !staging.startsWith(STAGING_PREFIX) || staging.contains("/") || staging.contains("\\")) {
            throw new IOException(journalFile + " is not a journal nngrade wrote");
        }
        Path from = out.resolve(staging);
        Path old = out.resolve(OLD_PREFIX + staging.substring(STAGING_PREFIX.length()));
        if (!Files.exists(from.resolve(OLD_ARE_AWAY))) {
            Files.createDirectories(old);
            for (String name : reversed(NAMES)) {
                if (Files.exists(out.resolve(name), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    steps.before("away " + name);
                    Files.move(out.resolve(name), old.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            steps.before("half-way");
            Files.createDirectories(from.resolve(OLD_ARE_AWAY));
        }
        for (String name : NAMES) {
            if (Files.exists(from.resolve(name), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                steps.before("in " + name);
                Files.move(from.resolve(name), out.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        for (Map.Entry<Path, Path> e : outside.entrySet()) {
            if (Files.exists(e.getValue(), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                steps.before("outside " + e.getKey().getFileName());
                AtomicFiles.move(e.getValue(), e.getKey());
            }
        }
        steps.before("done");
        Files.delete(journalFile);
        AtomicFiles.deleteTree(old);
        AtomicFiles.deleteTree(from);
    }

    private static List<String> reversed(List<String> names) {
        List<String> r = new ArrayList<>(names);
        java.util.Collections.reverse(r);
        return r;
    }
}
