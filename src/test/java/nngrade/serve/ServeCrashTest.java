package nngrade.serve;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static nngrade.serve.ServeDurabilityFixture.PROBLEM;
import static nngrade.serve.ServeDurabilityFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `nngrade serve` in a child JVM under concurrent checks over HTTP: killed with kill -9, every
 * check a client got a 200 for is there after a restart on the same data, numbered without gaps,
 * and the numbering goes on; stopped with SIGTERM, the requests in flight are answered and kept.
 */
class ServeCrashTest {
    private static final List<String> STUDENTS = List.of("s001", "s002", "s003", "s004");

    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (Process p : children) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private ServeDurabilityFixture.Child start(Path data) throws IOException {
        ServeDurabilityFixture.Child child = ServeDurabilityFixture.Child.start(data, dir.resolve("stderr.txt"));
        children.add(child.process());
        return child;
    }

    /** Clients that check as fast as they are answered, each as its own student, until told to stop or cut off. */
    private static final class Load {
        final Map<String, Set<Integer>> acknowledged = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        final AtomicInteger count = new AtomicInteger();
        final AtomicBoolean stop = new AtomicBoolean();
        final List<Thread> threads = new ArrayList<>();

        /** {@code refusals}: the statuses besides 200 that are no failure (a server shutting down may answer 503). */
        Load(int port, List<String> students, Set<Integer> refusals) {
            ServeDurabilityFixture.Client client = ServeDurabilityFixture.Client.of(port);
            for (String student : students) {
                Set<Integer> mine = ConcurrentHashMap.newKeySet();
                acknowledged.put(student, mine);
                Thread t = new Thread(() -> {
                    while (!stop.get()) {
                        HttpResponse<String> r;
                        try {
                            r = client.check(student);
                        } catch (IOException e) { // the server is gone
                            return;
                        } catch (InterruptedException e) {
                            return;
                        }
                        if (r.statusCode() == 200) {
                            mine.add(json(r.body()).get("attempt").asInt());
                            count.incrementAndGet();
                        } else if (!refusals.contains(r.statusCode())) {
                            unexpected.add(student + ": " + r.statusCode() + " " + r.body());
                        }
                    }
                }, "client-" + student);
                threads.add(t);
                t.start();
            }
        }

        void awaitAcknowledged(int n) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (count.get() < n && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertTrue(count.get() >= n, "only " + count.get() + " checks answered in 2 minutes; " + unexpected);
        }

        void join() throws InterruptedException {
            stop.set(true);
            for (Thread t : threads) {
                t.join(120_000);
                assertTrue(!t.isAlive(), t.getName() + " still waits for an answer");
            }
        }
    }

    @Test
    void everyCheckAnswered200SurvivesAKill9AndTheNumberingGoesOnAfterARestart() throws Exception {
        Path data = dir.resolve("data");
        ServeDurabilityFixture.Child first = start(data);
        Load load = new Load(first.port(), STUDENTS, Set.of());
        load.awaitAcknowledged(40);
        // SIGKILL on Unix: no shutdown hook, no close of the store, whatever was in flight is cut
        first.process().destroyForcibly();
        assertTrue(first.process().waitFor(30, TimeUnit.SECONDS));
        load.join();
        assertEquals(List.of(), List.copyOf(load.unexpected));

        ServeDurabilityFixture.Child second = start(data);
        ServeDurabilityFixture.Client client = ServeDurabilityFixture.Client.of(second.port());
        int total = 0;
        for (String student : STUDENTS) {
            List<Integer> stored = client.attempts(student);
            Set<Integer> acknowledged = new TreeSet<>(load.acknowledged.get(student));
            total += acknowledged.size();
            // the check in flight at the kill may be stored without its answer, so there may be one more
            assertEquals(IntStream.rangeClosed(1, stored.size()).boxed().toList(), stored, "no gaps for " + student);
            assertTrue(stored.size() >= acknowledged.size(), student + ": " + stored.size() + " stored, "
                    + acknowledged.size() + " acknowledged");
            assertTrue(stored.containsAll(acknowledged), "acknowledged but lost for " + student + ": " + acknowledged);
            HttpResponse<String> next = client.check(student);
            assertEquals(200, next.statusCode(), next.body());
            assertEquals(stored.size() + 1, json(next.body()).get("attempt").asInt(), "the numbering goes on for " + student);
        }
        assertTrue(total >= 40, total + " acknowledged");
    }

    @Test
    void sigtermAnswersAndKeepsTheRequestsInFlight() throws Exception {
        Path data = dir.resolve("data");
        ServeDurabilityFixture.Child child = start(data);
        // checks whose bodies are half sent when the server is told to stop: surely in flight
        List<ServeDurabilityFixture.RawCheck> halfSent = new ArrayList<>();
        try {
            for (String student : List.of("s005", "s006")) {
                ServeDurabilityFixture.RawCheck c = new ServeDurabilityFixture.RawCheck(child.port(), student);
                c.send(0, c.length() / 2);
                halfSent.add(c);
            }
            Load load = new Load(child.port(), STUDENTS, Set.of(503));
            load.awaitAcknowledged(20);
            Thread.sleep(1_000); // time for the server to have read the half-sent checks' headers, even on a busy machine
            child.process().destroy(); // SIGTERM
            Thread.sleep(1_000); // the shutdown has begun: the rest of each body arrives during it
            Map<String, Integer> answered = new TreeMap<>();
            for (int i = 0; i < halfSent.size(); i++) {
                ServeDurabilityFixture.RawCheck c = halfSent.get(i);
                c.send(c.length() / 2, c.length());
                String answer = c.answer();
                assertEquals("HTTP/1.1 200 OK", ServeDurabilityFixture.statusLine(answer), answer);
                answered.put(i == 0 ? "s005" : "s006", ServeDurabilityFixture.bodyOf(answer).get("attempt").asInt());
            }
            assertEquals(Map.of("s005", 1, "s006", 1), answered);
            assertTrue(child.process().waitFor(60, TimeUnit.SECONDS), "serve stopped after SIGTERM");
            load.join();
            assertEquals(List.of(), List.copyOf(load.unexpected));

            try (AttemptStore store = AttemptStore.open(null, data)) {
                assertEquals(List.of(1), numbers(store, "s005"));
                assertEquals(List.of(1), numbers(store, "s006"));
                for (String student : STUDENTS) {
                    List<Integer> stored = numbers(store, student);
                    assertEquals(IntStream.rangeClosed(1, stored.size()).boxed().toList(), stored, "no gaps for " + student);
                    assertTrue(stored.containsAll(load.acknowledged.get(student)), "acknowledged but lost for " + student);
                }
            }
        } finally {
            for (ServeDurabilityFixture.RawCheck c : halfSent) {
                c.close();
            }
        }
    }

    private static List<Integer> numbers(AttemptStore store, String student) {
        return store.attemptsOf(student, PROBLEM).stream().map(Attempt::number).toList();
    }
}
