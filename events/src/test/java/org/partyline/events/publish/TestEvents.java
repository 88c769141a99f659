package org.partyline.events.publish;

import java.time.Instant;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.Serializer;
import org.partyline.schema.Claim;
import org.partyline.schema.Position;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;

/** Fixed events and a mock producer for the publisher tests. */
final class TestEvents {

    static final Instant AT = Instant.parse("2025-12-05T14:00:00Z");

    private TestEvents() {
    }

    static Statement statement(String eventId, String party, String topic, Stance stance) {
        return Statement.newBuilder().setEventId(eventId).setParty(party).setOccurredAt(AT).setTopic(topic)
                .setStance(stance).build();
    }

    static Claim claim(String eventId, String party, String claimId, Position position) {
        return Claim.newBuilder().setEventId(eventId).setParty(party).setOccurredAt(AT).setClaimId(claimId)
                .setPosition(position).build();
    }

    static String statementLine(String eventId, String party, String topic, String stance) {
        return "{\"type\":\"statement\",\"eventId\":\"" + eventId + "\",\"party\":\"" + party
                + "\",\"occurredAt\":\"2025-12-05T14:00:00Z\",\"topic\":\"" + topic + "\",\"stance\":\"" + stance + "\"}";
    }

    static String claimLine(String eventId, String party, String claimId, String position) {
        return "{\"type\":\"claim\",\"eventId\":\"" + eventId + "\",\"party\":\"" + party
                + "\",\"occurredAt\":\"2025-12-05T14:00:00Z\",\"claimId\":\"" + claimId + "\",\"position\":\""
                + position + "\"}";
    }

    static MockProducer<String, SpecificRecord> mockProducer() {
        Serializer<String> keys = (topic, key) -> new byte[0];
        Serializer<SpecificRecord> values = (topic, value) -> new byte[0];
        return new MockProducer<>(true, null, keys, values);
    }
}
