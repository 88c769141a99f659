package org.partyline.processor.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.partyline.processor.streams.StoreKeys;
import org.partyline.processor.streams.StoreNames;
import org.partyline.events.EventRules;
import org.partyline.schema.view.StanceSummary;

/**
 * Stances kept in partitions other than the one a query runs on, gathered with one request per instance.
 * A topic's {@code topic-stances} partition and the {@code stances} partitions of the parties on it are usually on
 * different instances: the keys are grouped by the instance that holds their partition, this instance reads its own
 * partitions, and each other instance is asked once for all it holds, through an {@code /internal/...} endpoint
 * answered from its up-to-date active copies only ({@link #localStancesAt}, {@link #localTopicStances}). A key whose
 * holder cannot answer makes the whole answer unavailable ({@link PeerException} or
 * {@link InvalidStateStoreException}, which {@link Routing#guarded} turns into 503), never a partial one.
 */
public final class StanceGathering {
    private final StoreProvider stores;
    private final InstanceLocator locator;
    private final Peers peers;

    public StanceGathering(StoreProvider stores, InstanceLocator locator, Peers peers) {
        this.stores = stores;
        this.locator = locator;
        this.peers = peers;
    }

    /**
     * The stances as of {@code asOf} of each (party, topic), those with a statement by then (a party with a stance by
     * then has one now, so the pairs to ask for are those with a stance now).
     *
     * <p>The views that gather these show no count of statements, so none is made ({@code statements} is
     * {@link Bodies.StanceAt#NOT_COUNTED}), and {@code since} only when {@code withSince} ({@code null} otherwise).
     * Cost: for each pair, one point read of {@code stances} (none now: nothing more), then nothing more when
     * {@code asOf} is at or after its latest statement, else one reverse seek for the stance
     * ({@link StanceAsOfReads#stanceOnly}), or two or three with {@code since} ({@link StanceAsOfReads#stanceSince}).
     * One request per other instance holding some of the parties; none when all are here.
     */
    List<Bodies.StanceAt> stancesAt(Collection<PartyTopic> pairs, Instant asOf, boolean withSince) {
        Holders<PartyTopic> holders = holders(StoreNames.STANCES, pairs, PartyTopic::party);
        List<Bodies.StanceAt> found = new ArrayList<>();
        holders.local().forEach((partition, here) -> found.addAll(readStancesAt(LocalReads.active(stores, partition),
                here, asOf, withSince)));
        holders.remote().forEach((peer, there) ->
                found.addAll(peers.stancesAt(peer, there, asOf, withSince).stances()));
        return found;
    }

    /**
     * The current stances on {@code topics} of the first {@code max} parties after {@code after} (empty: from the
     * first), by party, from {@code topic-stances} ({@link FirstParties}). Cost: per topic one seek and at most one
     * entry per party returned; one request per other instance holding some of the topics.
     */
    List<Bodies.HeldTopicStance> topicStances(Collection<String> topics, Optional<String> after, int max) {
        Holders<String> holders = holders(StoreNames.TOPIC_STANCES, topics);
        List<Bodies.HeldTopicStance> found = new ArrayList<>();
        holders.local().forEach((partition, here) ->
                found.addAll(FirstParties.read(LocalReads.active(stores, partition), here, after, max)));
        holders.remote().forEach((peer, there) -> found.addAll(peers.topicStances(peer, there, after, max)
                .stances()));
        return FirstParties.merge(found, max);
    }

    /**
     * Internal ({@code /internal/stances-at}): {@link #stancesAt} of comma-separated {@code PARTY:topic} pairs, all
     * read here, with {@code since} unless {@code rawSince} is {@code false}; unavailable when a party's partition of
     * {@code stances} is not active and up to date on this instance.
     */
    public QueryResult<Bodies.StancesAt> localStancesAt(String rawPairs, String rawAsOf, String rawSince) {
        boolean withSince = !"false".equals(rawSince);
        return AsOf.with(rawAsOf, asOf -> {
            if (asOf.isNow()) {
                return new QueryResult.Invalid<>("asOf is required");
            }
            List<PartyTopic> pairs = new ArrayList<>();
            for (String written : list(rawPairs)) {
                Optional<PartyTopic> pair = PartyTopic.read(written);
                if (pair.isEmpty()) {
                    return new QueryResult.Invalid<>("'" + written + "' is not a PARTY:topic pair");
                }
                pairs.add(pair.get());
            }
            return Routing.guarded(() -> {
                List<Bodies.StanceAt> found = new ArrayList<>();
                localOnly(StoreNames.STANCES, pairs, PartyTopic::party).forEach((partition, here) -> found.addAll(
                        readStancesAt(LocalReads.active(stores, partition), here, asOf.instant().orElseThrow(),
                                withSince)));
                return new QueryResult.Found<>(new Bodies.StancesAt(found));
            });
        });
    }

    /**
     * Internal ({@code /internal/topic-stances}): the current stances on comma-separated topics, all read here, of
     * the first {@code rawParties} parties after {@code rawAfter} (both optional: every party); unavailable when a
     * topic's partition of {@code topic-stances} is not active and up to date on this instance.
     */
    public QueryResult<Bodies.TopicStancesPart> localTopicStances(String rawTopics, String rawAfter,
                                                                  String rawParties) {
        List<String> topics = list(rawTopics);
        String bad = firstBad(topics, EventRules::isSlug, "topic")
                + (rawAfter == null ? "" : firstBad(List.of(rawAfter), EventRules::isParty, "party"));
        if (!bad.isEmpty()) {
            return new QueryResult.Invalid<>(bad.strip());
        }
        int max;
        try {
            max = rawParties == null ? Integer.MAX_VALUE : Integer.parseInt(rawParties);
        } catch (NumberFormatException e) {
            return new QueryResult.Invalid<>("parties must be a whole number, not '" + rawParties + "'");
        }
        if (max < 1) {
            return new QueryResult.Invalid<>("parties must be at least 1, not " + max);
        }
        int parties = max;
        return Routing.guarded(() -> {
            List<Bodies.HeldTopicStance> found = new ArrayList<>();
            localOnly(StoreNames.TOPIC_STANCES, topics, t -> t).forEach((partition, here) -> found.addAll(
                    FirstParties.read(LocalReads.active(stores, partition), here, Optional.ofNullable(rawAfter),
                            parties)));
            return new QueryResult.Found<>(new Bodies.TopicStancesPart(found));
        });
    }

    private static List<Bodies.StanceAt> readStancesAt(LocalReads reads, Collection<PartyTopic> pairs, Instant asOf,
                                                       boolean withSince) {
        StanceAsOfReads seeks = new StanceAsOfReads(reads);
        List<Bodies.StanceAt> found = new ArrayList<>();
        for (PartyTopic pair : pairs) {
            String party = pair.party();
            String topic = pair.topic();
            StanceSummary now = reads.get(StoreNames.STANCES, StoreKeys.of(party, topic));
            if (now != null && withSince) {
                seeks.stanceSince(now, asOf).ifPresent(s -> found.add(new Bodies.StanceAt(party, topic,
                        s.stance(), s.since(), Bodies.StanceAt.NOT_COUNTED)));
            } else if (now != null) {
                seeks.stanceOnly(now, asOf).ifPresent(s -> found.add(new Bodies.StanceAt(party, topic, s, null,
                        Bodies.StanceAt.NOT_COUNTED)));
            }
        }
        return found;
    }

    /** Items by the partition of {@code store} this instance holds for their key, and by the other instance. */
    private record Holders<T>(Map<Integer, List<T>> local, Map<Instance, List<T>> remote) {
    }

    private Holders<String> holders(String store, Collection<String> keys) {
        return holders(store, keys, key -> key);
    }

    private <T> Holders<T> holders(String store, Collection<T> items, Function<T, String> keyOf) {
        Map<Integer, List<T>> local = new TreeMap<>();
        Map<Instance, List<T>> remote = new LinkedHashMap<>();
        for (T item : items) {
            String key = keyOf.apply(item);
            KeyOwner owner = locator.ownerOf(store, key);
            if (owner instanceof KeyOwner.Local) {
                local.computeIfAbsent(owner.partition(), p -> new ArrayList<>()).add(item);
            } else if (owner instanceof KeyOwner.Remote r) {
                remote.computeIfAbsent(r.instance(), i -> new ArrayList<>()).add(item);
            } else {
                throw new InvalidStateStoreException("store " + store + " cannot locate '" + key + "': "
                        + ((KeyOwner.Unavailable) owner).reason());
            }
        }
        return new Holders<>(local, remote);
    }

    /** The partitions of items another instance asks about: each must be held here, or the answer is unavailable. */
    private <T> Map<Integer, List<T>> localOnly(String store, List<T> items, Function<T, String> keyOf) {
        Holders<T> holders = holders(store, items, keyOf);
        if (!holders.remote().isEmpty()) {
            throw new InvalidStateStoreException("store " + store + " holds " + holders.remote() + " on other"
                    + " instances, not on " + locator.self() + " which was asked for them: the partitions are moving,"
                    + " retry");
        }
        return holders.local();
    }

    private static List<String> list(String raw) {
        return raw == null || raw.isEmpty() ? List.of() : Arrays.asList(raw.split(",", -1));
    }

    private static String firstBad(List<String> values, Predicate<String> valid, String what) {
        return values.stream().filter(valid.negate()).findFirst()
                .map(v -> "'" + v + "' is not a " + what + " ").orElse("");
    }
}
