package org.partyline.processor.streams;

import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The neighbours of an event in a history store keyed {@code owner, sub, time, eventId} ({@link StoreKeys#event}),
 * one seek each: a reverse range from the event's key down to the (owner, sub) prefix, or a range from it up to the
 * prefix end, which also finds the event itself when it is stored.
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

    /** The value stored at {@code key} and the one just after it within (owner, sub): what one seek finds there. */
    record Ahead<V>(String key, Optional<V> at, Optional<V> next) {
    }

    /** The value at {@code key} itself and the one just after it within (owner, sub), from one seek. */
    static <V> Ahead<V> ahead(ReadOnlyKeyValueStore<String, V> store, String owner, String sub, String key) {
        try (KeyValueIterator<String, V> it = store.range(key, StoreKeys.prefixEnd(owner, sub))) {
            if (!it.hasNext()) {
                return new Ahead<>(key, Optional.empty(), Optional.empty());
            }
            KeyValue<String, V> first = it.next();
            if (!first.key.equals(key)) {
                return new Ahead<>(key, Optional.empty(), Optional.of(first.value));
            }
            return new Ahead<>(key, Optional.of(first.value), it.hasNext() ? Optional.of(it.next().value)
                    : Optional.empty());
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
