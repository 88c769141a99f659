package org.partyline.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node of an {@link EmbeddedKafkaCluster}: broker and KRaft controller in one, with its own data directory and
 * ports, kept across a stop and a start so that it comes back as the same broker with the same data.
 */
final class ClusterNode {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);

    private final BrokerSettings settings;
    private final Properties properties;
    private KafkaRaftServer server;

    ClusterNode(BrokerSettings settings, String voters, int replicationFactor, int minInsyncReplicas) {
        this.settings = settings;
        this.properties = clusterProperties(settings, voters, replicationFactor, minInsyncReplicas);
    }

    /** The single-node settings with the cluster's voters, and replication for every internal topic. */
    static Properties clusterProperties(BrokerSettings settings, String voters, int replicationFactor,
                                        int minInsyncReplicas) {
        Properties props = settings.toProperties();
        String rf = Integer.toString(replicationFactor);
        String minIsr = Integer.toString(minInsyncReplicas);
        props.put("controller.quorum.voters", voters);
        props.put("default.replication.factor", rf);
        props.put("min.insync.replicas", minIsr);
        props.put("offsets.topic.replication.factor", rf);
        props.put("transaction.state.log.replication.factor", rf);
        props.put("transaction.state.log.min.isr", minIsr);
        props.put("share.coordinator.state.topic.replication.factor", rf);
        props.put("share.coordinator.state.topic.min.isr", minIsr);
        return props;
    }

    int nodeId() {
        return settings.nodeId();
    }

    /** {@code localhost:PORT}: where clients reach this node. */
    String bootstrapServers() {
        return settings.bootstrapServers();
    }

    synchronized boolean running() {
        return server != null;
    }

    void format(String clusterId) {
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory of Kafka node " + nodeId() + ": "
                    + settings.dataDir().toAbsolutePath(), e);
        }
        if (Files.exists(settings.dataDir().resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(print)
                    .setNodeId(nodeId())
                    .setClusterId(clusterId)
                    .setDirectories(List.of(settings.logDir()))
                    .setMetadataLogDirectory(settings.logDir())
                    .setControllerListenerName(BrokerSettings.CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setWriteBootstrapSnapshot(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the data directory of Kafka node " + nodeId() + " ("
                    + settings.logDir() + "): " + e.getMessage(), e);
        }
        LOG.debug("Formatted node {}: {}", nodeId(), output.toString(StandardCharsets.UTF_8).trim());
    }

    /** Starts the node; blocks until it has joined the controller quorum and caught up with the metadata. */
    void start() {
        KafkaRaftServer started = new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
        synchronized (this) {
            if (server != null) {
                throw new IllegalStateException("Kafka node " + nodeId() + " is already running");
            }
            server = started;
        }
        started.startup();
        LOG.info("Kafka node {} started on {}", nodeId(), bootstrapServers());
    }

    /** Controlled shutdown, as an operator's SIGTERM does; returns once the node is down. */
    void stop() {
        KafkaRaftServer running;
        synchronized (this) {
            running = server;
            server = null;
        }
        if (running == null) {
            return;
        }
        LOG.info("Stopping Kafka node {} on {}", nodeId(), bootstrapServers());
        running.shutdown();
        running.awaitShutdown();
    }

    Path dataDir() {
        return settings.dataDir();
    }
}
