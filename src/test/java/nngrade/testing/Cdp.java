package nngrade.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A minimal Chrome DevTools Protocol client for the browser tests: it starts headless Chromium
 * and talks to it over one browser WebSocket (flat sessions) with nothing but the JDK
 * (java.net.http's WebSocket) and Jackson. Closing it stops Chromium and all its children.
 */
public final class Cdp implements WebSocket.Listener, AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Each command's answer and each awaited event; generous, for a loaded 2-core machine. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process chromium;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket ws;

    private Cdp(Process chromium) {
        this.chromium = chromium;
    }

    /** Whether the browser tests can run here; they skip themselves with this message when not. */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    public static String missing() {
        return "Chromium is not installed at " + CHROMIUM;
    }

    /**
     * One page target, attached in flat mode: commands carry its session id. A page of its own
     * browser context ({@code browserContextId} not null) shares no cookies with any other.
     */
    public record Page(String targetId, String session, String browserContextId) {
    }

    /** Starts headless Chromium with its profile and log in {@code dir} and connects to it. */
    public static Cdp launch(Path dir) throws Exception {
        Path profile = Files.createDirectories(dir.resolve("profile"));
        Path log = dir.resolve("chromium.log");
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Cdp cdp = new Cdp(chromium);
        try {
            Path portFile = profile.resolve("DevToolsActivePort");
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!(Files.exists(portFile) && Files.readString(portFile).contains("\n"))) {
                if (!chromium.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("Chromium did not start: " + Files.readString(log));
                }
                Thread.sleep(50);
            }
            int port = Integer.parseInt(Files.readString(portFile).lines().findFirst().orElseThrow().strip());
            HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
            HttpResponse<String> version = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/version"))
                    .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            if (version.statusCode() != 200) {
                throw new AssertionError("Chromium's /json/version answered " + version.statusCode());
            }
            String browserUrl = JSON.readTree(version.body()).get("webSocketDebuggerUrl").asText();
            cdp.ws = http.newWebSocketBuilder().connectTimeout(TIMEOUT).buildAsync(URI.create(browserUrl), cdp)
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return cdp;
        } catch (Exception | AssertionError e) {
            cdp.close();
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (ws != null) {
                ws.abort();
            }
        } finally {
            // The browser and its renderer, GPU and zygote children, so none outlives the test
            // or writes into the profile while @TempDir deletes it.
            List<ProcessHandle> all = new ArrayList<>(chromium.descendants().toList());
            all.add(chromium.toHandle());
            all.forEach(ProcessHandle::destroy);
            for (ProcessHandle p : all) {
                try {
                    p.onExit().get(10, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    p.destroyForcibly();
                }
            }
        }
    }

    /** A new blank tab, attached, with its Page and Network domains enabled. */
    public Page newPage() throws Exception {
        return attach(send(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText(), null);
    }

    /** A new blank tab in a browser context of its own, as a fresh browser profile would be: no cookies. */
    public Page newIsolatedPage() throws Exception {
        String context = send(null, "Target.createBrowserContext", Map.of()).get("browserContextId").asText();
        return attach(send(null, "Target.createTarget", Map.of("url", "about:blank", "browserContextId", context))
                .get("targetId").asText(), context);
    }

    private Page attach(String targetId, String context) throws Exception {
        String session = send(null, "Target.attachToTarget", Map.of("targetId", targetId, "flatten", true))
                .get("sessionId").asText();
        send(session, "Page.enable", Map.of());
        send(session, "Network.enable", Map.of());
        return new Page(targetId, session, context);
    }

    public void closePage(Page page) throws Exception {
        send(null, "Target.closeTarget", Map.of("targetId", page.targetId()));
        if (page.browserContextId() != null) {
            send(null, "Target.disposeBrowserContext", Map.of("browserContextId", page.browserContextId()));
        }
    }

    /** Sends a command (to the browser when {@code sessionId} is null) and returns its result. */
    public JsonNode send(String sessionId, String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", JSON.valueToTree(params));
        if (sessionId != null) {
            msg.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        synchronized (this) {
            ws.sendText(msg.toString(), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        JsonNode r = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (r.has("error")) {
            throw new AssertionError(method + ": " + r.get("error"));
        }
        return r.get("result");
    }

    /** Evaluates an expression in the page and returns its value; an exception thrown there fails the test. */
    public JsonNode eval(String sessionId, String expression) throws Exception {
        JsonNode r = send(sessionId, "Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (!r.path("exceptionDetails").isMissingNode()) {
            throw new AssertionError(expression + ": " + r.get("exceptionDetails"));
        }
        return r.get("result").get("value");
    }

    /**
     * Polls a boolean expression until the page makes it true. While a page is replaced by the next
     * one an evaluation can fail (its context is gone): that is a "not yet", not a failure.
     */
    public void waitFor(String sessionId, String condition, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                if (eval(sessionId, "!!(" + condition + ")").asBoolean()) {
                    return;
                }
            } catch (AssertionError e) {
                last = " (last: " + e.getMessage() + ")";
            }
            synchronized (events) {
                events.wait(100);
            }
        }
        throw new AssertionError("not within " + timeout + ": " + what + last);
    }

    /** The position the next event will have in the log: {@link #awaitEvent} and {@link #events} look from there. */
    public int mark() {
        return events.size();
    }

    /** The events of the session with this method at or after position {@code from} of the event log. */
    public List<JsonNode> events(String sessionId, String method, int from) {
        // a snapshot: a subList of a CopyOnWriteArrayList fails once the reader thread adds
        List<JsonNode> snapshot = List.copyOf(events);
        return snapshot.subList(Math.min(from, snapshot.size()), snapshot.size()).stream()
                .filter(e -> e.get("method").asText().equals(method) && sessionId.equals(e.path("sessionId").asText()))
                .toList();
    }

    /** Waits for an event of the session at or after position {@code from} of the event log. */
    public JsonNode awaitEvent(String sessionId, String method, int from) throws InterruptedException {
        Predicate<JsonNode> wanted = e -> e.get("method").asText().equals(method)
                && sessionId.equals(e.path("sessionId").asText());
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            List<JsonNode> snapshot = List.copyOf(events);
            for (JsonNode e : snapshot.subList(Math.min(from, snapshot.size()), snapshot.size())) {
                if (wanted.test(e)) {
                    return e;
                }
            }
            synchronized (events) {
                events.wait(50);
            }
        }
        throw new AssertionError("no " + method + " within " + TIMEOUT);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                JsonNode msg = JSON.readTree(partial.toString());
                if (msg.has("id")) {
                    CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
                    if (f != null) {
                        f.complete(msg);
                    }
                } else {
                    events.add(msg);
                    synchronized (events) {
                        events.notifyAll();
                    }
                }
            } catch (IOException e) {
                pending.values().forEach(f -> f.completeExceptionally(e));
            } finally {
                partial.setLength(0);
            }
        }
        webSocket.request(1);
        return null;
    }
}
