package org.partyline.processor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partyline.processor.config.KafkaClientSettings;
import org.partyline.processor.config.PartylineConfig;
import org.partyline.processor.streams.BoundedMemoryRocksDbConfig;
import org.partyline.processor.streams.TopologyMeters;

/**
 * {@code rocksdb.memory.mb} reaches Kafka Streams as its RocksDB config setter and budget, from the default, a flag,
 * the environment and the properties file; 0 leaves Kafka Streams' own RocksDB settings. The internal topics get
 * segments that let purged and compacted data leave the disk.
 */
class RocksDbMemorySettingsTest {

    private static Properties streamsProperties(Map<String, String> env, String... args) {
        PartylineConfig config = PartylineConfig.load(args, env);
        return PartylineProcessor.streamsProperties(config, KafkaClientSettings.from(config), "broker:9092",
                "localhost", 8080, PartylineProcessor.topicNames(config), TopologyMeters.NONE);
    }

    @Test
    void shouldBoundRocksDbTo128MiBByDefault() {
        Properties props = streamsProperties(Map.of());
        assertEquals(BoundedMemoryRocksDbConfig.class, props.get("rocksdb.config.setter"));
        assertEquals(128L * 1024 * 1024, props.get(BoundedMemoryRocksDbConfig.MEMORY_BYTES));
    }

    @Test
    void shouldTakeTheBudgetFromTheFlagOverTheEnvironment() {
        assertEquals(512L * 1024 * 1024, streamsProperties(Map.of("PARTYLINE_ROCKSDB_MEMORY_MB", "256"),
                "--rocksdb-memory-mb", "512").get(BoundedMemoryRocksDbConfig.MEMORY_BYTES));
        assertEquals(256L * 1024 * 1024, streamsProperties(Map.of("PARTYLINE_ROCKSDB_MEMORY_MB", "256"))
                .get(BoundedMemoryRocksDbConfig.MEMORY_BYTES));
    }

    @Test
    void shouldTakeTheBudgetFromThePropertiesFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("partyline.properties");
        Files.writeString(file, "rocksdb.memory.mb=64\n");
        assertEquals(64L * 1024 * 1024, streamsProperties(Map.of(), "--config", file.toString())
                .get(BoundedMemoryRocksDbConfig.MEMORY_BYTES));
    }

    @Test
    void shouldLeaveKafkaStreamsDefaultsWithZero() {
        Properties props = streamsProperties(Map.of(), "--rocksdb-memory-mb", "0");
        assertFalse(props.containsKey("rocksdb.config.setter"));
        assertFalse(props.containsKey(BoundedMemoryRocksDbConfig.MEMORY_BYTES));
    }

    @Test
    void shouldRefuseANegativeBudget() {
        PartylineConfig.ConfigException e = assertThrows(PartylineConfig.ConfigException.class,
                () -> PartylineConfig.load(new String[] {"--rocksdb-memory-mb", "-1"}, Map.of()));
        assertTrue(e.getMessage().contains("rocksdb.memory.mb"), e.getMessage());
    }

    @Test
    void shouldGiveInternalTopicsSmallSegmentsAndCompressWhatKafkaStreamsProduces() {
        Properties props = streamsProperties(Map.of());
        assertEquals("16777216", props.get("topic.segment.bytes"));
        assertEquals("15000", props.get("topic.segment.ms"));
        assertEquals("5000", props.get("topic.file.delete.delay.ms"));
        assertEquals(10_000L, props.get("repartition.purge.interval.ms"));
        assertEquals("zstd", props.get("producer.compression.type"));
    }

    @Test
    void shouldLeaveCompressionToTheKafkaClientSettingsWhenTheyChooseOne() {
        Properties props = streamsProperties(Map.of(), "--kafka-compression-type", "gzip");
        assertEquals("gzip", props.get("compression.type"));
        assertFalse(props.containsKey("producer.compression.type"));
    }
}
