package nngrade.serve;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The HTTP server of {@code nngrade serve} on Jetty 12: the API of the shared spec's serve.md
 * ({@link Api}), one connector on one address. {@link #close} lets the requests in flight finish:
 * the connector stops accepting and waits for its connections to close, each one's idle timeout
 * cut to Jetty's 1 s so that idle ones close at once, and a {@link GracefulHandler} answers 503
 * to a new request on a kept-alive one meanwhile. A request in flight is not cut by that 1 s
 * ({@link WholeRequestWithin}), only by the stop timeout or its own bound.
 */
public final class Server implements AutoCloseable {
    /** How long a connection may stay silent, mid-request or between requests. */
    static final long IDLE_TIMEOUT_MS = 30_000;
    /** How long close() waits for the requests in flight. */
    static final long STOP_TIMEOUT_MS = 10_000;
    /**
     * How long a request may take to arrive whole, from its first byte to its body's last: the
     * idle timeout alone lets a client that sends a byte every 29 s hold a connection for days.
     * A submission of a few kilobytes takes well under a second even on a poor connection.
     */
    static final long REQUEST_TIMEOUT_MS = 60_000;

    private final org.eclipse.jetty.server.Server jetty;
    private final ServerConnector connector;

    private Server(org.eclipse.jetty.server.Server jetty, ServerConnector connector) {
        this.jetty = jetty;
        this.connector = connector;
    }

    /** Starts listening; the port is {@link #port()} (the free one chosen when the config's is 0). */
    public static Server start(ServeConfig config) {
        return start(config, REQUEST_TIMEOUT_MS);
    }

    /** With another bound on a request's arrival than {@link #REQUEST_TIMEOUT_MS}, for the tests of it. */
    static Server start(ServeConfig config, long requestTimeoutMs) {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("nngrade-serve");
        org.eclipse.jetty.server.Server jetty = new org.eclipse.jetty.server.Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setIdleTimeout(IDLE_TIMEOUT_MS);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(config.bind());
        connector.setPort(config.port());
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        jetty.addConnector(connector);
        Api api = new Api(config);
        jetty.setHandler(new GracefulHandler(new WholeRequestWithin(api, requestTimeoutMs)));
        jetty.setErrorHandler(api::error);
        jetty.setStopTimeout(STOP_TIMEOUT_MS);
        jetty.setStopAtShutdown(false);
        try {
            jetty.start();
        } catch (Exception e) {
            try {
                jetty.stop();
            } catch (Exception ignored) {
                // the start's failure is the one to tell
            }
            throw new IllegalStateException("could not listen on " + config.bind() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        }
        return new Server(jetty, connector);
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the server did not stop cleanly: " + e.getMessage(), e);
        }
    }

    /**
     * Reads each request's body whole, without holding a thread while it arrives, before the API
     * (which reads it blocking) sees it; answers 408 and closes the connection when the request
     * has not arrived whole within its bound, counted from its first byte. A body declared over
     * {@link Api#DRAIN_LIMIT} goes to the API unread, to be refused by its length; of a longer one
     * than {@link Api#MAX_BODY} the first MAX_BODY + 1 bytes are kept, enough for the API to refuse it.
     */
    static final class WholeRequestWithin extends Handler.Wrapper {
        private final long boundMs;

        WholeRequestWithin(Handler next, long boundMs) {
            super(next);
            this.boundMs = boundMs;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (request.getLength() > Api.DRAIN_LIMIT) {
                return super.handle(request, response, callback);
            }
            new Arrival(request, response, callback).begin();
            return true;
        }

        /** One request's body on its way: whichever comes first, its end or the bound, decides. */
        private final class Arrival implements Runnable {
            private final Request request;
            private final Response response;
            private final Callback callback;
            private final ByteArrayOutputStream body = new ByteArrayOutputStream();
            private long seen;
            private final AtomicBoolean decided = new AtomicBoolean();
            private volatile Scheduler.Task expiry;

            Arrival(Request request, Response response, Callback callback) {
                this.request = request;
                this.response = response;
                this.callback = callback;
            }

            void begin() {
                long spentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - request.getBeginNanoTime());
                expiry = request.getComponents().getScheduler().schedule(this::expire, Math.max(0, boundMs - spentMs),
                        TimeUnit.MILLISECONDS);
                run();
            }

            /** Takes what has arrived and asks to be called again when more does (on a pool thread: the API blocks). */
            @Override
            public void run() {
                while (!decided.get()) {
                    Content.Chunk chunk = request.read();
                    if (chunk == null) {
                        request.demand(this);
                        return;
                    }
                    if (Content.Chunk.isFailure(chunk, false) && getServer().isStopping()) {
                        // the stop's short idle timeout, meant for idle connections, not for a body
                        // on its way: the stop timeout and the bound still hold
                        continue;
                    }
                    if (Content.Chunk.isFailure(chunk)) { // the client left, or was silent past the idle timeout
                        arrived(chunk.getFailure());
                        return;
                    }
                    ByteBuffer bytes = chunk.getByteBuffer();
                    seen += bytes.remaining();
                    int take = Math.min(bytes.remaining(), Api.MAX_BODY + 1 - body.size());
                    byte[] part = new byte[take];
                    bytes.get(part);
                    body.writeBytes(part);
                    boolean last = chunk.isLast();
                    chunk.release();
                    if (last) {
                        arrived(null);
                        return;
                    }
                    // past MAX_BODY the rest is read and dropped, so that the client, done
                    // sending, reads its 413; past DRAIN_LIMIT it is not worth waiting for
                    if (seen > Api.DRAIN_LIMIT) {
                        arrived(new IOException("the body is over " + Api.DRAIN_LIMIT + " bytes"));
                        return;
                    }
                }
            }

            private void arrived(Throwable failure) {
                if (!decided.compareAndSet(false, true)) {
                    return;
                }
                expiry.cancel();
                // from here the client waits for the server, not the other way: an idle timeout
                // (the stop's 1 s above all) would fail the answer of a check stored meanwhile
                request.addIdleTimeoutListener(timeout -> false);
                Request whole = new Arrived(request, body.toByteArray(), failure);
                try {
                    if (!getHandler().handle(whole, response, callback)) {
                        Response.writeError(whole, response, callback, HttpStatus.NOT_FOUND_404);
                    }
                } catch (Throwable x) {
                    callback.failed(x);
                }
            }

            private void expire() {
                if (!decided.compareAndSet(false, true)) {
                    return;
                }
                // the rest of the body may still come: the connection cannot carry another request
                response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
                Response.writeError(request, response, callback, HttpStatus.REQUEST_TIMEOUT_408,
                        "the request did not arrive whole within " + boundMs + " ms");
            }
        }
    }

    /** A request whose body has arrived: its bytes, then its end, or the failure that cut it short. */
    private static final class Arrived extends Request.Wrapper {
        private final Deque<Content.Chunk> chunks = new ArrayDeque<>();

        Arrived(Request request, byte[] body, Throwable failure) {
            super(request);
            chunks.add(Content.Chunk.from(ByteBuffer.wrap(body), false));
            chunks.add(failure == null ? Content.Chunk.EOF : Content.Chunk.from(failure, true));
        }

        @Override
        public synchronized Content.Chunk read() {
            // the last chunk, an end or a failure, is read again by whoever asks again
            return chunks.size() > 1 ? chunks.poll() : chunks.peek();
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run(); // never needed: read() always has a chunk
        }
    }
}
