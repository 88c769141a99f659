package org.partyline.processor.streams;

import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Writes a re-keyed view (after its repartition) into its store under {@code recordKey, subKey(value)}: one
 * entry per (topic, party) or (party, claim), on the instance that holds the record key.
 */
final class RekeyedViewWriter<V> implements Processor<String, V, Void, Void> {
    private final String storeName;
    private final Function<V, String> subKey;
    private KeyValueStore<String, V> store;

    RekeyedViewWriter(String storeName, Function<V, String> subKey) {
        this.storeName = storeName;
        this.subKey = subKey;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, V> record) {
        store.put(StoreKeys.of(record.key(), subKey.apply(record.value())), record.value());
    }
}
