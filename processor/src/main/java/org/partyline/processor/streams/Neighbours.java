package org.partyline.processor.streams;

import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The neighbours of an event in a history store keyed {@code owner, sub, time, eventId} ({@link StoreKeys#event}),
 * one seek each: a reverse range from the event's key down to the (owner, sub) prefix, or a range from it up to the
 * prefix end. The event itself, when stored, is skipped.
 */
final class Neighbours {

    private Neighbours() {
    }

    /** The value stored just before {@code key} within (owner, sub), if any. */
    static <V> Optional<V> previous(ReadOnlyKeyValueStore<String, V> store, String owner, String sub, String key) {
        try (KeyValueIterator<String, V> it = store.reverseRange(StoreKeys.prefix(owner, sub), key)) {
            return firstOtherThan(it, key);
        }
    }

    /** The value stored just after {@code key} within (owner, sub), if any. */
    static <V> Optional<V> next(ReadOnlyKeyValueStore<String, V> store, String owner, String sub, String key) {
        try (KeyValueIterator<String, V> it = store.range(key, StoreKeys.prefixEnd(owner, sub))) {
            return firstOtherThan(it, key);
        }
    }

    private static <V> Optional<V> firstOtherThan(KeyValueIterator<String, V> it, String key) {
        while (it.hasNext()) {
            KeyValue<String, V> entry = it.next();
            if (!entry.key.equals(key)) {
                return Optional.of(entry.value);
            }
        }
        return Optional.empty();
    }
}
