package org.partyline.processor.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.partyline.processor.streams.StoreKeys;

/**
 * Reads of one partition of this instance's stores by key, by key prefix and in full, closing every iterator: the
 * up-to-date active copy, or (when {@link #stale()}) any local copy, which may lag. The stores a query reads
 * together are co-partitioned (one sub-topology), so one partition number serves them all.
 */
final class LocalReads {
    private static final StringSerializer PREFIX_SERIALIZER = new StringSerializer();
    private final StoreProvider stores;
    private final int partition;
    private final boolean stale;

    private LocalReads(StoreProvider stores, int partition, boolean stale) {
        this.stores = stores;
        this.partition = partition;
        this.stale = stale;
    }

    static LocalReads active(StoreProvider stores, int partition) {
        return new LocalReads(stores, partition, false);
    }

    static LocalReads stale(StoreProvider stores, int partition) {
        return new LocalReads(stores, partition, true);
    }

    boolean stale() {
        return stale;
    }

    int partition() {
        return partition;
    }

    /** The lag of the local copy of {@code store}'s partition: 0 for an up-to-date active copy. */
    OptionalLong lag(String store) {
        return stale ? stores.lag(store, partition) : OptionalLong.of(0);
    }

    /** Whether this copy of {@code store} is known to be up to date, so that an absence in it is a fact. */
    boolean current(String store) {
        OptionalLong lag = lag(store);
        return lag.isPresent() && lag.getAsLong() == 0;
    }

    /** Opens the partition of the store: throws InvalidStateStoreException when this copy is not queryable. */
    <V> ReadOnlyKeyValueStore<String, V> open(String store) {
        return stale ? stores.stale(store, partition) : stores.active(store, partition);
    }

    <V> V get(String store, String key) {
        return this.<V>open(store).get(key);
    }

    /** Values of every key that starts with these parts, in key order. */
    <V> List<V> withPrefix(String store, String... parts) {
        List<V> values = new ArrayList<>();
        try (KeyValueIterator<String, V> it = this.<V>open(store).prefixScan(StoreKeys.prefix(parts),
                PREFIX_SERIALIZER)) {
            it.forEachRemaining(kv -> values.add(kv.value));
        }
        return values;
    }

    /** Values of the keys from {@code from} to {@code to} (both included), in key order. */
    <V> List<V> range(String store, String from, String to) {
        List<V> values = new ArrayList<>();
        try (KeyValueIterator<String, V> it = this.<V>open(store).range(from, to)) {
            it.forEachRemaining(kv -> values.add(kv.value));
        }
        return values;
    }

    /**
     * The values of the keys from {@code from} to {@code to} (both included), in key order, each turned into an item
     * by {@code item} (empty: left out), until {@code max} items are found: one seek, then as many entries as those
     * items take.
     */
    <V, T> List<T> scan(String store, String from, String to, int max, Function<V, Optional<T>> item) {
        List<T> items = new ArrayList<>();
        try (KeyValueIterator<String, V> it = this.<V>open(store).range(from, to)) {
            while (items.size() < max && it.hasNext()) {
                item.apply(it.next().value).ifPresent(items::add);
            }
        }
        return items;
    }

    /**
     * The first entries from {@code from} to {@code to} (both included), in key order: at most {@code max}, and no
     * more once their {@code size} adds up to more than {@code budget}; the entry that goes over it is included, and
     * at least two are read when there are, so that the caller can stop before it and still know that more follow.
     */
    <V> List<KeyValue<String, V>> entries(String store, String from, String to, int max, long budget,
                                          ToIntFunction<V> size) {
        List<KeyValue<String, V>> entries = new ArrayList<>();
        long used = 0;
        try (KeyValueIterator<String, V> it = this.<V>open(store).range(from, to)) {
            while (entries.size() < max && (used <= budget || entries.size() < 2) && it.hasNext()) {
                KeyValue<String, V> entry = it.next();
                used += size.applyAsInt(entry.value);
                entries.add(entry);
            }
        }
        return entries;
    }

    boolean hasPrefix(String store, String... parts) {
        try (KeyValueIterator<String, Object> it = open(store).prefixScan(StoreKeys.prefix(parts),
                PREFIX_SERIALIZER)) {
            return it.hasNext();
        }
    }

    /**
     * At most {@code max} of the distinct first parts of the keys that come after {@code after} (none: from the
     * first) and start with {@code prefix} (empty: any), in key order, one seek per part as {@link #firstParts}.
     */
    List<String> firstParts(String store, Optional<String> after, String prefix, int max) {
        ReadOnlyKeyValueStore<String, Object> kv = open(store);
        List<String> parts = new ArrayList<>();
        String from = after.map(StoreKeys::prefixEnd).orElse(prefix);
        if (!prefix.isEmpty() && ViewBodies.CODE_POINT_ORDER.compare(from, prefix) < 0) {
            from = prefix;
        }
        while (parts.size() < max) {
            try (KeyValueIterator<String, Object> it = kv.range(from, null)) {
                if (!it.hasNext()) {
                    return parts;
                }
                String part = StoreKeys.part(it.next().key, 0);
                if (!part.startsWith(prefix)) {
                    return parts;
                }
                parts.add(part);
                from = StoreKeys.prefixEnd(part);
            }
        }
        return parts;
    }

    <V> void forEach(String store, BiConsumer<String, V> action) {
        try (KeyValueIterator<String, V> it = this.<V>open(store).all()) {
            while (it.hasNext()) {
                KeyValue<String, V> kv = it.next();
                action.accept(kv.key, kv.value);
            }
        }
    }
}
