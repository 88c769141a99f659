package org.partyline.processor.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.partyline.schema.Claim;
import org.partyline.schema.ClaimPosition;
import org.partyline.schema.ClaimStatus;
import org.partyline.schema.ClaimStatusChange;
import org.partyline.schema.Position;
import org.partyline.processor.domain.ClaimFold;
import org.partyline.schema.view.ClaimSummary;
import org.partyline.schema.view.PartyPosition;

/**
 * One claim (its summary in {@code claims}, its positions in {@code claim-positions}) and the records of
 * {@code claim-status}.
 */
class ClaimsViewTest extends TopologyTestBase {
    private static final String POKROVSK = "pokrovsk-captured";

    private static Claim c(String eventId, String party, Position position, Instant at) {
        return claim(eventId, party, POKROVSK, position, at, null);
    }

    private static ClaimPosition p(String party, Position position, Instant at, String eventId) {
        return ClaimPosition.newBuilder().setParty(party).setPosition(position).setOccurredAt(at).setEventId(eventId)
                .build();
    }

    private ClaimSummary view() {
        return fixture.get(StoreNames.CLAIMS, POKROVSK);
    }

    /** The positions as the claim object reads them: one prefix scan of {@code claim-positions}. */
    private List<ClaimPosition> positions() {
        return fixture.<PartyPosition>scan(StoreNames.CLAIM_POSITIONS, POKROVSK).stream()
                .map(ClaimFold::claimPosition).toList();
    }

    private List<ClaimStatus> statuses() {
        return fixture.claimStatus.readValuesToList().stream().map(ClaimStatusChange::getStatus).toList();
    }

    @Test
    void shouldPublishTheFirstStatusWithNoPreviousStatus() {
        fixture.publish(claim("e1", "RU", POKROVSK, ASSERTS, at(10), "Pokrovsk is captured"));

        ClaimStatusChange expected = ClaimStatusChange.newBuilder().setClaimId(POKROVSK)
                .setProposition("Pokrovsk is captured").setStatus(ASSERTED).setPreviousStatus(null)
                .setOccurredAt(at(10)).setPositions(List.of(p("RU", ASSERTS, at(10), "e1"))).build();
        assertEquals(List.of(KeyValue.pair(POKROVSK, expected)), fixture.claimStatus.readKeyValuesToList());
        assertEquals("Pokrovsk is captured", view().getProposition());
        assertEquals(ASSERTED, view().getStatus());
    }

    @Test
    void shouldPublishEachStatusTransitionAndBack() {
        fixture.publish(c("e1", "RU", ASSERTS, at(1)), c("e2", "UA", DENIES, at(2)), c("e3", "RU", RETRACTS, at(3)),
                c("e4", "UA", RETRACTS, at(4)), c("e5", "US", DISPUTES, at(5)), c("e6", "RU", ASSERTS, at(6)),
                c("e7", "US", RETRACTS, at(7)), c("e8", "BY", ASSERTS, at(8)), c("e9", "RU", RETRACTS, at(9)),
                c("e10", "BY", RETRACTS, at(10)));

        List<ClaimStatusChange> records = fixture.claimStatus.readValuesToList();
        assertEquals(List.of(ASSERTED, CONTESTED, DENIED, WITHDRAWN, DENIED, CONTESTED, ASSERTED, WITHDRAWN),
                records.stream().map(ClaimStatusChange::getStatus).toList());
        assertEquals(Arrays.asList(null, ASSERTED, CONTESTED, DENIED, WITHDRAWN, DENIED, CONTESTED, ASSERTED),
                records.stream().map(ClaimStatusChange::getPreviousStatus).toList());
        assertEquals(List.of(at(1), at(2), at(3), at(4), at(5), at(6), at(7), at(10)),
                records.stream().map(ClaimStatusChange::getOccurredAt).toList());
        assertEquals(List.of(p("BY", RETRACTS, at(10), "e10"), p("RU", RETRACTS, at(9), "e9"),
                p("UA", RETRACTS, at(4), "e4"), p("US", RETRACTS, at(7), "e7")), positions());
        assertEquals(WITHDRAWN, view().getStatus());
    }

    @Test
    void shouldPublishNothingWhenTheStatusStays() {
        fixture.publish(c("e1", "RU", ASSERTS, at(1)));
        fixture.claimStatus.readValuesToList();

        fixture.publish(c("e2", "BY", ASSERTS, at(2)), c("e3", "RU", ASSERTS, at(3)));

        assertTrue(fixture.claimStatus.isEmpty());
        assertEquals(List.of(p("BY", ASSERTS, at(2), "e2"), p("RU", ASSERTS, at(3), "e3")), positions());
    }

    @Test
    void shouldKeepTheLastPositionInEventTimeWhenALateEventArrives() {
        fixture.publish(c("e2", "UA", DENIES, at(2)), c("e3", "RU", RETRACTS, at(3)));

        fixture.publish(c("e1", "RU", ASSERTS, at(1)));

        assertEquals(List.of(DENIED), statuses());
        assertEquals(List.of(p("RU", RETRACTS, at(3), "e3"), p("UA", DENIES, at(2), "e2")), positions());
    }

    @Test
    void shouldBreakTiesInOccurredAtByEventId() {
        fixture.publish(c("b", "RU", DENIES, at(1)), c("a", "RU", ASSERTS, at(1)));

        assertEquals(List.of(DENIED), statuses());
        assertEquals(List.of(p("RU", DENIES, at(1), "b")), positions());
    }

    @Test
    void shouldTakeThePropositionFromTheEarliestEventThatHasOne() {
        fixture.publish(claim("e3", "RU", POKROVSK, ASSERTS, at(3), "the later wording"),
                claim("e1", "UA", POKROVSK, DENIES, at(1), null));
        assertEquals("the later wording", view().getProposition());

        fixture.publish(claim("e2", "US", POKROVSK, DISPUTES, at(2), "the first wording"));

        assertEquals("the first wording", view().getProposition());
    }

    @Test
    void shouldHaveNoPropositionWhenNoEventGivesOne() {
        fixture.publish(c("e1", "RU", ASSERTS, at(1)));

        assertNull(view().getProposition());
    }
}
