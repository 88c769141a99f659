package org.partyline.processor.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partyline.processor.domain.Events.at;
import static org.partyline.processor.domain.Events.claim;
import static org.partyline.schema.Position.ASSERTS;
import static org.partyline.schema.Position.DENIES;
import static org.partyline.schema.Position.DISPUTES;
import static org.partyline.schema.Position.RETRACTS;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.partyline.schema.Claim;
import org.partyline.schema.Position;
import org.partyline.schema.view.ClaimChange;
import org.partyline.schema.view.ClaimChangeAt;

/** A party's changes of position on one claim (CONTRACT 6.4), kept as events arrive in any order. */
class ClaimChangesTest {
    private static final String CLAIM = "pokrovsk-captured";
    private final InMemoryClaimHistory history = new InMemoryClaimHistory();

    private static Claim ru(String eventId, Position position, int hour) {
        return claim(eventId, "RU", CLAIM, position, at(hour), null);
    }

    private static ClaimChange change(Position from, Position to, int hour, String eventId) {
        return ClaimChange.newBuilder().setParty("RU").setClaimId(CLAIM).setFrom(from).setTo(to)
                .setOccurredAt(at(hour)).setEventId(eventId)
                .setContradiction(ClaimChanges.contradiction(from, to)).build();
    }

    private List<ClaimChangeAt> fold(Claim... events) {
        List<ClaimChangeAt> last = List.of();
        for (Claim e : events) {
            last = ClaimChanges.apply(history, e).all();
        }
        return last;
    }

    @Test
    void shouldTellTheSettingsThatWroteFromThoseAlreadyHeld() {
        fold(ru("e1", ASSERTS, 1), ru("e3", DENIES, 3));
        ClaimChanges.Settings late = ClaimChanges.apply(history, ru("e2", RETRACTS, 2));

        // The late event splits ASSERTS -> DENIES into two changes: both positions written.
        assertEquals(2, late.written().size());
        assertEquals(late.all(), late.written());

        ClaimChanges.Settings again = ClaimChanges.apply(history, ru("e2", RETRACTS, 2));

        // Its redelivery sets the same two, and writes nothing.
        assertEquals(late.all(), again.all());
        assertEquals(List.of(), again.written());
    }

    @Test
    void shouldCallAssertingWhatWasDeniedOrDisputedAContradictionAndNothingWithRetracts() {
        assertTrue(ClaimChanges.contradiction(ASSERTS, DENIES));
        assertTrue(ClaimChanges.contradiction(DENIES, ASSERTS));
        assertTrue(ClaimChanges.contradiction(ASSERTS, DISPUTES));
        assertTrue(ClaimChanges.contradiction(DISPUTES, ASSERTS));
        assertFalse(ClaimChanges.contradiction(DENIES, DISPUTES));
        assertFalse(ClaimChanges.contradiction(ASSERTS, RETRACTS));
        assertFalse(ClaimChanges.contradiction(RETRACTS, DENIES));
        assertFalse(ClaimChanges.contradiction(ASSERTS, ASSERTS));
    }

    @Test
    void shouldMakeAChangeOfEveryTwoNeighboursWithDifferentPositionsTakenFromTheLaterOne() {
        fold(ru("e1", ASSERTS, 1), ru("e2", ASSERTS, 2), ru("e3", DENIES, 3), ru("e4", RETRACTS, 4));

        assertEquals(List.of(change(ASSERTS, DENIES, 3, "e3"), change(DENIES, RETRACTS, 4, "e4")),
                history.changes());
        assertTrue(history.changes().get(0).getContradiction());
        assertFalse(history.changes().get(1).getContradiction());
    }

    @Test
    void shouldSplitAChangeWhenALateEventLandsInsideIt() {
        fold(ru("e1", ASSERTS, 1), ru("e3", DENIES, 3));

        List<ClaimChangeAt> set = fold(ru("e2", RETRACTS, 2));

        assertEquals(List.of(change(ASSERTS, RETRACTS, 2, "e2"), change(RETRACTS, DENIES, 3, "e3")),
                history.changes());
        assertEquals(List.of(change(ASSERTS, RETRACTS, 2, "e2"), change(RETRACTS, DENIES, 3, "e3")),
                set.stream().map(ClaimChangeAt::getChange).toList());
    }

    @Test
    void shouldMoveAChangeToALateEventThatTakesTheLaterPositionFirst() {
        fold(ru("e1", ASSERTS, 1), ru("e3", DENIES, 3));

        List<ClaimChangeAt> set = fold(ru("e2", DENIES, 2));

        assertEquals(List.of(change(ASSERTS, DENIES, 2, "e2")), history.changes());
        assertEquals(change(ASSERTS, DENIES, 2, "e2"), set.get(0).getChange());
        // None at e3 any more: the view re-keyed by party is told to delete it.
        assertEquals("e3", set.get(1).getEventId());
        assertNull(set.get(1).getChange());
    }

    @Test
    void shouldSetNoChangeAtALateEventWithThePositionBeforeIt() {
        fold(ru("e1", ASSERTS, 1), ru("e3", DENIES, 3));

        List<ClaimChangeAt> set = fold(ru("e2", ASSERTS, 2));

        assertEquals(List.of(change(ASSERTS, DENIES, 3, "e3")), history.changes());
        assertNull(set.get(0).getChange());
        assertEquals(change(ASSERTS, DENIES, 3, "e3"), set.get(1).getChange());
    }

    @Test
    void shouldSetOnlyTheChangeAtTheEventWhenItIsTheLatest() {
        List<ClaimChangeAt> set = fold(ru("e1", ASSERTS, 1), ru("e2", DISPUTES, 2));

        assertEquals(1, set.size());
        assertEquals(change(ASSERTS, DISPUTES, 2, "e2"), set.get(0).getChange());
        assertEquals("RU", set.get(0).getParty());
        assertEquals(CLAIM, set.get(0).getClaimId());
    }

    @Test
    void shouldWriteNothingWhenAnEventIsFoldedAgainButStillSayWhatIsSetAtItAndItsNext() {
        fold(ru("e1", ASSERTS, 1), ru("e3", DENIES, 3), ru("e2", RETRACTS, 2));
        List<ClaimChange> before = history.changes();
        int writes = history.writes;

        List<ClaimChangeAt> set = fold(ru("e2", RETRACTS, 2));

        assertEquals(before, history.changes());
        assertEquals(writes, history.writes);
        assertEquals(List.of(change(ASSERTS, RETRACTS, 2, "e2"), change(RETRACTS, DENIES, 3, "e3")),
                set.stream().map(ClaimChangeAt::getChange).toList());
    }

    @Test
    void shouldRepairAChangeACrashLeftBehind() {
        fold(ru("e1", ASSERTS, 1), ru("e3", DENIES, 3), ru("e2", DENIES, 2));
        // The crash: e2 reached the history, but the change at e3 (from e1) was not removed.
        history.putChange(change(ASSERTS, DENIES, 3, "e3"));

        fold(ru("e2", DENIES, 2));

        assertEquals(List.of(change(ASSERTS, DENIES, 2, "e2")), history.changes());
    }
}
