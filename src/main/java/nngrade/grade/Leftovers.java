package nngrade.grade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What killed runs leave in an output folder: staging folders, old sets, temporary files. Removed
 * by the next run while it holds the folder's lock, so none of them is a live run's: every run
 * writing there holds the lock. Temporary files beside a JUnit or Gradescope file outside the
 * folder are not under the lock: only those whose owner process (the pid in the name) is gone are removed.
 */
final class Leftovers {
    private Leftovers() {
    }

    static void remove(Path out, Path... outside) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(OutputSwitch.STAGING_PREFIX) || n.startsWith(OutputSwitch.OLD_PREFIX)
                        || n.startsWith(".reports.old-") || (n.startsWith(".") && n.endsWith(".tmp") && owner(n).isPresent())) {
                    AtomicFiles.deleteTree(p);
                }
            }
        }
        for (Path target : outside) {
            if (target == null || target.toAbsolutePath().getParent() == null
                    || !Files.isDirectory(target.toAbsolutePath().getParent())) {
                continue;
            }
            String prefix = "." + target.getFileName() + ".";
            try (Stream<Path> s = Files.list(target.toAbsolutePath().getParent())) {
                for (Path p : s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                    Optional<Long> pid = owner(p.getFileName().toString());
                    if (pid.isPresent() && !ProcessHandle.of(pid.get()).map(ProcessHandle::isAlive).orElse(false)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    /** The pid in a temporary file's name ({@link AtomicFiles#temporaryName}), if it is one. */
    static Optional<Long> owner(String name) {
        if (!name.startsWith(".") || !name.endsWith(".tmp")) {
            return Optional.empty();
        }
        List<String> parts = List.of(name.substring(0, name.length() - ".tmp".length()).split("\\."));
        if (parts.size() < 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(parts.get(parts.size() - 2)));
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }
}
