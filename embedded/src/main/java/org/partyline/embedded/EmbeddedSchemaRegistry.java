package org.partyline.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry serving the Confluent Schema Registry REST API (Avro schemas only) on the JDK's HTTP server.
 *
 * <p>As Confluent's, it keeps every registration and config change in the compacted Kafka topic {@value #SCHEMAS_TOPIC}
 * and rebuilds its state from that topic on start, so schema ids survive restarts and several instances on the same
 * Kafka cluster share them: each tails the topic, and ids are assigned from the log order (max id + 1).
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    /** The topic holding the registry's records. */
    public static final String SCHEMAS_TOPIC = "_schemas";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
    private static final int HTTP_THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;
    private final SchemaLog schemaLog;
    private final String url;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedSchemaRegistry(HttpServer server, ExecutorService executor, SchemaLog schemaLog, String url) {
        this.server = server;
        this.executor = executor;
        this.schemaLog = schemaLog;
        this.url = url;
    }

    /**
     * Reads the schema topic of the Kafka cluster at {@code bootstrapServers} (creating it if absent), then serves
     * the REST API on {@code host}:{@code port} (0 = any free port; a null or blank host = every interface).
     */
    public static EmbeddedSchemaRegistry start(String bootstrapServers, String host, int port) {
        return start(bootstrapServers, Map.of(), host, port, null);
    }

    /**
     * As {@link #start(String, String, int)}, with Kafka client properties (security settings for a secured cluster)
     * handed to the registry's own Kafka clients, and HTTP basic auth required when {@code basicAuthUserInfo}
     * ({@code USER:PASSWORD}) is not null: a request without those credentials gets 401.
     */
    public static EmbeddedSchemaRegistry start(String bootstrapServers, Map<String, ?> kafkaClientProperties, String host,
                                               int port, String basicAuthUserInfo) {
        BasicAuthHandler.Credentials credentials = basicAuthUserInfo == null ? null
                : BasicAuthHandler.Credentials.of(basicAuthUserInfo);
        long startedAt = System.nanoTime();
        ObjectMapper json = new ObjectMapper();
        SchemaLogCodec codec = new SchemaLogCodec(json);
        RegistryState state = new RegistryState();
        SchemaLog schemaLog = SchemaLog.open(bootstrapServers, kafkaClientProperties, SCHEMAS_TOPIC,
                record -> state.apply(codec.decode(record.key(), record.value())));
        ExecutorService executor = Executors.newFixedThreadPool(HTTP_THREADS, namedThreads());
        HttpServer server;
        try {
            InetSocketAddress address = host == null || host.isBlank() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            schemaLog.close();
            executor.shutdownNow();
            throw new UncheckedIOException("cannot serve the schema registry on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        HttpHandler api = new RegistryHttpHandler(new RegistryService(state, codec, schemaLog), json);
        server.createContext("/", credentials == null ? api : new BasicAuthHandler(credentials, api, json));
        server.setExecutor(executor);
        server.start();
        String url = "http://" + urlHost(host) + ":" + server.getAddress().getPort();
        log.info("Embedded schema registry serving {} in {} ms (schemas in topic {} on {}, basic auth {})", url,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt), SCHEMAS_TOPIC, bootstrapServers,
                credentials == null ? "off" : "required");
        return new EmbeddedSchemaRegistry(server, executor, schemaLog, url);
    }

    /** {@code http://localhost:PORT} (or the host it was bound to, when that is one specific non-loopback address). */
    public String url() {
        return url;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        log.info("Stopping embedded schema registry on {}", url);
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
        schemaLog.close();
    }

    private static String urlHost(String host) {
        if (host == null || host.isBlank()) {
            return "localhost";
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            return address.isAnyLocalAddress() || address.isLoopbackAddress() ? "localhost" : host;
        } catch (IOException e) {
            return host;
        }
    }

    private static ThreadFactory namedThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "schema-registry-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
