package nngrade.cli;

import nngrade.input.BadInputException;
import nngrade.input.InputError;
import nngrade.report.Messages;
import nngrade.serve.AttemptStore;
import nngrade.serve.Reveal;
import nngrade.serve.ServeConfig;
import nngrade.serve.Server;
import nngrade.serve.TeacherToken;
import nngrade.serve.Tokens;
import nngrade.submission.Roster;
import nngrade.submission.RosterReader;
import nngrade.variant.ProblemSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

@Command(name = "serve",
        mixinStandardHelpOptions = true,
        version = Main.VERSION,
        description = "Self-check for graded homework: students check their answers over HTTP against a key that "
                + "never leaves the server; every check is stored; the teacher exports the gradebook.",
        footer = ExitCode.HELP)
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PROBLEM", description = "Problem files (JSON or YAML).")
    List<Path> problems;

    @Option(names = "--roster", required = true, paramLabel = "ROSTER",
            description = "Class list: a CSV with an id column, or Moodle's or Canvas's export.")
    Path roster;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
            description = "Port to listen on, 0 for any free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
    String bind;

    @Option(names = "--data", defaultValue = "nngrade-data", paramLabel = "DIR",
            description = "Folder of the embedded database and the teacher's token. Default: ./${DEFAULT-VALUE}.")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC-URL", description = "Another database, jdbc:postgresql://…")
    String db;

    @Option(names = "--teacher-token-file", paramLabel = "FILE",
            description = "The teacher's token. Default: DATA/teacher-token, created on the first start.")
    Path teacherTokenFile;

    @Option(names = "--deadline", paramLabel = "ISO-8601",
            description = "After it checks are refused; the last attempt at or before it counts (2026-12-24T23:59:00+02:00).")
    String deadline;

    @Option(names = "--max-checks", paramLabel = "N", description = "At most N checks per student per problem per hour.")
    Integer maxChecks;

    @Option(names = "--lang", paramLabel = "LANG",
            description = "Language of the pages and feedback: en or ro. Default: each browser's own (Accept-Language), "
                    + "English unless it prefers Romanian.")
    Messages.Lang lang;

    @Option(names = "--reveal", defaultValue = "never", paramLabel = "WHEN", converter = RevealConverter.class,
            description = "When students see the expected values: never, or after-deadline (then each check's "
                    + "feedback shows them, and each student's problem page their own worked solution; needs "
                    + "--deadline). Default: ${DEFAULT-VALUE}.")
    Reveal reveal;

    @Option(names = "--secure-cookies",
            description = "Mark the sign-in cookies Secure always (for https). Without it they are Secure when a proxy "
                    + "on this machine, such as nginx or Caddy, says the browser came over https.")
    boolean secureCookies;

    @Mixin
    SecretOption secret;

    @Override
    public Integer call() {
        Optional<Instant> due = deadline == null ? Optional.empty() : Optional.of(instant(deadline));
        if (maxChecks != null && maxChecks < 1) {
            throw new BadInputException(InputError.atField("command line", "--max-checks",
                    "is " + maxChecks + "; expected a whole number of checks, 1 or more"));
        }
        List<ProblemSource> sources = new ArrayList<>();
        for (Path p : problems) {
            sources.add(secret.source(p));
        }
        Roster r = RosterReader.read(roster);
        Tokens tokens = Tokens.of(secret.secret(), r.ids());
        TeacherToken teacher = TeacherToken.load(teacherTokenFile, data);
        if (reveal == Reveal.AFTER_DEADLINE && due.isEmpty()) {
            throw new BadInputException(InputError.atField("command line", "--reveal",
                    "is after-deadline, but no --deadline was given; expected --deadline ISO-8601 with it"));
        }
        AttemptStore store = AttemptStore.open(db, data);
        Server server;
        try {
            server = Server.start(new ServeConfig(sources, r, tokens, teacher, store, bind, port, due,
                    maxChecks == null ? OptionalInt.empty() : OptionalInt.of(maxChecks), Optional.ofNullable(lang), reveal,
                    secureCookies, Clock.systemUTC(), this::warn));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        // SIGTERM: the requests in flight finish, then the store closes
        Thread stop = new Thread(() -> {
            try {
                server.close();
            } finally {
                store.close();
            }
        }, "nngrade-serve-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        spec.commandLine().getOut().println("nngrade serve: listening on http://" + host + ":" + server.port()
                + "/ for " + r.ids().size() + " students; the teacher's token is in " + teacher.where());
        spec.commandLine().getOut().flush();
        try {
            server.join();
        } catch (InterruptedException e) { // the thread that runs serve in a program or a test is stopped
            Runtime.getRuntime().removeShutdownHook(stop);
            stop.run();
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }

    /** What the server works around and the teacher should hear of, as grade's warnings go: on stderr, one line. */
    private void warn(String line) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("warning: " + line);
        err.flush(); // the server runs for days: the line is seen when it happens
    }

    static final class RevealConverter implements ITypeConverter<Reveal> {
        @Override
        public Reveal convert(String value) {
            return Reveal.ofLabel(value).orElseThrow(() -> new TypeConversionException(
                    "expected never or after-deadline, found '" + value + "'"));
        }
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadInputException(InputError.atField("command line", "--deadline", "is \"" + text
                    + "\"; expected a time with its offset, such as 2026-12-24T23:59:00+02:00 or 2026-12-24T21:59:00Z"));
        }
    }
}
