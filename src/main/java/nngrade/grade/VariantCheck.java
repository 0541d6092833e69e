package nngrade.grade;

import nngrade.input.BadInputException;
import nngrade.input.Excerpts;
import nngrade.input.InputError;
import nngrade.variant.VariantCode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether the variant codes a class's files carry are their students' own. Pure: the codes
 * come in, a note per file or the refusal of the whole run goes out.
 *
 * <p>A code that is the variant of another student of the class was made with this problem file
 * and this secret: that file was worked on another student's sheet. A code that is no one's
 * in the class points at the problem file or the secret instead (or the ids the sheets were made
 * for), but one such file is a typo; when they are most of the codes, the run stops: graded
 * against other numbers than those on the sheets, every student would lose their points.
 */
public final class VariantCheck {
    /**
     * The run stops when at least this many files carry a code that is no one's, and they are
     * more than half of the files that carry a readable code.
     */
    static final int MIN_FOREIGN = 2;

    /** One graded file: the id it is graded as, and the code it carries as written, or null. */
    public record Carried(String id, String code) {
    }

    private VariantCheck() {
    }

    /**
     * @param problem  the problem file as the user named it, for the line that stops the run
     * @param files    every graded file
     * @param classIds the class: the roster's ids, else every file's id
     * @param codeOf   a student's variant code; empty for a problem the same for everyone (whose
     *                 files' codes are ignored)
     * @return per file, in order, its gradebook note, or "" when there is nothing to say
     * @throws BadInputException when most codes are no one's in the class
     */
    public static List<String> notes(String problem, List<Carried> files, Collection<String> classIds,
                                     Function<String, Optional<String>> codeOf) {
        List<String> notes = new ArrayList<>(files.size());
        Map<String, String> codeOfClass = new HashMap<>();
        Map<String, String> ownerOf = new HashMap<>(); // code → id; on a clash (40 bits) the first id in order
        for (String id : classIds) {
            Optional<String> code = codeOf.apply(id);
            if (code.isEmpty()) {
                return files.stream().map(f -> "").toList(); // the same problem for everyone: nothing to tell apart
            }
            codeOfClass.put(id, code.get());
            ownerOf.merge(code.get(), id, (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        int readable = 0;
        int foreign = 0;
        for (Carried f : files) {
            Optional<String> read = f.code() == null ? Optional.empty() : VariantCode.read(f.code());
            Optional<String> own = codeOfClass.containsKey(f.id()) ? Optional.of(codeOfClass.get(f.id())) : codeOf.apply(f.id());
            if (f.code() == null || own.isEmpty()) {
                notes.add("");
            } else if (read.isEmpty()) {
                notes.add("variant-mismatch: carries \"" + Excerpts.shown(f.code()) + "\" as its variant code, which is "
                        + "not one (8 letters and digits, such as 7K3M-Q9XD)");
            } else {
                readable++;
                String owner = ownerOf.get(read.get());
                if (read.equals(own)) {
                    notes.add("");
                } else if (owner != null) {
                    notes.add("variant-mismatch: carries the variant code of " + owner + ": worked on another student's sheet?");
                } else {
                    foreign++;
                    notes.add("variant-mismatch: carries variant code " + read.get() + ", which is no one's in the class");
                }
            }
        }
        if (foreign >= MIN_FOREIGN && 2 * foreign > readable) {
            throw new BadInputException(InputError.inFile(problem, foreign + " of " + readable + " files carry a variant "
                    + "code that is no student's in the class: the problem file or the secret is not the one the task "
                    + "sheets were made with (or the sheets were made for other student ids); nngrade variant PROBLEM "
                    + "--student ID prints a student's code"));
        }
        return notes;
    }
}
