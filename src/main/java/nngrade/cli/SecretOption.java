package nngrade.cli;

import nngrade.input.BadInputException;
import nngrade.input.InputError;
import nngrade.problem.ProblemLoader;
import nngrade.variant.ProblemSource;
import nngrade.variant.Secret;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the teacher's secret for per-student variants comes from. It is never printed. */
public final class SecretOption {
    static final String ENV = "NNGRADE_SECRET";

    @Option(names = "--secret-file", paramLabel = "FILE",
            description = "The teacher's secret for per-student variants (else the NNGRADE_SECRET environment variable).")
    Path secretFile;

    /** The problem in {@code path}, its variants drawn with this secret. */
    ProblemSource source(Path problem) {
        Secret s = secret(); // a bad secret file is told first, as it was before the problem was read
        return new ProblemSource(ProblemLoader.read(problem), s);
    }

    /** The secret, or null when none is given (fine for problems without generators). */
    Secret secret() {
        if (secretFile != null) {
            try {
                Secret s = Secret.of(Files.readString(secretFile));
                if (s.isEmpty()) {
                    throw new BadInputException(InputError.inFile(secretFile.toString(), "is empty; expected the secret"));
                }
                return s;
            } catch (IOException e) {
                throw new BadInputException(InputError.inFile(secretFile.toString(), "cannot be read: "
                        + e.getClass().getSimpleName()));
            }
        }
        String env = System.getenv(ENV);
        return env == null || env.isBlank() ? null : Secret.of(env);
    }
}
