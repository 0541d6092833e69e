package nngrade.serve;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What every {@link AttemptStore} does; each database's test class opens its own. */
abstract class AttemptStoreContract {
    static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    private final List<AttemptStore> opened = new ArrayList<>();

    /** A store on the test's database: the same data each time it is called within a test. */
    abstract AttemptStore openStore();

    final AttemptStore store() {
        AttemptStore s = openStore();
        opened.add(s);
        return s;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(AttemptStore::close);
    }

    static Check check(String student, String problem, Instant time, double score) {
        return new Check(student, problem, "V-" + student, time, ("{\"student\":\"" + student + "\"}").getBytes(StandardCharsets.UTF_8),
                "application/json", score, 9, "{\"score\":" + score + "}", Map.of());
    }

    @Test
    void attemptsAreNumberedPerStudentAndProblem() {
        AttemptStore s = store();
        assertEquals(1, s.record(check("ana", "p1", T0, 1)));
        assertEquals(2, s.record(check("ana", "p1", T0.plusSeconds(1), 2)));
        assertEquals(1, s.record(check("ana", "p2", T0.plusSeconds(2), 3)));
        assertEquals(1, s.record(check("bob", "p1", T0.plusSeconds(3), 4)));
        assertEquals(3, s.record(check("ana", "p1", T0.plusSeconds(4), 5)));
        List<Attempt> ana = s.attemptsOf("ana");
        assertEquals(List.of("p1#1", "p1#2", "p1#3", "p2#1"), ana.stream().map(a -> a.problem() + "#" + a.number()).toList());
        assertEquals(List.of(1.0, 2.0, 5.0, 3.0), ana.stream().map(Attempt::score).toList());
        assertEquals(List.of(1, 2, 3), s.attemptsOf("ana", "p1").stream().map(Attempt::number).toList());
        assertEquals(List.of(), s.attemptsOf("carol"));
    }

    @Test
    void anAttemptComesBackAsItWasStored() {
        AttemptStore s = store();
        byte[] csv = "quantity;row;col;value\r\nW1;1;1;0,5\r\n\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        Map<String, List<String>> diagnoses = new java.util.LinkedHashMap<>();
        diagnoses.put("dW1", List.of("transposed", "sign-flipped"));
        diagnoses.put("db1", List.of());
        diagnoses.put("W1_next", List.of("learning-rate-omitted"));
        Check c = new Check("Ștefan 'x'; DROP TABLE attempts; --", "notes-softmax-step", "K7Q2-M4XD",
                Instant.parse("2026-11-30T09:15:30.123456789Z"), csv, "text/csv; charset=windows-1252", 6.5, 9,
                "{\"score\":6.5,\"note\":\"ă\"}", diagnoses);
        assertEquals(1, s.record(c));
        Attempt a = s.attemptsOf(c.student()).get(0);
        assertEquals(1, a.number());
        assertEquals(c, a.check());
        assertArrayEquals(csv, a.check().submission());
        assertEquals(Instant.parse("2026-11-30T09:15:30.123Z"), a.time());
        assertEquals(List.of("dW1", "W1_next"), List.copyOf(a.check().diagnoses().keySet()));
        assertEquals(List.of("transposed", "sign-flipped"), a.check().diagnoses().get("dW1"));
    }

    @Test
    void concurrentChecksOfOneStudentGetOneToNWithoutGapsOrDuplicates() throws Exception {
        AttemptStore s = store();
        int threads = 16;
        int each = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Integer>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                List<Integer> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    mine.add(s.record(check("ana", "p1", T0.plusMillis(thread * 100L + i), thread)));
                }
                return mine;
            }));
        }
        start.countDown();
        List<Integer> numbers = new ArrayList<>();
        for (Future<List<Integer>> f : futures) {
            numbers.addAll(f.get());
        }
        pool.shutdown();
        Collections.sort(numbers);
        List<Integer> oneToN = IntStream.rangeClosed(1, threads * each).boxed().toList();
        assertEquals(oneToN, numbers);
        assertEquals(oneToN, s.attemptsOf("ana", "p1").stream().map(Attempt::number).toList());
    }

    @Test
    void theCountedAttemptIsTheLastOneAtOrBeforeTheDeadline() {
        AttemptStore s = store();
        s.record(check("ana", "p1", T0, 3));
        s.record(check("ana", "p1", T0.plus(Duration.ofHours(1)), 5));
        s.record(check("ana", "p1", T0.plus(Duration.ofHours(2)), 9));
        s.record(check("bob", "p1", T0.plus(Duration.ofHours(3)), 7));
        s.record(check("ana", "p2", T0, 1));
        assertEquals(3, s.counted("ana", "p1", Optional.empty()).orElseThrow().number());
        assertEquals(9.0, s.counted("ana", "p1", Optional.empty()).orElseThrow().score());
        assertEquals(2, s.counted("ana", "p1", Optional.of(T0.plus(Duration.ofHours(1)))).orElseThrow().number());
        assertEquals(1, s.counted("ana", "p1", Optional.of(T0.plus(Duration.ofMinutes(59)))).orElseThrow().number());
        assertEquals(Optional.empty(), s.counted("ana", "p1", Optional.of(T0.minusMillis(1))));
        assertEquals(Optional.empty(), s.counted("carol", "p1", Optional.empty()));

        Map<String, Attempt> all = s.counted("p1", Optional.empty());
        assertEquals(List.of("ana", "bob"), List.copyOf(all.keySet()));
        assertEquals(3, all.get("ana").number());
        Map<String, Attempt> byDeadline = s.counted("p1", Optional.of(T0.plus(Duration.ofMinutes(90))));
        assertEquals(List.of("ana"), List.copyOf(byDeadline.keySet()));
        assertEquals(2, byDeadline.get("ana").number());
    }

    @Test
    void countsTheAttemptsSinceAnInstant() {
        AttemptStore s = store();
        for (int m = 0; m < 5; m++) {
            s.record(check("ana", "p1", T0.plus(Duration.ofMinutes(20L * m)), m));
        }
        s.record(check("ana", "p2", T0.plus(Duration.ofMinutes(80)), 0));
        s.record(check("bob", "p1", T0.plus(Duration.ofMinutes(80)), 0));
        assertEquals(5, s.countSince("ana", "p1", T0));
        assertEquals(3, s.countSince("ana", "p1", T0.plus(Duration.ofMinutes(40))));
        assertEquals(2, s.countSince("ana", "p1", T0.plus(Duration.ofMinutes(41))));
        assertEquals(0, s.countSince("ana", "p1", T0.plus(Duration.ofHours(2))));
        assertEquals(0, s.countSince("carol", "p1", T0));
    }

    @Test
    void aCheckPastTheLimitIsNotStored() {
        AttemptStore s = store();
        Instant hourAgo = T0.plus(Duration.ofMinutes(30));
        s.record(check("ana", "p1", T0, 0)); // before the hour: does not count
        assertEquals(OptionalInt.of(2), s.recordIfUnder(check("ana", "p1", T0.plus(Duration.ofMinutes(40)), 1), 2, hourAgo));
        assertEquals(OptionalInt.of(3), s.recordIfUnder(check("ana", "p1", T0.plus(Duration.ofMinutes(50)), 2), 2, hourAgo));
        assertEquals(OptionalInt.empty(), s.recordIfUnder(check("ana", "p1", T0.plus(Duration.ofMinutes(60)), 3), 2, hourAgo));
        assertEquals(OptionalInt.of(1), s.recordIfUnder(check("ana", "p2", T0.plus(Duration.ofMinutes(60)), 3), 2, hourAgo));
        assertEquals(OptionalInt.of(1), s.recordIfUnder(check("bob", "p1", T0.plus(Duration.ofMinutes(60)), 3), 2, hourAgo));
        assertEquals(List.of(1, 2, 3), s.attemptsOf("ana", "p1").stream().map(Attempt::number).toList());
    }

    @Test
    void concurrentChecksCannotPassTheLimitTogether() throws Exception {
        AttemptStore s = store();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<OptionalInt>> futures = new ArrayList<>();
        for (int t = 0; t < 48; t++) {
            futures.add(pool.submit(() -> {
                start.await();
                return s.recordIfUnder(check("ana", "p1", T0, 0), 10, T0);
            }));
        }
        start.countDown();
        List<Integer> stored = new ArrayList<>();
        for (Future<OptionalInt> f : futures) {
            f.get().ifPresent(stored::add);
        }
        pool.shutdown();
        Collections.sort(stored);
        assertEquals(IntStream.rangeClosed(1, 10).boxed().toList(), stored);
        assertEquals(10, s.countSince("ana", "p1", T0));
    }

    @Test
    void aProblemsAttemptsComeByStudentThenNumber() {
        AttemptStore s = store();
        for (String student : List.of("b", "a", "B", "b", "ä", "a")) {
            s.record(check(student, "p1", T0, 0));
        }
        s.record(check("a", "p2", T0, 0));
        assertEquals(List.of("B#1", "a#1", "a#2", "b#1", "b#2", "ä#1"),
                s.attemptsOn("p1").stream().map(a -> a.student() + "#" + a.number()).toList());
    }

    @Test
    void numberingContinuesAfterARestart() {
        AttemptStore first = store();
        first.record(check("ana", "p1", T0, 1));
        first.record(check("ana", "p1", T0, 2));
        first.close();
        AttemptStore second = store();
        assertEquals(3, second.record(check("ana", "p1", T0, 3)));
        assertEquals(List.of(1, 2, 3), second.attemptsOf("ana", "p1").stream().map(Attempt::number).toList());
    }

    @Test
    void aClosedStoreRefusesToWork() {
        AttemptStore s = store();
        s.close();
        assertThrows(IllegalStateException.class, () -> s.attemptsOf("ana"));
    }
}
