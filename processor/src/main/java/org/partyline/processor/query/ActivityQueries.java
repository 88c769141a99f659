package org.partyline.processor.query;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import org.partyline.processor.streams.StoreNames;
import org.partyline.schema.view.StanceSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The busiest parties and topics ({@code /api/activity}, the dashboard's overview), by number of statements, and the
 * names of every topic ({@code /api/topics}). Counted from {@code stances}, whose summary of each (party, topic) says
 * how many statements it rests on: a party's topics all lie in its partition, so an instance counts its own parties
 * completely and sends only its busiest; a topic's count is a sum over every instance. One request per other
 * instance.
 *
 * <p>Counting reads every summary (about half a second for 100,000 of them), so a count is kept: for
 * {@link #DEFAULT_FRESHNESS} it answers every request; after that it still answers at once while a new count runs in
 * the background. Once asked, the count is also kept up to date every {@link #REFRESH} (or every twenty times as long
 * as a count took, so counting takes at most a twentieth of a core), so a request after a long quiet gets a count at
 * most that old instead of waiting. Only the first request after start-up waits for a count.
 */
public final class ActivityQueries {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final Duration DEFAULT_FRESHNESS = Duration.ofSeconds(5);
    public static final Duration REFRESH = Duration.ofSeconds(30);
    private static final int REFRESH_PER_COUNT_TIME = 20;
    private static final Logger LOG = LoggerFactory.getLogger(ActivityQueries.class);
    private static final List<String> STORES = List.of(StoreNames.STANCES);
    private static final Comparator<Count> BUSIEST_FIRST = Comparator.comparingLong(Count::statements).reversed()
            .thenComparing(Count::name, ViewBodies.CODE_POINT_ORDER);

    private final ListGathering gathering;
    private final Peers peers;
    private final long freshnessNanos;
    private final LongSupplier nanoTime;
    private final Later later;
    private final AtomicBoolean recounting = new AtomicBoolean();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Kept kept;

    /** Runs a task after a delay on a background thread (the tests run them by hand). */
    interface Later extends AutoCloseable {
        void run(Runnable task, Duration delay);

        @Override
        default void close() {
        }
    }

    public ActivityQueries(StoreProvider stores, InstanceLocator locator, Peers peers) {
        this(stores, locator, peers, DEFAULT_FRESHNESS, System::nanoTime, backgroundThread());
    }

    ActivityQueries(StoreProvider stores, InstanceLocator locator, Peers peers, Duration freshness,
                    LongSupplier nanoTime, Later later) {
        this.gathering = new ListGathering(locator, stores);
        this.peers = peers;
        this.freshnessNanos = freshness.toNanos();
        this.nanoTime = nanoTime;
        this.later = later;
    }

    /** One daemon thread that counts in the background, started with the first count it is given. */
    private static Later backgroundThread() {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread counter = new Thread(task, "partyline-activity-count");
            counter.setDaemon(true);
            return counter;
        });
        return new Later() {
            @Override
            public void run(Runnable task, Duration delay) {
                try {
                    thread.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException e) {
                    LOG.debug("Not counting after close");
                }
            }

            @Override
            public void close() {
                thread.shutdownNow();
            }
        };
    }

    /** Stops counting in the background. */
    public void close() {
        later.close();
    }

    /** A count, when it was started, and the names of its topics in code point order. */
    private record Kept(long at, ExtensionBodies.Activity activity, List<String> topics) {
    }

    /** A name and its number of statements. */
    private record Count(String name, long statements) {
    }

    /** What some partitions count: every party's statements and every topic's. */
    private record Tally(Map<String, Long> parties, Map<String, Long> topics) {
        Tally() {
            this(new HashMap<>(), new HashMap<>());
        }

        void add(Tally other) {
            other.parties.forEach((party, n) -> parties.merge(party, n, Long::sum));
            other.topics.forEach((topic, n) -> topics.merge(topic, n, Long::sum));
        }
    }

    /**
     * {@code /api/activity?limit=N}: the {@code N} (1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT})
     * parties and topics with the most statements; unavailable when a partition of {@code stances} is missing.
     */
    public QueryResult<ExtensionBodies.Activity> activity(String rawLimit) {
        return PageRequest.withLimit(rawLimit, DEFAULT_LIMIT, MAX_LIMIT,
                limit -> ListGathering.map(counted(), recent -> top(recent.activity(), limit)));
    }

    /**
     * The names of every topic a statement named, in code point order (for {@code /api/topics}); unavailable when a
     * partition of {@code stances} is missing.
     */
    QueryResult<List<String>> topicNames() {
        return ListGathering.map(counted(), Kept::topics);
    }

    /**
     * The kept count, starting a new one in the background when it is no longer fresh; a new count when none is kept
     * (the first request, or while every count so far failed).
     */
    private QueryResult<Kept> counted() {
        Kept recent = kept;
        if (recent == null) {
            QueryResult<Kept> first = count();
            if (first instanceof QueryResult.Found<Kept> && refreshing.compareAndSet(false, true)) {
                later.run(this::refresh, REFRESH);
            }
            return first;
        }
        if (nanoTime.getAsLong() - recent.at() >= freshnessNanos && !recounting.get()) {
            later.run(this::recount, Duration.ZERO);
        }
        return new QueryResult.Found<>(recent);
    }

    /** Counts again when the kept count is older than {@link #REFRESH}; then waits for the next turn. */
    private void refresh() {
        Kept recent = kept;
        long took = 0;
        if (recent == null || nanoTime.getAsLong() - recent.at() >= REFRESH.toNanos()) {
            long started = nanoTime.getAsLong();
            recount();
            took = nanoTime.getAsLong() - started;
        }
        later.run(this::refresh, Duration.ofNanos(Math.max(REFRESH.toNanos(), REFRESH_PER_COUNT_TIME * took)));
    }

    /** Counts again unless a count is running already; a failed count keeps the last one. */
    private void recount() {
        if (!recounting.compareAndSet(false, true)) {
            return;
        }
        try {
            QueryResult<Kept> again = count();
            if (!(again instanceof QueryResult.Found<Kept>)) {
                LOG.info("The busiest parties and topics could not be counted again: {}", again);
            }
        } catch (RuntimeException e) {
            LOG.warn("Counting the busiest parties and topics again failed", e);
        } finally {
            recounting.set(false);
        }
    }

    /** Counts over every instance; keeps a complete count (not one read from a standby copy). */
    private QueryResult<Kept> count() {
        long started = nanoTime.getAsLong();
        QueryResult<Kept> gathered = Routing.guarded(() -> ListGathering.map(
                gathering.gather(STORES, (reads, store) -> List.of(tally(reads)), peer -> {
                    ExtensionBodies.ActivityPart part = peers.activity(peer);
                    return new ListGathering.Part<>(List.of(tally(part)), part.partitions());
                }),
                tallies -> {
                    ExtensionBodies.Activity activity = merged(tallies);
                    return new Kept(started, activity, activity.topics().stream().map(ExtensionBodies.TopicActivity::topic)
                            .sorted(ViewBodies.CODE_POINT_ORDER).toList());
                }));
        if (gathered instanceof QueryResult.Found<Kept> found) {
            kept = found.body();
            LOG.debug("Counted the statements of {} topics in {} ms", found.body().topics().size(),
                    (nanoTime.getAsLong() - started) / 1_000_000);
        }
        return gathered;
    }

    /**
     * Internal ({@code /internal/activity}): the counts of this instance's up-to-date active partitions of
     * {@code stances}: its {@value #MAX_LIMIT} busiest parties and every topic, and which partitions.
     */
    public QueryResult<ExtensionBodies.ActivityPart> localActivity() {
        return Routing.guarded(() -> {
            ListGathering.Part<Tally> part = gathering.localPart(STORES, (reads, store) -> List.of(tally(reads)));
            ExtensionBodies.Activity activity = merged(part.items());
            return new QueryResult.Found<>(new ExtensionBodies.ActivityPart(activity.parties(), activity.topics(),
                    part.partitions()));
        });
    }

    /** Reads every summary of one partition. */
    private static Tally tally(LocalReads reads) {
        Tally tally = new Tally();
        reads.forEach(StoreNames.STANCES, (String key, StanceSummary summary) -> {
            tally.parties().merge(summary.getParty(), summary.getStatements(), Long::sum);
            tally.topics().merge(summary.getTopic(), summary.getStatements(), Long::sum);
        });
        return tally;
    }

    private static Tally tally(ExtensionBodies.ActivityPart part) {
        Tally tally = new Tally();
        part.parties().forEach(p -> tally.parties().merge(p.party(), p.statements(), Long::sum));
        part.topics().forEach(t -> tally.topics().merge(t.topic(), t.statements(), Long::sum));
        return tally;
    }

    /** The busiest {@value #MAX_LIMIT} parties and every topic of the tallies, busiest first. */
    private static ExtensionBodies.Activity merged(List<Tally> tallies) {
        Tally all = new Tally();
        tallies.forEach(all::add);
        return new ExtensionBodies.Activity(
                busiest(all.parties()).limit(MAX_LIMIT).map(c -> new ExtensionBodies.PartyActivity(c.name(),
                        c.statements())).toList(),
                busiest(all.topics()).map(c -> new ExtensionBodies.TopicActivity(c.name(), c.statements())).toList());
    }

    private static Stream<Count> busiest(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).sorted(BUSIEST_FIRST);
    }

    private static ExtensionBodies.Activity top(ExtensionBodies.Activity all, int limit) {
        return new ExtensionBodies.Activity(all.parties().stream().limit(limit).toList(),
                all.topics().stream().limit(limit).toList());
    }
}
