package org.partyline.events.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partyline.events.publish.TestEvents.claim;
import static org.partyline.events.publish.TestEvents.statement;

import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.partyline.events.publish.PartylinePublisher.Topics;
import org.partyline.schema.Claim;
import org.partyline.schema.Position;
import org.partyline.schema.Source;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;

class PartylinePublisherTest {

    private final MockProducer<String, SpecificRecord> producer = TestEvents.mockProducer();

    @Test
    void shouldKeyStatementsByPartyOnTheStatementsTopic() throws Exception {
        Statement statement = statement("st-1", "RU", "ukraine-nato-membership", Stance.OPPOSE);
        try (PartylinePublisher publisher = new PartylinePublisher(producer, Topics.DEFAULT)) {
            publisher.publish(statement).get();
        }
        assertEquals(List.of(new ProducerRecord<>("statements", "RU", statement)), producer.history());
    }

    @Test
    void shouldKeyClaimsByClaimIdOnTheClaimsTopic() throws Exception {
        Claim claim = claim("cl-1", "UA", "pokrovsk-captured", Position.DENIES);
        try (PartylinePublisher publisher = new PartylinePublisher(producer, Topics.DEFAULT)) {
            publisher.publish(claim).get();
        }
        assertEquals(List.of(new ProducerRecord<>("claims", "pokrovsk-captured", claim)), producer.history());
    }

    @Test
    void shouldPublishToConfiguredTopics() throws Exception {
        Statement statement = statement("st-1", "RU", "t", Stance.SUPPORT);
        Claim claim = claim("cl-1", "UA", "c", Position.ASSERTS);
        try (PartylinePublisher publisher = new PartylinePublisher(producer, new Topics("in-st", "in-cl"))) {
            publisher.publishAll(List.of(statement, claim)).forEach(future -> assertTrue(future.isDone()));
            publisher.flush();
        }
        assertEquals(List.of(new ProducerRecord<>("in-st", "RU", statement), new ProducerRecord<>("in-cl", "c", claim)),
                producer.history());
    }

    @Test
    void shouldPublishAllInOrder() {
        List<SpecificRecord> events = List.of(
                statement("st-1", "RU", "a", Stance.SUPPORT),
                claim("cl-1", "UA", "b", Position.ASSERTS),
                statement("st-2", "UA", "a", Stance.OPPOSE));
        try (PartylinePublisher publisher = new PartylinePublisher(producer, Topics.DEFAULT)) {
            assertEquals(3, publisher.publishAll(events).size());
        }
        assertEquals(events, producer.history().stream().map(ProducerRecord::value).toList());
        assertEquals(List.of("RU", "b", "UA"), producer.history().stream().map(ProducerRecord::key).toList());
    }

    @Test
    void shouldRefuseRecordsThatAreNotEvents() {
        try (PartylinePublisher publisher = new PartylinePublisher(producer, Topics.DEFAULT)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> publisher.publish(Source.newBuilder().build(), null));
            assertEquals("not a Statement, a Claim or an Article: org.partyline.schema.Source", e.getMessage());
        }
        assertEquals(List.of(), producer.history());
    }

    @Test
    void shouldCloseTheProducer() {
        new PartylinePublisher(producer, Topics.DEFAULT).close();
        assertTrue(producer.closed());
    }

    @Test
    void shouldKeepIdempotenceAndAcksAllWhateverTheExtraProperties() {
        Map<String, Object> props = PartylinePublisher.producerProperties("broker:9092", Map.of(
                ProducerConfig.ACKS_CONFIG, "1", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.LINGER_MS_CONFIG, 50, "security.protocol", "SSL"));
        assertEquals(true, props.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        assertEquals("all", props.get(ProducerConfig.ACKS_CONFIG));
        assertEquals("broker:9092", props.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
        assertEquals(50, props.get(ProducerConfig.LINGER_MS_CONFIG));
        assertEquals("SSL", props.get("security.protocol"));
    }

    @Test
    void shouldBoundHowLongAnUnreachableClusterBlocks() {
        Map<String, Object> props = PartylinePublisher.producerProperties("broker:9092", Map.of());
        assertEquals(15_000, props.get(ProducerConfig.MAX_BLOCK_MS_CONFIG));
        assertEquals(30_000, props.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));
    }
}
