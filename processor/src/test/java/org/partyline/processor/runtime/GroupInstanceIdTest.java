package org.partyline.processor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.partyline.processor.config.PartylineConfig;
import org.partyline.processor.streams.StreamsSettings;

/** {@code instance.id}: the static group membership id Kafka Streams' main consumers join with. */
class GroupInstanceIdTest {
    private static PartylineConfig config(String... flags) {
        return PartylineConfig.load(flags, Map.of());
    }

    @Test
    void shouldTakeTheConfiguredInstanceId() {
        assertEquals(Optional.of("processor-1"),
                PartylineProcessor.groupInstanceId(config("--instance-id", "processor-1"), "host-a"));
        assertEquals(Optional.of("processor-2"), PartylineProcessor.groupInstanceId(
                PartylineConfig.load(new String[0], Map.of("PARTYLINE_INSTANCE_ID", "processor-2")), "host-a"));
    }

    @Test
    void shouldDeriveAStableIdFromTheMachineAndAFixedPort() {
        assertEquals(Optional.of("web_7.example.org-8080"),
                PartylineProcessor.groupInstanceId(config(), "Web_7.Example.org"));
        assertEquals(Optional.of("odd-host-name-8080"),
                PartylineProcessor.groupInstanceId(config(), "odd host:name"));
        assertEquals(Optional.of("host-a-9000"),
                PartylineProcessor.groupInstanceId(config("--http-port", "9000"), "host-a"));
    }

    @Test
    void shouldStayDynamicWhenThePortIsChosenAtEachStart() {
        assertEquals(Optional.empty(), PartylineProcessor.groupInstanceId(config("--http-port", "0"), "host-a"));
    }

    @Test
    void shouldRefuseAnIdKafkaWouldRefuse() {
        PartylineConfig.ConfigException e = assertThrows(PartylineConfig.ConfigException.class,
                () -> config("--instance-id", "host:8080"));
        assertTrue(e.getMessage().startsWith("instance.id must be"), e.getMessage());
    }

    @Test
    void shouldHandTheIdToTheMainConsumerOnly() {
        var props = StreamsSettings.builder().groupInstanceId("processor-1").build();
        assertEquals("processor-1", props.get(StreamsConfig.mainConsumerPrefix("group.instance.id")));
        assertEquals(null, props.get("group.instance.id"));
        assertEquals(null, StreamsSettings.builder().build()
                .get(StreamsConfig.mainConsumerPrefix("group.instance.id")));
    }
}
