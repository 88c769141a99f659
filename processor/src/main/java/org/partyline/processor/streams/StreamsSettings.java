package org.partyline.processor.streams;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams configuration of Partyline, shared by the runtime and the tests (TopologyTestDriver is built
 * with it). Serdes are not configured here: every source, sink, store and repartition names its own.
 */
public final class StreamsSettings {
    public static final String DEFAULT_APPLICATION_ID = "partyline";
    /** Compression of what Kafka Streams produces, unless the Kafka client settings choose one. */
    public static final String COMPRESSION = "zstd";

    private String applicationId = DEFAULT_APPLICATION_ID;
    private String bootstrapServers = "localhost:9092";
    private Path stateDir;
    private String applicationServer;
    private String processingGuarantee = StreamsConfig.EXACTLY_ONCE_V2;
    private int replicationFactor = -1;
    private Integer minInsyncReplicas;
    private String groupInstanceId;
    private long rocksDbMemoryBytes;
    private final Properties overrides = new Properties();
    private final Properties clientProperties = new Properties();

    private StreamsSettings() {
    }

    public static StreamsSettings builder() {
        return new StreamsSettings();
    }

    public StreamsSettings applicationId(String applicationId) {
        this.applicationId = Objects.requireNonNull(applicationId);
        return this;
    }

    public StreamsSettings bootstrapServers(String bootstrapServers) {
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers);
        return this;
    }

    public StreamsSettings stateDir(Path stateDir) {
        this.stateDir = stateDir;
        return this;
    }

    /** {@code host:port} of this instance's REST API, so that other instances can route queries to it. */
    public StreamsSettings applicationServer(String hostAndPort) {
        this.applicationServer = hostAndPort;
        return this;
    }

    /** {@code exactly_once_v2} (default, as in production) or {@code at_least_once}. */
    public StreamsSettings processingGuarantee(String guarantee) {
        this.processingGuarantee = Objects.requireNonNull(guarantee);
        return this;
    }

    /**
     * Static group membership: this instance's {@code group.instance.id} (Kafka Streams appends {@code -N} per stream
     * thread). A member restarted with the same id takes its partitions back at once, without a rebalance and without
     * waiting out the session timeout of its dead predecessor; null (default) is dynamic membership.
     */
    public StreamsSettings groupInstanceId(String groupInstanceId) {
        this.groupInstanceId = groupInstanceId;
        return this;
    }

    /** Replication of changelog and repartition topics; -1 (default) takes the broker's default. */
    public StreamsSettings replicationFactor(int replicationFactor) {
        this.replicationFactor = replicationFactor;
        return this;
    }

    /**
     * {@code min.insync.replicas} of the changelog and repartition topics Kafka Streams creates (the
     * {@code topic.} prefix); null (default) takes the broker's default.
     */
    public StreamsSettings minInsyncReplicas(Integer minInsyncReplicas) {
        this.minInsyncReplicas = minInsyncReplicas;
        return this;
    }

    /**
     * Bounds the RocksDB memory of every store of this process to {@code bytes} ({@link BoundedMemoryRocksDbConfig});
     * 0 (default) leaves Kafka Streams' own per-store block cache and memtables, which grow with the number of stores.
     */
    public StreamsSettings rocksDbMemory(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("RocksDB memory must not be negative, not " + bytes);
        }
        this.rocksDbMemoryBytes = bytes;
        return this;
    }

    /**
     * The listener that {@link DeadLetterExceptionHandler} reports its dead letters to ({@value TopologyMeters#CONFIG});
     * the topology's own steps get it from {@link TopologySettings#withMeters}.
     */
    public StreamsSettings meters(TopologyMeters meters) {
        overrides.put(TopologyMeters.CONFIG, Objects.requireNonNull(meters));
        return this;
    }

    /**
     * Kafka client settings (security, SASL, TLS) for every client Kafka Streams makes; applied first, so the
     * settings of this builder win over them.
     */
    public StreamsSettings clientProperties(Map<String, ?> properties) {
        clientProperties.putAll(properties);
        return this;
    }

    /** Any other Streams property (applied last). */
    public StreamsSettings with(String name, Object value) {
        overrides.put(name, value);
        return this;
    }

    public Properties build() {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        // Every task reads one partition of one topic (no joins, no merged inputs: TopologyNamesTest), so there is
        // nothing to wait for across partitions; -1 also skips the per-record readiness check that costs Kafka
        // Streams 4.4 a String.format whenever a task's buffer runs empty.
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        InternalTopicConfigs.ALL.forEach((name, value) -> props.put(StreamsConfig.topicPrefix(name), value));
        props.put(StreamsConfig.REPARTITION_PURGE_INTERVAL_MS_CONFIG, InternalTopicConfigs.REPARTITION_PURGE_INTERVAL_MS);
        if (!clientProperties.containsKey(ProducerConfig.COMPRESSION_TYPE_CONFIG)) {
            // Changelogs, repartitions and change topics: records of one batch share most of their key. zstd also
            // allocates a quarter of what lz4 does per batch (a 16 KiB buffer against two of 64 KiB).
            props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), COMPRESSION);
        }
        if (rocksDbMemoryBytes > 0) {
            props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedMemoryRocksDbConfig.class);
            props.put(BoundedMemoryRocksDbConfig.MEMORY_BYTES, rocksDbMemoryBytes);
        }
        if (minInsyncReplicas != null) {
            props.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), minInsyncReplicas.toString());
        }
        if (stateDir != null) {
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        }
        if (applicationServer != null) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        }
        if (groupInstanceId != null) {
            props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), groupInstanceId);
        }
        props.putAll(overrides);
        return props;
    }
}
