package org.partyline.processor.streams;

import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Decodes the raw key and value of an input record and checks the input rules. A record that does not decode,
 * or breaks a rule, is passed on as {@link Inbound.Rejected} with its original bytes; it never stops the app.
 */
final class DecodeProcessor<T extends SpecificRecord> implements Processor<byte[], byte[], String, Inbound<T>> {
    private final InputSpec<T> spec;
    private ProcessorContext<String, Inbound<T>> context;

    DecodeProcessor(InputSpec<T> spec) {
        this.spec = spec;
    }

    @Override
    public void init(ProcessorContext<String, Inbound<T>> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String key;
        T event;
        try {
            key = spec.keyDeserializer().deserialize(spec.topic(), record.headers(), record.key());
            event = record.value() == null
                    ? null
                    : spec.valueDeserializer().deserialize(spec.topic(), record.headers(), record.value());
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
