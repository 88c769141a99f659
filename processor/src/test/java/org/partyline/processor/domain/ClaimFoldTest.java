package org.partyline.processor.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.partyline.processor.domain.Events.at;
import static org.partyline.processor.domain.Events.claim;
import static org.partyline.schema.ClaimStatus.ASSERTED;
import static org.partyline.schema.ClaimStatus.CONTESTED;
import static org.partyline.schema.ClaimStatus.DENIED;
import static org.partyline.schema.ClaimStatus.WITHDRAWN;
import static org.partyline.schema.Position.ASSERTS;
import static org.partyline.schema.Position.DENIES;
import static org.partyline.schema.Position.DISPUTES;
import static org.partyline.schema.Position.RETRACTS;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partyline.schema.Claim;
import org.partyline.schema.ClaimPosition;
import org.partyline.schema.ClaimStatus;
import org.partyline.schema.ClaimStatusChange;
import org.partyline.schema.Position;
import org.partyline.schema.Source;
import org.partyline.schema.view.ClaimOrigin;
import org.partyline.schema.view.ClaimView;

class ClaimFoldTest {
    private static final String CLAIM = "pokrovsk-captured";

    private ClaimView view;

    private static Claim c(String eventId, String party, Position position, Instant at) {
        return claim(eventId, party, CLAIM, position, at, null);
    }

    private static ClaimPosition position(String party, Position position, Instant at, String eventId) {
        return ClaimPosition.newBuilder().setParty(party).setPosition(position).setOccurredAt(at)
                .setEventId(eventId).build();
    }

    private Optional<ClaimStatusChange> fold(Claim event) {
        ClaimView before = view;
        view = ClaimFold.apply(before, event);
        return ClaimFold.statusChange(before, view, event);
    }

    @Test
    void shouldPublishTheFirstStatusWithNoPreviousStatus() {
        Optional<ClaimStatusChange> change = fold(claim("e1", "RU", CLAIM, ASSERTS, at(10), "Pokrovsk is captured"));

        assertEquals(Optional.of(ClaimStatusChange.newBuilder().setClaimId(CLAIM)
                .setProposition("Pokrovsk is captured").setStatus(ASSERTED).setPreviousStatus(null)
                .setOccurredAt(at(10)).setPositions(List.of(position("RU", ASSERTS, at(10), "e1"))).build()), change);
    }

    @Test
    void shouldWalkEveryStatusAndBack() {
        assertEquals(ASSERTED, fold(c("e1", "RU", ASSERTS, at(1))).orElseThrow().getStatus());
        ClaimStatusChange contested = fold(c("e2", "UA", DENIES, at(2))).orElseThrow();
        assertEquals(CONTESTED, contested.getStatus());
        assertEquals(ASSERTED, contested.getPreviousStatus());
        assertEquals(DENIED, fold(c("e3", "RU", RETRACTS, at(3))).orElseThrow().getStatus());
        assertEquals(WITHDRAWN, fold(c("e4", "UA", RETRACTS, at(4))).orElseThrow().getStatus());
        assertEquals(DENIED, fold(c("e5", "US", DISPUTES, at(5))).orElseThrow().getStatus());
        assertEquals(CONTESTED, fold(c("e6", "RU", ASSERTS, at(6))).orElseThrow().getStatus());
        assertEquals(ASSERTED, fold(c("e7", "US", RETRACTS, at(7))).orElseThrow().getStatus());
        assertEquals(WITHDRAWN, fold(c("e8", "RU", RETRACTS, at(8))).orElseThrow().getStatus());
        assertEquals(List.of(position("RU", RETRACTS, at(8), "e8"), position("UA", RETRACTS, at(4), "e4"),
                position("US", RETRACTS, at(7), "e7")), view.getPositions());
    }

    @Test
    void shouldPublishNothingWhenTheStatusStays() {
        fold(c("e1", "RU", ASSERTS, at(1)));

        assertEquals(Optional.empty(), fold(c("e2", "BY", ASSERTS, at(2))));
        assertEquals(2, view.getPositions().size());
    }

    @Test
    void shouldKeepTheLatestPositionWhenALateEventArrives() {
        fold(c("e2", "RU", ASSERTS, at(2)));

        Optional<ClaimStatusChange> change = fold(c("e1", "RU", DENIES, at(1)));

        assertEquals(Optional.empty(), change);
        assertEquals(List.of(position("RU", ASSERTS, at(2), "e2")), view.getPositions());
    }

    @Test
    void shouldBreakTiesByEventId() {
        fold(c("b", "RU", ASSERTS, at(1)));
        fold(c("a", "RU", DENIES, at(1)));

        assertEquals(ASSERTED, view.getStatus());
        assertEquals(List.of(position("RU", ASSERTS, at(1), "b")), view.getPositions());
    }

    @Test
    void shouldTakeThePropositionFromTheEarliestEventThatHasOne() {
        fold(claim("e3", "RU", CLAIM, ASSERTS, at(3), "later words"));
        fold(claim("e1", "UA", CLAIM, DENIES, at(1), ""));
        assertEquals("later words", view.getProposition());

        fold(claim("e2", "US", CLAIM, DISPUTES, at(2), "first words"));

        assertEquals("first words", view.getProposition());
        assertEquals(at(2), view.getPropositionAt());
    }

    @Test
    void shouldSortPositionsByParty() {
        fold(c("e1", "UA", DENIES, at(1)));
        fold(c("e2", "BY", ASSERTS, at(2)));
        fold(c("e3", "RU", ASSERTS, at(3)));

        assertEquals(List.of("BY", "RU", "UA"), view.getPositions().stream().map(ClaimPosition::getParty).toList());
    }

    @Test
    void shouldDeriveStatusFromPositions() {
        assertEquals(WITHDRAWN, ClaimFold.statusOf(List.of(position("RU", RETRACTS, at(1), "e"))));
        assertEquals(DENIED, ClaimFold.statusOf(List.of(position("RU", DISPUTES, at(1), "e"))));
        assertEquals(ClaimStatus.CONTESTED, ClaimFold.statusOf(List.of(position("RU", ASSERTS, at(1), "e"),
                position("UA", DISPUTES, at(1), "f"))));
    }

    @Test
    void shouldCountTheEventsOfTheClaimAndOfEachPartyWhateverTheirPosition() {
        fold(c("e1", "RU", ASSERTS, at(1)));
        fold(c("e2", "UA", DENIES, at(2)));
        fold(c("e3", "RU", RETRACTS, at(3)));
        fold(c("e0", "RU", DISPUTES, at(0)));

        assertEquals(4L, view.getEvents());
        assertEquals(Map.of("RU", 3L, "UA", 1L), view.getPartyEvents());
    }

    @Test
    void shouldTakeTheOriginFromTheEarliestAssertsWithItsSource() {
        Source source = new Source("https://example.org/p", "Example News", "Pokrovsk", at(2));
        fold(c("e1", "UA", DENIES, at(1)));
        assertNull(view.getOrigin());

        fold(Claim.newBuilder(c("e3", "RU", ASSERTS, at(3))).setSource(source).build());
        fold(c("e4", "BY", ASSERTS, at(4)));

        assertEquals(new ClaimOrigin("RU", "e3", at(3), source), view.getOrigin());
    }

    @Test
    void shouldMoveTheOriginWhenALateAssertsLandsBeforeIt() {
        fold(c("b", "RU", ASSERTS, at(3)));
        fold(c("z", "UA", ASSERTS, at(1)));
        assertEquals(new ClaimOrigin("UA", "z", at(1), null), view.getOrigin());

        fold(c("a", "BY", ASSERTS, at(1)));
        fold(c("e0", "US", DISPUTES, at(0)));

        // Same time: the lower eventId first; a DISPUTES before it is no origin.
        assertEquals(new ClaimOrigin("BY", "a", at(1), null), view.getOrigin());
    }

    @Test
    void shouldLeaveTheViewAndPublishNothingForAnEventItAlreadyHolds() {
        Claim e1 = c("e1", "RU", ASSERTS, at(1));
        ClaimView first = ClaimUpdate.of(null, e1, 7L, List.of()).after();

        ClaimUpdate again = ClaimUpdate.alreadyFolded(first, List.of());

        assertEquals(7L, first.getFoldedOffset());
        assertEquals(1L, again.after().getEvents());
        assertFalse(again.changed());
        assertEquals(Optional.empty(), again.statusChange());
    }
}
