package org.partyline.processor.streams;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells each event id apart per record key (CONTRACT section 2). The store remembers a fingerprint of each event
 * and the input offset where it was first seen ({@link EventIds}): another event that reuses the id is refused as
 * {@code REUSED_EVENT_ID}; a redelivery (same fingerprint) goes on to the fold, which decides from its own state
 * whether the event is already folded. Under {@code at_least_once} this store and the fold's stores are not written
 * atomically: after a crash the replayed input may find its eventId here while the fold's stores never got the
 * event, so dropping redeliveries here would lose it for good. Records refused earlier pass through untouched.
 */
final class DeduplicateProcessor<T extends SpecificRecord>
        implements Processor<String, Inbound<T>, String, Inbound<T>> {
    private static final Logger log = LoggerFactory.getLogger(DeduplicateProcessor.class);

    private final InputSpec<T> spec;
    private ProcessorContext<String, Inbound<T>> context;
    private KeyValueStore<String, byte[]> seen;

    DeduplicateProcessor(InputSpec<T> spec) {
        this.spec = spec;
    }

    @Override
    public void init(ProcessorContext<String, Inbound<T>> context) {
        this.context = context;
        this.seen = context.getStateStore(spec.eventIdStore());
    }

    @Override
    public void process(Record<String, Inbound<T>> record) {
        if (!(record.value() instanceof Inbound.Accepted<T> accepted)) {
            context.forward(record);
            return;
        }
        String eventId = spec.eventId().apply(accepted.event());
        String storeKey = StoreKeys.of(record.key(), eventId);
        byte[] fingerprint = Fingerprints.of(accepted.event());
        byte[] earlier = seen.get(storeKey);
        if (earlier == null) {
            seen.put(storeKey, EventIds.value(fingerprint, offset()));
            context.forward(record);
        } else if (EventIds.sameEvent(earlier, fingerprint)) {
            log.debug("Redelivered event {} of key {} from {}, first seen at offset {}", eventId, record.key(),
                    context.recordMetadata().map(Object::toString).orElse("?"), EventIds.firstOffset(earlier));
            context.forward(record);
        } else {
            context.forward(record.withValue(new Inbound.Rejected<>(DecodeProcessor.deadLetter(context,
                    accepted.rawKey(), accepted.rawValue(), DeadLetter.Type.REUSED_EVENT_ID,
                    "eventId '" + eventId + "' was already used by another event of key '" + record.key() + "'"))));
        }
    }

    private long offset() {
        return context.recordMetadata().orElseThrow(() -> new IllegalStateException("no input record")).offset();
    }
}
