package org.partyline.processor.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.partyline.processor.domain.ClaimChanges;
import org.partyline.processor.domain.ClaimFold;
import org.partyline.processor.domain.InMemoryClaimState;
import org.partyline.processor.streams.StoreKeys;
import org.partyline.processor.streams.StoreNames;
import org.partyline.schema.Claim;
import org.partyline.schema.Position;
import org.partyline.schema.Source;
import org.partyline.schema.Stance;
import org.partyline.schema.StanceChange;
import org.partyline.schema.view.ClaimChange;
import org.partyline.schema.view.ClaimSummary;
import org.partyline.schema.view.PartyClaim;
import org.partyline.schema.view.PartyPosition;
import org.partyline.schema.view.StanceSummary;
import org.partyline.schema.view.StatementEntry;
import org.partyline.schema.view.TopicStance;

/**
 * The seed article's picture as the topology leaves it in the stores: RU asserts {@code pokrovsk-captured} first (with a
 * source) and UA denies it (DE asserted then retracted: a change of position); UA and EU SUPPORT {@code ukraine-nato-membership}, RU OPPOSE, US
 * LEAN_OPPOSE (after NEUTRAL); US on {@code security-guarantees} from SUPPORT to LEAN_SUPPORT; US asserts
 * {@code us-peace-plan-accepted} alone. DE names only claims, so it is a known party without statements.
 */
public final class SeedViews {
    public static final String NATO = "ukraine-nato-membership";
    public static final String GUARANTEES = "security-guarantees";
    public static final String POKROVSK = "pokrovsk-captured";
    public static final String PEACE_PLAN = "us-peace-plan-accepted";

    private record Said(String party, String topic, Stance stance, String at, String eventId, String speaker,
                        String quote, Source source) {
    }

    private static final List<Said> STATEMENTS = List.of(
            new Said("RU", NATO, Stance.OPPOSE, "2025-12-05T10:00:00Z", "ru-1", "Dmitry Peskov", null, null),
            new Said("RU", NATO, Stance.OPPOSE, "2025-12-05T14:00:00Z", "ru-2", null, null, null),
            new Said("UA", NATO, Stance.SUPPORT, "2025-12-05T11:00:00Z", "ua-1", "Volodymyr Zelensky",
                    "Membership is the real guarantee.",
                    new Source("https://example.org/a", "Example News", "Talks in Moscow",
                            Instant.parse("2025-12-05T15:30:00Z"))),
            new Said("EU", NATO, Stance.SUPPORT, "2025-12-05T12:00:00Z", "eu-1", null, null, null),
            new Said("US", NATO, Stance.NEUTRAL, "2025-12-04T09:00:00Z", "us-1", null, null, null),
            new Said("US", NATO, Stance.LEAN_OPPOSE, "2025-12-05T13:00:00Z", "us-2", null, null, null),
            new Said("US", GUARANTEES, Stance.SUPPORT, "2025-12-03T08:00:00Z", "us-0", null, null, null),
            new Said("US", GUARANTEES, Stance.LEAN_SUPPORT, "2025-12-05T13:00:00Z", "us-3", null, null, null));

    private SeedViews() {
    }

    /** Where the views go: an active copy, or a standby copy of one partition. */
    @FunctionalInterface
    public interface Sink {
        void put(String store, String key, Object value);
    }

    /** Fills the stores with the views whose partitioning key {@code holds(store, key)} says this instance holds. */
    public static void fill(FakeStores stores, BiPredicate<String, String> holds) {
        fill(stores::put, holds);
    }

    /** Fills this instance's standby copy of {@code partition} with the views of the keys {@code holds} selects. */
    public static void fillStandby(FakeStores stores, int partition, BiPredicate<String, String> holds) {
        fill((store, key, value) -> stores.putStandby(store, partition, key, value), holds);
    }

    /** Puts the views whose partitioning key {@code holds(store, key)} selects. */
    public static void fill(Sink stores, BiPredicate<String, String> holds) {
        Map<String, List<Said>> byPartyTopic = new LinkedHashMap<>();
        for (Said s : STATEMENTS) {
            byPartyTopic.computeIfAbsent(s.party() + "/" + s.topic(), k -> new ArrayList<>()).add(s);
        }
        for (List<Said> history : byPartyTopic.values()) {
            history.sort(Comparator.comparing((Said s) -> Instant.parse(s.at())).thenComparing(Said::eventId));
            foldStatements(stores, holds, history);
        }
        claim(stores, holds, POKROVSK, List.of(
                new Asserted("RU", Position.ASSERTS, "2025-12-01T10:00:00Z", "ru-c1", "Russian forces captured Pokrovsk",
                        new Source(null, "Seed article", "Talks and warnings", null)),
                new Asserted("UA", Position.DENIES, "2025-12-01T12:00:00Z", "ua-c1", null, null),
                new Asserted("DE", Position.ASSERTS, "2025-12-01T15:00:00Z", "de-c1", null, null),
                new Asserted("DE", Position.RETRACTS, "2025-12-02T09:00:00Z", "de-c2", null, null)));
        claim(stores, holds, PEACE_PLAN, List.of(
                new Asserted("US", Position.ASSERTS, "2025-12-02T09:00:00Z", "us-c1", null, null)));
    }

    private static void foldStatements(Sink stores, BiPredicate<String, String> holds, List<Said> history) {
        String party = history.get(0).party();
        String topic = history.get(0).topic();
        boolean here = holds.test(StoreNames.STANCES, party);
        Said since = history.get(0);
        for (int i = 0; i < history.size(); i++) {
            Said s = history.get(i);
            Instant at = Instant.parse(s.at());
            if (here) {
                stores.put(StoreNames.STANCE_HISTORY, StoreKeys.event(party, topic, at, s.eventId()),
                        new StatementEntry(s.eventId(), s.stance(), at, s.speaker(), s.quote(), s.source()));
            }
            if (i > 0 && history.get(i - 1).stance() != s.stance()) {
                since = s;
                if (here) {
                    // Stored as before version 2 of the record (shift 0, reversal false): the bodies must not
                    // trust those fields.
                    StanceChange change = StanceChange.newBuilder().setParty(party).setTopic(topic)
                            .setFrom(history.get(i - 1).stance()).setTo(s.stance()).setOccurredAt(at)
                            .setEventId(s.eventId()).build();
                    stores.put(StoreNames.STANCE_CHANGE_HISTORY, StoreKeys.event(party, topic, at, s.eventId()),
                            change);
                    stores.put(StoreNames.PARTY_STANCE_CHANGES,
                            StoreKeys.of(party, StoreKeys.time(at), s.eventId(), topic), change);
                }
            }
        }
        Said last = history.get(history.size() - 1);
        Instant sinceAt = Instant.parse(since.at());
        if (here) {
            stores.put(StoreNames.STANCES, StoreKeys.of(party, topic), new StanceSummary(party, topic, last.stance(),
                    sinceAt, since.eventId(), (long) history.size(), Instant.parse(last.at()), last.eventId(), -1L));
        }
        if (holds.test(StoreNames.TOPIC_STANCES, topic)) {
            stores.put(StoreNames.TOPIC_STANCES, StoreKeys.of(topic, party),
                    new TopicStance(party, topic, last.stance(), sinceAt));
        }
    }

    /**
     * A claim's events as the topology folds them: its summary ({@code claims}) and positions
     * ({@code claim-positions}), each party's entry in {@code party-claims}, each party's history and changes on it,
     * and those changes re-keyed by party.
     */
    private static void claim(Sink stores, BiPredicate<String, String> holds, String claimId, List<Asserted> events) {
        InMemoryClaimState state = new InMemoryClaimState();
        Map<String, List<Asserted>> byParty = new LinkedHashMap<>();
        long offset = 0;
        for (Asserted e : events) {
            ClaimFold.apply(state, e.claim(claimId), new ClaimFold.Folding(offset, offset, false));
            offset++;
            byParty.computeIfAbsent(e.party(), k -> new ArrayList<>()).add(e);
        }
        ClaimSummary summary = state.summary().orElseThrow();
        if (holds.test(StoreNames.CLAIMS, claimId)) {
            stores.put(StoreNames.CLAIMS, claimId, summary);
        }
        for (PartyPosition p : state.positions()) {
            if (holds.test(StoreNames.CLAIM_POSITIONS, claimId)) {
                stores.put(StoreNames.CLAIM_POSITIONS, StoreKeys.of(claimId, p.getParty()), p);
            }
            if (holds.test(StoreNames.PARTY_CLAIMS, p.getParty())) {
                stores.put(StoreNames.PARTY_CLAIMS, StoreKeys.of(p.getParty(), claimId),
                        new PartyClaim(claimId, p.getPosition(), summary.getStatus()));
            }
        }
        byParty.forEach((party, history) -> {
            Asserted prev = null;
            for (Asserted e : history) {
                Instant at = Instant.parse(e.at());
                String key = StoreKeys.event(claimId, party, at, e.eventId());
                if (holds.test(StoreNames.CLAIM_HISTORY, claimId)) {
                    stores.put(StoreNames.CLAIM_HISTORY, key, ClaimChanges.entryOf(e.claim(claimId)));
                }
                if (prev != null && prev.position() != e.position()) {
                    ClaimChange change = new ClaimChange(party, claimId, prev.position(), e.position(), at,
                            e.eventId(), ClaimChanges.contradiction(prev.position(), e.position()));
                    if (holds.test(StoreNames.CLAIM_CHANGE_HISTORY, claimId)) {
                        stores.put(StoreNames.CLAIM_CHANGE_HISTORY, key, change);
                    }
                    if (holds.test(StoreNames.PARTY_CLAIM_CHANGES, party)) {
                        stores.put(StoreNames.PARTY_CLAIM_CHANGES,
                                StoreKeys.of(party, StoreKeys.time(at), e.eventId(), claimId), change);
                    }
                }
                prev = e;
            }
        });
    }

    /** A claim event of the seed, in event-time order within its claim. */
    private record Asserted(String party, Position position, String at, String eventId, String proposition,
                            Source source) {
        Claim claim(String claimId) {
            return Claim.newBuilder().setEventId(eventId).setParty(party).setClaimId(claimId).setPosition(position)
                    .setOccurredAt(Instant.parse(at)).setProposition(proposition).setSource(source).build();
        }
    }
}
