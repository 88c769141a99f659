package org.partyline.processor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.partyline.processor.streams.StoreNames;
import org.partyline.schema.ClaimStatus;
import org.partyline.schema.Stance;
import org.partyline.schema.StanceChange;

/**
 * The query layer alone: where a key lives decides found, found-remotely, found on a standby or unavailable; and an
 * answer is never given from part of a store.
 */
class QueryRoutingTest {
    private static final Instance PEER = new Instance("10.0.0.2", 8080);
    private final FakeStores stores = new FakeStores();

    /** A peer that is never reachable; no query in these tests may need it unless stated. */
    private final Peers unreachable = new UnreachablePeers("is down");

    private ClaimQueries claims(InstanceLocator locator) {
        return claims(locator, unreachable);
    }

    private ClaimQueries claims(InstanceLocator locator, Peers peers) {
        return new ClaimQueries(stores, locator, peers, new PartyDirectory(stores, locator, peers));
    }

    private StanceQueries stances(InstanceLocator locator) {
        return new StanceQueries(stores, locator, new PartyDirectory(stores, locator, unreachable),
                new StanceGathering(stores, locator, unreachable));
    }

    @Test
    void shouldFindAKeyHeldHere() {
        SeedViews.fill(stores, (store, key) -> true);
        QueryResult<Bodies.Claim> result = claims(FakeLocator.alone()).claim(SeedViews.POKROVSK, Asked.CLIENT);
        Bodies.Claim claim = (Bodies.Claim) assertInstanceOf(QueryResult.Found.class, result).body();
        assertEquals(List.of("DE", "RU", "UA"), claim.positions().stream().map(Bodies.Position::party).toList());
    }

    @Test
    void shouldSayWhoHoldsAKeyHeldElsewhereAndBeUnavailableWithoutAStandbyWhenItDoesNotAnswer() {
        FakeLocator locator = new FakeLocator((store, key) -> false);
        locator.setPeer(PEER);
        QueryResult.FoundRemotely<?> remote = assertInstanceOf(QueryResult.FoundRemotely.class,
                claims(locator).claim(SeedViews.POKROVSK, Asked.CLIENT));
        assertEquals(PEER, remote.owner());
        assertEquals(false, remote.standby());
        assertInstanceOf(QueryResult.Unavailable.class, remote.otherwise().get());
    }

    @Test
    void shouldBeUnavailableWhenAForwardedKeyIsNotHeldHere() {
        FakeLocator locator = new FakeLocator((store, key) -> false);
        locator.setPeer(PEER);
        QueryResult<Bodies.Claim> result = claims(locator).claim(SeedViews.POKROVSK, Asked.FORWARDED);
        assertTrue(assertInstanceOf(QueryResult.Unavailable.class, result).reason().contains("10.0.0.2:8080"));
    }

    @Test
    void shouldBeUnavailableWhenNoInstanceHoldsThePartition() {
        FakeLocator locator = new FakeLocator((store, key) -> false);
        assertInstanceOf(QueryResult.Unavailable.class, claims(locator).claim(SeedViews.POKROVSK, Asked.CLIENT));
    }

    @Test
    void shouldBeUnavailableNotNotFoundWhileThePartitionHeldHereIsNotQueryable() {
        SeedViews.fill(stores, (store, key) -> true);
        stores.makeUnavailable(StoreNames.CLAIMS);
        stores.makeUnavailable(StoreNames.STANCES);
        FakeLocator locator = FakeLocator.alone();
        assertInstanceOf(QueryResult.Unavailable.class, claims(locator).claim(SeedViews.POKROVSK, Asked.CLIENT));
        assertInstanceOf(QueryResult.Unavailable.class, stances(locator).partyStances("RU", Asked.CLIENT));
        assertInstanceOf(QueryResult.Unavailable.class, claims(locator).claims(null, null, null, null));
    }

    @Test
    void shouldNotCallAPartyUnknownWhenTheOtherStoreCannotSay() {
        // DE has no statements; whether it is known is for party-claims to say, held by a peer that is down.
        SeedViews.fill(stores, (store, key) -> true);
        FakeLocator locator = new FakeLocator((store, key) -> !StoreNames.PARTY_CLAIMS.equals(store));
        locator.setPeer(PEER);
        QueryResult<Bodies.PartyStances> result = stances(locator).partyStances("DE", Asked.CLIENT);
        assertTrue(assertInstanceOf(QueryResult.Unavailable.class, result).reason()
                .contains("cannot say whether party DE is known"), result.toString());
    }

    @Test
    void shouldAnswerFromTheStandbyHereMarkedWithItsLagWhenTheActiveHolderIsDown() {
        FakeLocator locator = new FakeLocator((store, key) -> false);
        locator.setPeer(PEER);
        locator.setStandbys(List.of(locator.self()));
        SeedViews.fillStandby(stores, 1, (store, key) -> true);
        stores.addStandby(StoreNames.CLAIMS, 1, 3);
        QueryResult.FoundRemotely<?> remote = assertInstanceOf(QueryResult.FoundRemotely.class,
                claims(locator).claim(SeedViews.POKROVSK, Asked.CLIENT));
        QueryResult.FoundOnStandby<?> stale = assertInstanceOf(QueryResult.FoundOnStandby.class,
                remote.otherwise().get());
        assertEquals(OptionalLong.of(3), stale.lag());
        assertEquals("CONTESTED", ((Bodies.Claim) stale.body()).status());
    }

    @Test
    void shouldAskAnotherInstancesStandbyWhenThereIsNoneHere() {
        Instance other = new Instance("10.0.0.3", 8080);
        FakeLocator locator = new FakeLocator((store, key) -> false);
        locator.setRebalancing("rebalancing");
        locator.setStandbys(List.of(other));
        QueryResult.FoundRemotely<?> remote = assertInstanceOf(QueryResult.FoundRemotely.class,
                claims(locator).claim(SeedViews.POKROVSK, Asked.CLIENT));
        assertEquals(other, remote.owner());
        assertTrue(remote.standby());
        assertInstanceOf(QueryResult.Unavailable.class, remote.otherwise().get());
    }

    @Test
    void shouldNeverSayNotFoundFromAStandbyThatMayLag() {
        FakeLocator locator = new FakeLocator((store, key) -> false);
        locator.setRebalancing("rebalancing");
        locator.setStandbys(List.of(locator.self()));
        stores.addStandby(StoreNames.CLAIMS, 1, 5);
        QueryResult<Bodies.Claim> lagging = claims(locator).claim("no-such-claim", Asked.CLIENT);
        assertTrue(assertInstanceOf(QueryResult.Unavailable.class, lagging).reason().contains("may lag"),
                lagging.toString());
        stores.addStandby(StoreNames.CLAIMS, 1, 0);
        assertInstanceOf(QueryResult.NotFound.class, claims(locator).claim("no-such-claim", Asked.CLIENT));
    }

    @Test
    void shouldAnswerFromTheLocalCopyMarkedWhileTheActiveCopyHereRestores() {
        SeedViews.fill(stores, (store, key) -> true);
        stores.makeRestoring(StoreNames.CLAIMS, 7);
        QueryResult<Bodies.Claim> result = claims(FakeLocator.alone()).claim(SeedViews.POKROVSK, Asked.CLIENT);
        assertEquals(OptionalLong.of(7), assertInstanceOf(QueryResult.FoundOnStandby.class, result).lag());
        QueryResult<Bodies.Claim> forwarded = claims(FakeLocator.alone()).claim(SeedViews.POKROVSK, Asked.FORWARDED);
        assertInstanceOf(QueryResult.Unavailable.class, forwarded);
    }

    @Test
    void shouldBeUnavailableNamingThePeerAndPartitionWhenAListWouldMissAPartition() {
        SeedViews.fill(stores, (store, key) -> true);
        FakeLocator locator = new FakeLocator((store, key) -> true);
        locator.setPeer(PEER);
        QueryResult<Bodies.Claims> result = claims(locator).claims(null, null, null, null);
        String reason = assertInstanceOf(QueryResult.Unavailable.class, result).reason();
        assertTrue(reason.contains("[claims-1]") && reason.contains("instance 10.0.0.2:8080 is down"), reason);
        QueryResult<Bodies.Parties> parties = new PartyDirectory(stores, locator, unreachable).parties();
        assertInstanceOf(QueryResult.Unavailable.class, parties);
    }

    @Test
    void shouldListEveryPartyOnceWhateverItsNumberOfKeysAndWhicheverNamesShareAPrefix() {
        for (int i = 0; i < 50; i++) {
            stores.put(StoreNames.PARTY_CLAIMS, "UA\u0000claim-" + i, "a claim view");
        }
        stores.put(StoreNames.PARTY_CLAIMS, "U\u0000claim-1", "a claim view");
        stores.put(StoreNames.PARTY_CLAIMS, "UAX\u0000claim-1", "a claim view");
        stores.put(StoreNames.STANCE_HISTORY, "RU\u0000nato\u0000t\u0000e1", "a statement");
        stores.put(StoreNames.STANCE_HISTORY, "UA\u0000nato\u0000t\u0000e2", "a statement");
        QueryResult<Bodies.Parties> parties = new PartyDirectory(stores, FakeLocator.alone(), unreachable).parties();
        Bodies.Parties found = (Bodies.Parties) assertInstanceOf(QueryResult.Found.class, parties).body();
        assertEquals(List.of("RU", "U", "UA", "UAX"), found.parties());
    }

    @Test
    void shouldBeUnavailableWhenTwoInstancesAnswerForOnePartition() {
        SeedViews.fill(stores, (store, key) -> true);
        FakeLocator locator = new FakeLocator((store, key) -> true);
        locator.setPeer(PEER);
        Peers alsoPartitionZero = new Peers() {
            @Override
            public boolean partyKnown(Instance peer, String store, String party, boolean standby) {
                return true;
            }

            @Override
            public Bodies.PartiesPart parties(Instance peer, String prefix, PageRequest page) {
                return new Bodies.PartiesPart(List.of(), Map.of());
            }

            @Override
            public Bodies.ClaimsPart claims(Instance peer, Optional<ClaimStatus> status, String prefix,
                                            PageRequest page) {
                return new Bodies.ClaimsPart(List.of(), false, Map.of(StoreNames.CLAIMS, List.of(0, 1)));
            }
        };
        String reason = assertInstanceOf(QueryResult.Unavailable.class, claims(locator, alsoPartitionZero).claims(null, null, null, null))
                .reason();
        assertTrue(reason.contains("partition 0 of claims answered by both"), reason);
    }

    @Test
    void shouldCompleteAListFromTheStandbyHereMarkedWithItsLag() {
        SeedViews.fill(stores, (store, key) -> !SeedViews.POKROVSK.equals(key));
        SeedViews.fillStandby(stores, 1, (store, key) -> SeedViews.POKROVSK.equals(key));
        stores.addStandby(StoreNames.CLAIMS, 1, 2);
        FakeLocator locator = new FakeLocator((store, key) -> !SeedViews.POKROVSK.equals(key));
        locator.setPeer(PEER);
        QueryResult.FoundOnStandby<?> stale = assertInstanceOf(QueryResult.FoundOnStandby.class,
                claims(locator).claims(null, null, null, null));
        assertEquals(OptionalLong.of(2), stale.lag());
        assertEquals(List.of(SeedViews.POKROVSK, SeedViews.PEACE_PLAN),
                ((Bodies.Claims) stale.body()).claims().stream().map(Bodies.Claim::claimId).toList());
    }

    @Test
    void shouldRejectAnUnknownStatusAndAnIdThatBreaksTheRules() {
        assertInstanceOf(QueryResult.Invalid.class, claims(FakeLocator.alone()).claims("PENDING", null, null, null));
        assertInstanceOf(QueryResult.Invalid.class, claims(FakeLocator.alone()).claim("Pokrovsk", Asked.CLIENT));
        assertInstanceOf(QueryResult.Invalid.class, claims(FakeLocator.alone()).contestedClaims("R U", null, null, Asked.CLIENT));
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
