package org.partyline.processor.query;

import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.partyline.processor.streams.StoreKeys;
import org.partyline.processor.streams.StoreNames;
import org.partyline.producer.events.EventRules;

/**
 * Which parties exist. A party is known once any event names it: {@code stances} (its statements) or
 * {@code party-claims} (its claim events) has a key with its prefix. The two stores are partitioned differently,
 * so the two owners may be two instances.
 */
public final class PartyDirectory {
    private static final List<String> PARTY_STORES = List.of(StoreNames.STANCES, StoreNames.PARTY_CLAIMS);

    private final LocalReads reads;
    private final Routing routing;
    private final InstanceLocator locator;
    private final Peers peers;

    public PartyDirectory(StoreProvider stores, InstanceLocator locator, Peers peers) {
        this.reads = new LocalReads(stores);
        this.routing = new Routing(locator);
        this.locator = locator;
        this.peers = peers;
    }

    /** {@code /api/parties}: the parties of every instance, sorted. */
    public QueryResult<Bodies.Parties> parties() {
        return Routing.guarded(() -> {
            TreeSet<String> all = new TreeSet<>(ViewBodies.CODE_POINT_ORDER);
            for (InstanceInfo info : Routing.holders(locator.instances(), PARTY_STORES)) {
                all.addAll(info.self() ? localPartyList(info) : peers.parties(info.instance()));
            }
            return new QueryResult.Found<>(new Bodies.Parties(List.copyOf(all)));
        });
    }

    /** The parties of this instance's local {@code stances} and {@code party-claims} (those it holds), sorted. */
    public QueryResult<Bodies.Parties> localParties() {
        return Routing.guarded(() -> {
            InstanceInfo self = locator.instances().stream().filter(InstanceInfo::self).findFirst().orElseThrow();
            return new QueryResult.Found<>(new Bodies.Parties(localPartyList(self)));
        });
    }

    /** Internal: whether this instance's {@code store} knows the party; unavailable when it does not hold it. */
    public QueryResult<Bodies.Known> knownHere(String store, String rawParty) {
        if (!StoreNames.STANCES.equals(store) && !StoreNames.PARTY_CLAIMS.equals(store)) {
            return new QueryResult.Invalid<>("store must be " + StoreNames.STANCES + " or " + StoreNames.PARTY_CLAIMS
                    + ", not '" + store + "'");
        }
        return forParty(rawParty, party -> routing.at(store, party, true,
                () -> new QueryResult.Found<>(new Bodies.Known(reads.hasPrefix(store, party)))));
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
     * Whether {@code store} knows the party, asking the instance that holds it.
     *
     * @throws InvalidStateStoreException when nobody can say now
     * @throws PeerException when the holder does not answer
     */
    boolean knownIn(String store, String party) {
        KeyOwner owner = locator.ownerOf(store, party);
        if (owner instanceof KeyOwner.Remote remote) {
            return peers.partyKnown(remote.instance(), store, party);
        }
        if (owner instanceof KeyOwner.Unavailable unavailable) {
            throw new InvalidStateStoreException("store " + store + " cannot locate '" + party + "': "
                    + unavailable.reason());
        }
        return reads.hasPrefix(store, party);
    }

    private List<String> localPartyList(InstanceInfo self) {
        TreeSet<String> parties = new TreeSet<>(ViewBodies.CODE_POINT_ORDER);
        for (String store : PARTY_STORES) {
            if (self.holds(store)) {
                reads.forEach(store, (String key, Object value) -> parties.add(StoreKeys.part(key, 0)));
            }
        }
        return List.copyOf(parties);
    }
}
