package nngrade.grade;

import nngrade.grade.SubmissionFinder.Target;
import nngrade.input.BadInputException;
import nngrade.input.InputError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Inputs are never outputs: what {@code nngrade grade} writes and what it reads are compared as
 * the file system resolves them (links followed, {@code ..} and case as the disk has them), not as
 * written, so a link {@code out/reports → submissions} or a {@code --junit-xml} naming the
 * problem file through another path is refused before anything is read or written.
 */
public final class OutputGuard {
    private OutputGuard() {
    }

    /**
     * The real location of {@code path}: {@link Path#toRealPath} where it exists, else the real
     * location of its nearest existing parent with the rest of the path as written.
     */
    public static Path real(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        List<Path> rest = new ArrayList<>();
        for (Path p = abs; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                try {
                    Path r = p.toRealPath();
                    for (int i = rest.size() - 1; i >= 0; i--) {
                        r = r.resolve(rest.get(i));
                    }
                    return r;
                } catch (IOException unreadable) { // a parent we may not list: as written is the best there is
                    return abs;
                }
            }
            if (p.getFileName() != null) {
                rest.add(p.getFileName());
            }
        }
        return abs;
    }

    /**
     * Refuses a run whose outputs would land on what it reads: {@code --out} with its written files
     * or {@code --junit-xml}/{@code --gradescope} on the problem, roster, overrides or secret file
     * ({@code read}), and an input that is one of the files the run writes in {@code out} or lies in
     * its reports/ (a previous run's output graded as a hand-in, then replaced under the reader).
     * Outputs inside an input are refused by {@link SubmissionFinder#find}.
     *
     * @param outputs the --junit-xml and --gradescope targets (paths may be null)
     * @param read    the files read besides the inputs, by the option that names them (paths may be null)
     */
    public static void refuse(Path out, List<Path> inputs, List<Target> outputs, List<Target> read) {
        List<Path> written = new ArrayList<>();
        for (String name : OutputSwitch.NAMES) {
            written.add(real(out.resolve(name)));
        }
        Path reports = real(out.resolve("reports"));
        for (Target r : read) {
            if (r.path() == null) {
                continue;
            }
            Path file = real(r.path());
            if (file.equals(real(out)) || written.contains(file) || file.startsWith(reports)) {
                throw refusal("--out", out, r, file, "folder");
            }
            for (Target t : outputs) {
                if (t.path() != null && real(t.path()).equals(file)) {
                    throw refusal(t.option(), t.path(), r, file, "file");
                }
            }
        }
        for (Path input : inputs) {
            Path in = real(input);
            if (in.startsWith(reports) || written.contains(in)) {
                throw new BadInputException(InputError.inFile(input.toString(), "is " + (in.startsWith(reports)
                        ? "inside " + out.resolve("reports") + (reports.equals(out.resolve("reports").toAbsolutePath().normalize())
                        ? "" : " (a link to " + reports + ")") : "one of the files nngrade grade writes in " + out)
                        + ", which this run replaces; grade a copy kept elsewhere, or choose another --out"));
            }
            for (Target t : outputs) {
                if (t.path() != null && real(t.path()).equals(in)) {
                    throw new BadInputException(InputError.atField("command line", t.option(), t.path()
                            + " is the submission " + input + "; nngrade never writes there: choose another file"));
                }
            }
        }
    }

    private static BadInputException refusal(String option, Path target, Target read, Path file, String what) {
        return new BadInputException(InputError.atField("command line", option, target + " would overwrite "
                + read.option() + " " + read.path() + (file.equals(read.path().toAbsolutePath().normalize()) ? ""
                : " (" + file + ")") + "; nngrade never writes over what it reads: choose another " + what));
    }
}
