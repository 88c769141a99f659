package org.partyline.processor.streams;

import java.util.List;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.partyline.processor.domain.ClaimChanges;
import org.partyline.processor.domain.ClaimUpdate;
import org.partyline.schema.Claim;
import org.partyline.schema.view.ClaimChange;
import org.partyline.schema.view.ClaimChangeAt;
import org.partyline.schema.view.ClaimEntry;
import org.partyline.schema.view.ClaimView;

/**
 * Folds a claim event into the stores of its claim: its party's history and changes ({@link ClaimChanges} over
 * {@code claim-history} and {@code claim-change-history}), then the claim ({@code claims}); passes on the update and
 * reports every claim event folded to the {@link TopologyMeters}.
 *
 * <p>Redeliveries come here too (see {@link DeduplicateProcessor}). The history and the changes are set
 * idempotently. Under exactly-once only the claim changes it wrote are passed on to {@code party-claim-changes}
 * (its writes and the records that copy them commit together); under {@code at_least_once} every change it set,
 * held or not, so that a copy lost to a crash catches up. The claim's counts are not set idempotently, so which
 * events the view holds is told by input offsets, as for stances ({@link StoreStanceHistory}): the view keeps the
 * offset of the last event counted in it, and {@code claim-event-ids} the offset where each event was first seen;
 * events are folded in offset order within a task, so the view holds an event when its offset is at least the
 * event's first offset. An event it holds leaves {@code claims} as it is with no status change, but its claim is
 * still passed on to the re-keyed view, which catches up if a crash lost its records. An event is counted in the
 * meters once, at the offset where it is first seen (not for a redelivery).
 */
final class ClaimFoldProcessor implements Processor<String, Claim, String, ClaimUpdate> {
    private final String topic;
    private final TopologyMeters meters;
    private ProcessorContext<String, ClaimUpdate> context;
    private KeyValueStore<String, ClaimView> claims;
    private KeyValueStore<String, ClaimEntry> history;
    private KeyValueStore<String, ClaimChange> changes;
    private KeyValueStore<String, byte[]> eventIds;
    private boolean exactlyOnce;

    ClaimFoldProcessor(String topic, TopologyMeters meters) {
        this.topic = topic;
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<String, ClaimUpdate> context) {
        this.context = context;
        this.claims = context.getStateStore(StoreNames.CLAIMS);
        this.history = context.getStateStore(StoreNames.CLAIM_HISTORY);
        this.changes = context.getStateStore(StoreNames.CLAIM_CHANGE_HISTORY);
        this.eventIds = context.getStateStore(StoreNames.CLAIM_EVENT_IDS);
        this.exactlyOnce = String.valueOf(context.appConfigs().get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
                .startsWith("exactly_once");
    }

    @Override
    public void process(Record<String, Claim> record) {
        Claim event = record.value();
        long offset = context.recordMetadata().orElseThrow(() -> new IllegalStateException("no input record"))
                .offset();
        long firstOffset = firstOffset(record.key(), event.getEventId());
        ClaimChanges.Settings settings = ClaimChanges.apply(
                new StoreClaimHistory(history, changes, event.getClaimId(), event.getParty()), event);
        List<ClaimChangeAt> set = exactlyOnce ? settings.written() : settings.all();
        ClaimView before = claims.get(event.getClaimId());
        boolean held = before != null && before.getFoldedOffset() >= Math.min(firstOffset, offset);
        ClaimUpdate update = held ? ClaimUpdate.alreadyFolded(before, set) : ClaimUpdate.of(before, event, offset, set);
        // Passed on before the claim is written: under at_least_once a crash in between repeats the status change
        // and the counting rather than losing them, as far as the producer keeps the order of its sends.
        context.forward(record.withValue(update));
        if (update.changed()) {
            claims.put(event.getClaimId(), update.after());
        }
        if (firstOffset == Long.MAX_VALUE || firstOffset == offset) {
            meters.folded(topic);
        }
    }

    /** Where the event was first seen; {@code Long.MAX_VALUE} when the deduplication never saw it. */
    private long firstOffset(String recordKey, String eventId) {
        byte[] seen = eventIds.get(StoreKeys.of(recordKey, eventId));
        return seen == null ? Long.MAX_VALUE : EventIds.firstOffset(seen);
    }
}
