package org.partyline.processor.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partyline.processor.domain.Events.at;
import static org.partyline.processor.domain.Events.claim;
import static org.partyline.processor.domain.Events.statement;
import static org.partyline.schema.Position.ASSERTS;
import static org.partyline.schema.Position.DENIES;
import static org.partyline.schema.Position.RETRACTS;
import static org.partyline.schema.Stance.LEAN_SUPPORT;
import static org.partyline.schema.Stance.OPPOSE;
import static org.partyline.schema.Stance.SUPPORT;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.partyline.schema.Claim;
import org.partyline.schema.ClaimStatus;
import org.partyline.schema.ClaimStatusChange;
import org.partyline.schema.StanceChange;
import org.partyline.schema.Statement;
import org.partyline.schema.view.ClaimSummary;
import org.partyline.schema.view.PartyPosition;
import org.partyline.schema.view.StanceSummary;

/**
 * Under {@code at_least_once} the stores of one event are not written atomically: after a crash the input since the
 * last commit is replayed over stores that each hold some of its writes. These tests set up such partial states by
 * hand (a store put back to what it held before the event, or a re-keyed record lost) and replay the event: it
 * must be folded where it is missing, and change nothing where it is not.
 */
class CrashReplayTest extends TopologyTestBase {
    private static final Set<String> STANCE_FOLD_STORES = Set.of(StoreNames.STANCE_HISTORY,
            StoreNames.STANCE_CHANGE_HISTORY, StoreNames.PARTY_STANCE_CHANGES, StoreNames.STANCES,
            StoreNames.TOPIC_STANCES);
    private static final String TOPIC = "sanctions";

    private final RecordingMeters meters = new RecordingMeters();

    @Override
    TopologyMeters meters() {
        return meters;
    }

    @Override
    String guarantee() {
        return org.apache.kafka.streams.StreamsConfig.AT_LEAST_ONCE;
    }

    private final Statement e1 = statement("e1", "RU", TOPIC, OPPOSE, at(1));
    private final Statement e2 = statement("e2", "RU", TOPIC, SUPPORT, at(3));
    private final Statement late = statement("e3", "RU", TOPIC, LEAN_SUPPORT, at(2));

    /** Every store's entries as objects (the snapshot's), so that a store can be put back. */
    private Map<String, Map<String, Object>> stores() {
        Map<String, Map<String, Object>> all = new TreeMap<>();
        for (String name : StoreNames.ALL) {
            Map<String, Object> entries = new TreeMap<>();
            try (KeyValueIterator<String, Object> it = fixture.<Object>store(name).all()) {
                it.forEachRemaining(kv -> entries.put(kv.key, kv.value));
            }
            all.put(name, entries);
        }
        return all;
    }

    /** Puts {@code names} back to what {@code earlier} held, as if their writes since had not reached Kafka. */
    private void putBack(Map<String, Map<String, Object>> earlier, Set<String> names) {
        for (String name : names) {
            KeyValueStore<String, Object> store = fixture.store(name);
            List<String> keys = new java.util.ArrayList<>();
            try (KeyValueIterator<String, Object> it = store.all()) {
                it.forEachRemaining(kv -> keys.add(kv.key));
            }
            keys.forEach(store::delete);
            earlier.get(name).forEach(store::put);
        }
    }

    /** The views: every store but the event ids, and without the folded offsets (a replay has its own). */
    private Map<String, Map<String, Object>> views() {
        Map<String, Map<String, Object>> views = new TreeMap<>(fixture.snapshot());
        views.remove(StoreNames.STATEMENT_EVENT_IDS);
        views.remove(StoreNames.CLAIM_EVENT_IDS);
        views.get(StoreNames.STANCES).replaceAll((k, v) ->
                StanceSummary.newBuilder((StanceSummary) v).setFoldedOffset(-1L).build());
        views.get(StoreNames.CLAIMS).replaceAll((k, v) ->
                ClaimSummary.newBuilder((ClaimSummary) v).setFoldedOffset(-1L).build());
        views.get(StoreNames.CLAIM_POSITIONS).replaceAll((k, v) ->
                PartyPosition.newBuilder((PartyPosition) v).setFoldedOffset(-1L).build());
        return views;
    }

    /**
     * A crash replays its events at their own offsets; the test driver can only append them again. So that the
     * replay looks like one, the kept event ids say they were first seen at the offsets the replay will have,
     * from {@code offset} on.
     */
    private void firstSeenAt(long offset, Statement... events) {
        KeyValueStore<String, byte[]> ids = fixture.store(StoreNames.STATEMENT_EVENT_IDS);
        for (Statement e : events) {
            String key = StoreKeys.of(e.getParty(), e.getEventId());
            byte[] fingerprint = java.util.Arrays.copyOf(ids.get(key), 32);
            ids.put(key, EventIds.value(fingerprint, offset++));
        }
    }

    private StanceSummary summary() {
        return fixture.get(StoreNames.STANCES, "RU", TOPIC);
    }

    @Test
    void shouldFoldAStatementWhoseIdWasKeptButWhoseFoldWasLost() {
        fixture.publish(e1);
        Map<String, Map<String, Object>> afterFirst = stores();
        fixture.publish(e2, late);
        Map<String, Map<String, Object>> expected = views();
        List<StanceChange> changes = fixture.stanceChanges.readValuesToList();
        int folded = meters.folded.size();
        // The crash: statement-event-ids kept e2 and e3, every store of the fold lost both.
        putBack(afterFirst, STANCE_FOLD_STORES);
        firstSeenAt(3, e2, late);

        fixture.publish(e2, late);

        assertEquals(expected, views());
        assertEquals(3L, summary().getStatements());
        // The changes go out again: duplicates of records the crashed run may have sent, never a loss.
        assertEquals(changes, fixture.stanceChanges.readValuesToList());
        assertEquals(folded + 2, meters.folded.size());
    }

    @Test
    void shouldRepairTheHistoryBehindASummaryThatHoldsTheStatement() {
        fixture.publish(e1);
        Map<String, Map<String, Object>> afterFirst = stores();
        fixture.publish(e2, late);
        Map<String, Map<String, Object>> expected = views();
        fixture.stanceChanges.readValuesToList();
        int folded = meters.folded.size();
        // The crash: the summary kept its writes, the history and its changes lost e2 and e3.
        putBack(afterFirst, Set.of(StoreNames.STANCE_HISTORY, StoreNames.STANCE_CHANGE_HISTORY));

        fixture.publish(e2, late);

        assertEquals(expected, views());
        assertEquals(3L, summary().getStatements());
        assertTrue(fixture.stanceChanges.isEmpty());
        assertEquals(folded, meters.folded.size());
    }

    @Test
    void shouldRepairTheIndexOfChangesByPartyBehindTheChangeHistory() {
        fixture.publish(e1);
        Map<String, Map<String, Object>> afterFirst = stores();
        fixture.publish(e2, late);
        Map<String, Map<String, Object>> expected = views();
        fixture.stanceChanges.readValuesToList();
        // The crash: every store kept its writes but the index of changes by party, which lost e2's and e3's.
        putBack(afterFirst, Set.of(StoreNames.PARTY_STANCE_CHANGES));

        fixture.publish(e2, late);

        assertEquals(expected, views());
        assertEquals(2, expected.get(StoreNames.PARTY_STANCE_CHANGES).size());
        assertTrue(fixture.stanceChanges.isEmpty());
    }

    @Test
    void shouldFoldIntoASummaryBehindAHistoryThatHoldsLaterStatements() {
        fixture.publish(e1);
        Map<String, Map<String, Object>> afterFirst = stores();
        fixture.publish(e2, late);
        Map<String, Map<String, Object>> expected = views();
        List<StanceChange> changes = fixture.stanceChanges.readValuesToList();
        // The crash: the history and its changes kept e2 and e3, the summary and the re-keyed view lost both.
        putBack(afterFirst, Set.of(StoreNames.STANCES, StoreNames.TOPIC_STANCES));
        firstSeenAt(3, e2, late);

        fixture.publish(e2, late);

        assertEquals(expected, views());
        assertEquals(changes, fixture.stanceChanges.readValuesToList());
    }

    @Test
    void shouldCatchUpTheReKeyedViewWhenItsRecordWasLost() {
        fixture.publish(e1, e2);
        Map<String, Map<String, Object>> expected = views();
        fixture.stanceChanges.readValuesToList();
        int folded = meters.folded.size();
        fixture.store(StoreNames.TOPIC_STANCES).delete(StoreKeys.of(TOPIC, "RU"));

        fixture.publish(e2);

        assertEquals(expected, views());
        assertTrue(fixture.stanceChanges.isEmpty());
        assertEquals(folded, meters.folded.size());
    }

    @Test
    void shouldChangeNothingAndEmitNothingForARedeliveryOfAFoldedStatement() {
        fixture.publish(e1, e2, late);
        Map<String, Map<String, Object>> before = fixture.snapshot();
        fixture.stanceChanges.readValuesToList();
        int folded = meters.folded.size();

        fixture.publish(late, e2, e1);

        assertEquals(before, fixture.snapshot());
        assertTrue(fixture.stanceChanges.isEmpty());
        assertEquals(folded, meters.folded.size());
    }

    @Test
    void shouldFoldAClaimEventWhoseIdWasKeptButWhoseFoldWasLost() {
        Claim asserts = claim("c1", "RU", "pokrovsk-captured", ASSERTS, at(1), "P");
        Claim denies = claim("c2", "UA", "pokrovsk-captured", DENIES, at(2), null);
        // The crash: claim-event-ids kept c2, the claim, its positions and sides and both re-keyed entries lost it.
        Map<String, Map<String, Object>> expected = replayAfterLosing(asserts, denies,
                Set.of(StoreNames.CLAIMS, StoreNames.CLAIM_POSITIONS, StoreNames.CLAIM_SIDES, StoreNames.PARTY_CLAIMS));

        assertEquals(expected, views());
        List<ClaimStatusChange> status = fixture.claimStatus.readValuesToList();
        assertEquals(1, status.size());
        assertEquals(ClaimStatus.CONTESTED, status.get(0).getStatus());
    }

    @Test
    void shouldFoldAClaimEventIntoASummaryThatLostItWhileItsPositionKeptIt() {
        Claim asserts = claim("c1", "RU", "pokrovsk-captured", ASSERTS, at(1), "P");
        Claim denies = claim("c2", "UA", "pokrovsk-captured", DENIES, at(2), null);
        // The crash: the positions, the sides and the view by party kept c2, the summary lost it.
        Map<String, Map<String, Object>> expected = replayAfterLosing(asserts, denies, Set.of(StoreNames.CLAIMS));

        assertEquals(expected, views());
        assertEquals(2L, fixture.<ClaimSummary>get(StoreNames.CLAIMS, "pokrovsk-captured").getEvents());
        assertEquals(1L, fixture.<PartyPosition>get(StoreNames.CLAIM_POSITIONS, "pokrovsk-captured", "UA")
                .getEvents());
        assertEquals(List.of(ClaimStatus.CONTESTED), fixture.claimStatus.readValuesToList().stream()
                .map(ClaimStatusChange::getStatus).toList());
    }

    @Test
    void shouldFoldAClaimEventIntoAPositionThatLostItWhileTheSummaryKeptIt() {
        Claim asserts = claim("c1", "RU", "pokrovsk-captured", ASSERTS, at(1), "P");
        Claim denies = claim("c2", "RU", "pokrovsk-captured", DENIES, at(2), null);
        // The crash: the summary kept c2, RU's position and sides lost it.
        Map<String, Map<String, Object>> expected = replayAfterLosing(asserts, denies,
                Set.of(StoreNames.CLAIM_POSITIONS, StoreNames.CLAIM_SIDES));

        assertEquals(expected, views());
        assertEquals(2L, fixture.<ClaimSummary>get(StoreNames.CLAIMS, "pokrovsk-captured").getEvents());
        assertEquals(2L, fixture.<PartyPosition>get(StoreNames.CLAIM_POSITIONS, "pokrovsk-captured", "RU")
                .getEvents());
        assertTrue(fixture.claimStatus.isEmpty());
    }

    @Test
    void shouldCatchUpPartyClaimsWithoutANewStatusForAClaimEventAlreadyApplied() {
        Claim asserts = claim("c1", "RU", "pokrovsk-captured", ASSERTS, at(1), "P");
        Claim denies = claim("c2", "UA", "pokrovsk-captured", DENIES, at(2), null);
        fixture.publish(asserts, denies);
        Map<String, Map<String, Object>> expected = views();
        Object claimBefore = fixture.get(StoreNames.CLAIMS, "pokrovsk-captured");
        fixture.claimStatus.readValuesToList();
        int folded = meters.folded.size();
        fixture.store(StoreNames.PARTY_CLAIMS).delete(StoreKeys.of("RU", "pokrovsk-captured"));
        fixture.store(StoreNames.PARTY_CLAIMS).delete(StoreKeys.of("UA", "pokrovsk-captured"));
        assertNull(fixture.get(StoreNames.PARTY_CLAIMS, "UA", "pokrovsk-captured"));

        fixture.publish(denies);

        assertEquals(expected, views());
        assertEquals(claimBefore, fixture.get(StoreNames.CLAIMS, "pokrovsk-captured"));
        assertTrue(fixture.claimStatus.isEmpty());
        assertEquals(folded, meters.folded.size());
    }

    @Test
    void shouldRepairAClaimsHistoryAndChangesWithoutCountingTheEventTwice() {
        Claim asserts = claim("c1", "RU", "pokrovsk-captured", ASSERTS, at(1), "P");
        Claim denies = claim("c3", "RU", "pokrovsk-captured", DENIES, at(3), null);
        Claim retracts = claim("c2", "RU", "pokrovsk-captured", RETRACTS, at(2), null);
        fixture.publish(asserts, denies);
        Map<String, Map<String, Object>> afterTwo = stores();
        fixture.publish(retracts);
        Map<String, Map<String, Object>> expected = views();
        fixture.claimStatus.readValuesToList();
        // The crash: the claim kept its writes (its counts hold c2), the history, the changes and the view by party
        // lost them: c2 is missing, and the change ASSERTS -> DENIES that c2 split is still whole.
        putBack(afterTwo, Set.of(StoreNames.CLAIM_HISTORY, StoreNames.CLAIM_CHANGE_HISTORY,
                StoreNames.PARTY_CLAIM_CHANGES));

        fixture.publish(retracts);

        assertEquals(expected, views());
        ClaimSummary claim = fixture.get(StoreNames.CLAIMS, "pokrovsk-captured");
        assertEquals(3L, claim.getEvents());
        assertTrue(fixture.claimStatus.isEmpty());
    }

    @Test
    void shouldCatchUpTheClaimChangesByPartyWhenTheirRecordsWereLost() {
        Claim asserts = claim("c1", "RU", "pokrovsk-captured", ASSERTS, at(1), "P");
        Claim denies = claim("c3", "RU", "pokrovsk-captured", DENIES, at(3), null);
        Claim alsoDenies = claim("c2", "RU", "pokrovsk-captured", DENIES, at(2), null);
        fixture.publish(asserts, denies);
        Map<String, Map<String, Object>> beforeMove = stores();
        fixture.publish(alsoDenies);
        Map<String, Map<String, Object>> expected = views();
        // The crash: both records of the move (put at c2, delete at c3) were lost on their way to the view by party.
        putBack(beforeMove, Set.of(StoreNames.PARTY_CLAIM_CHANGES));

        fixture.publish(alsoDenies);

        assertEquals(expected, views());
        assertEquals(List.of("c2"), fixture.<org.partyline.schema.view.ClaimChange>scan(
                StoreNames.PARTY_CLAIM_CHANGES, "RU").stream().map(c -> c.getEventId()).toList());
    }

    @Test
    void shouldKeepRefusingAReusedEventId() {
        fixture.publish(e1);
        fixture.publish(statement("e1", "RU", TOPIC, SUPPORT, at(5)));

        assertEquals(1L, summary().getStatements());
        assertEquals(1, fixture.deadLetters.readRecordsToList().size());
        assertEquals(List.of(KeyValue.pair("e1", 1L)).size(), meters.folded.size());
    }

    /**
     * Folds {@code first} then {@code second}, puts {@code lost} back as they were before {@code second} (a crash that
     * kept the other stores' writes), drains {@code claim-status} of what the first fold sent, and redelivers
     * {@code second}; returns the views as the first fold of {@code second} left them.
     */
    private Map<String, Map<String, Object>> replayAfterLosing(Claim first, Claim second, Set<String> lost) {
        fixture.publish(first);
        Map<String, Map<String, Object>> afterFirst = stores();
        fixture.publish(second);
        Map<String, Map<String, Object>> expected = views();
        fixture.claimStatus.readValuesToList();
        putBack(afterFirst, lost);
        fixture.publish(second);
        return expected;
    }
}
