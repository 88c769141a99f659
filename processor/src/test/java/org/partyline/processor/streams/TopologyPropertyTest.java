package org.partyline.processor.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.Size;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.partyline.processor.domain.ClaimFold;
import org.partyline.schema.Claim;
import org.partyline.schema.ClaimPosition;
import org.partyline.schema.ClaimStatusChange;
import org.partyline.schema.Position;
import org.partyline.schema.Stance;
import org.partyline.schema.StanceChange;
import org.partyline.schema.Statement;
import org.partyline.schema.view.ClaimSummary;
import org.partyline.schema.view.PartyClaim;
import org.partyline.schema.view.PartyPosition;
import org.partyline.schema.view.StanceSummary;
import org.partyline.schema.view.StatementEntry;
import org.partyline.schema.view.TopicStance;

/**
 * Random events over a few parties, topics and claims, with colliding times and event ids, shuffled arrival and
 * redeliveries: the stores and output topics of the topology equal a reference fold that sorts everything and
 * recomputes each view from scratch ({@link ReferenceFold}).
 */
public class TopologyPropertyTest {
    private static final String[] PARTIES = {"RU", "UA", "BY"};
    private static final String[] TOPICS = {"sanctions", "grain-deal"};
    private static final String[] CLAIMS = {"pokrovsk-captured", "bridge-destroyed"};
    private static final Instant T0 = Instant.parse("2025-12-05T00:00:00Z");

    /** One generated event, in small ranges so that times, event ids and keys collide. */
    record Gen(boolean claim, int party, int subject, int value, int minute, int eventId, int proposition) {
        SpecificRecord event() {
            Instant at = T0.plusSeconds(60L * minute);
            String id = "e" + eventId;
            if (!claim) {
                return Statement.newBuilder().setEventId(id).setParty(PARTIES[party]).setTopic(TOPICS[subject])
                        .setStance(Stance.values()[value % Stance.values().length]).setOccurredAt(at).build();
            }
            String[] propositions = {null, "", "wording one", "wording two"};
            return Claim.newBuilder().setEventId(id).setParty(PARTIES[party]).setClaimId(CLAIMS[subject])
                    .setPosition(Position.values()[value % Position.values().length]).setOccurredAt(at)
                    .setProposition(propositions[proposition]).build();
        }
    }

    @Provide
    Arbitrary<Gen> events() {
        return Combinators.combine(
                Arbitraries.of(false, true),
                Arbitraries.integers().between(0, PARTIES.length - 1),
                Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 24),
                Arbitraries.integers().between(0, 3)).as(Gen::new);
    }

    @Property(tries = 250, seed = "20251205", shrinking = ShrinkingMode.BOUNDED)
    void shouldMatchTheReferenceFoldWhateverTheArrivalOrder(
            @ForAll @Size(min = 1, max = 40) List<@net.jqwik.api.From("events") Gen> generated,
            @ForAll @Size(max = 10) List<@net.jqwik.api.constraints.IntRange(min = 0, max = 39) Integer> redeliveries,
            @ForAll long shuffleSeed) throws IOException {
        List<SpecificRecord> arrivals = new ArrayList<>(generated.stream().map(Gen::event).toList());
        redeliveries.forEach(i -> arrivals.add(arrivals.get(i % generated.size())));
        Collections.shuffle(arrivals, new Random(shuffleSeed));

        Path stateDir = Files.createTempDirectory("partyline-property");
        try (TopologyFixture fixture = new TopologyFixture(stateDir)) {
            for (SpecificRecord e : arrivals) {
                if (e instanceof Statement s) {
                    fixture.publish(s);
                } else {
                    fixture.publish((Claim) e);
                }
            }
            ReferenceFold expected = ReferenceFold.of(arrivals);
            assertEquals(expected.views(), actualViews(fixture), () -> "arrivals: " + arrivals);
            assertEquals(byPartyAndTime(all(fixture, StoreNames.STANCE_CHANGE_HISTORY)),
                    all(fixture, StoreNames.PARTY_STANCE_CHANGES), () -> "arrivals: " + arrivals);
            assertEquals(expected.stanceChanges, fixture.stanceChanges.readValuesToList().stream()
                    .map(TopologyPropertyTest::text).toList(), () -> "arrivals: " + arrivals);
            assertEquals(expected.claimStatus, fixture.claimStatus.readValuesToList().stream()
                    .map(TopologyPropertyTest::text).toList(), () -> "arrivals: " + arrivals);
            assertEquals(expected.deadLetters, fixture.deadLetters.readRecordsToList().size());
        } finally {
            deleteRecursively(stateDir);
        }
    }

    // --- the topology's views, as text ---------------------------------------------------------------------------

    private static Map<String, Object> actualViews(TopologyFixture fixture) {
        return viewsOf(store -> all(fixture, store));
    }

    /**
     * The views as text, comparable with {@link ReferenceFold#views()}, from each store's entries in key order:
     * {@code stores} maps a store name of {@link StoreNames} to all its entries (a test fixture's stores, or a
     * running instance's through interactive queries).
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> viewsOf(Function<String, Map<String, ?>> stores) {
        Map<String, Object> views = new TreeMap<>();
        views.put("stances", ((Map<String, StanceSummary>) stores.apply(StoreNames.STANCES)).values().stream()
                .map(s -> s.getParty() + "|" + s.getTopic() + "=" + s.getStance() + "@" + s.getSince()
                        + "#" + s.getStatements())
                .toList());
        views.put("history", group((Map<String, StatementEntry>) stores.apply(StoreNames.STANCE_HISTORY),
                e -> e.getEventId() + ":" + e.getStance()));
        views.put("changes", group((Map<String, StanceChange>) stores.apply(StoreNames.STANCE_CHANGE_HISTORY),
                TopologyPropertyTest::text));
        views.put("topicStances", ((Map<String, TopicStance>) stores.apply(StoreNames.TOPIC_STANCES)).values()
                .stream().map(t -> t.getTopic() + "|" + t.getParty() + "=" + t.getStance() + "@" + t.getSince())
                .toList());
        Map<String, List<ClaimPosition>> positions = new TreeMap<>();
        ((Map<String, PartyPosition>) stores.apply(StoreNames.CLAIM_POSITIONS)).forEach((key, p) ->
                positions.computeIfAbsent(StoreKeys.part(key, 0), k -> new ArrayList<>())
                        .add(ClaimFold.claimPosition(p)));
        views.put("claims", ((Map<String, ClaimSummary>) stores.apply(StoreNames.CLAIMS)).values().stream()
                .map(c -> text(c, positions.getOrDefault(c.getClaimId(), List.of()))).toList());
        views.put("partyClaims", ((Map<String, PartyClaim>) stores.apply(StoreNames.PARTY_CLAIMS)).entrySet()
                .stream().map(e -> StoreKeys.part(e.getKey(), 0) + "|" + e.getValue().getClaimId() + "|"
                        + e.getValue().getStatus() + "|" + e.getValue().getPosition()).toList());
        return views;
    }


    private static <V> Map<String, V> all(TopologyFixture fixture, String store) {
        Map<String, V> entries = new LinkedHashMap<>();
        try (KeyValueIterator<String, V> it = fixture.<V>store(store).all()) {
            it.forEachRemaining(kv -> entries.put(kv.key, kv.value));
        }
        return entries;
    }

    /** The changes of {@code stance-change-history} keyed as {@code party-stance-changes} must hold them. */
    private static Map<String, StanceChange> byPartyAndTime(Map<String, StanceChange> changes) {
        Map<String, StanceChange> index = new TreeMap<>();
        changes.values().forEach(c -> index.put(StoreKeys.of(c.getParty(), StoreKeys.time(c.getOccurredAt()),
                c.getEventId(), c.getTopic()), c));
        return index;
    }

    /** Values of a history store grouped by (party, topic), in store key order. */
    private static <V> Map<String, List<String>> group(Map<String, V> entries, java.util.function.Function<V, String> text) {
        Map<String, List<String>> groups = new TreeMap<>();
        entries.forEach((k, v) -> groups.computeIfAbsent(StoreKeys.part(k, 0) + "|" + StoreKeys.part(k, 1),
                x -> new ArrayList<>()).add(text.apply(v)));
        return groups;
    }

    static String text(StanceChange c) {
        return ReferenceFold.text(c);
    }

    static String text(ClaimSummary c, List<ClaimPosition> positions) {
        return c.getClaimId() + "|" + c.getProposition() + "|" + c.getStatus() + "|" + positions(positions);
    }

    static String text(ClaimStatusChange c) {
        return ReferenceFold.text(c);
    }

    static String positions(List<ClaimPosition> positions) {
        return ReferenceFold.positions(positions);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @SuppressWarnings("unused")
    private static KeyValue<String, String> pair(String k, String v) {
        return KeyValue.pair(k, v);
    }
}
