package org.partyline.processor.query;

import java.util.OptionalLong;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The port through which queries read this instance's local state stores, so they can be tested without Kafka.
 * The runtime implementation is {@link StreamsStoreProvider}.
 */
public interface StoreProvider {

    /**
     * Every local active partition of the store, as one store.
     *
     * @throws InvalidStateStoreException while the store is not queryable (starting, rebalancing, closed)
     */
    <V> ReadOnlyKeyValueStore<String, V> store(String name);

    /**
     * One partition of the store, only when this instance holds its active copy and it is up to date (running, not
     * restoring).
     *
     * @throws InvalidStateStoreException when it does not
     */
    <V> ReadOnlyKeyValueStore<String, V> active(String name, int partition);

    /**
     * Any local copy of one partition of the store: a standby, or an active copy still restoring. It may be behind
     * the changelog by {@link #lag}.
     *
     * @throws InvalidStateStoreException when this instance has no copy of it
     */
    <V> ReadOnlyKeyValueStore<String, V> stale(String name, int partition);

    /** How many changelog records the local copy of the partition is behind, or empty when it cannot be said. */
    OptionalLong lag(String name, int partition);
}
