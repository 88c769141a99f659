package org.partyline.processor.query;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The port through which queries read this instance's local state stores, so they can be tested without Kafka.
 * The runtime implementation is {@link StreamsStoreProvider}.
 */
public interface StoreProvider {

    /**
     * The local (active) store of that name.
     *
     * @throws InvalidStateStoreException while the store is not queryable (starting, rebalancing, closed)
     */
    <V> ReadOnlyKeyValueStore<String, V> store(String name);
}
