package org.partyline.producer.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The streaming job's Kafka clients: the secured-cluster settings of {@code --producer-config} reach both the
 * consumer and the transactional producer, each keeps only the settings it knows, and what exactly-once rests on
 * cannot be turned off by a setting.
 */
class IngestJobSettingsTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"ingest\" password=\"secret\";";

    private static final IngestJob.Settings SETTINGS = new IngestJob.Settings("kafka:9092", Map.of(
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", JAAS,
            "ssl.truststore.location", "/etc/partyline/truststore.p12",
            "isolation.level", "read_uncommitted",
            "enable.idempotence", "false",
            "enable.auto.commit", "true",
            "batch.size", "65536",
            "fetch.min.bytes", "1024"), JobTopics.DEFAULT, "partyline-ingest", "partyline-ingest-one");

    @Test
    void shouldGiveTheConsumerTheSecuritySettingsAndReadCommittedWithoutAutoCommit() {
        Map<String, Object> consumer = IngestJob.consumerProperties(SETTINGS);

        assertEquals(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", JAAS, "ssl.truststore.location", "/etc/partyline/truststore.p12"),
                Map.of("security.protocol", consumer.get("security.protocol"),
                        "sasl.mechanism", consumer.get("sasl.mechanism"),
                        "sasl.jaas.config", consumer.get("sasl.jaas.config"),
                        "ssl.truststore.location", consumer.get("ssl.truststore.location")));
        assertEquals("read_committed", consumer.get("isolation.level"));
        assertEquals(false, consumer.get("enable.auto.commit"));
        assertEquals("partyline-ingest", consumer.get("group.id"));
        assertEquals("1024", consumer.get("fetch.min.bytes"));
        assertFalse(consumer.containsKey("batch.size"), "a producer setting given to the consumer");
    }

    @Test
    void shouldGiveTheProducerTheSecuritySettingsAndItsTransactionalId() {
        Map<String, Object> producer = IngestJob.producerProperties(SETTINGS);

        assertEquals("SASL_SSL", producer.get("security.protocol"));
        assertEquals(JAAS, producer.get("sasl.jaas.config"));
        assertEquals("partyline-ingest-one", producer.get("transactional.id"));
        assertEquals(true, producer.get("enable.idempotence"));
        assertEquals("all", producer.get("acks"));
        assertEquals("kafka:9092", producer.get("bootstrap.servers"));
        assertEquals("65536", producer.get("batch.size"));
        assertFalse(producer.containsKey("fetch.min.bytes"), "a consumer setting given to the producer");
    }
}
