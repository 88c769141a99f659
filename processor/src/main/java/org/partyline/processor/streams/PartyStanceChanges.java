package org.partyline.processor.streams;

import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.partyline.schema.StanceChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code party-stance-changes}: every entry of {@code stance-change-history} again, keyed
 * {@code party, time, eventId, topic}, so that a party's changes across topics are one range scan in the order of
 * {@code /changes} and a page of them starts with one seek at its cursor. The stance fold writes both stores in the
 * same task, entry for entry (a change that a late statement removes goes from both), so the two never differ.
 */
final class PartyStanceChanges {
    private static final Logger LOG = LoggerFactory.getLogger(PartyStanceChanges.class);
    private final KeyValueStore<String, StanceChange> index;

    PartyStanceChanges(KeyValueStore<String, StanceChange> index) {
        this.index = index;
    }

    /** The index key of the change of (party, topic) stored at its later statement (occurredAt, eventId). */
    static String key(String party, String topic, Instant occurredAt, String eventId) {
        return StoreKeys.of(party, StoreKeys.time(occurredAt), eventId, topic);
    }

    void put(StanceChange change) {
        index.put(key(change.getParty(), change.getTopic(), change.getOccurredAt(), change.getEventId()), change);
    }

    void delete(String party, String topic, Instant occurredAt, String eventId) {
        index.delete(key(party, topic, occurredAt, eventId));
    }

    /**
     * Makes the index hold what {@code stance-change-history} holds at one position ({@code held}, null: nothing):
     * after a crash under {@code at_least_once} one store may hold a write the other lacks, and the fold's replay
     * repairs {@code stance-change-history} through the positions it reads, so the index follows at the same ones.
     */
    void align(String party, String topic, Instant occurredAt, String eventId, StanceChange held) {
        String key = key(party, topic, occurredAt, eventId);
        if (!Objects.equals(held, index.get(key))) {
            if (held == null) {
                index.delete(key);
            } else {
                index.put(key, held);
            }
        }
    }

    /**
     * Fills an empty index from {@code stance-change-history} when that holds changes: state kept by a version that
     * had no index gets one when its task starts (the fold calls this once per task, in a punctuation right after
     * start or at its first statement, whichever comes first). Cost: one seek in each store when there is nothing to
     * do; one pass over the task's changes once.
     */
    void fillIfEmpty(KeyValueStore<String, StanceChange> changes) {
        try (KeyValueIterator<String, StanceChange> it = index.all()) {
            if (it.hasNext()) {
                return;
            }
        }
        long copied = 0;
        try (KeyValueIterator<String, StanceChange> it = changes.all()) {
            while (it.hasNext()) {
                KeyValue<String, StanceChange> entry = it.next();
                put(entry.value);
                copied++;
            }
        }
        if (copied > 0) {
            LOG.info("Indexed {} stance changes kept without an index in {} by party and time", copied,
                    StoreNames.PARTY_STANCE_CHANGES);
        }
    }
}
