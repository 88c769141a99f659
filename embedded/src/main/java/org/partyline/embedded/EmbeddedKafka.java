package org.partyline.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.internals.Exit;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process single-node Kafka broker: real Kafka in KRaft mode, one node that is both broker and controller.
 *
 * <p>Its data lives under the given directory. The first start formats it (a new cluster id, kept in
 * {@code meta.properties}); every later start reuses it, so a restart keeps every topic and record.
 *
 * <p>A fatal broker fault (a corrupt metadata log, a disk that cannot be written) ends the whole process that
 * embeds the broker: Kafka's own fault handlers call {@code Exit.exit} / {@code Exit.halt}. This class hooks those
 * calls only to log an ERROR line saying so before the process ends; it does not prevent the exit.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final int NODE_ID = 1;
    private static final String META_PROPERTIES = "meta.properties";
    private static final AtomicBoolean exitHookInstalled = new AtomicBoolean();
    private static final Pattern SCRAM_PASSWORD = Pattern.compile("password=([^,\\]]*)");

    private final BrokerSettings settings;
    private final String clusterId;
    private final KafkaRaftServer server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(BrokerSettings settings, String clusterId, KafkaRaftServer server) {
        this.settings = settings;
        this.clusterId = clusterId;
        this.server = server;
    }

    /**
     * Starts a broker on {@code port} (0 = any free port) with data under {@code dataDir}, topics created
     * automatically with {@code partitions} partitions; returns once the broker answers requests.
     */
    public static EmbeddedKafka start(Path dataDir, int port, int partitions) {
        return start(dataDir, port, partitions, ClientListener.PLAINTEXT);
    }

    /**
     * As {@link #start(Path, int, int)}, with clients served on {@code client}'s listener (say SASL_SSL with SCRAM
     * users created when the directory is first formatted); the broker keeps a PLAINTEXT listener on localhost for
     * itself.
     */
    public static EmbeddedKafka start(Path dataDir, int port, int partitions, ClientListener client) {
        long startedAt = System.nanoTime();
        int clientPort = FreePorts.orFree(port);
        BrokerSettings settings = new BrokerSettings(dataDir, NODE_ID, clientPort, FreePorts.pick(), partitions, client,
                client.plaintext() ? clientPort : FreePorts.pick());
        installExitLogging();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka data directory " + dataDir.toAbsolutePath(), e);
        }
        KafkaConfig config = new KafkaConfig(settings.toProperties(), false);
        String clusterId = formatIfNew(settings);

        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        EmbeddedKafka kafka = new EmbeddedKafka(settings, clusterId, server);
        try {
            server.startup();
            kafka.awaitReady();
        } catch (RuntimeException e) {
            kafka.close();
            throw new IllegalStateException("embedded Kafka broker on " + settings.bootstrapServers() + " (data in "
                    + settings.logDir() + ") did not start: " + e.getMessage(), e);
        }
        log.info("Embedded Kafka broker ready on {} ({}) in {} ms (cluster {}, data in {})", settings.bootstrapServers(),
                client.securityProtocol(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt), clusterId, settings.logDir());
        return kafka;
    }

    /** {@code localhost:PORT}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    /** The cluster id written in the data directory when it was formatted. */
    public String clusterId() {
        return clusterId;
    }

    /** The directory holding the broker's logs and metadata. */
    public Path dataDir() {
        return settings.dataDir();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        log.info("Stopping embedded Kafka broker on {}", settings.bootstrapServers());
        server.shutdown();
        server.awaitShutdown();
    }

    /** Formats the data directory unless it already is; returns the cluster id it holds. */
    private static String formatIfNew(BrokerSettings settings) {
        Path metaProperties = settings.dataDir().resolve(META_PROPERTIES);
        if (Files.exists(metaProperties)) {
            String clusterId = readClusterId(metaProperties);
            log.info("Reusing Kafka data in {} (cluster {})", settings.logDir(), clusterId);
            return clusterId;
        }
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(print)
                    .setNodeId(settings.nodeId())
                    .setClusterId(clusterId)
                    .setDirectories(List.of(settings.logDir()))
                    .setMetadataLogDirectory(settings.logDir())
                    .setControllerListenerName(BrokerSettings.CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setWriteBootstrapSnapshot(true)
                    .setScramArguments(settings.client().scramCredentials())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the Kafka data directory " + settings.logDir() + ": "
                    + withoutScramPasswords(String.valueOf(e.getMessage()), settings.client()), e);
        }
        log.info("Formatted Kafka data directory {} for new cluster {} ({} SCRAM users)", settings.logDir(), clusterId,
                settings.client().scramCredentials().size());
        log.debug("Formatter output: {}", output.toString(StandardCharsets.UTF_8).trim());
        return clusterId;
    }

    /** A formatter message may quote a SCRAM argument: its password is cut out. */
    static String withoutScramPasswords(String message, ClientListener client) {
        String shown = message;
        for (String argument : client.scramCredentials()) {
            Matcher m = SCRAM_PASSWORD.matcher(argument);
            while (m.find()) {
                if (!m.group(1).isEmpty()) {
                    shown = shown.replace(m.group(1), "[hidden]");
                }
            }
        }
        return shown;
    }

    private static String readClusterId(Path file) {
        Properties meta = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            meta.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cluster id from " + file, e);
        }
        return meta.getProperty("cluster.id");
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.internalBootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        Exception last = null;
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadline) {
                try {
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000)).nodes().get(10, TimeUnit.SECONDS);
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the broker", e);
                } catch (Exception e) {
                    last = e;
                    sleep(Duration.ofMillis(200));
                }
            }
        }
        throw new IllegalStateException("broker did not answer within " + READY_TIMEOUT.toSeconds() + " s"
                + (last == null ? "" : " (last error: " + last.getMessage() + ")"), last);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    /** Kafka ends the process itself on a fatal fault; this only makes the log say so first. */
    private static void installExitLogging() {
        if (!exitHookInstalled.compareAndSet(false, true)) {
            return;
        }
        Exit.setExitProcedure((status, message) -> {
            log.error("Kafka requested process exit with status {} ({}): a fatal fault in the embedded broker ends "
                    + "the whole process", status, message == null ? "no message" : message);
            System.exit(status);
        });
        Exit.setHaltProcedure((status, message) -> {
            log.error("Kafka requested process halt with status {} ({}): a fatal fault in the embedded broker ends "
                    + "the whole process now", status, message == null ? "no message" : message);
            Runtime.getRuntime().halt(status);
        });
    }
}
