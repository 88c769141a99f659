package org.partyline.processor.runtime;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.partyline.processor.streams.TopologyPropertyTest;

/** The views of an instance that holds every partition, read from its stores, as the reference fold's text. */
final class LocalViews {
    private LocalViews() {
    }

    static Map<String, Object> of(KafkaStreams streams) {
        return TopologyPropertyTest.viewsOf(store -> entries(streams, store));
    }

    private static Map<String, Object> entries(KafkaStreams streams, String store) {
        ReadOnlyKeyValueStore<String, Object> view = streams.store(
                StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()));
        Map<String, Object> sorted = new TreeMap<>();
        try (KeyValueIterator<String, Object> it = view.all()) {
            it.forEachRemaining(kv -> sorted.put(kv.key, kv.value));
        }
        return sorted;
    }
}
