package org.partyline.processor.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.partyline.processor.streams.StoreNames;
import org.partyline.events.EventRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which parties exist. A party is known once any event names it: {@code stances} (its statements) or
 * {@code party-claims} (its claim events) has a key with its prefix. The two stores are partitioned differently,
 * so the two owners may be two instances. A party once known stays known, so a standby copy that knows it is right;
 * one that does not proves nothing unless it is up to date.
 */
public final class PartyDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(PartyDirectory.class);
    /**
     * Where the list of parties is read: {@code stance-history} holds a statement of every party {@code stances}
     * holds (the fold writes both, in one transaction) and has no record cache, so the seek to each next party is a
     * plain RocksDB seek (so is the seek in {@code party-claims}, which has none either); a range over a cached store
     * such as {@code stances} copies every cached key of the range.
     */
    private static final List<String> LIST_STORES = List.of(StoreNames.STANCE_HISTORY, StoreNames.PARTY_CLAIMS);
    /** Cursor parts of the list of parties: the party. */
    public static final int ARITY = 1;

    private final StoreProvider stores;
    private final Routing routing;
    private final ListGathering gathering;
    private final InstanceLocator locator;
    private final Peers peers;

    public PartyDirectory(StoreProvider stores, InstanceLocator locator, Peers peers) {
        this.stores = stores;
        this.routing = new Routing(locator, stores);
        this.gathering = new ListGathering(locator, stores);
        this.locator = locator;
        this.peers = peers;
    }

    /** {@code /api/parties}, first page. */
    public QueryResult<Bodies.Parties> parties() {
        return parties(null, PageRequest.FIRST);
    }

    /**
     * {@code /api/parties}: one page of the parties of every partition of both stores, sorted, those that start with
     * {@code rawPrefix} (trimmed and upper-cased like a party; null or empty: all); unavailable if a partition is
     * missing. Each instance answers for its partitions at most a page and one more party after the cursor (one
     * request per other instance, {@link #localParties}); this instance merges the parts and keeps the page, so
     * {@code next} is there exactly when some part had more than the page. Cost per partition: one seek per party
     * returned.
     */
    public QueryResult<Bodies.Parties> parties(String rawPrefix, PageRequest page) {
        return withPrefix(rawPrefix, prefix -> Routing.guarded(() -> ListGathering.map(
                gathering.gather(LIST_STORES, (reads, store) -> pageOf(reads, store, prefix, page), peer -> {
                    Bodies.PartiesPart part = peers.parties(peer, prefix, page);
                    return new ListGathering.Part<>(part.parties(), part.partitions());
                }),
                all -> {
                    Page<String> p = Page.of(ListGathering.sortedDistinct(all), page, Cursor::of);
                    return new Bodies.Parties(p.items(), p.nextToken());
                })));
    }

    /**
     * Internal: the parties of this instance's up-to-date active partitions of {@code stance-history} and
     * {@code party-claims} after the cursor and with
     * the prefix, at most a page and one more (so that the asker sees whether the list goes on), and which partitions.
     */
    public QueryResult<Bodies.PartiesPart> localParties(String rawPrefix, PageRequest page) {
        return withPrefix(rawPrefix, prefix -> Routing.guarded(() -> {
            ListGathering.Part<String> part = gathering.localPart(LIST_STORES,
                    (reads, store) -> pageOf(reads, store, prefix, page));
            List<String> parties = ListGathering.sortedDistinct(part.items());
            return new QueryResult.Found<>(new Bodies.PartiesPart(
                    parties.subList(0, Math.min(parties.size(), page.limit() + 1)), part.partitions()));
        }));
    }

    private static List<String> pageOf(LocalReads reads, String store, String prefix, PageRequest page) {
        return reads.firstParts(store, page.after().map(c -> c.part(0)), prefix, page.limit() + 1);
    }

    /** Runs {@code query} with the normalized prefix (empty: none), or refuses one no party can start with. */
    private static <T> QueryResult<T> withPrefix(String rawPrefix, Function<String, QueryResult<T>> query) {
        String prefix = rawPrefix == null ? "" : EventRules.normalizeParty(rawPrefix);
        if (!prefix.isEmpty() && !EventRules.isParty(prefix)) {
            return new QueryResult.Invalid<>("prefix must be the start of a party name ([A-Z0-9][A-Z0-9_.-]{0,63}"
                    + " after trimming and upper-casing), not '" + rawPrefix + "'");
        }
        return query.apply(prefix);
    }

    /**
     * Internal: whether this instance's {@code store} knows the party: its active copy ({@link Asked#FORWARDED}) or
     * its standby copy ({@link Asked#STANDBY}); unavailable when it has no such copy, or a lagging copy does not know.
     */
    public QueryResult<Bodies.Known> knownHere(String store, String rawParty, Asked asked) {
        if (!StoreNames.STANCES.equals(store) && !StoreNames.PARTY_CLAIMS.equals(store)) {
            return new QueryResult.Invalid<>("store must be " + StoreNames.STANCES + " or " + StoreNames.PARTY_CLAIMS
                    + ", not '" + store + "'");
        }
        Asked here = asked == Asked.STANDBY ? Asked.STANDBY : Asked.FORWARDED;
        return forParty(rawParty, party -> routing.at(store, party, here, reads -> {
            if (reads.hasPrefix(store, party)) {
                return new QueryResult.Found<>(new Bodies.Known(true));
            }
            return reads.stale() && !reads.current(store)
                    ? new QueryResult.Unavailable<>("party " + party + " is not in a standby copy of " + store
                            + " that may lag, which cannot prove it unknown")
                    : new QueryResult.Found<>(new Bodies.Known(false));
        }));
    }

    /** Runs {@code query} for the normalized party (CONTRACT section 4), or refuses a party that breaks the rule. */
    static <T> QueryResult<T> forParty(String rawParty, Function<String, QueryResult<T>> query) {
        String party = EventRules.normalizeParty(rawParty);
        if (!EventRules.isParty(party)) {
            return new QueryResult.Invalid<>("'" + rawParty + "' is not a party: expected [A-Z0-9][A-Z0-9_.-]{0,63}"
                    + " after trimming and upper-casing");
        }
        return query.apply(party);
    }

    static <T> QueryResult<T> unknownParty(String party) {
        return new QueryResult.NotFound<>("unknown party " + party);
    }

    /**
     * Whether {@code store} knows the party: its up-to-date active copy (here or on the instance that holds it), or
     * else a standby copy that knows it or is up to date.
     *
     * @throws InvalidStateStoreException when no copy can say
     */
    boolean knownIn(String store, String party) {
        KeyOwner owner = locator.ownerOf(store, party);
        List<String> why = new ArrayList<>();
        if (owner instanceof KeyOwner.Local) {
            try {
                return LocalReads.active(stores, owner.partition()).hasPrefix(store, party);
            } catch (InvalidStateStoreException e) {
                why.add("its active copy here is not queryable: " + e.getMessage());
            }
        } else if (owner instanceof KeyOwner.Remote remote) {
            try {
                return peers.partyKnown(remote.instance(), store, party, false);
            } catch (PeerException e) {
                why.add(e.getMessage());
            }
        } else {
            why.add(((KeyOwner.Unavailable) owner).reason());
        }
        if (owner.partition() >= 0) {
            LocalReads copy = LocalReads.stale(stores, owner.partition());
            try {
                if (copy.hasPrefix(store, party)) {
                    return true;
                }
                if (copy.current(store)) {
                    return false;
                }
                why.add("the standby copy here does not know it and may lag");
            } catch (InvalidStateStoreException e) {
                LOG.debug("No local copy of {} partition {}: {}", store, owner.partition(), e.getMessage());
            }
            for (Instance standby : owner.standbys()) {
                if (!standby.equals(locator.self())) {
                    try {
                        return peers.partyKnown(standby, store, party, true);
                    } catch (PeerException e) {
                        why.add(e.getMessage());
                    }
                }
            }
        }
        throw new InvalidStateStoreException("store " + store + " cannot say whether party " + party + " is known: "
                + String.join("; ", why));
    }

}
