package org.partyline.embedded;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The configuration of the embedded single-node broker: one KRaft node that is both broker and controller.
 *
 * <p>Every internal topic gets replication factor 1 and min ISR 1, since there is only one replica; without the
 * transaction state settings a Kafka Streams application in exactly-once mode waits forever for its transaction
 * coordinator. The log cleaner's dedupe buffer is cut from its 128 MiB default, which would come out of the heap of
 * the process that embeds the broker.
 */
record BrokerSettings(Path dataDir, int nodeId, int port, int controllerPort, int partitions) {

    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String BROKER_LISTENER = "PLAINTEXT";
    static final int DEDUPE_BUFFER_BYTES = 8 * 1024 * 1024;

    BrokerSettings {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    String logDir() {
        return dataDir.toAbsolutePath().toString();
    }

    Properties toProperties() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(nodeId));
        props.put("controller.quorum.voters", nodeId + "@localhost:" + controllerPort);
        props.put("listeners", BROKER_LISTENER + "://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        props.put("advertised.listeners", BROKER_LISTENER + "://localhost:" + port);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", BROKER_LISTENER);
        props.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
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
        return props;
    }
}
