package org.partyline.processor.query;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** In-memory {@link StoreProvider}; a store can be made unqueryable as during a rebalance. */
public final class FakeStores implements StoreProvider {
    private final Map<String, InMemoryStore<Object>> stores = new HashMap<>();
    private final Set<String> unavailable = new HashSet<>();

    public void put(String store, String key, Object value) {
        stores.computeIfAbsent(store, s -> new InMemoryStore<>()).put(key, value);
    }

    public void makeUnavailable(String store) {
        unavailable.add(store);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        if (unavailable.contains(name)) {
            throw new InvalidStateStoreException("the state store, " + name + ", may have migrated to another instance");
        }
        return (ReadOnlyKeyValueStore<String, V>) (ReadOnlyKeyValueStore<String, ?>)
                stores.computeIfAbsent(name, s -> new InMemoryStore<>());
    }
}
