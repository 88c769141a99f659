package org.partyline.processor.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partyline.schema.Claim;
import org.partyline.schema.ClaimPosition;
import org.partyline.schema.ClaimStatus;
import org.partyline.schema.ClaimStatusChange;
import org.partyline.schema.Position;
import org.partyline.schema.Source;
import org.partyline.schema.view.ClaimOrigin;
import org.partyline.schema.view.ClaimSummary;
import org.partyline.schema.view.PartyClaim;
import org.partyline.schema.view.PartyPosition;

class ClaimFoldTest {
    private static final String CLAIM = "pokrovsk-captured";

    private final InMemoryClaimState state = new InMemoryClaimState();
    private long offset;

    private static Claim c(String eventId, String party, Position position, Instant at) {
        return claim(eventId, party, CLAIM, position, at, null);
    }

    private static ClaimPosition position(String party, Position position, Instant at, String eventId) {
        return ClaimPosition.newBuilder().setParty(party).setPosition(position).setOccurredAt(at)
                .setEventId(eventId).build();
    }

    /** Folds an event first seen at the next offset. */
    private ClaimUpdate update(Claim event) {
        long at = offset++;
        return ClaimFold.apply(state, event, new ClaimFold.Folding(at, at, false));
    }

    private Optional<ClaimStatusChange> fold(Claim event) {
        return update(event).statusChange();
    }

    private ClaimSummary summary() {
        return state.summary().orElseThrow();
    }

    private List<ClaimPosition> positions() {
        return state.positions().stream().map(ClaimFold::claimPosition).toList();
    }

    private PartyPosition positionOf(String party) {
        return state.position(party).orElseThrow();
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
        ClaimStatusChange withdrawn = fold(c("e8", "RU", RETRACTS, at(8))).orElseThrow();
        assertEquals(WITHDRAWN, withdrawn.getStatus());
        List<ClaimPosition> expected = List.of(position("RU", RETRACTS, at(8), "e8"),
                position("UA", RETRACTS, at(4), "e4"), position("US", RETRACTS, at(7), "e7"));
        assertEquals(expected, positions());
        assertEquals(expected, withdrawn.getPositions());
    }

    @Test
    void shouldPublishNothingAndReadNoOtherPositionWhenTheStatusStays() {
        fold(c("e1", "RU", ASSERTS, at(1)));
        int scans = state.positionScans;

        ClaimUpdate update = update(c("e2", "BY", ASSERTS, at(2)));

        assertEquals(Optional.empty(), update.statusChange());
        assertEquals(scans, state.positionScans);
        assertEquals(List.of(new ClaimUpdate.PartyEntry("BY", new PartyClaim(CLAIM, ASSERTS, ASSERTED))),
                update.partyClaims());
        assertEquals(2, positions().size());
    }

    @Test
    void shouldGiveEveryPartyItsEntryWhenTheStatusChanges() {
        fold(c("e1", "RU", ASSERTS, at(1)));
        fold(c("e2", "BY", ASSERTS, at(2)));

        ClaimUpdate update = update(c("e3", "UA", DISPUTES, at(3)));

        assertEquals(List.of(new ClaimUpdate.PartyEntry("BY", new PartyClaim(CLAIM, ASSERTS, CONTESTED)),
                new ClaimUpdate.PartyEntry("RU", new PartyClaim(CLAIM, ASSERTS, CONTESTED)),
                new ClaimUpdate.PartyEntry("UA", new PartyClaim(CLAIM, DISPUTES, CONTESTED))), update.partyClaims());
    }

    @Test
    void shouldKeepTheLatestPositionWhenALateEventArrives() {
        fold(c("e2", "RU", ASSERTS, at(2)));

        Optional<ClaimStatusChange> change = fold(c("e1", "RU", DENIES, at(1)));

        assertEquals(Optional.empty(), change);
        assertEquals(List.of(position("RU", ASSERTS, at(2), "e2")), positions());
        assertEquals(2L, positionOf("RU").getEvents());
    }

    @Test
    void shouldBreakTiesByEventId() {
        fold(c("b", "RU", ASSERTS, at(1)));
        fold(c("a", "RU", DENIES, at(1)));

        assertEquals(ASSERTED, summary().getStatus());
        assertEquals(List.of(position("RU", ASSERTS, at(1), "b")), positions());
    }

    @Test
    void shouldTakeThePropositionFromTheEarliestEventThatHasOne() {
        fold(claim("e3", "RU", CLAIM, ASSERTS, at(3), "later words"));
        fold(claim("e1", "UA", CLAIM, DENIES, at(1), ""));
        assertEquals("later words", summary().getProposition());

        fold(claim("e2", "US", CLAIM, DISPUTES, at(2), "first words"));

        assertEquals("first words", summary().getProposition());
        assertEquals(at(2), summary().getPropositionAt());
    }

    @Test
    void shouldSortPositionsByParty() {
        fold(c("e1", "UA", DENIES, at(1)));
        fold(c("e2", "BY", ASSERTS, at(2)));
        fold(c("e3", "RU", ASSERTS, at(3)));

        assertEquals(List.of("BY", "RU", "UA"), positions().stream().map(ClaimPosition::getParty).toList());
    }

    @Test
    void shouldDeriveStatusFromPositions() {
        assertEquals(WITHDRAWN, ClaimFold.statusOf(List.of(RETRACTS)));
        assertEquals(DENIED, ClaimFold.statusOf(List.of(DISPUTES, RETRACTS)));
        assertEquals(ClaimStatus.CONTESTED, ClaimFold.statusOf(List.of(ASSERTS, DISPUTES)));
        assertEquals(ASSERTED, ClaimFold.statusOf(List.of(ASSERTS, RETRACTS)));
    }

    @Test
    void shouldFollowTheStatusWhenAPartyMovesBetweenSides() {
        fold(c("e1", "RU", ASSERTS, at(1)));
        fold(c("e2", "UA", DENIES, at(2)));
        fold(c("e3", "BY", DISPUTES, at(3)));

        assertEquals(Optional.empty(), fold(c("e4", "UA", ASSERTS, at(4))), "BY still disputes");
        assertEquals(ASSERTED, fold(c("e5", "BY", RETRACTS, at(5))).orElseThrow().getStatus());
        assertEquals(CONTESTED, fold(c("e6", "RU", DENIES, at(6))).orElseThrow().getStatus());
    }

    @Test
    void shouldCountTheEventsOfTheClaimAndOfEachPartyWhateverTheirPosition() {
        fold(c("e1", "RU", ASSERTS, at(1)));
        fold(c("e2", "UA", DENIES, at(2)));
        fold(c("e3", "RU", RETRACTS, at(3)));
        fold(c("e0", "RU", DISPUTES, at(0)));

        assertEquals(4L, summary().getEvents());
        assertEquals(3L, positionOf("RU").getEvents());
        assertEquals(1L, positionOf("UA").getEvents());
    }

    @Test
    void shouldTakeTheOriginFromTheEarliestAssertsWithItsSource() {
        Source source = new Source("https://example.org/p", "Example News", "Pokrovsk", at(2));
        fold(c("e1", "UA", DENIES, at(1)));
        assertNull(summary().getOrigin());

        fold(Claim.newBuilder(c("e3", "RU", ASSERTS, at(3))).setSource(source).build());
        fold(c("e4", "BY", ASSERTS, at(4)));

        assertEquals(new ClaimOrigin("RU", "e3", at(3), source), summary().getOrigin());
    }

    @Test
    void shouldMoveTheOriginWhenALateAssertsLandsBeforeIt() {
        fold(c("b", "RU", ASSERTS, at(3)));
        fold(c("z", "UA", ASSERTS, at(1)));
        assertEquals(new ClaimOrigin("UA", "z", at(1), null), summary().getOrigin());

        fold(c("a", "BY", ASSERTS, at(1)));
        fold(c("e0", "US", DISPUTES, at(0)));

        // Same time: the lower eventId first; a DISPUTES before it is no origin.
        assertEquals(new ClaimOrigin("BY", "a", at(1), null), summary().getOrigin());
    }

    @Test
    void shouldChangeNothingAndPublishNothingForAnEventItAlreadyHolds() {
        Claim e1 = c("e1", "RU", ASSERTS, at(1));
        fold(e1);
        ClaimSummary first = summary();
        PartyPosition position = positionOf("RU");

        ClaimUpdate again = ClaimFold.apply(state, e1, new ClaimFold.Folding(5L, 0L, false));

        assertEquals(0L, first.getFoldedOffset());
        assertEquals(first, summary());
        assertEquals(position, positionOf("RU"));
        assertEquals(Optional.empty(), again.statusChange());
        assertEquals(List.of(new ClaimUpdate.PartyEntry("RU", new PartyClaim(CLAIM, ASSERTS, ASSERTED))),
                again.partyClaims());
    }

    @Test
    void shouldRepairAPositionACrashLostWithoutCountingTheEventTwiceInTheSummary() {
        fold(c("e1", "RU", ASSERTS, at(1)));
        PartyPosition beforeSecond = positionOf("RU");
        Claim denies = c("e2", "RU", DENIES, at(2));
        fold(denies);
        ClaimSummary summary = summary();
        state.losePosition("RU", beforeSecond);

        ClaimUpdate replay = ClaimFold.apply(state, denies, new ClaimFold.Folding(9L, 1L, false));

        assertEquals(summary, summary());
        assertEquals(Optional.empty(), replay.statusChange());
        assertEquals(DENIES, positionOf("RU").getPosition());
        assertEquals(2L, positionOf("RU").getEvents());
        assertEquals(DENIED, ClaimFold.statusOf(state.anyAsserts(), state.anyDenies()));
    }

    @Test
    void shouldFoldIntoASummaryACrashLostFromPositionsThatHoldTheEvent() {
        fold(c("e1", "RU", ASSERTS, at(1)));
        ClaimSummary beforeSecond = summary();
        Claim denies = c("e2", "UA", DENIES, at(2));
        fold(denies);
        ClaimSummary expected = summary();
        state.loseSummary(beforeSecond);

        ClaimUpdate replay = ClaimFold.apply(state, denies, new ClaimFold.Folding(9L, 1L, false));

        assertEquals(ClaimSummary.newBuilder(expected).setFoldedOffset(9L).build(), summary());
        assertEquals(2L, summary().getEvents());
        assertEquals(1L, positionOf("UA").getEvents());
        assertEquals(CONTESTED, replay.statusChange().orElseThrow().getStatus());
    }

    @Test
    void shouldSendEveryPartysEntryAgainForAnEventTheSummaryHoldsWhenAskedToRepair() {
        fold(c("e1", "RU", ASSERTS, at(1)));
        Claim denies = c("e2", "UA", DENIES, at(2));
        fold(denies);

        ClaimUpdate replay = ClaimFold.apply(state, denies, new ClaimFold.Folding(9L, 1L, true));

        assertEquals(List.of(new ClaimUpdate.PartyEntry("RU", new PartyClaim(CLAIM, ASSERTS, CONTESTED)),
                new ClaimUpdate.PartyEntry("UA", new PartyClaim(CLAIM, DENIES, CONTESTED))), replay.partyClaims());
        assertEquals(Optional.empty(), replay.statusChange());
    }
}
