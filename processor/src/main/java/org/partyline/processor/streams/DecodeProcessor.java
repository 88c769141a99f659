package org.partyline.processor.streams;

import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.errors.TaskCorruptedException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes the raw key and value of an input record and checks the input rules. A record that does not decode,
 * or breaks a rule, is passed on as {@link Inbound.Rejected} with its original bytes; it never stops the app.
 * A record that cannot be decoded only because the schema registry cannot serve its schema now is not rejected:
 * the step waits for the registry ({@link DependencyWaits}), and when that runs out of patience hands the record
 * back to Kafka Streams (the task is revived from its last commit and the record read again), so that nothing is
 * skipped and the order stays.
 */
final class DecodeProcessor<T extends SpecificRecord> implements Processor<byte[], byte[], String, Inbound<T>> {
    private static final Logger log = LoggerFactory.getLogger(DecodeProcessor.class);

    private final InputSpec<T> spec;
    private final DependencyWaits waits;
    private ProcessorContext<String, Inbound<T>> context;

    DecodeProcessor(InputSpec<T> spec, DependencyWaits waits) {
        this.spec = spec;
        this.waits = waits;
    }

    @Override
    public void init(ProcessorContext<String, Inbound<T>> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String key;
        T event;
        String where = where();
        try {
            key = waits.await(where,
                    () -> spec.keyDeserializer().deserialize(spec.topic(), record.headers(), record.key()));
            event = record.value() == null
                    ? null
                    : waits.await(where,
                            () -> spec.valueDeserializer().deserialize(spec.topic(), record.headers(), record.value()));
        } catch (DependencyWaits.GaveUp e) {
            log.warn("{}; task {} goes back to its last commit and reads the record again", e.getMessage(),
                    context.taskId());
            throw new TaskCorruptedException(Set.of(context.taskId()));
        } catch (RuntimeException e) {
            reject(record, null, DeadLetter.Type.DESERIALIZATION, "cannot decode: " + e.getMessage());
            return;
        }
        if (event == null) {
            reject(record, key, DeadLetter.Type.INVALID_EVENT, "record has no value");
            return;
        }
        Optional<String> violation = spec.violation().apply(key, event);
        if (violation.isPresent()) {
            reject(record, key, DeadLetter.Type.INVALID_EVENT, violation.get());
            return;
        }
        T normalized = spec.normalize().apply(event);
        context.forward(record.withKey(key).withValue(new Inbound.Accepted<>(normalized, record.key(), record.value())));
    }

    /** {@code topic-partition@offset} of the record being processed, for log lines. */
    private String where() {
        return context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset())
                .orElse(spec.topic());
    }

    private void reject(Record<byte[], byte[]> record, String key, DeadLetter.Type type, String reason) {
        context.forward(record.withKey(key).withValue(
                new Inbound.Rejected<>(deadLetter(context, record.key(), record.value(), type, reason))));
    }

    static DeadLetter deadLetter(ProcessorContext<?, ?> context, byte[] rawKey, byte[] rawValue,
                                 DeadLetter.Type type, String reason) {
        Optional<RecordMetadata> metadata = context.recordMetadata();
        return new DeadLetter(rawKey, rawValue, type, reason,
                metadata.map(RecordMetadata::topic).orElse(""),
                metadata.map(RecordMetadata::partition).orElse(-1),
                metadata.map(RecordMetadata::offset).orElse(-1L));
    }
}
