package org.partyline.processor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.partyline.processor.config.KafkaClientSettings;
import org.partyline.processor.config.PartylineConfig;
import org.partyline.processor.streams.TopologyMeters;
import org.partyline.events.publish.PartylinePublisher;

/** Every client maker of the processor gets the Kafka client settings built from the configuration. */
class ClientSettingsWiringTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"partyline\" password=\"pw\";";
    private final PartylineConfig config = PartylineConfig.load(new String[] {"--kafka-security-protocol", "SASL_SSL",
            "--kafka-sasl-mechanism", "SCRAM-SHA-512", "--application-id", "partyline-eu"},
            Map.of("PARTYLINE_KAFKA_SASL_JAAS_CONFIG", JAAS, "PARTYLINE_KAFKA_APPLICATION_ID", "ignored"));
    private final KafkaClientSettings settings = KafkaClientSettings.from(config);

    @Test
    void shouldHandTheSettingsToKafkaStreamsUnderItsOwn() {
        Properties props = PartylineProcessor.streamsProperties(config, settings, "broker:9093", "localhost", 8080,
                PartylineProcessor.topicNames(config), TopologyMeters.NONE);
        assertEquals("SASL_SSL", props.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", props.get("sasl.mechanism"));
        assertEquals(JAAS, props.get("sasl.jaas.config"));
        assertEquals("broker:9093", props.get("bootstrap.servers"));
        assertEquals("partyline-eu", props.get("application.id"), "Partyline's own keys win over kafka.*");
    }

    @Test
    void shouldHandTheSettingsToTheTopicAdminClient() {
        Properties props = TopicProvisioner.adminProperties(settings.forBootstrap("broker:9093"));
        assertEquals("SASL_SSL", props.get("security.protocol"));
        assertEquals(JAAS, props.get("sasl.jaas.config"));
        assertEquals("broker:9093", props.get("bootstrap.servers"));
        assertEquals(null, props.get("application.id"), "an admin client is given only admin settings");
    }

    @Test
    void shouldHandTheSettingsToTheDemoProducer() {
        Map<String, Object> props = PartylinePublisher.producerProperties("broker:9093", settings.properties());
        assertEquals("SASL_SSL", props.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", props.get("sasl.mechanism"));
        assertEquals("broker:9093", props.get("bootstrap.servers"));
        assertEquals(true, props.get("enable.idempotence"));
    }
}
