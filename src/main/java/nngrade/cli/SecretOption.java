package nngrade.cli;

import nngrade.input.BadInputException;
import nngrade.input.FileKind;
import nngrade.input.InputError;
import nngrade.input.TextFiles;
import nngrade.problem.ProblemLoader;
import nngrade.variant.ProblemSource;
import nngrade.variant.Secret;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where the teacher's secret for per-student variants comes from. It is never printed. */
public final class SecretOption {
    static final String ENV = "NNGRADE_SECRET";
    /** A secret is a line of text; a megabyte is far more than any, and small enough to read whole. */
    private static final FileKind FILE = new FileKind("the secret (a text file, or the NNGRADE_SECRET environment variable instead)", "a secret file", 1L << 20,
            "the secret as text", "is not UTF-8 text; expected the secret as text", false);

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
            // read as every file the user names is: a pipe or a device is refused before it is opened
            // (a FIFO would wait for a writer forever, /dev/zero never ends), a file is size-checked;
            // the refusals name the file, never a byte of it
            Secret s = Secret.of(TextFiles.readRegularText(secretFile, secretFile.toString(), FILE));
            if (s.isEmpty()) {
                throw new BadInputException(InputError.inFile(secretFile.toString(), "is empty; expected the secret"));
            }
            return s;
        }
        String env = System.getenv(ENV);
        return env == null || env.isBlank() ? null : Secret.of(env);
    }
}
