package org.partyline.processor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.partyline.processor.config.KafkaClientSettings;
import org.partyline.processor.config.PartylineConfig;
import org.partyline.processor.config.TopicSettings;
import org.partyline.processor.streams.TopologyMeters;

/**
 * {@code replication.factor} and {@code min.insync.replicas} reach both the topics the processor creates and the
 * changelog and repartition topics Kafka Streams creates.
 */
class ReplicationSettingsTest {

    private static Properties streamsProperties(String... args) {
        PartylineConfig config = PartylineConfig.load(args, Map.of());
        return PartylineProcessor.streamsProperties(config, KafkaClientSettings.from(config), "broker:9092",
                "localhost", 8080, PartylineProcessor.topicNames(config), TopologyMeters.NONE);
    }

    @Test
    void shouldGiveInternalTopicsTheReplicationFactorAndMinInsyncReplicas() {
        Properties props = streamsProperties("--replication-factor", "3", "--min-insync-replicas", "2");
        assertEquals(3, props.get("replication.factor"));
        assertEquals("2", props.get("topic.min.insync.replicas"));
    }

    @Test
    void shouldLeaveMinInsyncReplicasToTheBrokerWhenNotSet() {
        Properties props = streamsProperties();
        assertFalse(props.containsKey("topic.min.insync.replicas"));
        assertEquals(Optional.empty(), TopicSettings.minInsyncReplicas(PartylineConfig.load(new String[0], Map.of())));
    }

    @Test
    void shouldReadMinInsyncReplicasFromTheEnvironment() {
        PartylineConfig config = PartylineConfig.load(new String[] {"--replication-factor", "3"},
                Map.of("PARTYLINE_MIN_INSYNC_REPLICAS", "2"));
        assertEquals(Optional.of(2), TopicSettings.minInsyncReplicas(config));
    }

    @Test
    void shouldRefuseMinInsyncReplicasAboveTheReplicationFactor() {
        var e = assertThrows(PartylineConfig.ConfigException.class, () -> PartylineConfig.load(
                new String[] {"--replication-factor", "2", "--min-insync-replicas", "3"}, Map.of()));
        assertEquals("min.insync.replicas must be from 1 to replication.factor (2), not 3", e.getMessage());
    }

    @Test
    void shouldCreateTopicsWithTheirMinInsyncReplicas() {
        NewTopic topic = TopicProvisioner.newTopic("stance-changes", 6, (short) 3, Optional.of(2), false);
        assertEquals((short) 3, topic.replicationFactor());
        assertEquals(Map.of("min.insync.replicas", "2"), topic.configs());
        assertEquals(null, TopicProvisioner.newTopic("stance-changes", 6, (short) 1, Optional.empty(), false)
                .configs());
    }

    @Test
    void shouldKeepTheInputTopicsForever() {
        NewTopic topic = TopicProvisioner.newTopic("statements", 6, (short) 3, Optional.of(2), true);
        assertEquals(Map.of("min.insync.replicas", "2", "retention.ms", "-1", "retention.bytes", "-1"),
                topic.configs());
    }
}
