package org.partyline.processor.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partyline.processor.domain.Events.at;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partyline.processor.domain.StanceUpdate;
import org.partyline.schema.Stance;
import org.partyline.schema.StanceChange;
import org.partyline.schema.view.StanceSummary;
import org.partyline.schema.view.StatementEntry;
import org.partyline.serde.AvroSerdes;

/**
 * State kept by a version without {@code party-stance-changes}: its stance changes are in
 * {@code stance-change-history} only, and the stance fold fills the index from them once when its task starts, so
 * that {@code /changes} answers them before any new statement comes.
 */
class PartyStanceChangesTest {
    private final MockProcessorContext<String, StanceUpdate> context = new MockProcessorContext<>();
    private KeyValueStore<String, StanceChange> changes;
    private KeyValueStore<String, StanceChange> index;

    @BeforeEach
    void stores() {
        store(StoreNames.STANCE_HISTORY, AvroSerdes.binary(StatementEntry.class));
        store(StoreNames.STANCES, AvroSerdes.binary(StanceSummary.class));
        store(StoreNames.STATEMENT_EVENT_IDS, Serdes.ByteArray());
        changes = store(StoreNames.STANCE_CHANGE_HISTORY, AvroSerdes.binary(StanceChange.class));
        index = store(StoreNames.PARTY_STANCE_CHANGES, AvroSerdes.binary(StanceChange.class));
    }

    private <V> KeyValueStore<String, V> store(String name, Serde<V> values) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), values).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }

    private static StanceChange change(String party, String topic, int hour, String eventId) {
        return StanceChange.newBuilder().setParty(party).setTopic(topic).setFrom(Stance.SUPPORT)
                .setTo(Stance.OPPOSE).setOccurredAt(at(hour)).setEventId(eventId).setShift(-4).setReversal(true)
                .build();
    }

    private Map<String, StanceChange> indexed() {
        Map<String, StanceChange> entries = new TreeMap<>();
        try (KeyValueIterator<String, StanceChange> it = index.all()) {
            it.forEachRemaining(kv -> entries.put(kv.key, kv.value));
        }
        return entries;
    }

    @Test
    void shouldIndexChangesKeptWithoutAnIndexWhenTheTaskStarts() {
        List<StanceChange> kept = List.of(change("RU", "nato", 5, "r2"), change("RU", "grain", 3, "r9"),
                change("UA", "nato", 1, "u2"));
        kept.forEach(c -> changes.put(StoreKeys.event(c.getParty(), c.getTopic(), c.getOccurredAt(), c.getEventId()),
                c));

        new StanceFoldProcessor("statements", new RecordingMeters()).init(context);
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(0);

        Map<String, StanceChange> expected = new TreeMap<>();
        expected.put(StoreKeys.of("RU", StoreKeys.time(at(3)), "r9", "grain"), kept.get(1));
        expected.put(StoreKeys.of("RU", StoreKeys.time(at(5)), "r2", "nato"), kept.get(0));
        expected.put(StoreKeys.of("UA", StoreKeys.time(at(1)), "u2", "nato"), kept.get(2));
        assertEquals(expected, indexed());
    }

    @Test
    void shouldLeaveAnIndexThatHoldsEntriesAsItIs() {
        StanceChange old = change("RU", "nato", 5, "r2");
        changes.put(StoreKeys.event("RU", "nato", at(5), "r2"), old);
        changes.put(StoreKeys.event("RU", "nato", at(7), "r4"), change("RU", "nato", 7, "r4"));
        index.put(StoreKeys.of("RU", StoreKeys.time(at(5)), "r2", "nato"), old);

        new StanceFoldProcessor("statements", new RecordingMeters()).init(context);
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(0);

        assertEquals(Map.of(StoreKeys.of("RU", StoreKeys.time(at(5)), "r2", "nato"), old), indexed());
    }
}
