package org.partyline.producer.ingest;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.partyline.schema.Claim;
import org.partyline.schema.Statement;
import org.partyline.serde.AvroSerializer;
import org.partyline.serde.AvroStringSerializer;
import org.partyline.serde.DeadLetterHeaders;
import org.partyline.serde.SchemaRegistryClient;

/**
 * The records the job writes, as bytes so that events and dead letters share one transactional producer: events
 * keyed and encoded as {@code publish} writes them (statements by party, claims by claimId, Avro strings and records
 * in the Confluent wire format), dead letters with the original bytes and the headers of {@link DeadLetterHeaders}.
 */
final class OutputRecords {

    private final JobTopics topics;
    private final AvroStringSerializer keys;
    private final AvroSerializer<SpecificRecord> values;

    OutputRecords(JobTopics topics, SchemaRegistryClient registry) {
        this.topics = topics;
        this.keys = new AvroStringSerializer(registry);
        this.values = new AvroSerializer<>(registry, SpecificRecord.class, false);
    }

    ProducerRecord<byte[], byte[]> event(SpecificRecord event) {
        String topic;
        String key;
        if (event instanceof Statement statement) {
            topic = topics.statements();
            key = statement.getParty();
        } else if (event instanceof Claim claim) {
            topic = topics.claims();
            key = claim.getClaimId();
        } else {
            throw new IllegalArgumentException("neither a Statement nor a Claim: " + event.getClass().getName());
        }
        return new ProducerRecord<>(topic, keys.serialize(topic, key), values.serialize(topic, event));
    }

    ProducerRecord<byte[], byte[]> deadLetter(ConsumerRecord<byte[], byte[]> source, String type, String reason) {
        return new ProducerRecord<>(topics.deadLetters(), null, source.timestamp(), source.key(), source.value(),
                DeadLetterHeaders.of(source.headers(), type, reason, source.topic(), source.partition(),
                        source.offset()));
    }
}
