package org.partyline.processor.query;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a point query where its key lives. The up-to-date active copy of the key's partition answers: here, or on
 * the instance that holds it. When that copy cannot (restoring, rebalancing, its holder down), a standby copy
 * answers, marked as such with its lag: this instance's, or another's. Never an answer from part of a store.
 *
 * <p>A request that another instance already forwarded is answered here or not at all, so a request never travels
 * twice. A standby copy that may lag never answers "not found": an absence in it proves nothing.
 */
final class Routing {
    private static final Logger LOG = LoggerFactory.getLogger(Routing.class);
    private final InstanceLocator locator;
    private final StoreProvider stores;

    Routing(InstanceLocator locator, StoreProvider stores) {
        this.locator = locator;
        this.stores = stores;
    }

    <T> QueryResult<T> at(String store, String key, Asked asked, Function<LocalReads, QueryResult<T>> query) {
        KeyOwner owner = locator.ownerOf(store, key);
        if (asked == Asked.STANDBY) {
            QueryResult<T> stale = onLocalCopy(store, owner.partition(), query);
            return stale != null ? stale : new QueryResult.Unavailable<>("store " + store + " has no copy of the"
                    + " partition of '" + key + "' on " + locator.self() + ", which was asked for its standby");
        }
        if (owner instanceof KeyOwner.Local) {
            return activeHere(store, key, owner, asked, query);
        }
        if (owner instanceof KeyOwner.Remote remote) {
            if (asked == Asked.FORWARDED) {
                return new QueryResult.Unavailable<>("store " + store + " holds '" + key + "' on " + remote.instance()
                        + ", not on " + locator.self() + " which was asked by another instance: the partitions are"
                        + " moving, retry");
            }
            return new QueryResult.FoundRemotely<>(remote.instance(), false, () -> onStandby(store, key, owner,
                    "its active copy on " + remote.instance() + " did not answer", query));
        }
        String reason = "store " + store + " cannot locate '" + key + "': "
                + ((KeyOwner.Unavailable) owner).reason();
        return asked == Asked.FORWARDED ? new QueryResult.Unavailable<>(reason)
                : onStandby(store, key, owner, reason, query);
    }

    /** The local active copy of the key's partition, and when it is not queryable, a standby copy. */
    private <T> QueryResult<T> activeHere(String store, String key, KeyOwner owner, Asked asked,
                                          Function<LocalReads, QueryResult<T>> query) {
        QueryResult<T> result = guarded(() -> query.apply(LocalReads.active(stores, owner.partition())));
        if (result instanceof QueryResult.Unavailable<T> unavailable && asked == Asked.CLIENT) {
            return onStandby(store, key, owner, unavailable.reason(), query);
        }
        return result;
    }

    /**
     * A standby answer: this instance's local copy of the partition if it has one, else each other standby holder
     * in turn, else unavailable with {@code why}.
     */
    private <T> QueryResult<T> onStandby(String store, String key, KeyOwner owner, String why,
                                         Function<LocalReads, QueryResult<T>> query) {
        if (owner.partition() < 0) {
            return new QueryResult.Unavailable<>(why);
        }
        QueryResult<T> local = onLocalCopy(store, owner.partition(), query);
        if (local != null && !(local instanceof QueryResult.Unavailable<T>)) {
            return local;
        }
        List<Instance> others = new ArrayList<>(owner.standbys());
        others.remove(locator.self());
        String reason = local == null ? why : why + "; " + ((QueryResult.Unavailable<T>) local).reason();
        return viaStandbys(others, "store " + store + " partition " + owner.partition() + " of '" + key + "' has no"
                + " standby that answers (" + reason + ")");
    }

    private static <T> QueryResult<T> viaStandbys(List<Instance> standbys, String reason) {
        if (standbys.isEmpty()) {
            return new QueryResult.Unavailable<>(reason);
        }
        return new QueryResult.FoundRemotely<>(standbys.get(0), true,
                () -> viaStandbys(standbys.subList(1, standbys.size()), reason));
    }

    /**
     * The answer of this instance's local copy (standby or restoring) of the partition, marked with its lag; null
     * when it has none. "Not found" from a copy that may lag is unavailable.
     */
    private <T> QueryResult<T> onLocalCopy(String store, int partition, Function<LocalReads, QueryResult<T>> query) {
        if (partition < 0) {
            return null;
        }
        LocalReads reads = LocalReads.stale(stores, partition);
        try {
            reads.open(store);
        } catch (InvalidStateStoreException e) {
            LOG.debug("No local copy of {} partition {}: {}", store, partition, e.getMessage());
            return null;
        }
        QueryResult<T> result = guarded(() -> query.apply(reads));
        if (result instanceof QueryResult.Found<T> found) {
            return new QueryResult.FoundOnStandby<>(found.body(), reads.lag(store));
        }
        if (result instanceof QueryResult.NotFound<T> notFound && !reads.current(store)) {
            OptionalLong lag = reads.lag(store);
            return new QueryResult.Unavailable<>(notFound.reason() + " in a standby copy of " + store + " partition "
                    + partition + " that may lag (" + (lag.isPresent() ? lag.getAsLong() + " records" : "lag unknown")
                    + "), which cannot prove it absent");
        }
        return result;
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
