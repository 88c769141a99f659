package org.partyline.processor.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.streams.KafkaStreams;
import org.partyline.processor.query.ClaimQueries;
import org.partyline.processor.query.InstanceLocator;
import org.partyline.processor.query.PartyDirectory;
import org.partyline.processor.query.StanceQueries;
import org.partyline.processor.query.StoreProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of the REST API (CONTRACT section 4) on the JDK's {@link HttpServer}. Answers for every key:
 * keys another instance holds are forwarded to it, lists are gathered from every instance.
 */
public final class RestServer implements AutoCloseable {
    public static final Duration DEFAULT_PEER_TIMEOUT = Duration.ofSeconds(3);
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    private static final int THREADS = 16;

    private final Routes routes;
    private HttpServer server;
    private ExecutorService executor;

    /**
     * @param stores  this instance's stores
     * @param locator who holds which key, and every instance
     * @param state   the Kafka Streams state, for {@code /health}
     */
    public RestServer(StoreProvider stores, InstanceLocator locator, Supplier<KafkaStreams.State> state) {
        this(stores, locator, state, DEFAULT_PEER_TIMEOUT);
    }

    /** @param peerTimeout how long to wait for another instance before answering 503 */
    public RestServer(StoreProvider stores, InstanceLocator locator, Supplier<KafkaStreams.State> state,
                      Duration peerTimeout) {
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(locator, "locator");
        Objects.requireNonNull(state, "state");
        HttpPeers peers = new HttpPeers(peerTimeout);
        PartyDirectory directory = new PartyDirectory(stores, locator, peers);
        this.routes = new Routes(new StanceQueries(stores, locator, directory),
                new ClaimQueries(stores, locator, peers, directory), directory, locator, peers, state);
    }

    /** Binds {@code host:port} (port 0: any free port) and serves. */
    public synchronized RestServer start(String host, int port) {
        if (server != null) {
            throw new IllegalStateException("already serving on port " + port());
        }
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve HTTP on " + host + ":" + port, e);
        }
        AtomicInteger count = new AtomicInteger();
        executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "partyline-http-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        LOG.info("REST API serving on {}:{}", host, port());
        return this;
    }

    /** The bound port. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.getAddress().getPort();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        Request request;
        try {
            request = Request.parse(method, rawPath, exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().containsKey(HttpPeers.FORWARDED_HEADER));
        } catch (IllegalArgumentException e) {
            send(exchange, Reply.error(400, method + " " + rawPath, "malformed percent-encoding in the path"));
            return;
        }
        Reply reply;
        try {
            reply = routes.answer(request);
        } catch (RuntimeException e) {
            LOG.error("{} failed", request.describe(), e);
            reply = Reply.error(500, request.describe(), "internal error (" + e.getClass().getSimpleName() + ")");
        }
        if (reply.status() >= 500) {
            LOG.warn("{} -> {}", request.describe(), reply.status());
        }
        send(exchange, reply);
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (reply.status() == 405) {
            exchange.getResponseHeaders().set("Allow", "GET");
        }
        boolean noBody = reply.json().length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.json().length);
        try (OutputStream body = exchange.getResponseBody()) {
            if (!noBody) {
                body.write(reply.json());
            }
        }
    }
}
