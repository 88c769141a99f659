package org.partyline.processor.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.partyline.processor.streams.StoreNames;

/**
 * The claim objects of a page of claimIds (from a party's index), read where each claim lives: the ids this
 * instance holds from its own stores, the others with one request per instance that holds some
 * ({@link Peers#claimsById}). When an instance does not answer, its ids are read from a copy here if there is one.
 * The page stops early once it holds {@link ClaimReads#POSITIONS_PER_PAGE} positions.
 */
final class ClaimFetch {
    private final InstanceLocator locator;
    private final StoreProvider stores;
    private final Peers peers;

    ClaimFetch(InstanceLocator locator, StoreProvider stores, Peers peers) {
        this.locator = locator;
        this.stores = stores;
        this.peers = peers;
    }

    /**
     * The claims of {@code ids} (sorted by claimId) in that order, unknown ids left out; {@code more} when the
     * page stopped before the last id.
     *
     * @throws InvalidStateStoreException when the claims of some ids can be read from no copy
     */
    PagePart<Bodies.Claim> fetch(List<String> ids) {
        Map<Instance, List<String>> remote = new LinkedHashMap<>();
        Map<Integer, List<String>> local = new LinkedHashMap<>();
        Map<Integer, List<String>> unplaced = new LinkedHashMap<>();
        for (String id : ids) {
            KeyOwner owner = locator.ownerOf(StoreNames.CLAIMS, id);
            if (owner instanceof KeyOwner.Local) {
                local.computeIfAbsent(owner.partition(), p -> new ArrayList<>()).add(id);
            } else if (owner instanceof KeyOwner.Remote r) {
                remote.computeIfAbsent(r.instance(), i -> new ArrayList<>()).add(id);
            } else {
                unplaced.computeIfAbsent(owner.partition(), p -> new ArrayList<>()).add(id);
            }
        }
        List<Source> sources = new ArrayList<>();
        local.forEach((partition, someIds) -> sources.add(new Source(someIds,
                ClaimReads.byIds(LocalReads.active(stores, partition), someIds))));
        remote.forEach((instance, someIds) -> sources.add(new Source(someIds, fromPeer(instance, someIds))));
        unplaced.forEach((partition, someIds) -> sources.add(new Source(someIds, fromCopyHere(partition, someIds,
                "no instance is known to hold them"))));
        return inOrder(ids, sources);
    }

    /**
     * The claims of {@code ids} (sorted) from this instance's up-to-date active partitions only, as a peer answers
     * {@link Peers#claimsById}.
     *
     * @throws InvalidStateStoreException when one of the ids is not held here (the partitions moved)
     */
    PagePart<Bodies.Claim> here(List<String> ids) {
        Map<Integer, List<String>> byPartition = new LinkedHashMap<>();
        for (String id : ids) {
            KeyOwner owner = locator.ownerOf(StoreNames.CLAIMS, id);
            if (!(owner instanceof KeyOwner.Local)) {
                throw new InvalidStateStoreException("claim " + id + " is not held on " + locator.self()
                        + " (the partitions are moving, retry)");
            }
            byPartition.computeIfAbsent(owner.partition(), p -> new ArrayList<>()).add(id);
        }
        List<Source> sources = new ArrayList<>();
        byPartition.forEach((partition, someIds) -> sources.add(new Source(someIds,
                ClaimReads.byIds(LocalReads.active(stores, partition), someIds))));
        return inOrder(ids, sources);
    }

    private PagePart<Bodies.Claim> fromPeer(Instance instance, List<String> ids) {
        try {
            Bodies.ClaimsById answer = peers.claimsById(instance, ids);
            return new PagePart<>(answer.claims(), answer.more());
        } catch (PeerException e) {
            // Each id may sit in its own partition: read each from a copy here.
            Map<Integer, List<String>> byPartition = new LinkedHashMap<>();
            ids.forEach(id -> byPartition.computeIfAbsent(locator.ownerOf(StoreNames.CLAIMS, id).partition(),
                    p -> new ArrayList<>()).add(id));
            List<Source> copies = new ArrayList<>();
            byPartition.forEach((partition, someIds) -> copies.add(new Source(someIds,
                    fromCopyHere(partition, someIds, e.getMessage()))));
            return inOrder(ids, copies);
        }
    }

    private PagePart<Bodies.Claim> fromCopyHere(int partition, List<String> ids, String why) {
        if (partition < 0) {
            throw new InvalidStateStoreException("claims " + ids + " cannot be read: " + why);
        }
        try {
            return ClaimReads.byIds(LocalReads.stale(stores, partition), ids);
        } catch (InvalidStateStoreException e) {
            throw new InvalidStateStoreException("claims " + ids + " cannot be read (" + why
                    + ") and this instance has no copy of partition " + partition + " of " + StoreNames.CLAIMS);
        }
    }

    /** Where some ids were read, and what came back for them. */
    private record Source(List<String> ids, PagePart<Bodies.Claim> part) {
    }

    /**
     * Walks {@code ids} in order, taking each claim from its source; stops at the first id a source left (it
     * stopped before it) or once the page's positions reach the bound.
     */
    private static PagePart<Bodies.Claim> inOrder(List<String> ids, List<Source> sources) {
        Map<String, Bodies.Claim> found = new HashMap<>();
        Map<String, Boolean> left = new HashMap<>();
        for (Source source : sources) {
            source.part().items().forEach(c -> found.put(c.claimId(), c));
            if (source.part().more()) {
                String last = source.part().items().get(source.part().items().size() - 1).claimId();
                source.ids().stream().filter(id -> ViewBodies.CODE_POINT_ORDER.compare(id, last) > 0)
                        .forEach(id -> left.put(id, true));
            }
        }
        List<Bodies.Claim> items = new ArrayList<>();
        int positions = 0;
        for (String id : ids) {
            if (left.containsKey(id) || positions >= ClaimReads.POSITIONS_PER_PAGE) {
                return new PagePart<>(items, true);
            }
            Bodies.Claim claim = found.get(id);
            if (claim != null) {
                items.add(claim);
                positions += ClaimReads.weight(claim);
            }
        }
        return new PagePart<>(items, false);
    }
}
