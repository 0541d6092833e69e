package nngrade.cli;

import nngrade.input.BadInputException;
import nngrade.input.InputError;
import nngrade.problem.ProblemFile;
import nngrade.problem.ProblemLoader;
import nngrade.variant.Secret;
import nngrade.variant.Variants;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A problem as the commands use it: the same for everyone, or a variant per student when its
 * given values are generators. Variants are made once per student and kept.
 */
final class ProblemSource {
    private final ProblemFile file;
    private final Secret secret;
    private final Variants.Variant shared;
    private final ConcurrentHashMap<String, Variants.Variant> variants = new ConcurrentHashMap<>();

    ProblemSource(Path path, Secret secret) {
        this.file = ProblemLoader.read(path);
        this.secret = secret;
        if (file.hasGenerators()) {
            if (secret == null) {
                Variants.of(file, "", null); // reports every generator error, then the missing secret
            }
            this.shared = null;
        } else {
            this.shared = Variants.of(file, "", null);
        }
    }

    boolean perStudent() {
        return shared == null;
    }

    Variants.Variant forStudent(String id) {
        if (shared != null) {
            return shared;
        }
        return variants.computeIfAbsent(id, s -> Variants.of(file, s, secret));
    }

    /** The problem when it is the same for everyone; a variant problem needs a student. */
    Variants.Variant shared(String option) {
        if (shared == null) {
            throw new BadInputException(InputError.atField("command line", option, file.source()
                    + " draws values per student: give " + option + " ID"));
        }
        return shared;
    }

    ProblemFile file() {
        return file;
    }
}
