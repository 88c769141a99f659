package org.partyline.processor.streams;

import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.streams.state.KeyValueStore;
import org.partyline.schema.StanceChange;

/**
 * {@code party-stance-changes}: every entry of {@code stance-change-history} again, keyed
 * {@code party, time, eventId, topic}, so that a party's changes across topics are one range scan in the order of
 * {@code /changes} and a page of them starts with one seek at its cursor. The stance fold writes both stores in the
 * same task, entry for entry (a change that a late statement removes goes from both), so the two never differ.
 */
final class PartyStanceChanges {
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
}
