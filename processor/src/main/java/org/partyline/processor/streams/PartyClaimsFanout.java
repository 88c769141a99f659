package org.partyline.processor.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.partyline.processor.domain.ClaimUpdate;
import org.partyline.schema.ClaimPosition;
import org.partyline.schema.view.ClaimView;

/**
 * Copies each claim's view to every party in it (for {@code party-claims}), once per commit interval rather than once
 * per event. One claim event changes every party's copy (positions, counts), so copying at every event would send
 * a whole view per party per event. Instead each update only marks its claim in {@code party-claims-pending}; a
 * wall-clock punctuation every {@code commit.interval.ms} sends the current view of each marked claim, read from
 * {@code claims}, keyed by each of its parties, and clears the marks.
 *
 * <p>The marks are a store with a changelog, written (under exactly-once, in the same transaction) with the fold: a
 * claim folded but not yet copied when the instance stops is still marked when its task starts again, wherever, and
 * is copied then ({@code PendingCopiesIT}). A redelivered event marks its claim too, so a copy lost to a crash under
 * {@code at_least_once} catches up.
 */
final class PartyClaimsFanout implements Processor<String, ClaimUpdate, String, ClaimView> {
    private static final byte[] MARK = new byte[0];

    private ProcessorContext<String, ClaimView> context;
    private KeyValueStore<String, ClaimView> claims;
    private KeyValueStore<String, byte[]> pending;

    @Override
    public void init(ProcessorContext<String, ClaimView> context) {
        this.context = context;
        this.claims = context.getStateStore(StoreNames.CLAIMS);
        this.pending = context.getStateStore(StoreNames.PARTY_CLAIMS_PENDING);
        context.schedule(interval(context), PunctuationType.WALL_CLOCK_TIME, this::copyPending);
    }

    /** {@code commit.interval.ms} as Kafka Streams applies it (100 ms under exactly-once unless set). */
    private static Duration interval(ProcessorContext<?, ?> context) {
        Number interval = (Number) context.appConfigs().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
        return Duration.ofMillis(interval.longValue());
    }

    @Override
    public void process(Record<String, ClaimUpdate> record) {
        pending.put(record.value().after().getClaimId(), MARK);
    }

    private void copyPending(long now) {
        List<String> marked = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = pending.all()) {
            it.forEachRemaining(kv -> marked.add(kv.key));
        }
        for (String claimId : marked) {
            ClaimView view = claims.get(claimId);
            if (view != null) {
                for (ClaimPosition position : view.getPositions()) {
                    context.forward(new Record<>(position.getParty(), view, now));
                }
            }
            pending.delete(claimId);
        }
    }
}
