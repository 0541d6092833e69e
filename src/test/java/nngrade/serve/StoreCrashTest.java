package nngrade.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 under concurrent checks: a child JVM records attempts from 6 threads and prints each
 * acknowledged one; it is killed mid-run, and every acknowledged attempt must be in the store,
 * the numbers without gaps, and the next number one more than the highest stored.
 */
class StoreCrashTest {
    private static final int ACKNOWLEDGED_BEFORE_KILL = 150;

    @Test
    void everyAcknowledgedAttemptSurvivesAKill9(@TempDir Path data) throws Exception {
        List<String> printed = runAndKill(data.toString());
        try (AttemptStore store = AttemptStore.open(null, data)) {
            assertSurvived(printed, store);
        }
    }

    private static List<String> runAndKill(String db) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StoreCrashChild.class.getName(), db, "6");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process child = pb.start();
        List<String> printed = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("ready", in.readLine(), "the child opened the store");
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            String line;
            while (printed.size() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < end && (line = in.readLine()) != null) {
                printed.add(line);
            }
            // SIGKILL on Unix: no shutdown hook, no close, no flush of anything. Through the
            // process's handle, as Process.destroyForcibly would also close our end of its pipe
            // and lose the lines acknowledged but not read yet.
            child.toHandle().destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            while ((line = in.readLine()) != null) { // acknowledged before the kill, still in the pipe
                printed.add(line);
            }
        }
        assertTrue(printed.size() >= ACKNOWLEDGED_BEFORE_KILL, "the child acknowledged " + printed.size() + " attempts");
        return printed;
    }

    private static void assertSurvived(List<String> printed, AttemptStore store) {
        Map<String, TreeSet<Integer>> acknowledged = new TreeMap<>();
        for (String line : printed) {
            String[] p = line.split(" ");
            acknowledged.computeIfAbsent(p[0], k -> new TreeSet<>()).add(Integer.parseInt(p[1]));
        }
        assertEquals(printed.size(), acknowledged.values().stream().mapToInt(TreeSet::size).sum(), "no number given twice");
        for (Map.Entry<String, TreeSet<Integer>> e : acknowledged.entrySet()) {
            List<Integer> stored = store.attemptsOf(e.getKey(), "p1").stream().map(Attempt::number).toList();
            int highest = stored.get(stored.size() - 1);
            assertEquals(IntStream.rangeClosed(1, highest).boxed().toList(), stored, "no gaps for " + e.getKey());
            assertTrue(stored.containsAll(e.getValue()), "acknowledged but lost for " + e.getKey() + ": "
                    + e.getValue().stream().filter(n -> !stored.contains(n)).map(String::valueOf).collect(Collectors.joining(",")));
            assertEquals(highest + 1, store.record(AttemptStoreContract.check(e.getKey(), "p1", AttemptStoreContract.T0, 0)));
        }
    }
}
