package org.partyline.processor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partyline.schema.ClaimStatus;
import org.partyline.schema.Stance;
import org.partyline.schema.StanceChange;

/** The query layer alone: where a key lives decides found, found-remotely or unavailable. */
class QueryRoutingTest {
    private static final Instance PEER = new Instance("10.0.0.2", 8080);
    private final FakeStores stores = new FakeStores();

    /** A peer that is never reachable; no query in these tests may need it unless stated. */
    private final Peers unreachable = new Peers() {
        @Override
        public boolean partyKnown(Instance peer, String store, String party) {
            throw new PeerException(peer, "is down");
        }

        @Override
        public List<String> parties(Instance peer) {
            throw new PeerException(peer, "is down");
        }

        @Override
        public List<Bodies.Claim> claims(Instance peer, Optional<ClaimStatus> status) {
            throw new PeerException(peer, "is down");
        }
    };

    private ClaimQueries claims(InstanceLocator locator) {
        return new ClaimQueries(stores, locator, unreachable, new PartyDirectory(stores, locator, unreachable));
    }

    @Test
    void shouldFindAKeyHeldHere() {
        SeedViews.fill(stores, (store, key) -> true);
        QueryResult<Bodies.Claim> result = claims(FakeLocator.alone()).claim(SeedViews.POKROVSK, false);
        Bodies.Claim claim = (Bodies.Claim) assertInstanceOf(QueryResult.Found.class, result).body();
        assertEquals(List.of("DE", "RU", "UA"), claim.positions().stream().map(Bodies.Position::party).toList());
    }

    @Test
    void shouldSayWhoHoldsAKeyHeldElsewhere() {
        FakeLocator locator = new FakeLocator((store, key) -> false);
        locator.setPeer(PEER);
        assertEquals(new QueryResult.FoundRemotely<>(PEER), claims(locator).claim(SeedViews.POKROVSK, false));
    }

    @Test
    void shouldBeUnavailableWhenAForwardedKeyIsNotHeldHere() {
        FakeLocator locator = new FakeLocator((store, key) -> false);
        locator.setPeer(PEER);
        QueryResult<Bodies.Claim> result = claims(locator).claim(SeedViews.POKROVSK, true);
        assertTrue(assertInstanceOf(QueryResult.Unavailable.class, result).reason().contains("10.0.0.2:8080"));
    }

    @Test
    void shouldBeUnavailableWhenNoInstanceHoldsThePartition() {
        FakeLocator locator = new FakeLocator((store, key) -> false);
        assertInstanceOf(QueryResult.Unavailable.class, claims(locator).claim(SeedViews.POKROVSK, false));
    }

    @Test
    void shouldBeUnavailableNamingThePeerWhenAListCannotBeGathered() {
        SeedViews.fill(stores, (store, key) -> true);
        FakeLocator locator = new FakeLocator((store, key) -> true);
        locator.setPeer(PEER);
        QueryResult<Bodies.Claims> result = claims(locator).claims(null);
        assertEquals(new QueryResult.Unavailable<>("instance 10.0.0.2:8080 is down"), result);
    }

    @Test
    void shouldRejectAnUnknownStatusAndAnIdThatBreaksTheRules() {
        assertInstanceOf(QueryResult.Invalid.class, claims(FakeLocator.alone()).claims("PENDING"));
        assertInstanceOf(QueryResult.Invalid.class, claims(FakeLocator.alone()).claim("Pokrovsk", false));
        assertInstanceOf(QueryResult.Invalid.class, claims(FakeLocator.alone()).contestedClaims("R U", false));
    }

    @Test
    void shouldOrderChangesByTimeThenEventIdInCodePointOrder() {
        assertTrue(ViewBodies.CODE_POINT_ORDER.compare("\uFFFF", "\uD83D\uDE00") < 0, "U+FFFF before U+1F600");
        StanceChange early = change("b", "2025-12-05T14:00:00Z", "z");
        StanceChange lateFraction = change("a", "2025-12-05T14:00:00.500Z", "a");
        StanceChange sameTimeLaterId = change("a", "2025-12-05T14:00:00.500Z", "\uD83D\uDE00");
        StanceChange sameTimeEarlierId = change("a", "2025-12-05T14:00:00.500Z", "\uFFFF");
        assertTrue(ViewBodies.CHANGE_ORDER.compare(early, lateFraction) < 0, "by instant, not by its text");
        assertTrue(ViewBodies.CHANGE_ORDER.compare(sameTimeEarlierId, sameTimeLaterId) < 0, "then by code point");
    }

    private static StanceChange change(String topic, String at, String eventId) {
        return StanceChange.newBuilder().setParty("UA").setTopic(topic).setFrom(Stance.SUPPORT)
                .setTo(Stance.OPPOSE).setOccurredAt(Instant.parse(at)).setEventId(eventId).build();
    }
}
