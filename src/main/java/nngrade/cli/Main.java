package nngrade.cli;

import nngrade.problem.BadInputException;
import nngrade.problem.InputError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

@Command(name = "nngrade",
        mixinStandardHelpOptions = true,
        version = "nngrade 0.1.0",
        description = "Grader and self-checker for neural-network backpropagation homework.",
        subcommands = {SolveCommand.class, CheckCommand.class, TemplateCommand.class, GradeCommand.class, VariantCommand.class, SheetsCommand.class, CommandLine.HelpCommand.class},
        footer = ExitCode.HELP)
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try nngrade solve PROBLEM");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
    }

    /** Runs a command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof BadInputException bad) {
                for (InputError e : bad.errors()) {
                    line.getErr().println(e.oneLine());
                }
                return ExitCode.BAD_INPUT;
            }
            line.getErr().println("nngrade: internal error: " + ex + " (please report it, with the command and files)");
            if (System.getenv("NNGRADE_DEBUG") != null) {
                ex.printStackTrace(line.getErr());
            }
            return ExitCode.INTERNAL_ERROR;
        });
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
