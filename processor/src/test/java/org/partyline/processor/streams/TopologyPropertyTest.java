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
import java.util.stream.Collectors;
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
import org.partyline.schema.Claim;
import org.partyline.schema.ClaimPosition;
import org.partyline.schema.ClaimStatusChange;
import org.partyline.schema.Position;
import org.partyline.schema.Stance;
import org.partyline.schema.StanceChange;
import org.partyline.schema.Statement;
import org.partyline.schema.view.ClaimView;
import org.partyline.schema.view.StanceSummary;
import org.partyline.schema.view.StatementEntry;
import org.partyline.schema.view.TopicStance;

/**
 * Random events over a few parties, topics and claims, with colliding times and event ids, shuffled arrival and
 * redeliveries: the stores and output topics of the topology equal a reference fold that sorts everything and
 * recomputes each view from scratch (like contract-check/oracle.py).
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
            Reference expected = Reference.of(arrivals);
            assertEquals(expected.views(), actualViews(fixture), () -> "arrivals: " + arrivals);
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
     * The views as text, comparable with {@link Reference#views()}, from each store's entries in key order:
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
        views.put("claims", ((Map<String, ClaimView>) stores.apply(StoreNames.CLAIMS)).values().stream()
                .map(TopologyPropertyTest::text).toList());
        views.put("partyClaims", ((Map<String, ClaimView>) stores.apply(StoreNames.PARTY_CLAIMS)).entrySet()
                .stream().map(e -> StoreKeys.part(e.getKey(), 0) + "|" + text(e.getValue())).toList());
        return views;
    }

    private static <V> Map<String, V> all(TopologyFixture fixture, String store) {
        Map<String, V> entries = new LinkedHashMap<>();
        try (KeyValueIterator<String, V> it = fixture.<V>store(store).all()) {
            it.forEachRemaining(kv -> entries.put(kv.key, kv.value));
        }
        return entries;
    }

    /** Values of a history store grouped by (party, topic), in store key order. */
    private static <V> Map<String, List<String>> group(Map<String, V> entries, java.util.function.Function<V, String> text) {
        Map<String, List<String>> groups = new TreeMap<>();
        entries.forEach((k, v) -> groups.computeIfAbsent(StoreKeys.part(k, 0) + "|" + StoreKeys.part(k, 1),
                x -> new ArrayList<>()).add(text.apply(v)));
        return groups;
    }

    public static String text(StanceChange c) {
        return c.getParty() + "|" + c.getTopic() + ":" + c.getFrom() + ">" + c.getTo() + "@" + c.getOccurredAt()
                + "#" + c.getEventId();
    }

    public static String text(ClaimView v) {
        return v.getClaimId() + "|" + v.getProposition() + "|" + v.getStatus() + "|" + positions(v.getPositions());
    }

    public static String text(ClaimStatusChange c) {
        return c.getClaimId() + "|" + c.getProposition() + "|" + c.getPreviousStatus() + ">" + c.getStatus() + "@"
                + c.getOccurredAt() + "|" + positions(c.getPositions());
    }

    static String positions(List<ClaimPosition> positions) {
        return positions.stream().map(p -> p.getParty() + ":" + p.getPosition() + "@" + p.getOccurredAt() + "#"
                + p.getEventId()).collect(Collectors.joining(","));
    }

    // --- the reference fold ----------------------------------------------------------------------------------------

    /** Applies arrivals like CONTRACT section 2 says, recomputing every view from scratch after each event. */
    public static final class Reference {
        final List<Statement> statements = new ArrayList<>();
        final List<Claim> claims = new ArrayList<>();
        public final List<String> stanceChanges = new ArrayList<>();
        public final List<String> claimStatus = new ArrayList<>();
        public int deadLetters;

        public static Reference of(List<SpecificRecord> arrivals) {
            Reference r = new Reference();
            Map<String, SpecificRecord> seen = new LinkedHashMap<>();
            for (SpecificRecord e : arrivals) {
                String key = e instanceof Statement s ? "s|" + s.getParty() + "|" + s.getEventId()
                        : "c|" + ((Claim) e).getClaimId() + "|" + ((Claim) e).getEventId();
                SpecificRecord first = seen.putIfAbsent(key, e);
                if (first != null) {
                    r.deadLetters += first.equals(e) ? 0 : 1;
                } else if (e instanceof Statement s) {
                    r.applyStatement(s);
                } else {
                    r.applyClaim((Claim) e);
                }
            }
            return r;
        }

        private void applyStatement(Statement s) {
            List<Statement> before = sorted(statements.stream()
                    .filter(x -> x.getParty().equals(s.getParty()) && x.getTopic().equals(s.getTopic())));
            statements.add(s);
            if (!before.isEmpty()) {
                Stance from = last(before).getStance();
                List<Statement> after = sorted(Stream.concat(before.stream(), Stream.of(s)));
                if (last(after).getStance() != from) {
                    stanceChanges.add(s.getParty() + "|" + s.getTopic() + ":" + from + ">" + last(after).getStance()
                            + "@" + s.getOccurredAt() + "#" + s.getEventId());
                }
            }
        }

        private void applyClaim(Claim c) {
            String before = claims.stream().anyMatch(x -> x.getClaimId().equals(c.getClaimId()))
                    ? claimView(c.getClaimId()).get("status") : "null";
            claims.add(c);
            Map<String, String> after = claimView(c.getClaimId());
            if (!after.get("status").equals(before)) {
                claimStatus.add(c.getClaimId() + "|" + after.get("proposition") + "|" + before + ">"
                        + after.get("status") + "@" + c.getOccurredAt() + "|" + after.get("positions"));
            }
        }

        private Map<String, String> claimView(String claimId) {
            List<Claim> events = sorted(claims.stream().filter(x -> x.getClaimId().equals(claimId)));
            Map<String, Claim> last = new TreeMap<>();
            events.forEach(e -> last.put(e.getParty(), e));
            List<Position> held = last.values().stream().map(Claim::getPosition).toList();
            boolean asserts = held.contains(Position.ASSERTS);
            boolean denies = held.contains(Position.DENIES) || held.contains(Position.DISPUTES);
            String status = asserts && denies ? "CONTESTED" : asserts ? "ASSERTED" : denies ? "DENIED" : "WITHDRAWN";
            String proposition = events.stream().map(Claim::getProposition)
                    .filter(p -> p != null && !p.isEmpty()).findFirst().orElse(null);
            String positions = last.values().stream().map(e -> e.getParty() + ":" + e.getPosition() + "@"
                    + e.getOccurredAt() + "#" + e.getEventId()).collect(Collectors.joining(","));
            Map<String, String> view = new LinkedHashMap<>();
            view.put("status", status);
            view.put("proposition", String.valueOf(proposition));
            view.put("positions", positions);
            view.put("parties", String.join(",", last.keySet()));
            return view;
        }

        public Map<String, Object> views() {
            Map<String, List<Statement>> byKey = new TreeMap<>(Comparator.comparing((String k) -> k));
            statements.forEach(s -> byKey.computeIfAbsent(s.getParty() + "|" + s.getTopic(), k -> new ArrayList<>())
                    .add(s));
            List<String> stances = new ArrayList<>();
            Map<String, List<String>> history = new TreeMap<>();
            Map<String, List<String>> changes = new TreeMap<>();
            Map<String, String> topicStances = new TreeMap<>();
            byKey.forEach((key, list) -> {
                List<Statement> es = sorted(list.stream());
                int i = es.size() - 1;
                while (i > 0 && es.get(i - 1).getStance() == last(es).getStance()) {
                    i--;
                }
                Statement first = es.get(i);
                stances.add(key + "=" + last(es).getStance() + "@" + first.getOccurredAt() + "#" + es.size());
                history.put(key, es.stream().map(e -> e.getEventId() + ":" + e.getStance()).toList());
                List<String> cs = new ArrayList<>();
                for (int j = 1; j < es.size(); j++) {
                    if (es.get(j - 1).getStance() != es.get(j).getStance()) {
                        cs.add(key + ":" + es.get(j - 1).getStance() + ">" + es.get(j).getStance() + "@"
                                + es.get(j).getOccurredAt() + "#" + es.get(j).getEventId());
                    }
                }
                if (!cs.isEmpty()) {
                    changes.put(key, cs);
                }
                String[] pt = key.split("\\|");
                topicStances.put(pt[1] + "\u0000" + pt[0],
                        pt[1] + "|" + pt[0] + "=" + last(es).getStance() + "@" + first.getOccurredAt());
            });
            List<String> claimViews = new ArrayList<>();
            Map<String, String> partyClaims = new TreeMap<>();
            claims.stream().map(Claim::getClaimId).distinct().sorted().forEach(id -> {
                Map<String, String> v = claimView(id);
                String text = id + "|" + v.get("proposition") + "|" + v.get("status") + "|" + v.get("positions");
                claimViews.add(text);
                for (String party : v.get("parties").split(",")) {
                    partyClaims.put(party + "\u0000" + id, party + "|" + text);
                }
            });
            Map<String, Object> views = new TreeMap<>();
            views.put("stances", stances);
            views.put("history", history);
            views.put("changes", changes);
            views.put("topicStances", new ArrayList<>(topicStances.values()));
            views.put("claims", claimViews);
            views.put("partyClaims", new ArrayList<>(partyClaims.values()));
            return views;
        }

        private static <E extends SpecificRecord> List<E> sorted(Stream<E> events) {
            return events.sorted(Comparator.comparing((E e) -> (Instant) e.get(e.getSchema().getField("occurredAt").pos()))
                    .thenComparing(e -> (String) e.get(e.getSchema().getField("eventId").pos()))).toList();
        }

        private static <E> E last(List<E> list) {
            return list.get(list.size() - 1);
        }
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
