package org.partyline.processor.streams;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.partyline.processor.domain.ClaimUpdate;
import org.partyline.schema.Claim;
import org.partyline.schema.view.ClaimView;

/**
 * Folds a claim event into the {@code claims} store and passes on the update; reports every claim event folded to
 * the {@link TopologyMeters}. The fold is idempotent ({@link org.partyline.processor.domain.ClaimFold}: each party's
 * latest position, the earliest proposition), so redeliveries come here too (see {@link DeduplicateProcessor}): an
 * event already applied leaves {@code claims} as it is and has no status change, but the current view is passed on
 * to the re-keyed {@code party-claims} again, which catches up if a crash lost its record. An event is counted when
 * it is first seen (not for a redelivery), as before.
 */
final class ClaimFoldProcessor implements Processor<String, Claim, String, ClaimUpdate> {
    private final String topic;
    private final TopologyMeters meters;
    private ProcessorContext<String, ClaimUpdate> context;
    private KeyValueStore<String, ClaimView> claims;
    private KeyValueStore<String, byte[]> eventIds;

    ClaimFoldProcessor(String topic, TopologyMeters meters) {
        this.topic = topic;
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<String, ClaimUpdate> context) {
        this.context = context;
        this.claims = context.getStateStore(StoreNames.CLAIMS);
        this.eventIds = context.getStateStore(StoreNames.CLAIM_EVENT_IDS);
    }

    @Override
    public void process(Record<String, Claim> record) {
        Claim event = record.value();
        ClaimUpdate update = ClaimUpdate.of(claims.get(event.getClaimId()), event);
        // Passed on before the claim is written: under at_least_once a crash in between repeats the status change
        // rather than losing it, as far as the producer keeps the order of its sends.
        context.forward(record.withValue(update));
        if (update.changed()) {
            claims.put(event.getClaimId(), update.after());
        }
        if (firstSeenHere(record.key(), event.getEventId())) {
            meters.folded(topic);
        }
    }

    private boolean firstSeenHere(String recordKey, String eventId) {
        byte[] seen = eventIds.get(StoreKeys.of(recordKey, eventId));
        long offset = context.recordMetadata().orElseThrow(() -> new IllegalStateException("no input record"))
                .offset();
        return seen == null || EventIds.firstOffset(seen) == offset;
    }
}
