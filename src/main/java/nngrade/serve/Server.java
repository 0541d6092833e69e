package nngrade.serve;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP server of {@code nngrade serve} on Jetty 12: the API of the shared spec's serve.md
 * ({@link Api}), one connector on one address. {@link #close} lets the requests in flight finish.
 */
public final class Server implements AutoCloseable {
    /** How long a connection may stay silent, mid-request or between requests. */
    static final long IDLE_TIMEOUT_MS = 30_000;
    /** How long close() waits for the requests in flight. */
    static final long STOP_TIMEOUT_MS = 10_000;

    private final org.eclipse.jetty.server.Server jetty;
    private final ServerConnector connector;

    private Server(org.eclipse.jetty.server.Server jetty, ServerConnector connector) {
        this.jetty = jetty;
        this.connector = connector;
    }

    /** Starts listening; the port is {@link #port()} (the free one chosen when the config's is 0). */
    public static Server start(ServeConfig config) {
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
        jetty.setHandler(api);
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
}
