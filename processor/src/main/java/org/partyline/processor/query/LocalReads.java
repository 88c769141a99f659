package org.partyline.processor.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.partyline.processor.streams.StoreKeys;

/** Reads of this instance's stores by key, by key prefix and in full, closing every iterator. */
final class LocalReads {
    private static final StringSerializer PREFIX_SERIALIZER = new StringSerializer();
    private final StoreProvider stores;

    LocalReads(StoreProvider stores) {
        this.stores = stores;
    }

    <V> V get(String store, String key) {
        return stores.<V>store(store).get(key);
    }

    /** Values of every key that starts with these parts, in key order. */
    <V> List<V> withPrefix(String store, String... parts) {
        List<V> values = new ArrayList<>();
        try (KeyValueIterator<String, V> it = stores.<V>store(store).prefixScan(StoreKeys.prefix(parts),
                PREFIX_SERIALIZER)) {
            it.forEachRemaining(kv -> values.add(kv.value));
        }
        return values;
    }

    boolean hasPrefix(String store, String... parts) {
        try (KeyValueIterator<String, Object> it = stores.store(store).prefixScan(StoreKeys.prefix(parts),
                PREFIX_SERIALIZER)) {
            return it.hasNext();
        }
    }

    <V> void forEach(String store, BiConsumer<String, V> action) {
        try (KeyValueIterator<String, V> it = stores.<V>store(store).all()) {
            while (it.hasNext()) {
                KeyValue<String, V> kv = it.next();
                action.accept(kv.key, kv.value);
            }
        }
    }
}
