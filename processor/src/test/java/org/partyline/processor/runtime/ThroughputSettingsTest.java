package org.partyline.processor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.partyline.processor.config.KafkaClientSettings;
import org.partyline.processor.config.PartylineConfig;
import org.partyline.processor.streams.TopologyMeters;

/** {@code commit.interval.ms}, {@code cache.max.bytes} and {@code stream.threads} reach Kafka Streams. */
class ThroughputSettingsTest {

    private static Properties streamsProperties(Map<String, String> env, String... args) {
        PartylineConfig config = PartylineConfig.load(args, env);
        return PartylineProcessor.streamsProperties(config, KafkaClientSettings.from(config), "broker:9092",
                "localhost", 8080, PartylineProcessor.topicNames(config), TopologyMeters.NONE);
    }

    @Test
    void shouldCommitEvery100MsWithA10MiBCacheAndOneThreadByDefault() {
        Properties props = streamsProperties(Map.of());
        assertEquals(100, props.get("commit.interval.ms"));
        assertEquals(10_485_760L, props.get("statestore.cache.max.bytes"));
        assertEquals(1, props.get("num.stream.threads"));
    }

    @Test
    void shouldTakeTheSettingsFromFlagsAndEnvironment() {
        Properties props = streamsProperties(Map.of("PARTYLINE_CACHE_MAX_BYTES", "0"), "--commit-interval-ms", "1000",
                "--stream-threads", "2");
        assertEquals(1000, props.get("commit.interval.ms"));
        assertEquals(0L, props.get("statestore.cache.max.bytes"));
        assertEquals(2, props.get("num.stream.threads"));
    }

    @Test
    void shouldRefuseTheKafkaNameOfASetting() {
        PartylineConfig.ConfigException e = assertThrows(PartylineConfig.ConfigException.class,
                () -> PartylineConfig.load(new String[] {"--kafka-commit.interval.ms", "500"}, Map.of()));
        assertTrue(e.getMessage().contains("use commit.interval.ms"), e.getMessage());
    }

    @Test
    void shouldRefuseACommitIntervalBelowOneMs() {
        assertThrows(PartylineConfig.ConfigException.class,
                () -> PartylineConfig.load(new String[] {"--commit-interval-ms", "0"}, Map.of()));
    }
}
