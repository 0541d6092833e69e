package nngrade.cli;

/** Every exit code nngrade returns, and the help text that explains them, in one place. */
public final class ExitCode {
    /** Done; for check, every asked quantity is correct; for grade, every input graded. */
    public static final int OK = 0;
    /** Graded, and something is wrong or missing (check); some inputs were invalid (grade). */
    public static final int NOT_ALL_CORRECT = 1;
    /** Could not do the job: a bad problem, an unreadable submission, a usage error. */
    public static final int BAD_INPUT = 2;
    /** A bug in nngrade itself. */
    public static final int INTERNAL_ERROR = 3;

    private ExitCode() {
    }

    /** The exit-code section of every command's --help. */
    static final String HELP = "%nExit codes:%n"
            + "  0  done (check: every asked quantity correct; grade: every input graded)%n"
            + "  1  graded, something wrong or missing (grade: some inputs invalid, and%n"
            + "     they are still in the gradebook, or some rows to look at, named on stderr)%n"
            + "  2  could not grade: bad problem, unreadable submission, usage error%n"
            + "  3  a bug in nngrade (please report it)%n";
}
