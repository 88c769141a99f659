package org.partyline.processor.streams;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.partyline.processor.domain.ClaimChanges;
import org.partyline.processor.domain.ClaimFold;
import org.partyline.processor.domain.ClaimUpdate;
import org.partyline.schema.Claim;
import org.partyline.schema.view.ClaimChange;
import org.partyline.schema.view.ClaimEntry;
import org.partyline.schema.view.ClaimSummary;
import org.partyline.schema.view.PartyPosition;

/**
 * Folds a claim event into the stores of its claim: its party's history and changes ({@link ClaimChanges} over
 * {@code claim-history} and {@code claim-change-history}), then its party's position, the claim's sides and its
 * summary ({@link ClaimFold} over {@code claim-positions}, {@code claim-sides} and {@code claims}); passes on the
 * update and reports every claim event folded to the {@link TopologyMeters}.
 *
 * <p>Redeliveries come here too (see {@link DeduplicateProcessor}). The history and the changes are set
 * idempotently. Under exactly-once only the claim changes it wrote are passed on to {@code party-claim-changes}
 * (its writes and the records that copy them commit together); under {@code at_least_once} every change it set,
 * held or not, so that a copy lost to a crash catches up. The counts are not set idempotently, so which events the
 * summary and each position hold is told by input offsets, as for stances ({@link StoreStanceHistory}): each keeps
 * the offset of the last event counted in it, and {@code claim-event-ids} the offset where each event was first
 * seen ({@link ClaimFold.Folding}). Under {@code at_least_once} an event the summary already holds sends every
 * party's entry of {@code party-claims} again, which catches up if a crash lost them. An event is counted in the
 * meters once, at the offset where it is first seen (not for a redelivery).
 */
final class ClaimFoldProcessor implements Processor<String, Claim, String, ClaimUpdate> {
    private final String topic;
    private final TopologyMeters meters;
    private ProcessorContext<String, ClaimUpdate> context;
    private KeyValueStore<String, ClaimSummary> claims;
    private KeyValueStore<String, PartyPosition> positions;
    private KeyValueStore<String, byte[]> sides;
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
        this.positions = context.getStateStore(StoreNames.CLAIM_POSITIONS);
        this.sides = context.getStateStore(StoreNames.CLAIM_SIDES);
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
        // The stores are cached: their writes reach the changelogs at the commit, after the records passed on here,
        // so under at_least_once a crash in between repeats the status change rather than losing it, as far as the
        // producer keeps the order of its sends.
        ClaimUpdate update = ClaimFold.apply(new StoreClaimState(claims, positions, sides, event.getClaimId()), event,
                new ClaimFold.Folding(offset, firstOffset, !exactlyOnce));
        context.forward(record.withValue(update.withChanges(exactlyOnce ? settings.written() : settings.all())));
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
