package org.partyline.processor.streams;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.partyline.schema.view.ClaimChange;
import org.partyline.schema.view.ClaimChangeAt;

/**
 * Writes each party's claim changes (after the {@code claim-changes-by-party} repartition) into
 * {@code party-claim-changes} under {@code party, time, eventId, claimId}, so that one prefix scan of a party reads
 * them in the order of CONTRACT 6.4. A record without a change deletes the entry at its position (a late event
 * merged two changes, or moved one), if there is one.
 */
final class PartyClaimChangesWriter implements Processor<String, ClaimChangeAt, Void, Void> {
    private KeyValueStore<String, ClaimChange> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(StoreNames.PARTY_CLAIM_CHANGES);
    }

    @Override
    public void process(Record<String, ClaimChangeAt> record) {
        ClaimChangeAt at = record.value();
        String key = StoreKeys.of(record.key(), StoreKeys.time(at.getOccurredAt()), at.getEventId(), at.getClaimId());
        if (at.getChange() != null) {
            if (!at.getChange().equals(store.get(key))) {
                store.put(key, at.getChange());
            }
        } else if (store.get(key) != null) {
            store.delete(key);
        }
    }
}
