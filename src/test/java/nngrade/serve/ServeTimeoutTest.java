package nngrade.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static nngrade.serve.ServeDurabilityFixture.PROBLEM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bound on a request's arrival beside the idle timeout: a body trickled a byte at a time,
 * each well within the idle timeout, is cut at the bound with 408; one that arrives slowly but
 * whole within it is checked as any other. The bound here is seconds, not the 60 s of serve.
 */
class ServeTimeoutTest {
    @TempDir
    Path data;

    @Test
    void aBodyTrickledUnderTheIdleTimeoutIsAnswered408AtTheBoundAndTheConnectionClosed() throws Exception {
        try (AttemptStore store = AttemptStore.open(null, data);
             Server server = Server.start(ServeDurabilityFixture.config(store, data), 2_000);
             ServeDurabilityFixture.RawCheck check = new ServeDurabilityFixture.RawCheck(server.port(), "s001")) {
            AtomicInteger sent = new AtomicInteger();
            Thread trickle = new Thread(() -> {
                try {
                    // a byte every 300 ms: the whole body would take minutes, each gap 1% of the idle timeout
                    for (int i = 0; i < check.length(); i++) {
                        check.send(i, i + 1);
                        sent.incrementAndGet();
                        Thread.sleep(300);
                    }
                } catch (IOException | InterruptedException e) {
                    // the server closed the connection: what the test waits for
                }
            });
            trickle.setDaemon(true);
            trickle.start();
            String answer = check.answer(); // to the end: the server closes the connection
            assertEquals("HTTP/1.1 408 Request Timeout", ServeDurabilityFixture.statusLine(answer), answer);
            assertTrue(sent.get() < check.length(), "answered while the body was still on its way, after " + sent.get()
                    + " of " + check.length() + " bytes");
            trickle.interrupt();
            trickle.join(30_000);
            assertEquals(List.of(), store.attemptsOn(PROBLEM), "nothing stored of the cut request");
        }
    }

    @Test
    void aBodyThatArrivesInPartsWithinTheBoundIsChecked() throws Exception {
        try (AttemptStore store = AttemptStore.open(null, data);
             Server server = Server.start(ServeDurabilityFixture.config(store, data), 30_000);
             ServeDurabilityFixture.RawCheck check = new ServeDurabilityFixture.RawCheck(server.port(), "s001")) {
            int third = check.length() / 3;
            check.send(0, third);
            Thread.sleep(300);
            check.send(third, 2 * third);
            Thread.sleep(300);
            check.send(2 * third, check.length());
            String answer = check.answer();
            assertEquals("HTTP/1.1 200 OK", ServeDurabilityFixture.statusLine(answer), answer);
            assertEquals(1, ServeDurabilityFixture.bodyOf(answer).get("attempt").asInt());
            assertEquals(1, store.attemptsOf("s001", PROBLEM).size());
            assertEquals(check.length(), store.attemptsOf("s001", PROBLEM).get(0).check().submission().length,
                    "the bytes stored are the whole body");
        }
    }
}
