package org.partyline.processor.query;

import java.util.List;
import java.util.function.Supplier;

import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * Runs a query where its key lives: here when this instance holds it, otherwise says who does. A request that
 * another instance already forwarded is answered here or not at all, so a request never travels twice.
 */
final class Routing {
    private final InstanceLocator locator;

    Routing(InstanceLocator locator) {
        this.locator = locator;
    }

    <T> QueryResult<T> at(String store, String key, boolean forwarded, Supplier<QueryResult<T>> local) {
        KeyOwner owner = locator.ownerOf(store, key);
        if (owner instanceof KeyOwner.Remote remote) {
            if (forwarded) {
                return new QueryResult.Unavailable<>("store " + store + " holds '" + key + "' on " + remote.instance()
                        + ", not on " + locator.self() + " which was asked by another instance: the partitions are"
                        + " moving, retry");
            }
            return new QueryResult.FoundRemotely<>(remote.instance());
        }
        if (owner instanceof KeyOwner.Unavailable unavailable) {
            return new QueryResult.Unavailable<>("store " + store + " cannot locate '" + key + "': "
                    + unavailable.reason());
        }
        return guarded(local);
    }

    /**
     * The instances a list read from {@code stores} is gathered from: those that hold an active part of any of them.
     * An instance with no task of a store has nothing to add and cannot open it (Kafka Streams says the store "may
     * have migrated"), which happens whenever there are more instances than partitions.
     *
     * @throws InvalidStateStoreException when no instance holds one of the stores yet (starting, rebalancing)
     */
    static List<InstanceInfo> holders(List<InstanceInfo> instances, List<String> stores) {
        for (String store : stores) {
            if (instances.stream().noneMatch(info -> info.holds(store))) {
                throw new InvalidStateStoreException("no instance holds store " + store + " yet");
            }
        }
        return instances.stream().filter(info -> stores.stream().anyMatch(info::holds)).toList();
    }

    /** Turns a store that is not queryable, or a peer that does not answer, into {@link QueryResult.Unavailable}. */
    static <T> QueryResult<T> guarded(Supplier<QueryResult<T>> query) {
        try {
            return query.get();
        } catch (InvalidStateStoreException e) {
            return new QueryResult.Unavailable<>("store not queryable: " + e.getMessage());
        } catch (PeerException e) {
            return new QueryResult.Unavailable<>(e.getMessage());
        }
    }
}
