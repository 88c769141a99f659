package org.partyline.processor.query;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link StoreProvider} over a running {@link KafkaStreams}: the active local partitions of a key-value store, one
 * partition of it ({@code withPartition}), or a possibly stale copy of one ({@code enableStaleStores}, KIP-535),
 * whose lag comes from {@link KafkaStreams#allLocalStorePartitionLags()}.
 */
public final class StreamsStoreProvider implements StoreProvider {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsStoreProvider.class);
    private final KafkaStreams streams;

    public StreamsStoreProvider(KafkaStreams streams) {
        this.streams = Objects.requireNonNull(streams, "streams");
    }

    @Override
    public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }

    @Override
    public <V> ReadOnlyKeyValueStore<String, V> active(String name, int partition) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())
                .withPartition(partition));
    }

    @Override
    public <V> ReadOnlyKeyValueStore<String, V> stale(String name, int partition) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())
                .withPartition(partition).enableStaleStores());
    }

    /** Asks the broker for the changelog's end offset: called only for answers from a stale copy. */
    @Override
    public OptionalLong lag(String name, int partition) {
        try {
            Map<Integer, LagInfo> lags = streams.allLocalStorePartitionLags().get(name);
            LagInfo lag = lags == null ? null : lags.get(partition);
            return lag == null ? OptionalLong.empty() : OptionalLong.of(Math.max(0, lag.offsetLag()));
        } catch (StreamsException | IllegalStateException e) {
            LOG.warn("Cannot tell the lag of {} partition {}: {}", name, partition, e.getMessage());
            return OptionalLong.empty();
        }
    }
}
