package org.partyline.processor.config;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Kafka Streams: the application, this instance, where state lives, and how often and how much it commits. */
public final class StreamsTuning {
    public static final String APPLICATION_ID = "application.id";
    public static final String INSTANCE_ID = "instance.id";
    public static final String STATE_DIR = "state.dir";
    public static final String STANDBY_REPLICAS = "standby.replicas";
    public static final String PROCESSING_GUARANTEE = "processing.guarantee";
    /**
     * How often Kafka Streams commits (under exactly-once: ends its transaction, so the change records and the views
     * become visible), in ms; and how often the record caches are flushed. Longer: fewer transactions and cache
     * flushes, higher latency of every change record.
     */
    public static final String COMMIT_INTERVAL_MS = "commit.interval.ms";
    /** Bytes of the record caches of the stores the fold rewrites, shared by the stream threads. */
    public static final String CACHE_MAX_BYTES = "cache.max.bytes";
    /**
     * MiB of RocksDB memory (block cache, indexes, filters and memtables) shared by every store of this instance;
     * 0: Kafka Streams' defaults, a cache and memtables per store, which grow with the number of stores.
     */
    public static final String ROCKSDB_MEMORY_MB = "rocksdb.memory.mb";
    /** Kafka Streams threads of this instance (tasks are shared among them). */
    public static final String STREAM_THREADS = "stream.threads";

    static final SettingGroup GROUP = SettingGroup.of("Kafka Streams",
            Setting.of(APPLICATION_ID, "partyline", "ID", "Kafka Streams application id: instances with the same"
                    + " id share the work."),
            Setting.of(INSTANCE_ID, null, "ID", "Static group membership id of this instance, so that a quick"
                    + " restart moves no task; when not set, HOST-PORT of the machine and http.port (none with port 0)."),
            Setting.of(STATE_DIR, "partyline-state", "DIR", "Directory of the local state: Kafka Streams' stores"
                    + " and the embedded broker's and registry's data."),
            Setting.of(STANDBY_REPLICAS, "0", "N", "Standby copies of each store on other instances, for"
                    + " fail-over."),
            Setting.of(PROCESSING_GUARANTEE, "exactly_once_v2", "GUARANTEE", "Kafka Streams processing guarantee"
                    + " (exactly_once_v2 or at_least_once)."),
            Setting.of(COMMIT_INTERVAL_MS, "100", "MS", "How often Kafka Streams commits, making changes visible;"
                    + " longer means fewer transactions and later changes."),
            Setting.of(CACHE_MAX_BYTES, "10485760", "BYTES", "Bytes of the record caches of the stores the fold rewrites,"
                    + " shared by the stream threads; 0 turns caching off."),
            Setting.of(ROCKSDB_MEMORY_MB, "128", "MB", "MiB of RocksDB memory (block cache, indexes, filters,"
                    + " memtables) shared by all stores of this instance; 0 leaves Kafka Streams' per-store defaults."),
            Setting.of(STREAM_THREADS, "1", "N", "Kafka Streams threads of this instance."));

    /** Kafka's rule for a {@code group.instance.id}, with room for the thread suffix Kafka Streams appends. */
    private static final Pattern INSTANCE_ID_PATTERN = Pattern.compile("[a-zA-Z0-9._-]{1,200}");

    private StreamsTuning() {
    }

    public static Path stateDir(PartylineConfig config) {
        return Path.of(config.get(STATE_DIR));
    }

    /** The RocksDB memory budget in bytes; 0: Kafka Streams' per-store defaults. */
    public static long rocksDbMemoryBytes(PartylineConfig config) {
        return config.intValue(ROCKSDB_MEMORY_MB) * 1024L * 1024L;
    }

    /** The Kafka Streams property a Partyline key sets ({@code cache.max.bytes}: {@code statestore.cache.max.bytes}). */
    public static String streamsName(String key) {
        return switch (key) {
            case CACHE_MAX_BYTES -> "statestore.cache.max.bytes";
            case STREAM_THREADS -> "num.stream.threads";
            default -> key;
        };
    }

    static void validate(PartylineConfig config) {
        String instanceId = config.get(INSTANCE_ID);
        if (instanceId != null && !INSTANCE_ID_PATTERN.matcher(instanceId).matches()) {
            throw new PartylineConfig.ConfigException(INSTANCE_ID + " must be 1 to 200 of the characters a-z A-Z 0-9"
                    + " . _ -, not '" + instanceId + "'");
        }
        for (String key : List.of(COMMIT_INTERVAL_MS, CACHE_MAX_BYTES, STREAM_THREADS)) {
            String misplaced = KafkaClientSettings.PREFIX + streamsName(key);
            if (config.optional(misplaced).isPresent()) {
                throw new PartylineConfig.ConfigException(misplaced + " is not a setting: use " + key + " ("
                        + Setting.flagName(key) + ", " + Setting.envName(key) + ")");
            }
        }
        PartylineConfig.requireAtLeast(config, COMMIT_INTERVAL_MS, 1, "must be at least 1 ms");
        PartylineConfig.requireAtLeast(config, CACHE_MAX_BYTES, 0, "must not be negative");
        PartylineConfig.requireAtLeast(config, STREAM_THREADS, 1, "must be at least 1");
        PartylineConfig.requireAtLeast(config, ROCKSDB_MEMORY_MB, 0, "must not be negative");
        PartylineConfig.requireAtLeast(config, STANDBY_REPLICAS, 0, "must not be negative");
    }
}
