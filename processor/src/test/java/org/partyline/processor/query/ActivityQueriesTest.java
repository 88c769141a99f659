package org.partyline.processor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partyline.processor.streams.StoreKeys;
import org.partyline.processor.streams.StoreNames;
import org.partyline.schema.Stance;
import org.partyline.schema.view.StanceSummary;

/** The busiest parties and topics on one instance: the order, the ties, and how long a count is kept. */
class ActivityQueriesTest {
    private static final Instant AT = Instant.parse("2025-12-05T10:00:00Z");
    private final FakeStores stores = new FakeStores();
    private final AtomicLong clock = new AtomicLong();
    private final List<Later> later = new ArrayList<>();
    private ActivityQueries queries;

    /** A task the queries asked to run after a delay. */
    private record Later(Runnable task, Duration delay) {
    }

    @BeforeEach
    void fill() {
        queries = new ActivityQueries(stores, FakeLocator.alone(), UnreachablePeers.alone(), Duration.ofSeconds(5),
                clock::get, (task, delay) -> {
            if (delay.isZero()) {
                task.run();
            } else {
                later.add(new Later(task, delay));
            }
        });
        said("UA", "ceasefire", 3);
        said("UA", "nato", 1);
        said("RU", "nato", 4);
        said("EU", "sanctions", 2);
        said("DE", "sanctions", 2);
    }

    private void said(String party, String topic, long statements) {
        stores.put(StoreNames.STANCES, StoreKeys.of(party, topic), new StanceSummary(party, topic, Stance.NEUTRAL, AT,
                "e1", statements, AT, "e" + statements, -1L));
    }

    private ExtensionBodies.Activity activity(String limit) {
        return ((QueryResult.Found<ExtensionBodies.Activity>) queries.activity(limit)).body();
    }

    @Test
    void shouldRankByStatementsThenByName() {
        assertEquals(new ExtensionBodies.Activity(
                List.of(party("RU", 4), party("UA", 4), party("DE", 2), party("EU", 2)),
                List.of(topic("nato", 5), topic("sanctions", 4), topic("ceasefire", 3))), activity(null));
        assertEquals(new ExtensionBodies.Activity(List.of(party("RU", 4), party("UA", 4)),
                List.of(topic("nato", 5), topic("sanctions", 4))), activity("2"));
    }

    @Test
    void shouldKeepACountForFiveSecondsThenServeItWhileCountingAgain() {
        assertEquals(List.of(party("RU", 4)), activity("1").parties());
        said("DE", "ceasefire", 9);
        clock.addAndGet(Duration.ofMillis(4999).toNanos());
        assertEquals(List.of(party("RU", 4)), activity("1").parties(), "fresh: kept");
        clock.addAndGet(Duration.ofMillis(1).toNanos());
        assertEquals(List.of(party("RU", 4)), activity("1").parties(), "stale: kept, counted again meanwhile");
        assertEquals(List.of(party("DE", 11)), activity("1").parties());
        assertEquals(List.of(topic("ceasefire", 12)), activity("1").topics());
    }

    @Test
    void shouldKeepTheCountUpToDateInTheBackgroundOnceAsked() {
        assertEquals(List.of(), later, "nothing is counted before anyone asks");
        assertEquals(List.of(party("RU", 4)), activity("1").parties());
        assertEquals(List.of(ActivityQueries.REFRESH), later.stream().map(Later::delay).toList());

        said("EU", "sanctions", 20);
        clock.addAndGet(Duration.ofSeconds(31).toNanos());
        later.remove(0).task().run();
        clock.addAndGet(Duration.ofHours(1).toNanos());
        assertEquals(List.of(party("EU", 20)), activity("1").parties(),
                "a request after a long quiet gets the count made in the background at once");
        assertEquals(1, later.size(), "the next turn is booked");
    }

    @Test
    void shouldNotCountInTheBackgroundWhileTheKeptCountIsYoungerThanTheRefreshTime() {
        assertEquals(List.of(party("RU", 4)), activity("1").parties());
        said("EU", "sanctions", 20);
        clock.addAndGet(Duration.ofSeconds(3).toNanos());
        later.remove(0).task().run();
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals(List.of(party("RU", 4)), activity("1").parties());
        assertEquals(List.of(ActivityQueries.REFRESH), later.stream().map(Later::delay).toList());
    }

    @Test
    void shouldListEveryTopicInCodePointOrder() {
        assertEquals(List.of("ceasefire", "nato", "sanctions"),
                ((QueryResult.Found<List<String>>) queries.topicNames()).body());
    }

    private static ExtensionBodies.PartyActivity party(String party, long statements) {
        return new ExtensionBodies.PartyActivity(party, statements);
    }

    private static ExtensionBodies.TopicActivity topic(String topic, long statements) {
        return new ExtensionBodies.TopicActivity(topic, statements);
    }
}
