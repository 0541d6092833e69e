package nngrade.grade;

import nngrade.input.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The output folder on disk: a regrade killed at any step of its switch, two runs on one folder, links. */
class FolderOutputTest {
    @TempDir
    Path tmp;

    /** A kill: an Error nothing in nngrade catches, thrown before the k-th step; the run's close never happens. */
    static final class Killed extends Error {
        Killed(String step) {
            super(step);
        }
    }

    /** Run A's files as a reader sees them: two reports, a gradebook listing them, the summaries, changes. */
    static final Map<String, String> A = new TreeMap<>(Map.of("reports/ana.html", "A ana", "reports/bob.html", "A bob",
            "gradebook.csv", "id\nana\nbob\n", "summary.json", "A", "summary.html", "A", "changes.csv", "A"));
    /** Run B's: bob gone, cy new, a Moodle file A did not have, no summary.html (a set may differ in its names). */
    static final Map<String, String> B = new TreeMap<>(Map.of("reports/ana.html", "B ana", "reports/cy.html", "B cy",
            "gradebook.csv", "id\nana\ncy\n", "summary.json", "B", "changes.csv", "B", "moodle-grades.csv", "B"));

    private void publish(Map<String, String> set, String junit, OutputSwitch.Steps steps, boolean close) {
        FolderOutput o = FolderOutput.create(tmp.resolve("out"), tmp.resolve("ci/junit.xml"), null, steps);
        Map<Artifact, String> artifacts = new TreeMap<>();
        for (Map.Entry<String, String> e : set.entrySet()) {
            if (e.getKey().startsWith("reports/")) {
                o.stage(e.getKey(), e.getValue());
            } else {
                artifacts.put(artifact(e.getKey()), e.getValue());
            }
        }
        artifacts.put(Artifact.JUNIT_XML, junit);
        try {
            o.publish(artifacts);
        } finally {
            if (close) {
                o.close();
            }
        }
    }

    private static Artifact artifact(String name) {
        return switch (name) {
            case "gradebook.csv" -> Artifact.GRADEBOOK;
            case "summary.json" -> Artifact.SUMMARY_JSON;
            case "summary.html" -> Artifact.SUMMARY_HTML;
            case "changes.csv" -> Artifact.CHANGES;
            case "moodle-grades.csv" -> Artifact.MOODLE_GRADES;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Every file a reader of --out sees by the visible names (hidden entries are nngrade's own). */
    private Map<String, String> visible() {
        Map<String, String> seen = new TreeMap<>();
        Path out = tmp.resolve("out");
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = out.relativize(p).toString().replace('\\', '/');
                if (!rel.startsWith(".")) {
                    seen.put(rel, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return seen;
    }

    private List<String> listed(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static long deadPid;

    /** A pid no process has: one that has ended (found once: a process per kill would make the test slow). */
    private static long deadPid() throws IOException, InterruptedException {
        if (deadPid != 0) {
            return deadPid;
        }
        Process p = new ProcessBuilder("java", "-version").redirectErrorStream(true).start();
        p.getInputStream().transferTo(OutputStream.nullOutputStream());
        p.waitFor();
        deadPid = p.pid();
        return deadPid;
    }

    private void lockOfADeadRun() throws IOException, InterruptedException {
        Files.writeString(tmp.resolve("out/.nngrade.lock"), deadPid() + " -\n");
    }

    private static OutputSwitch.Steps killAt(int k, List<String> steps) {
        return step -> {
            steps.add(step);
            if (steps.size() == k) {
                throw new Killed(step);
            }
        };
    }

    private static boolean within(Map<String, String> seen, Map<String, String> set) {
        return seen.entrySet().stream().allMatch(e -> e.getValue().equals(set.get(e.getKey())));
    }

    /** Part of one run's set and nothing of the other's; with the gradebook, the whole set. */
    private static void oneRunsFiles(Map<String, String> seen, String when) {
        assertTrue(within(seen, A) || within(seen, B), when + ": " + seen);
        if (seen.containsKey("gradebook.csv")) {
            assertTrue(seen.equals(A) || seen.equals(B), when + ": " + seen);
        }
    }

    @Test
    void aRegradeKilledAtAnyStepOfTheSwitchAndAgainAtAnyStepOfItsFinishLeavesOneRunsSetWhole()
            throws IOException, InterruptedException {
        int kills = 0;
        for (int k = 1; ; k++) {
            for (int j = 1; ; j++) {
                AtomicFiles.deleteTree(tmp);
                Files.createDirectories(tmp);
                publish(A, "A", OutputSwitch.Steps.NONE, true);
                assertEquals(A, visible());
                List<String> steps = new ArrayList<>();
                try {
                    publish(B, "B", killAt(k, steps), false);
                } catch (Killed killed) {
                    kills++;
                }
                if (steps.size() < k) { // the regrade ran to its end: no step k
                    assertEquals(B, visible());
                    assertTrue(kills > 10, "killed at every step: " + kills);
                    return;
                }
                // What a reader sees after the kill: one run's files and nothing of the other's; a gradebook means its whole set.
                oneRunsFiles(visible(), "k=" + k + " " + steps);
                boolean committed = steps.size() > 1; // the first step is the commit itself
                // The next run finishes the switch (killed again at its j-th step, then finished by a third).
                lockOfADeadRun();
                List<String> finishing = new ArrayList<>();
                try {
                    FolderOutput.create(tmp.resolve("out"), tmp.resolve("ci/junit.xml"), null, killAt(j, finishing)).close();
                } catch (Killed killed) {
                    oneRunsFiles(visible(), "k=" + k + " j=" + j + " " + finishing);
                    lockOfADeadRun();
                    FolderOutput.create(tmp.resolve("out"), tmp.resolve("ci/junit.xml"), null).close();
                }
                assertEquals(committed ? B : A, visible(), "k=" + k + " j=" + j + " " + steps);
                assertEquals(committed ? "B" : "A", Files.readString(tmp.resolve("ci/junit.xml")), "renamed last");
                List<String> names = new ArrayList<>(committed ? B.keySet() : A.keySet()).stream()
                        .map(n -> n.startsWith("reports/") ? "reports" : n).distinct().sorted().toList();
                assertEquals(names, listed(tmp.resolve("out")), "no journal, staging, old set, lock or temporary file left");
                assertEquals(List.of("junit.xml"), listed(tmp.resolve("ci")));
                if (finishing.size() < j) {
                    break;
                }
            }
        }
    }

    @Test
    void aSecondRunRefusesWhileTheFirstHoldsTheLockAndTakesOverTheLockOfADeadOne() throws IOException, InterruptedException {
        Path out = tmp.resolve("out");
        FolderOutput first = FolderOutput.create(out, null, null);
        BadInputException e = assertThrows(BadInputException.class, () -> FolderOutput.create(out, null, null));
        assertEquals(out + ": another nngrade grade (pid " + ProcessHandle.current().pid() + ") is writing " + out
                + "; wait for it or remove " + out.resolve(".nngrade.lock") + " if it is gone", e.errors().get(0).oneLine());
        first.publish(Map.of(Artifact.GRADEBOOK, "id\n"));
        first.close();
        assertEquals(List.of("gradebook.csv", "reports"), listed(out), "the lock is gone with its run");

        lockOfADeadRun();
        FolderOutput second = FolderOutput.create(out, null, null);
        assertTrue(Files.readString(out.resolve(".nngrade.lock")).startsWith(ProcessHandle.current().pid() + " "), "taken over");
        second.publish(Map.of(Artifact.GRADEBOOK, "id\nana\n"));
        second.close();
        assertEquals("id\nana\n", Files.readString(out.resolve("gradebook.csv")));
        assertFalse(Files.exists(out.resolve(".nngrade.lock")));
    }

    @Test
    void ofRunsStartingTogetherOnOneFolderExactlyOneGetsIt() throws InterruptedException, IOException {
        Path out = tmp.resolve("out");
        int runs = 8;
        CyclicBarrier start = new CyclicBarrier(runs);
        List<FolderOutput> won = Collections.synchronizedList(new ArrayList<>());
        List<String> refused = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    won.add(FolderOutput.create(out, null, null));
                } catch (BadInputException e) {
                    refused.add(e.errors().get(0).oneLine());
                } catch (Exception e) {
                    refused.add("unexpected " + e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, won.size(), refused.toString());
        assertEquals(runs - 1, refused.size());
        for (String line : refused) {
            assertTrue(line.startsWith(out + ": another nngrade grade (pid " + ProcessHandle.current().pid() + ") is writing "),
                    line);
        }
        won.get(0).close();
        // whichever run made the folder removes it if it is empty when that run ends; the winner
        // may not be that run, so the folder may stay, but never with a lock or a file in it
        try (Stream<Path> left = Files.exists(out) ? Files.list(out) : Stream.empty()) {
            assertEquals(List.of(), left.toList());
        }
    }

    /**
     * A lock read while its owner writes it may hold a prefix of its pid, "1" of "12345 …": the pid of
     * another live process. Only a whole line is an owner; a part-written lock is waited for, and one
     * left part-written by a run killed mid-write (older than a second) is a dead run's.
     */
    @Test
    void aLockWrittenPartWayNamesNoOwner() throws IOException {
        Files.createDirectories(tmp.resolve("out"));
        Path lock = tmp.resolve("out/.nngrade.lock");
        Files.writeString(lock, "1"); // pid 1 is alive on every Unix
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minusSeconds(5)));
        try (FolderOutput out = FolderOutput.create(tmp.resolve("out"), null, null)) {
            assertTrue(Files.readString(lock).startsWith(ProcessHandle.current().pid() + " "), Files.readString(lock));
        }
    }

    @Test
    void aLinkSomeoneLeftAtATemporaryNameIsNotWrittenThrough() throws IOException {
        Path victim = Files.writeString(tmp.resolve("victim.txt"), "keep");
        Files.createDirectories(tmp.resolve("ci"));
        // the names a guesser would try: the old scheme's pid and counter
        for (int n = 1; n <= 50; n++) {
            Files.createSymbolicLink(tmp.resolve("ci/.junit.xml." + ProcessHandle.current().pid() + "." + n + ".tmp"), victim);
        }
        Path tmpFile = AtomicFiles.prepare(tmp.resolve("ci/junit.xml"), "new");
        assertFalse(Files.isSymbolicLink(tmpFile));
        AtomicFiles.move(tmpFile, tmp.resolve("ci/junit.xml"));
        assertEquals("keep", Files.readString(victim));
        assertEquals("new", Files.readString(tmp.resolve("ci/junit.xml")));
        assertTrue(Files.isRegularFile(tmp.resolve("ci/junit.xml"), LinkOption.NOFOLLOW_LINKS));
    }
}
