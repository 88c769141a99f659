package org.partyline.processor.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers a list from every instance so that it is complete or not given at all: each instance answers for the
 * partitions whose up-to-date active copy it holds and says which; every partition of each store must be answered by
 * exactly one instance. A partition nobody answered for is read from this instance's standby copy (the answer is then
 * marked with its lag); if it has none, the list is unavailable, naming the missing partitions.
 */
final class ListGathering {
    private static final Logger LOG = LoggerFactory.getLogger(ListGathering.class);
    private final InstanceLocator locator;
    private final StoreProvider stores;

    ListGathering(InstanceLocator locator, StoreProvider stores) {
        this.locator = locator;
        this.stores = stores;
    }

    /** One instance's part of a list: its items and, per store, the partitions they were read from. */
    record Part<T>(List<T> items, Map<String, List<Integer>> partitions) {
    }

    /** This instance's part: every partition of each store whose active copy it holds up to date. */
    <T> Part<T> localPart(List<String> storeNames, BiFunction<LocalReads, String, List<T>> read) {
        List<T> items = new ArrayList<>();
        Map<String, List<Integer>> partitions = new TreeMap<>();
        for (String store : storeNames) {
            List<Integer> covered = new ArrayList<>();
            for (int p = 0; p < locator.partitionCount(store); p++) {
                try {
                    items.addAll(read.apply(LocalReads.active(stores, p), store));
                    covered.add(p);
                } catch (InvalidStateStoreException e) {
                    LOG.trace("{} partition {} has no up-to-date active copy here: {}", store, p, e.getMessage());
                }
            }
            partitions.put(store, covered);
        }
        return new Part<>(items, partitions);
    }

    /**
     * The whole list: this instance's part, the part of every other instance the metadata says has an active task of
     * one of the stores ({@code remote}, which throws {@link PeerException}), then standby copies here for what is
     * still missing.
     */
    <T> QueryResult<List<T>> gather(List<String> storeNames, BiFunction<LocalReads, String, List<T>> read,
                                    Function<Instance, Part<T>> remote) {
        Map<String, Map<Integer, Instance>> coverage = new TreeMap<>();
        storeNames.forEach(store -> coverage.put(store, new TreeMap<>()));
        List<T> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        add(locator.self(), localPart(storeNames, read), items, coverage, conflicts);
        for (InstanceInfo info : locator.instances()) {
            if (!info.self() && storeNames.stream().anyMatch(info::holds)) {
                try {
                    add(info.instance(), remote.apply(info.instance()), items, coverage, conflicts);
                } catch (PeerException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        OptionalLong lag = OptionalLong.of(0);
        boolean stale = false;
        List<String> missing = new ArrayList<>();
        for (String store : storeNames) {
            for (int p = 0; p < locator.partitionCount(store); p++) {
                if (coverage.get(store).containsKey(p)) {
                    continue;
                }
                try {
                    LocalReads copy = LocalReads.stale(stores, p);
                    items.addAll(read.apply(copy, store));
                    stale = true;
                    lag = max(lag, copy.lag(store));
                } catch (InvalidStateStoreException e) {
                    missing.add(store + "-" + p);
                }
            }
        }
        if (!missing.isEmpty() || !conflicts.isEmpty()) {
            List<String> why = new ArrayList<>(conflicts);
            if (!missing.isEmpty()) {
                why.add("partitions " + missing + " are not queryable on any instance");
            }
            why.addAll(problems);
            return new QueryResult.Unavailable<>("the list would be incomplete: " + String.join("; ", why));
        }
        return stale ? new QueryResult.FoundOnStandby<>(items, lag) : new QueryResult.Found<>(items);
    }

    private static <T> void add(Instance from, Part<T> part, List<T> items, Map<String, Map<Integer, Instance>> coverage,
                                List<String> conflicts) {
        for (Map.Entry<String, List<Integer>> e : part.partitions().entrySet()) {
            Map<Integer, Instance> covered = coverage.get(e.getKey());
            for (int p : e.getValue()) {
                Instance before = covered == null ? null : covered.putIfAbsent(p, from);
                if (before != null) {
                    conflicts.add("partition " + p + " of " + e.getKey() + " answered by both " + before + " and "
                            + from + " (the partitions are moving, retry)");
                }
            }
        }
        items.addAll(part.items());
    }

    private static OptionalLong max(OptionalLong a, OptionalLong b) {
        return a.isPresent() && b.isPresent() ? OptionalLong.of(Math.max(a.getAsLong(), b.getAsLong()))
                : OptionalLong.empty();
    }

    /** The body of a gathered list, keeping whether it was found on a standby. */
    static <A, B> QueryResult<B> map(QueryResult<A> result, Function<A, B> body) {
        if (result instanceof QueryResult.Found<A> found) {
            return new QueryResult.Found<>(body.apply(found.body()));
        }
        if (result instanceof QueryResult.FoundOnStandby<A> stale) {
            return new QueryResult.FoundOnStandby<>(body.apply(stale.body()), stale.lag());
        }
        return new QueryResult.Unavailable<>(((QueryResult.Unavailable<A>) result).reason());
    }

    /** Sorted distinct strings in code point order. */
    static List<String> sortedDistinct(List<String> values) {
        TreeSet<String> set = new TreeSet<>(ViewBodies.CODE_POINT_ORDER);
        set.addAll(values);
        return List.copyOf(set);
    }
}
