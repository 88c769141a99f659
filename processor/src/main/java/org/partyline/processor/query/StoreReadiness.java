package org.partyline.processor.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * Whether this instance can answer queries now: every store it has an active task of opens. A store it has no task
 * of is not asked (it could never open here, and queries for it go to the instance that holds it).
 */
public final class StoreReadiness {
    private final StoreProvider stores;
    private final InstanceLocator locator;

    public StoreReadiness(StoreProvider stores, InstanceLocator locator) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.locator = Objects.requireNonNull(locator, "locator");
    }

    /** Why this instance cannot answer queries (the first store that does not open), or empty when it can. */
    public Optional<String> unqueryable() {
        List<String> held = locator.instances().stream().filter(InstanceInfo::self).findFirst()
                .map(InstanceInfo::stores).orElse(List.of());
        for (String store : held) {
            try {
                stores.store(store);
            } catch (InvalidStateStoreException e) {
                return Optional.of("store " + store + " is not queryable: " + e.getMessage());
            }
        }
        return Optional.empty();
    }
}
