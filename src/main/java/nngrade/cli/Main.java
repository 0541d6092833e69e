package nngrade.cli;

import nngrade.input.BadInputException;
import nngrade.input.InputError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

@Command(name = "nngrade",
        mixinStandardHelpOptions = true,
        version = Main.VERSION,
        description = "Grader and self-checker for neural-network backpropagation homework.",
        footer = ExitCode.HELP)
public final class Main implements Runnable {
    /** What -V prints, for nngrade and each of its commands. */
    static final String VERSION = "nngrade 0.1.0";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try nngrade solve PROBLEM");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
    }

    /** Out of memory is the user's to fix (the heap's size), not a bug to report: one line, no stack trace. */
    static final String OUT_OF_MEMORY = "nngrade ran out of memory (the Java heap is at most "
            + (Runtime.getRuntime().maxMemory() >> 20) + " MB): raise -Xmx (NNGRADE_JAVA_OPTS=-Xmx2g bin/nngrade …) "
            + "or run it with bin/nngrade, whose settings keep grade's memory small";

    private static boolean outOfMemory(Throwable t) {
        for (int depth = 0; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /** The subcommands, in the order help lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("solve", SolveCommand::new);
        COMMANDS.put("check", CheckCommand::new);
        COMMANDS.put("template", TemplateCommand::new);
        COMMANDS.put("grade", GradeCommand::new);
        COMMANDS.put("variant", VariantCommand::new);
        COMMANDS.put("sheets", SheetsCommand::new);
        COMMANDS.put("links", LinksCommand::new);
        COMMANDS.put("serve", ServeCommand::new);
        COMMANDS.put("help", CommandLine.HelpCommand::new);
    }

    /** Runs a command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new Main());
        // picocli reads a command's annotations when it is added, and its classes cannot be
        // archived for class-data sharing (they are Java 5 bytecode): adding only the command
        // asked for saves a cold check a tenth of a second. Help and mistakes get them all.
        Supplier<Object> asked = args.length > 0 && !args[0].equals("help") ? COMMANDS.get(args[0]) : null;
        boolean version = args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
        if (asked != null) {
            cmd.addSubcommand(asked.get());
        } else if (!version) {
            COMMANDS.values().forEach(c -> cmd.addSubcommand(c.get()));
        }
        // under LANG=C the JVM decodes a non-ASCII argument lossily, and Path.of refuses it: say why and what to do
        cmd.registerConverter(Path.class, given -> {
            try {
                return Path.of(given);
            } catch (InvalidPathException e) {
                throw new CommandLine.TypeConversionException("'" + given + "' is not a file name this locale can read "
                        + "(it decodes names as " + System.getProperty("sun.jnu.encoding") + "); run under a UTF-8 "
                        + "locale (LC_ALL=C.UTF-8), or with bin/nngrade, which sets one");
            }
        });
        cmd.setOut(out);
        cmd.setErr(err);
        // A usage error is one line and a hint, not the whole usage text: the mistake stays on screen.
        cmd.setParameterExceptionHandler((ex, given) -> {
            CommandLine wrong = ex.getCommandLine();
            PrintWriter e = wrong.getErr();
            e.println(InputError.inFile("command line", ex.getMessage()).oneLine());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, e);
            e.println("Try '" + wrong.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCode.BAD_INPUT;
        });
        cmd.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof BadInputException bad) {
                for (InputError e : bad.errors()) {
                    line.getErr().println(e.oneLine());
                }
                return ExitCode.BAD_INPUT;
            }
            if (outOfMemory(ex)) {
                line.getErr().println(OUT_OF_MEMORY);
                return ExitCode.INTERNAL_ERROR;
            }
            line.getErr().println("nngrade: internal error: " + ex + " (please report it, with the command and files)");
            if (System.getenv("NNGRADE_DEBUG") != null) {
                ex.printStackTrace(line.getErr());
            }
            return ExitCode.INTERNAL_ERROR;
        });
        int code;
        try {
            code = cmd.execute(args);
        } catch (OutOfMemoryError e) { // an Error passes picocli's handler by; one line all the same
            err.println(OUT_OF_MEMORY);
            code = ExitCode.INTERNAL_ERROR;
        }
        out.flush();
        err.flush();
        return code;
    }
}
