package org.partyline.processor.query;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * In-memory {@link StoreProvider}. Its active copies hold one partition of each store ({@link #FakeStores(int)}, 0 by
 * default); standby copies of other partitions can be added with their lag. A store can be made unqueryable as during
 * a rebalance, or restoring (its active copy answers only as a stale copy, with a lag).
 */
public final class FakeStores implements StoreProvider {
    private final int partition;
    private final Map<String, InMemoryStore<Object>> stores = new HashMap<>();
    private final Map<String, InMemoryStore<Object>> standbys = new HashMap<>();
    private final Map<String, Long> lags = new HashMap<>();
    private final Set<String> unavailable = new HashSet<>();
    private final Set<String> restoring = new HashSet<>();

    public FakeStores() {
        this(0);
    }

    /** Active copies of {@code partition} of every store. */
    public FakeStores(int partition) {
        this.partition = partition;
    }

    public void put(String store, String key, Object value) {
        stores.computeIfAbsent(store, s -> new InMemoryStore<>()).put(key, value);
    }

    /** A key in this instance's standby copy of {@code partition} of the store. */
    public void putStandby(String store, int partition, String key, Object value) {
        standbys.computeIfAbsent(store + "-" + partition, s -> new InMemoryStore<>()).put(key, value);
    }

    /** An (empty until filled) standby copy of {@code partition} of the store, {@code lag} records behind. */
    public void addStandby(String store, int partition, long lag) {
        standbys.computeIfAbsent(store + "-" + partition, s -> new InMemoryStore<>());
        lags.put(store + "-" + partition, lag);
    }

    public void makeUnavailable(String store) {
        unavailable.add(store);
    }

    /** The active copy is restoring, {@code lag} records behind: only a stale read opens it. */
    public void makeRestoring(String store, long lag) {
        restoring.add(store);
        lags.put(store + "-" + partition, lag);
    }

    @Override
    public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        if (unavailable.contains(name) || restoring.contains(name)) {
            throw new InvalidStateStoreException("the state store, " + name + ", may have migrated to another instance");
        }
        return cast(stores.computeIfAbsent(name, s -> new InMemoryStore<>()));
    }

    @Override
    public <V> ReadOnlyKeyValueStore<String, V> active(String name, int partition) {
        if (partition != this.partition) {
            throw new InvalidStateStoreException("The specified partition " + partition + " for store " + name
                    + " does not exist.");
        }
        return store(name);
    }

    @Override
    public <V> ReadOnlyKeyValueStore<String, V> stale(String name, int partition) {
        if (unavailable.contains(name)) {
            throw new InvalidStateStoreException("the state store, " + name + ", may have migrated to another instance");
        }
        if (partition == this.partition) {
            return cast(stores.computeIfAbsent(name, s -> new InMemoryStore<>()));
        }
        InMemoryStore<Object> standby = standbys.get(name + "-" + partition);
        if (standby == null) {
            throw new InvalidStateStoreException("The specified partition " + partition + " for store " + name
                    + " does not exist.");
        }
        return cast(standby);
    }

    @Override
    public OptionalLong lag(String name, int partition) {
        Long lag = lags.get(name + "-" + partition);
        return lag != null ? OptionalLong.of(lag) : partition == this.partition ? OptionalLong.of(0) : OptionalLong.empty();
    }

    @SuppressWarnings("unchecked")
    private static <V> ReadOnlyKeyValueStore<String, V> cast(InMemoryStore<Object> store) {
        return (ReadOnlyKeyValueStore<String, V>) (ReadOnlyKeyValueStore<String, ?>) store;
    }
}
