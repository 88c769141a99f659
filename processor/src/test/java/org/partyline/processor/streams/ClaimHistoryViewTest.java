package org.partyline.processor.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partyline.processor.domain.Events.at;
import static org.partyline.processor.domain.Events.claim;
import static org.partyline.schema.Position.ASSERTS;
import static org.partyline.schema.Position.DENIES;
import static org.partyline.schema.Position.DISPUTES;
import static org.partyline.schema.Position.RETRACTS;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partyline.schema.Claim;
import org.partyline.schema.Position;
import org.partyline.schema.Source;
import org.partyline.schema.view.ClaimChange;
import org.partyline.schema.view.ClaimEntry;
import org.partyline.schema.view.ClaimOrigin;
import org.partyline.schema.view.ClaimSummary;
import org.partyline.schema.view.PartyPosition;

/**
 * A claim's origin and counts (CONTRACT 6.3) in {@code claims} and {@code claim-positions}, each party's history on it
 * ({@code claim-history}), and its changes of position (6.4) in {@code claim-change-history} and re-keyed by party in
 * {@code party-claim-changes}, as events arrive late and twice.
 */
class ClaimHistoryViewTest extends TopologyTestBase {
    private static final String POKROVSK = "pokrovsk-captured";
    private static final String KUPIANSK = "kupiansk-captured";
    private static final Source TASS = new Source("https://example.org/tass", "TASS", "Pokrovsk taken", at(1));

    private static Claim c(String eventId, String party, Position position, Instant at) {
        return claim(eventId, party, POKROVSK, position, at, null);
    }

    private static ClaimChange change(String party, String claimId, Position from, Position to, Instant at,
                                      String eventId, boolean contradiction) {
        return new ClaimChange(party, claimId, from, to, at, eventId, contradiction);
    }

    private ClaimSummary view() {
        return fixture.get(StoreNames.CLAIMS, POKROVSK);
    }

    /** A party's changes as {@code GET /api/parties/{party}/claim-changes} reads them: one prefix scan. */
    private List<ClaimChange> claimChangesOf(String party) {
        return fixture.scan(StoreNames.PARTY_CLAIM_CHANGES, party);
    }

    @Test
    void shouldCountEventsOfTheClaimAndOfEachPartyAndKeepWhereItWasFirstAsserted() {
        fixture.publish(Claim.newBuilder(c("ru-1", "RU", ASSERTS, at(2))).setSource(TASS).build(),
                c("ua-1", "UA", DENIES, at(3)), c("ru-2", "RU", ASSERTS, at(4)), c("ua-2", "UA", DISPUTES, at(5)),
                c("ua-3", "UA", RETRACTS, at(6)));

        assertEquals(5L, view().getEvents());
        assertEquals(2L, fixture.<PartyPosition>get(StoreNames.CLAIM_POSITIONS, POKROVSK, "RU").getEvents());
        assertEquals(3L, fixture.<PartyPosition>get(StoreNames.CLAIM_POSITIONS, POKROVSK, "UA").getEvents());
        assertEquals(new ClaimOrigin("RU", "ru-1", at(2), TASS), view().getOrigin());
        assertEquals(List.of("ua-1", "ua-2", "ua-3"), fixture.<ClaimEntry>scan(StoreNames.CLAIM_HISTORY, POKROVSK, "UA")
                .stream().map(ClaimEntry::getEventId).toList());
    }

    @Test
    void shouldMoveTheOriginWhenALateAssertsLandsBeforeIt() {
        fixture.publish(c("ua-1", "UA", DENIES, at(1)), c("ru-1", "RU", ASSERTS, at(3)));
        assertEquals("ru-1", view().getOrigin().getEventId());

        fixture.publish(c("by-1", "BY", ASSERTS, at(2)));

        assertEquals(new ClaimOrigin("BY", "by-1", at(2), null), view().getOrigin());
    }

    @Test
    void shouldHaveNoOriginWhileNobodyAsserts() {
        fixture.publish(c("ua-1", "UA", DENIES, at(1)), c("us-1", "US", DISPUTES, at(2)));

        assertNull(view().getOrigin());
        assertEquals(2L, view().getEvents());
    }

    @Test
    void shouldNotCountARedeliveryTwiceNorChangeAnyStore() {
        Claim ru1 = c("ru-1", "RU", ASSERTS, at(1));
        Claim ru2 = c("ru-2", "RU", DENIES, at(2));
        fixture.publish(ru1, ru2);
        Map<String, Map<String, Object>> before = fixture.snapshot();
        before.remove(StoreNames.CLAIM_EVENT_IDS);

        fixture.publish(ru2, ru1);

        Map<String, Map<String, Object>> after = fixture.snapshot();
        after.remove(StoreNames.CLAIM_EVENT_IDS);
        assertEquals(before, after);
        assertEquals(2L, view().getEvents());
        assertEquals(2L, fixture.<PartyPosition>get(StoreNames.CLAIM_POSITIONS, POKROVSK, "RU").getEvents());
    }

    @Test
    void shouldFlagContradictionsAndListAPartysChangesAcrossClaimsByTimeEventIdAndClaim() {
        // The same eventId on two claims (ids are unique per claim): the claimId orders them.
        fixture.publish(c("ru-1", "RU", ASSERTS, at(1)), c("ru-2", "RU", DISPUTES, at(3)),
                c("ru-3", "RU", RETRACTS, at(4)),
                claim("ru-k1", "RU", KUPIANSK, DENIES, at(2), null), claim("ru-k3", "RU", KUPIANSK, ASSERTS, at(5), null),
                claim("ru-2", "RU", KUPIANSK, ASSERTS, at(3), null));

        assertEquals(List.of(
                        change("RU", KUPIANSK, DENIES, ASSERTS, at(3), "ru-2", true),
                        change("RU", POKROVSK, ASSERTS, DISPUTES, at(3), "ru-2", true),
                        change("RU", POKROVSK, DISPUTES, RETRACTS, at(4), "ru-3", false)),
                claimChangesOf("RU"));
    }

    @Test
    void shouldSplitAChangeWhenALateEventLandsInsideItAndTheViewByPartyFollows() {
        fixture.publish(c("ua-1", "UA", ASSERTS, at(1)), c("ua-3", "UA", DENIES, at(3)));
        assertEquals(List.of(change("UA", POKROVSK, ASSERTS, DENIES, at(3), "ua-3", true)), claimChangesOf("UA"));

        fixture.publish(c("ua-2", "UA", RETRACTS, at(2)));

        List<ClaimChange> expected = List.of(change("UA", POKROVSK, ASSERTS, RETRACTS, at(2), "ua-2", false),
                change("UA", POKROVSK, RETRACTS, DENIES, at(3), "ua-3", false));
        assertEquals(expected, fixture.scan(StoreNames.CLAIM_CHANGE_HISTORY, POKROVSK, "UA"));
        assertEquals(expected, claimChangesOf("UA"));
    }

    @Test
    void shouldMergeNeighboursWithTheSamePositionAndDeleteTheirChangeFromTheViewByParty() {
        fixture.publish(c("ua-1", "UA", ASSERTS, at(1)), c("ua-3", "UA", DENIES, at(3)), c("ua-5", "UA", ASSERTS, at(5)));
        assertEquals(2, claimChangesOf("UA").size());

        // DENIES at 4, between ua-3 DENIES and ua-5 ASSERTS: no change at ua-4; ua-5's stays DENIES -> ASSERTS.
        fixture.publish(c("ua-4", "UA", DENIES, at(4)));
        assertEquals(2, claimChangesOf("UA").size());

        // DENIES at 2: the change at ua-3 (ASSERTS -> DENIES) moves to ua-2; ua-3's is deleted in both stores.
        fixture.publish(c("ua-2", "UA", DENIES, at(2)));

        List<ClaimChange> expected = List.of(change("UA", POKROVSK, ASSERTS, DENIES, at(2), "ua-2", true),
                change("UA", POKROVSK, DENIES, ASSERTS, at(5), "ua-5", true));
        assertEquals(expected, fixture.scan(StoreNames.CLAIM_CHANGE_HISTORY, POKROVSK, "UA"));
        assertEquals(expected, claimChangesOf("UA"));

        // ASSERTS at 2.5 between ua-2 DENIES and ua-3 DENIES: splits nothing away, adds two changes.
        fixture.publish(c("ua-25", "UA", ASSERTS, at(2).plusSeconds(1800)));
        assertEquals(List.of("ua-2", "ua-25", "ua-3", "ua-5"),
                claimChangesOf("UA").stream().map(ClaimChange::getEventId).toList());
        assertTrue(claimChangesOf("UA").stream().allMatch(ClaimChange::getContradiction));
    }

    @Test
    void shouldKeepEachPartysChangesApartOnTheSameClaim() {
        fixture.publish(c("ru-1", "RU", ASSERTS, at(1)), c("ua-1", "UA", ASSERTS, at(2)),
                c("ru-2", "RU", ASSERTS, at(3)), c("ua-2", "UA", DENIES, at(4)));

        assertEquals(List.of(), claimChangesOf("RU"));
        assertEquals(List.of(change("UA", POKROVSK, ASSERTS, DENIES, at(4), "ua-2", true)), claimChangesOf("UA"));
    }
}
