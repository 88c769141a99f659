package org.partyline.processor.query;

import java.util.List;

/** What one instance holds: active and standby stores and input partitions ({@code topic-partition}). */
public record InstanceInfo(String host, int port, boolean self, List<String> stores, List<String> partitions,
                           List<String> standbyStores, List<String> standbyPartitions) {

    public Instance instance() {
        return new Instance(host, port);
    }

    /** Whether this instance has an active task of {@code store}, so that it can open it and add to a list. */
    public boolean holds(String store) {
        return stores.contains(store);
    }
}
