package org.partyline.processor.live;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.partyline.schema.ClaimStatusChange;
import org.partyline.schema.StanceChange;
import org.partyline.serde.AvroDeserializer;
import org.partyline.serde.RegistryException;
import org.partyline.serde.SchemaRegistryClient;

/**
 * Reads the records of the change topics (Confluent wire format, with the project's serde, as the topology writes
 * them) into {@link ChangeEvent}s. The stance change class reads every schema version of {@code stance-changes}.
 */
final class ChangeDecoder {
    private final ChangeTopics topics;
    private final AvroDeserializer<StanceChange> stanceChanges;
    private final AvroDeserializer<ClaimStatusChange> claimStatus;

    ChangeDecoder(ChangeTopics topics, SchemaRegistryClient registry) {
        this.topics = topics;
        this.stanceChanges = new AvroDeserializer<>(registry, StanceChange.class, false);
        this.claimStatus = new AvroDeserializer<>(registry, ClaimStatusChange.class, false);
    }

    /**
     * The event of {@code record}, or null for a record that carries none (a tombstone, a topic the feed does not
     * stream).
     *
     * @throws SerializationException when the value cannot be read ({@link #retriable} says whether trying again
     *                                later may help)
     */
    ChangeEvent decode(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        String topic = record.topic();
        if (topic.equals(topics.stanceChanges())) {
            return ChangeEvents.stanceChange(topic, record.partition(), record.offset(),
                    stanceChanges.deserialize(topic, record.value()));
        }
        if (topic.equals(topics.claimStatus())) {
            return ChangeEvents.claimStatus(topic, record.partition(), record.offset(),
                    claimStatus.deserialize(topic, record.value()));
        }
        return null;
    }

    /** True when a failure came from a registry that did not answer or failed (5xx): the record may read later. */
    static boolean retriable(SerializationException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RegistryException registry) {
                return registry.unreachable() || registry.status() >= 500;
            }
        }
        return false;
    }
}
