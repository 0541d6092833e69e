import nngrade.problem.ProblemLoader;
import nngrade.report.Messages;
import nngrade.serve.Attempt;
import nngrade.serve.AttemptStore;
import nngrade.serve.Check;
import nngrade.serve.ServeConfig;
import nngrade.serve.Server;
import nngrade.serve.TeacherToken;
import nngrade.serve.Tokens;
import nngrade.submission.Roster;
import nngrade.submission.RosterReader;
import nngrade.variant.ProblemSource;
import nngrade.variant.Secret;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * bench/serve-load.sh's "memory" store: nngrade serve's own Server and Api, with an attempt store
 * that only numbers the checks in memory (nothing written, nothing fsynced), so a load run against
 * it measures HTTP, the token, the check and the report without the database. Not durable and
 * not for use; the attempt lists are empty.
 *
 *   java -cp target/nngrade.jar bench/ServeNoStore.java ROSTER SECRET-FILE DATA-DIR PROBLEM...
 *
 * Prints the line `nngrade serve` prints, with the port it got.
 */
public final class ServeNoStore {
    private ServeNoStore() {
    }

    /** Numbers per student and problem, as the real store does; stores nothing else. */
    static final class Numbering implements AttemptStore {
        private final Map<String, AtomicInteger> last = new ConcurrentHashMap<>();

        @Override
        public int record(Check check) {
            return last.computeIfAbsent(check.student() + '\n' + check.problem(), k -> new AtomicInteger())
                    .incrementAndGet();
        }

        @Override
        public OptionalInt recordIfUnder(Check check, int limit, Instant since) {
            return OptionalInt.of(record(check));
        }

        @Override
        public List<Attempt> attemptsOf(String student) {
            return List.of();
        }

        @Override
        public List<Attempt> attemptsOf(String student, String problem) {
            return List.of();
        }

        @Override
        public int countSince(String student, String problem, Instant since) {
            return 0;
        }

        @Override
        public Optional<Attempt> counted(String student, String problem, Optional<Instant> deadline) {
            return Optional.empty();
        }

        @Override
        public Map<String, Attempt> counted(String problem, Optional<Instant> deadline) {
            return Map.of();
        }

        @Override
        public List<Attempt> attemptsOn(String problem) {
            return List.of();
        }

        @Override
        public void close() {
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: java -cp target/nngrade.jar bench/ServeNoStore.java ROSTER SECRET-FILE DATA-DIR PROBLEM...");
            System.exit(2);
        }
        Roster roster = RosterReader.read(Path.of(args[0]));
        Secret secret = Secret.of(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8));
        List<ProblemSource> problems = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            problems.add(new ProblemSource(ProblemLoader.read(Path.of(args[i])), secret));
        }
        Path data = Path.of(args[2]);
        Files.createDirectories(data);
        TeacherToken teacher = TeacherToken.load(null, data);
        Server server = Server.start(new ServeConfig(problems, roster, Tokens.of(secret, roster.ids()), teacher,
                new Numbering(), "127.0.0.1", 0, Optional.empty(), OptionalInt.empty(), Messages.Lang.en,
                Clock.systemUTC()));
        System.out.println("nngrade serve: listening on http://127.0.0.1:" + server.port() + "/ for "
                + roster.ids().size() + " students (no store)");
        System.out.flush();
        server.join();
    }
}
