package org.partyline.embedded;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The configuration of the embedded single-node broker: one KRaft node that is both broker and controller.
 *
 * <p>Every internal topic gets replication factor 1 and min ISR 1, since there is only one replica; without the
 * transaction state settings a Kafka Streams application in exactly-once mode waits forever for its transaction
 * coordinator. The log cleaner's dedupe buffer is cut from its 128 MiB default, which would come out of the heap of
 * the process that embeds the broker. Segments that retention or a purge of records (Kafka Streams purges its
 * repartition topics as it goes) put behind the start of a log are looked for every 10 s instead of 5 min and their
 * files deleted 5 s later instead of 1 min, so that purged data leaves the disk within a minute.
 *
 * <p>With a {@link ClientListener} other than PLAINTEXT, clients connect to its listener ({@link #bootstrapServers()})
 * while the broker talks to itself over a PLAINTEXT listener on localhost ({@link #internalBootstrapServers()}).
 */
record BrokerSettings(Path dataDir, int nodeId, int port, int controllerPort, int partitions, ClientListener client,
                      int internalPort) {

    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String BROKER_LISTENER = "PLAINTEXT";
    static final int DEDUPE_BUFFER_BYTES = 8 * 1024 * 1024;
    static final long RETENTION_CHECK_INTERVAL_MS = 10_000;
    static final long SEGMENT_DELETE_DELAY_MS = 5_000;

    BrokerSettings {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
    }

    BrokerSettings(Path dataDir, int nodeId, int port, int controllerPort, int partitions) {
        this(dataDir, nodeId, port, controllerPort, partitions, ClientListener.PLAINTEXT, port);
    }

    /** Where clients connect: the client listener. */
    String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Where the broker itself and its readiness check connect: PLAINTEXT on localhost. */
    String internalBootstrapServers() {
        return "localhost:" + internalPort;
    }

    String logDir() {
        return dataDir.toAbsolutePath().toString();
    }

    Properties toProperties() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(nodeId));
        props.put("controller.quorum.voters", nodeId + "@localhost:" + controllerPort);
        String advertised = BROKER_LISTENER + "://localhost:" + internalPort;
        String protocols = BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT";
        if (!client.plaintext()) {
            advertised = ClientListener.NAME + "://localhost:" + port + "," + advertised;
            protocols = ClientListener.NAME + ":" + client.securityProtocol() + "," + protocols;
        }
        props.put("listeners", advertised + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        props.put("advertised.listeners", advertised);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", BROKER_LISTENER);
        props.put("listener.security.protocol.map", protocols);
        props.put("log.dirs", logDir());
        props.put("metadata.log.dir", logDir());

        props.put("num.partitions", Integer.toString(partitions));
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("auto.create.topics.enable", "true");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "10");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "10");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(DEDUPE_BUFFER_BYTES));
        props.put("log.retention.check.interval.ms", Long.toString(RETENTION_CHECK_INTERVAL_MS));
        props.put("log.segment.delete.delay.ms", Long.toString(SEGMENT_DELETE_DELAY_MS));
        props.putAll(client.brokerProperties());
        return props;
    }
}
