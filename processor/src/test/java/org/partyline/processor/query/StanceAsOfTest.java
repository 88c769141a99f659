package org.partyline.processor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partyline.processor.domain.Events.at;
import static org.partyline.processor.domain.Events.claim;
import static org.partyline.processor.domain.Events.statement;
import static org.partyline.schema.Stance.LEAN_SUPPORT;
import static org.partyline.schema.Stance.NEUTRAL;
import static org.partyline.schema.Stance.OPPOSE;
import static org.partyline.schema.Stance.SUPPORT;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partyline.processor.streams.StoreNames;
import org.partyline.schema.Position;
import org.partyline.schema.Statement;

/**
 * {@code asOf} (CONTRACT section 6.2) on the stance views and the agreement (6.5), through the query layer over the
 * stores the production topology wrote in a TopologyTestDriver. RU on {@code nato}: OPPOSE at 1, OPPOSE at 3,
 * NEUTRAL at 5, OPPOSE at 7, and SUPPORT on {@code grain} at 6; UA on {@code nato}: SUPPORT at 2, LEAN_SUPPORT at 6,
 * and SUPPORT on {@code grain} at 4; DE only asserts a claim.
 */
class StanceAsOfTest {
    private static final String NATO = "nato";
    private static final String GRAIN = "grain";
    private static final List<Statement> EVENTS = List.of(
            statement("r1", "RU", NATO, OPPOSE, at(1)),
            statement("u1", "UA", NATO, SUPPORT, at(2)),
            statement("r2", "RU", NATO, OPPOSE, at(3)),
            statement("ug", "UA", GRAIN, SUPPORT, at(4)),
            statement("r3", "RU", NATO, NEUTRAL, at(5)),
            statement("g1", "RU", GRAIN, SUPPORT, at(6)),
            statement("u2", "UA", NATO, LEAN_SUPPORT, at(6)),
            statement("r4", "RU", NATO, OPPOSE, at(7)));

    @TempDir
    Path stateDir;
    private DriverStores stores;

    @BeforeEach
    void start() {
        stores = new DriverStores(stateDir.resolve("in-order"));
        stores.publish(EVENTS.toArray(Statement[]::new));
        stores.publish(claim("de-1", "DE", "pokrovsk-captured", Position.ASSERTS, at(1), "Pokrovsk captured"));
    }

    @AfterEach
    void stop() {
        stores.close();
    }

    private static StanceQueries stances(StoreProvider stores) {
        FakeLocator locator = FakeLocator.alone();
        Peers none = UnreachablePeers.alone();
        return new StanceQueries(stores, locator, new PartyDirectory(stores, locator, none),
                new StanceGathering(stores, locator, none));
    }

    private static AgreementQueries agreement(StoreProvider stores) {
        FakeLocator locator = FakeLocator.alone();
        Peers none = UnreachablePeers.alone();
        return new AgreementQueries(stores, locator, new PartyDirectory(stores, locator, none),
                new StanceGathering(stores, locator, none));
    }

    private static <T> T found(QueryResult<T> result) {
        @SuppressWarnings("unchecked")
        T body = (T) assertInstanceOf(QueryResult.Found.class, result, () -> String.valueOf(result)).body();
        return body;
    }

    private static String asOf(Instant t) {
        return t.toString();
    }

    private Bodies.PartyStances ruStances(Instant t) {
        return found(stances(stores).partyStances("RU", asOf(t), Asked.CLIENT));
    }

    @Test
    void shouldIncludeAnEventAtTheAsOfInstantItself() {
        assertEquals(List.of(new Bodies.Stance(NATO, "NEUTRAL", "2025-12-05T05:00:00Z", 3)), ruStances(at(5)).stances());
    }

    @Test
    void shouldGiveTheStanceSinceAndCountBetweenEvents() {
        assertEquals(List.of(new Bodies.Stance(NATO, "OPPOSE", "2025-12-05T01:00:00Z", 2)), ruStances(at(4)).stances());
        assertEquals(List.of(new Bodies.Stance(GRAIN, "SUPPORT", "2025-12-05T06:00:00Z", 1),
                        new Bodies.Stance(NATO, "NEUTRAL", "2025-12-05T05:00:00Z", 3)),
                ruStances(at(6).plusSeconds(1800)).stances());
        assertEquals(found(stances(stores).partyStances("RU", Asked.CLIENT)), ruStances(at(7)));
    }

    @Test
    void shouldLeaveOutWhatHadNoEventBeforeEveryEvent() {
        assertEquals(new Bodies.PartyStances("RU", List.of(), null), ruStances(at(0)));
        assertEquals(new Bodies.PartyChanges("RU", List.of(), null),
                found(stances(stores).partyChanges("RU", asOf(at(0)), Asked.CLIENT)));
        assertEquals(new Bodies.TopicStances(NATO, List.of(), null),
                found(stances(stores).topicStances(NATO, asOf(at(0)), Asked.CLIENT)));
        assertEquals(new Bodies.PartyAgreement("RU", List.of(), null),
                found(agreement(stores).agreement("RU", asOf(at(0)), Asked.CLIENT)));
    }

    @Test
    void shouldAnswerATopicWithNothingByThenWithNullsAndEmptyLists() {
        assertEquals(new Bodies.PartyTopic("RU", GRAIN, null, null, List.of(), List.of(), null),
                found(stances(stores).partyTopic("RU", GRAIN, asOf(at(5)), Asked.CLIENT)));
    }

    @Test
    void shouldGiveTheHistoryAndChangesOfATopicUpToTheInstant() {
        Bodies.PartyTopic topic = found(stances(stores).partyTopic("RU", NATO, asOf(at(6)), Asked.CLIENT));

        assertEquals("NEUTRAL", topic.stance());
        assertEquals("2025-12-05T05:00:00Z", topic.since());
        assertEquals(List.of("r1", "r2", "r3"), topic.history().stream().map(Bodies.Statement::eventId).toList());
        assertEquals(List.of("r3"), topic.changes().stream().map(Bodies.Change::eventId).toList());
        assertEquals(List.of("OPPOSE->NEUTRAL"), topic.changes().stream().map(c -> c.from() + "->" + c.to()).toList());
    }

    @Test
    void shouldGiveThePartysChangesUpToTheInstant() {
        Function<Instant, List<String>> changes = t -> found(stances(stores).partyChanges("RU", asOf(t), Asked.CLIENT))
                .changes().stream().map(Bodies.Change::eventId).toList();

        assertEquals(List.of(), changes.apply(at(4)));
        assertEquals(List.of("r3"), changes.apply(at(5)));
        assertEquals(List.of("r3", "r4"), changes.apply(at(7)));
    }

    @Test
    void shouldGiveTheStancesOnATopicAsOfTheInstant() {
        assertEquals(new Bodies.TopicStances(NATO, List.of(new Bodies.TopicStance("RU", "OPPOSE", "2025-12-05T01:00:00Z")), null),
                found(stances(stores).topicStances(NATO, asOf(at(1).plusSeconds(1800)), Asked.CLIENT)));
        assertEquals(new Bodies.TopicStances(NATO, List.of(
                        new Bodies.TopicStance("RU", "NEUTRAL", "2025-12-05T05:00:00Z"),
                        new Bodies.TopicStance("UA", "LEAN_SUPPORT", "2025-12-05T06:00:00Z")), null),
                found(stances(stores).topicStances(NATO, asOf(at(6)), Asked.CLIENT)));
    }

    @Test
    void shouldMeasureAgreementNowAndAsOfAnInstant() {
        // now: nato OPPOSE vs LEAN_SUPPORT (3, apart), grain SUPPORT vs SUPPORT (0, together)
        assertEquals(new Bodies.PartyAgreement("RU", List.of(new Bodies.Agreement("UA", 2, 1, 1.5)), null),
                found(agreement(stores).agreement("RU", null, Asked.CLIENT)));
        // at 4 RU had said nothing on grain yet: only nato, OPPOSE vs SUPPORT
        assertEquals(new Bodies.PartyAgreement("RU", List.of(new Bodies.Agreement("UA", 1, 0, 4.0)), null),
                found(agreement(stores).agreement("RU", asOf(at(4)), Asked.CLIENT)));
        // at 5: NEUTRAL vs SUPPORT
        assertEquals(new Bodies.PartyAgreement("UA", List.of(new Bodies.Agreement("RU", 1, 0, 2.0)), null),
                found(agreement(stores).agreement("UA", asOf(at(5)), Asked.CLIENT)));
    }

    @Test
    void shouldGiveAKnownPartyWithoutStancesNoAgreement() {
        assertEquals(new Bodies.PartyAgreement("DE", List.of(), null), found(agreement(stores).agreement("de", null, Asked.CLIENT)));
        assertEquals(new Bodies.PartyAgreement("DE", List.of(), null),
                found(agreement(stores).agreement("DE", asOf(at(9)), Asked.CLIENT)));
    }

    @Test
    void shouldSayUnknownNowWhateverTheInstant() {
        String t = asOf(at(9));
        assertInstanceOf(QueryResult.NotFound.class, stances(stores).partyStances("XX", t, Asked.CLIENT));
        assertInstanceOf(QueryResult.NotFound.class, stances(stores).partyTopic("XX", NATO, t, Asked.CLIENT));
        assertInstanceOf(QueryResult.NotFound.class, stances(stores).partyTopic("RU", "tariffs", t, Asked.CLIENT));
        assertInstanceOf(QueryResult.NotFound.class, stances(stores).partyChanges("XX", t, Asked.CLIENT));
        assertInstanceOf(QueryResult.NotFound.class, stances(stores).topicStances("tariffs", t, Asked.CLIENT));
        assertInstanceOf(QueryResult.NotFound.class, agreement(stores).agreement("XX", t, Asked.CLIENT));
    }

    @Test
    void shouldRefuseAMalformedInstantOnEveryView() {
        String bad = "yesterday";
        List<QueryResult<?>> results = List.of(
                stances(stores).partyStances("RU", bad, Asked.CLIENT),
                stances(stores).partyTopic("RU", NATO, bad, Asked.CLIENT),
                stances(stores).partyChanges("RU", bad, Asked.CLIENT),
                stances(stores).topicStances(NATO, bad, Asked.CLIENT),
                agreement(stores).agreement("RU", bad, Asked.CLIENT));
        for (QueryResult<?> result : results) {
            assertTrue(assertInstanceOf(QueryResult.Invalid.class, result).reason().contains("asOf"), result::toString);
        }
    }

    @Test
    void shouldGiveTheSameAnswersWhenEventsArriveLate() {
        List<Statement> reversed = new ArrayList<>(EVENTS);
        Collections.reverse(reversed);
        try (DriverStores late = new DriverStores(stateDir.resolve("reversed"))) {
            late.publish(reversed.toArray(Statement[]::new));
            for (int half = 0; half <= 16; half++) {
                String t = asOf(at(0).plusSeconds(half * 1800L));
                for (String party : List.of("RU", "UA")) {
                    assertEquals(found(stances(stores).partyStances(party, t, Asked.CLIENT)),
                            found(stances(late).partyStances(party, t, Asked.CLIENT)), party + " " + t);
                    assertEquals(found(stances(stores).partyChanges(party, t, Asked.CLIENT)),
                            found(stances(late).partyChanges(party, t, Asked.CLIENT)), party + " " + t);
                    assertEquals(found(agreement(stores).agreement(party, t, Asked.CLIENT)),
                            found(agreement(late).agreement(party, t, Asked.CLIENT)), party + " " + t);
                    for (String topic : List.of(NATO, GRAIN)) {
                        assertEquals(found(stances(stores).partyTopic(party, topic, t, Asked.CLIENT)),
                                found(stances(late).partyTopic(party, topic, t, Asked.CLIENT)), party + topic + t);
                    }
                }
                for (String topic : List.of(NATO, GRAIN)) {
                    assertEquals(found(stances(stores).topicStances(topic, t, Asked.CLIENT)),
                            found(stances(late).topicStances(topic, t, Asked.CLIENT)), topic + " " + t);
                }
            }
        }
    }

    @Test
    void shouldFindAStanceAsOfWithSeeksNotByReadingTheWholeHistory() {
        List<Statement> long_ = new ArrayList<>();
        for (int minute = 0; minute < 200; minute++) {
            long_.add(statement("t" + (1000 + minute), "US", "tariffs", minute % 2 == 0 ? SUPPORT : OPPOSE,
                    at(10).plusSeconds(60L * minute)));
        }
        stores.publish(long_.toArray(Statement[]::new));
        stores.entriesRead(StoreNames.STANCE_HISTORY);

        Bodies.PartyStances early = found(stances(stores).partyStances("US", asOf(at(10).plusSeconds(120)),
                Asked.CLIENT));

        assertEquals(List.of(new Bodies.Stance("tariffs", "SUPPORT", "2025-12-05T10:02:00Z", 3)), early.stances());
        // one reverse seek for the stance, then the three statements up to the instant counted
        assertEquals(4, stores.entriesRead(StoreNames.STANCE_HISTORY));
        found(stances(stores).partyStances("US", asOf(at(20)), Asked.CLIENT));
        assertEquals(0, stores.entriesRead(StoreNames.STANCE_HISTORY), "after the latest statement: the summary");
    }
}
