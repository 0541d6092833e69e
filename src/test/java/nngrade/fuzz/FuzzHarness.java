package nngrade.fuzz;

import nngrade.input.BadInputException;
import nngrade.input.InputError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A time-bounded mutation fuzzer in plain JUnit. Every input must either be read or be refused
 * with a {@link BadInputException} whose errors are one-line messages starting with the file's
 * name; anything else (another exception, an error such as StackOverflowError, a message over
 * several lines, an input that takes seconds) is a finding.
 *
 * <p>System properties: {@code nngrade.fuzz.seconds} (the budget shared by all fuzz targets,
 * default {@value #DEFAULT_SECONDS}; 0 skips fuzzing, regressions are still replayed) and
 * {@code nngrade.fuzz.seed} (default {@value #DEFAULT_SEED}). Iteration {@code i} of a target is
 * a pure function of (seed, target, i), so a finding is reproduced by its seed and iteration,
 * and its input is also written to {@code target/fuzz-failures/}, minimised.
 */
final class FuzzHarness {
    static final double DEFAULT_SECONDS = 24;
    static final long DEFAULT_SEED = 20_240_611L;
    /** An input that takes longer than this to read is a finding (a reader must be about linear). */
    static final double SLOW_SECONDS = 5;
    /** How often a slow input is run before it counts as slow: its fastest run decides. */
    static final int SLOW_RUNS = 3;
    /** A message that long quotes too much of the input to be a one-line message. */
    static final int MAX_MESSAGE_CHARS = 600;
    private static final int MAX_FINDINGS = 8;
    /** What a user's message must not show: exception and class names, Java packages, Jackson's feature names. */
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|\\b(java|javax|com\\.fasterxml|org\\.yaml|org\\.apache|nngrade)\\.[a-z]|`[A-Za-z.]+\\(?\\)?`"
                    + "|StreamReadConstraints|JsonToken|\\w+Event\\(|\\bFeature\\b");

    private FuzzHarness() {
    }

    /** A file to mutate: its name (for the trace) and bytes. */
    record Seed(String name, byte[] bytes) {
        String extension() {
            int dot = name.lastIndexOf('.');
            return dot < 0 ? "" : name.substring(dot + 1);
        }
    }

    /** One run of the code under test on one input; returns the errors it kept (a file read with problems). */
    @FunctionalInterface
    interface Target {
        List<InputError> run(String source, byte[] input, Random random) throws Throwable;
    }

    /** What came out of one input: whether it was read, and what is wrong (null: nothing). */
    record Outcome(boolean read, String finding) {
    }

    record Stats(String target, long inputs, long read, long refused, double seconds, long seed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %d inputs in %.1f s (%d read, %d refused as bad input), seed %d",
                    target, inputs, seconds, read, refused, seed);
        }
    }

    static double totalSeconds() {
        return Double.parseDouble(System.getProperty("nngrade.fuzz.seconds", String.valueOf(DEFAULT_SECONDS)));
    }

    static long seed() {
        return Long.parseLong(System.getProperty("nngrade.fuzz.seed", String.valueOf(DEFAULT_SEED)));
    }

    /** Every regular file under {@code dirs}, sorted, as seeds named by their path. */
    static List<Seed> files(String... dirs) {
        List<Seed> out = new ArrayList<>();
        for (String d : dirs) {
            Path dir = Path.of(d);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    out.add(new Seed(p.toString().replace('\\', '/'), Files.readAllBytes(p)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /**
     * Runs one input through {@code target} and judges the outcome: null finding when it was
     * read or properly refused, else what is wrong.
     */
    static Outcome judge(Target target, String source, byte[] input, Random random) {
        long start = System.nanoTime();
        Outcome o = once(target, source, input, random);
        double seconds = (System.nanoTime() - start) / 1e9;
        // one slow run may be the JIT or a collection on a busy CI machine; a slow reader is slow every time
        for (int again = 0; again < SLOW_RUNS - 1 && o.finding() == null && seconds > SLOW_SECONDS; again++) {
            long t0 = System.nanoTime();
            once(target, source, input, random);
            seconds = Math.min(seconds, (System.nanoTime() - t0) / 1e9);
        }
        if (o.finding() == null && seconds > SLOW_SECONDS) {
            return new Outcome(o.read(), String.format(Locale.ROOT, "slow: took %.1f s at best of %d runs", seconds,
                    SLOW_RUNS));
        }
        return o;
    }

    private static Outcome once(Target target, String source, byte[] input, Random random) {
        try {
            List<InputError> kept = target.run(source, input, random);
            return new Outcome(true, messages(source, kept, true));
        } catch (BadInputException e) {
            return new Outcome(false, messages(source, e.errors(), false));
        } catch (Throwable t) {
            return new Outcome(false, "threw " + describe(t));
        }
    }

    /** Why the errors break the rule (non-empty, one line each, starting with the source), or null. */
    static String messages(String source, List<InputError> errors, boolean emptyAllowed) {
        if (errors.isEmpty() && !emptyAllowed) {
            return "message (none): BadInputException without errors";
        }
        for (InputError e : errors) {
            String line = e.oneLine();
            if (!source.equals(e.file()) || !line.startsWith(source + ":")) {
                return "message (file): does not start with the file name: " + clip(line);
            }
            if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0 || line.lines().count() != 1) {
                return "message (lines): more than one line: " + clip(line);
            }
            if (line.substring(source.length() + 1).replaceFirst("^\\d+:", "").isBlank()) {
                return "message (empty): " + clip(line);
            }
            String unquoted = line.substring(source.length()).replaceAll("\"[^\"]*\"", "\"\"");
            if (INTERNALS.matcher(unquoted).find()) {
                return "message (internals): names Java internals: " + clip(line);
            }
            if (line.length() > MAX_MESSAGE_CHARS + source.length()) {
                return "message (long, " + template(line.substring(source.length())) + "): " + line.length()
                        + " characters long: " + clip(line);
            }
        }
        return null;
    }

    /** A message without what it quotes from the input: what tells one message from another. */
    private static String template(String message) {
        String t = message.replaceAll("\"[^\"]*\"?", "\"\"").replaceAll("[0-9]+", "9").replaceAll("[^A-Za-z ]", "");
        return t.strip().length() > 40 ? t.strip().substring(0, 40) : t.strip();
    }

    private static String clip(String s) {
        return Mutator.show(s.getBytes(StandardCharsets.UTF_8)) + " (" + s.length() + " chars)";
    }

    /** The exception and where it was thrown (the first frame in nngrade, else the first frame). */
    static String describe(Throwable t) {
        StackTraceElement where = null;
        for (StackTraceElement f : t.getStackTrace()) {
            if (where == null) {
                where = f;
            }
            if (f.getClassName().startsWith("nngrade.") && !f.getClassName().startsWith("nngrade.fuzz.")) {
                where = f;
                break;
            }
        }
        String msg = t.getMessage() == null ? "" : ": " + t.getMessage().lines().findFirst().orElse("");
        if (msg.length() > 200) {
            msg = msg.substring(0, 200) + "…";
        }
        return t.getClass().getName() + msg + (where == null ? "" : " at " + where);
    }

    /** The kind of a finding, so that one bug found a thousand times is reported once. */
    private static String kind(String finding) {
        if (finding.startsWith("threw ")) {
            int at = finding.lastIndexOf(" at ");
            String cls = finding.substring(6, finding.indexOf(':') > 0 ? finding.indexOf(':') : finding.length());
            if (cls.contains(" ")) {
                cls = cls.substring(0, cls.indexOf(' '));
            }
            return cls + (at > 0 ? finding.substring(at) : "");
        }
        int end = finding.indexOf("): ");
        return end > 0 ? finding.substring(0, end + 1) : finding;
    }

    /**
     * Fuzzes {@code target} for {@code seconds}: iteration i mutates a seed chosen by
     * Random(seed, name, i). Fails with every kind of finding, each with its minimised input.
     */
    static Stats fuzz(String name, List<Seed> seeds, double seconds, SourceNamer namer, Target target) {
        long seed = seed();
        List<byte[]> corpus = seeds.stream().map(Seed::bytes).toList();
        Map<String, String> findings = new LinkedHashMap<>();
        long[] counts = new long[3];
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        String[] current = {""};
        long[] slowest = {0};
        String[] slowestInput = {""};
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-" + name);
            t.setDaemon(true);
            return t;
        });
        Future<?> run = worker.submit(() -> {
            for (long i = 0; System.nanoTime() < deadline && findings.size() < MAX_FINDINGS; i++) {
                long s = mix(seed, name.hashCode(), i);
                Random random = new Random(s);
                Seed base = seeds.get(random.nextInt(seeds.size()));
                Mutator m = new Mutator(random.nextLong(), corpus);
                byte[] input = m.mutate(base.bytes());
                String source = namer.name(base, i, random);
                current[0] = "iteration " + i + " (" + base.name() + ": " + String.join(", ", m.trace()) + ")";
                long t0 = System.nanoTime();
                Outcome o = judge(target, source, input, new Random(s));
                long took = System.nanoTime() - t0;
                if (took > slowest[0]) {
                    slowest[0] = took;
                    slowestInput[0] = current[0] + " [" + input.length + " bytes]";
                }
                counts[0]++;
                counts[o.read() ? 1 : 2]++;
                if (o.finding() != null && !findings.containsKey(kind(o.finding()))) {
                    String k = kind(o.finding());
                    byte[] small = minimise(target, source, input, k, s);
                    Path saved = save(name, i, source, small);
                    findings.put(k, o.finding() + "\n    input: " + current[0] + "\n    minimised (" + small.length
                            + " bytes) in " + saved + ": " + Mutator.show(small));
                }
            }
        });
        try {
            run.get((long) seconds + 60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            fail(name + ": an input did not finish within 60 s: " + current[0]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
        } catch (ExecutionException e) {
            fail(name + ": the fuzzer itself failed", e.getCause());
        } finally {
            worker.shutdownNow();
        }
        Stats stats = new Stats(name, counts[0], counts[1], counts[2], (System.nanoTime() - start) / 1e9, seed);
        System.out.println(stats + String.format(Locale.ROOT, "; slowest input %.0f ms: %s", slowest[0] / 1e6,
                slowestInput[0]));
        if (!findings.isEmpty()) {
            StringBuilder sb = new StringBuilder(stats + "\n" + findings.size() + " kind(s) of finding:");
            findings.values().forEach(f -> sb.append("\n  - ").append(f));
            fail(sb.toString());
        }
        return stats;
    }

    /** How the file is named to the reader (some readers go by the extension). */
    @FunctionalInterface
    interface SourceNamer {
        String name(Seed base, long iteration, Random random);
    }

    static long mix(long seed, long salt, long i) {
        long z = seed * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L + i * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Drops chunks of the input while the same kind of finding remains, for at most two seconds. */
    static byte[] minimise(Target target, String source, byte[] input, String kind, long seed) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        byte[] best = input;
        for (int chunk = Math.max(1, best.length / 2); chunk >= 1 && System.nanoTime() < deadline; chunk /= 2) {
            for (int at = 0; at < best.length && System.nanoTime() < deadline; ) {
                int len = Math.min(chunk, best.length - at);
                byte[] smaller = new byte[best.length - len];
                System.arraycopy(best, 0, smaller, 0, at);
                System.arraycopy(best, at + len, smaller, at, best.length - at - len);
                Outcome o = judge(target, source, smaller, new Random(seed));
                if (o.finding() != null && kind(o.finding()).equals(kind)) {
                    best = smaller;
                } else {
                    at += len;
                }
            }
        }
        return best;
    }

    private static Path save(String target, long iteration, String source, byte[] input) {
        try {
            Path dir = Path.of("target", "fuzz-failures");
            Files.createDirectories(dir);
            String ext = source.contains(".") ? source.substring(source.lastIndexOf('.')) : ".txt";
            Path f = dir.resolve(target + "-" + seed() + "-" + iteration + ext);
            Files.write(f, input);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
