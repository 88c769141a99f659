package org.partyline.processor.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partyline.processor.domain.Events.at;
import static org.partyline.processor.domain.Events.statement;
import static org.partyline.schema.Stance.LEAN_OPPOSE;
import static org.partyline.schema.Stance.NEUTRAL;
import static org.partyline.schema.Stance.OPPOSE;
import static org.partyline.schema.Stance.SUPPORT;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.partyline.processor.domain.StanceScale;
import org.partyline.schema.Stance;
import org.partyline.schema.StanceChange;
import org.partyline.schema.Statement;
import org.partyline.schema.view.StanceSummary;
import org.partyline.schema.view.StatementEntry;

/** The view of one (party, topic): stance, since, count, history and changes, and what goes on stance-changes. */
class StanceHistoryViewTest extends TopologyTestBase {
    private static final String RU = "RU";
    private static final String NATO = "ukraine-nato-membership";

    private static Statement s(String eventId, Stance stance, Instant at) {
        return statement(eventId, RU, NATO, stance, at);
    }

    private static StanceChange change(Stance from, Stance to, Instant at, String eventId) {
        return StanceChange.newBuilder().setParty(RU).setTopic(NATO).setFrom(from).setTo(to).setOccurredAt(at)
                .setEventId(eventId).setShift(StanceScale.shift(from, to)).setReversal(StanceScale.reversal(from, to))
                .build();
    }

    private StanceSummary summary() {
        return fixture.get(StoreNames.STANCES, RU, NATO);
    }

    private List<String> historyIds() {
        return fixture.<StatementEntry>scan(StoreNames.STANCE_HISTORY, RU, NATO).stream()
                .map(StatementEntry::getEventId).toList();
    }

    private List<StanceChange> changes() {
        return fixture.scan(StoreNames.STANCE_CHANGE_HISTORY, RU, NATO);
    }

    @Test
    void shouldPublishNothingForTheFirstStatement() {
        fixture.publish(s("e1", OPPOSE, at(10)));

        assertTrue(fixture.stanceChanges.isEmpty());
        assertEquals(OPPOSE, summary().getStance());
        assertEquals(at(10), summary().getSince());
        assertEquals(1L, summary().getStatements());
    }

    @Test
    void shouldPublishEachChangeOfTheCurrentStanceKeyedByParty() {
        fixture.publish(s("e1", OPPOSE, at(10)), s("e2", OPPOSE, at(11)), s("e3", NEUTRAL, at(12)),
                s("e4", SUPPORT, at(13)));

        assertEquals(List.of(KeyValue.pair(RU, change(OPPOSE, NEUTRAL, at(12), "e3")),
                        KeyValue.pair(RU, change(NEUTRAL, SUPPORT, at(13), "e4"))),
                fixture.stanceChanges.readKeyValuesToList());
        assertEquals(List.of(change(OPPOSE, NEUTRAL, at(12), "e3"), change(NEUTRAL, SUPPORT, at(13), "e4")),
                changes());
        assertEquals(SUPPORT, summary().getStance());
        assertEquals(at(13), summary().getSince());
        assertEquals(4L, summary().getStatements());
    }

    @Test
    void shouldOrderByOccurredAtNotByArrival() {
        fixture.publish(s("e3", SUPPORT, at(12)), s("e1", OPPOSE, at(10)), s("e2", NEUTRAL, at(11)));

        assertEquals(List.of("e1", "e2", "e3"), historyIds());
        assertEquals(List.of(change(OPPOSE, NEUTRAL, at(11), "e2"), change(NEUTRAL, SUPPORT, at(12), "e3")),
                changes());
        assertEquals(SUPPORT, summary().getStance());
        assertEquals(at(12), summary().getSince());
        assertTrue(fixture.stanceChanges.isEmpty(), "the current stance never changed value");
    }

    /** CONTRACT 6.1: each record of stance-changes carries the size of its change, decoded with the version-2 schema. */
    @Test
    void shouldPublishTheShiftAndReversalOfEachChange() {
        fixture.publish(s("e1", OPPOSE, at(10)), s("e2", LEAN_OPPOSE, at(11)), s("e3", SUPPORT, at(12)),
                s("e4", NEUTRAL, at(13)), s("e5", OPPOSE, at(14)), s("e6", SUPPORT, at(15)));

        assertEquals(List.of("OPPOSE>LEAN_OPPOSE 1 false", "LEAN_OPPOSE>SUPPORT 3 true", "SUPPORT>NEUTRAL -2 false",
                        "NEUTRAL>OPPOSE -2 false", "OPPOSE>SUPPORT 4 true"),
                fixture.stanceChanges.readValuesToList().stream()
                        .map(c -> c.getFrom() + ">" + c.getTo() + " " + c.getShift() + " " + c.getReversal()).toList());
    }

    @Test
    void shouldPlaceALateStatementInThePastWithoutMovingTheCurrentStance() {
        fixture.publish(s("e1", OPPOSE, at(10)), s("e2", OPPOSE, at(12)), s("e4", OPPOSE, at(14)));

        fixture.publish(s("e3", SUPPORT, at(13)));

        assertTrue(fixture.stanceChanges.isEmpty());
        assertEquals(OPPOSE, summary().getStance());
        assertEquals(at(14), summary().getSince(), "the late statement cut the final run");
        assertEquals(4L, summary().getStatements());
        assertEquals(List.of("e1", "e2", "e3", "e4"), historyIds());
        assertEquals(List.of(change(OPPOSE, SUPPORT, at(13), "e3"), change(SUPPORT, OPPOSE, at(14), "e4")),
                changes());
    }

    @Test
    void shouldMoveSinceBackWhenALateStatementJoinsTheFinalRun() {
        fixture.publish(s("e1", OPPOSE, at(10)), s("e3", SUPPORT, at(12)));
        fixture.stanceChanges.readKeyValuesToList();

        fixture.publish(s("e2", SUPPORT, at(11)));

        assertTrue(fixture.stanceChanges.isEmpty());
        assertEquals(at(11), summary().getSince());
        assertEquals(List.of(change(OPPOSE, SUPPORT, at(11), "e2")), changes());
    }

    @Test
    void shouldPublishTheChangeOfALateStatementThatIsTheLatest() {
        fixture.publish(s("e2", OPPOSE, at(12)), s("e1", SUPPORT, at(10)));

        fixture.publish(s("e3", LEAN_OPPOSE, at(13)));

        assertEquals(List.of(KeyValue.pair(RU, change(OPPOSE, LEAN_OPPOSE, at(13), "e3"))),
                fixture.stanceChanges.readKeyValuesToList());
        assertEquals(List.of(change(SUPPORT, OPPOSE, at(12), "e2"), change(OPPOSE, LEAN_OPPOSE, at(13), "e3")),
                changes());
    }

    @Test
    void shouldBreakTiesInOccurredAtByEventId() {
        fixture.publish(s("evt-b", SUPPORT, at(10)));

        fixture.publish(s("evt-a", OPPOSE, at(10)));

        assertTrue(fixture.stanceChanges.isEmpty(), "evt-a sorts before evt-b: the current stance stays SUPPORT");
        assertEquals(SUPPORT, summary().getStance());
        assertEquals(List.of("evt-a", "evt-b"), historyIds());
        assertEquals(List.of(change(OPPOSE, SUPPORT, at(10), "evt-b")), changes());

        fixture.publish(s("evt-c", OPPOSE, at(10)));

        assertEquals(List.of(KeyValue.pair(RU, change(SUPPORT, OPPOSE, at(10), "evt-c"))),
                fixture.stanceChanges.readKeyValuesToList());
    }

    @Test
    void shouldKeepTheFullStatementInTheHistory() {
        fixture.publish(s("e1", OPPOSE, at(10)));

        StatementEntry entry = fixture.<StatementEntry>scan(StoreNames.STANCE_HISTORY, RU, NATO).get(0);

        assertEquals("speaker of e1", entry.getSpeaker());
        assertEquals("quote of e1", entry.getQuote());
        assertEquals(at(10), entry.getOccurredAt());
    }

    @Test
    void shouldKeepOtherTopicsOfTheSamePartyApart() {
        fixture.publish(s("e1", OPPOSE, at(10)), statement("e2", RU, "sanctions", SUPPORT, at(11)),
                s("e3", SUPPORT, at(12)));

        assertEquals(List.of("e1", "e3"), historyIds());
        assertEquals(List.of(KeyValue.pair(RU, change(OPPOSE, SUPPORT, at(12), "e3"))),
                fixture.stanceChanges.readKeyValuesToList());
    }
}
