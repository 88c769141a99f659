package org.partyline.processor.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.partyline.processor.query.DriverStores;
import org.partyline.processor.query.FakeLocator;
import org.partyline.processor.query.HistoryReference;
import org.partyline.processor.query.Instance;
import org.partyline.processor.query.StoreProvider;
import org.partyline.schema.Claim;
import org.partyline.schema.Position;
import org.partyline.schema.Source;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;

/**
 * CONTRACT section 6 as a property: whatever the events and their arrival order (late events, ties on time,
 * redeliveries), every view the REST API answers -- as of now and at random {@code asOf} instants (an event's own
 * time, between two events, before every event, anywhere) -- is the body {@link HistoryReference} (a port of
 * contract-check/oracle.py --extended) computes from the events. The topology runs in a TopologyTestDriver, the
 * real query layer and REST server read its stores.
 */
class HistoryPropertyTest {
    private static final String[] PARTIES = {"RU", "UA", "US", "EU"};
    private static final String[] TOPICS = {"nato", "grain"};
    private static final String[] CLAIMS = {"pokrovsk-captured", "ceasefire-agreed"};
    private static final Instant BASE = Instant.parse("2025-12-01T00:00:00Z");
    private static final SwitchedStores STORES = new SwitchedStores();
    private static RestServer server;
    private static int port;

    @BeforeContainer
    static void start() {
        FakeLocator locator = FakeLocator.alone();
        server = new RestServer(STORES, locator, () -> KafkaStreams.State.RUNNING).start("127.0.0.1", 0);
        port = server.port();
        locator.setSelf(new Instance("127.0.0.1", port));
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    /** One generated event: statement or claim, who, on what, which stance or position, when (ties likely). */
    record Gen(boolean claim, int party, int subject, int value, int minute, boolean sourced, int proposition) {
        SpecificRecord event(int index) {
            Instant at = BASE.plusSeconds(60L * minute);
            String id = (claim ? "c" : "s") + index;
            Source source = sourced ? Source.newBuilder().setOutlet("outlet " + index).setTitle("title " + index)
                    .setUrl(null).setPublishedAt(at).build() : null;
            if (!claim) {
                return Statement.newBuilder().setEventId(id).setParty(PARTIES[party]).setTopic(TOPICS[subject])
                        .setStance(Stance.values()[value % Stance.values().length]).setOccurredAt(at)
                        .setSource(source).build();
            }
            String[] propositions = {null, "", "wording one", "wording two"};
            return Claim.newBuilder().setEventId(id).setParty(PARTIES[party]).setClaimId(CLAIMS[subject])
                    .setPosition(Position.values()[value % Position.values().length]).setOccurredAt(at)
                    .setProposition(propositions[proposition]).setSource(source).build();
        }
    }

    @Provide
    Arbitrary<Gen> events() {
        return Combinators.combine(
                Arbitraries.of(false, true),
                Arbitraries.integers().between(0, PARTIES.length - 1),
                Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 20),
                Arbitraries.of(false, true),
                Arbitraries.integers().between(0, 3)).as(Gen::new);
    }

    @Property(tries = 60, seed = "20261129", shrinking = ShrinkingMode.BOUNDED)
    void shouldAnswerEveryViewAsTheReferenceFoldDoesAtAnyInstant(
            @ForAll @Size(min = 1, max = 30) List<@From("events") Gen> generated,
            @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 29) Integer> redeliveries,
            @ForAll @Size(max = 3) List<@IntRange(min = -2, max = 42) Integer> halfMinutes,
            @ForAll long shuffleSeed) throws IOException {
        List<SpecificRecord> arrivals = new ArrayList<>();
        for (int i = 0; i < generated.size(); i++) {
            arrivals.add(generated.get(i).event(i));
        }
        redeliveries.forEach(i -> arrivals.add(arrivals.get(i % generated.size())));
        Collections.shuffle(arrivals, new Random(shuffleSeed));

        HistoryReference expected = HistoryReference.of(arrivals);
        TreeSet<Instant> instants = new TreeSet<>(expected.asOfPoints());
        halfMinutes.forEach(h -> instants.add(BASE.plusSeconds(30L * h)));

        Path stateDir = Files.createTempDirectory("partyline-history-property");
        try (DriverStores stores = new DriverStores(stateDir)) {
            for (SpecificRecord e : arrivals) {
                if (e instanceof Statement s) {
                    stores.publish(s);
                } else {
                    stores.publish((Claim) e);
                }
            }
            STORES.target = stores;
            assertViews(expected, Optional.empty(), arrivals);
            for (Instant t : instants) {
                assertViews(expected, Optional.of(t), arrivals);
            }
        } finally {
            STORES.target = null;
            deleteRecursively(stateDir);
        }
    }

    /** The paged lists among the views (CONTRACT section 8), by path. */
    private static void assertViews(HistoryReference expected, Optional<Instant> asOf, List<SpecificRecord> arrivals) {
        for (Map.Entry<String, Map<String, Object>> view : expected.views(asOf).entrySet()) {
            String path = view.getKey() + asOf.map(t -> (view.getKey().contains("?") ? "&" : "?") + "asOf=" + t)
                    .orElse("");
            HttpTestClient.Answer answer = HttpTestClient.get(port, path);
            assertEquals(200, answer.status(), () -> path + " -> " + answer.body() + "\narrivals: " + arrivals);
            JsonNode want = rounded(HttpTestClient.MAPPER.valueToTree(view.getValue()));
            assertEquals(want, rounded(lastPage(answer.body())), () -> path + "\narrivals: " + arrivals);
        }
    }

    /**
     * A list body without its {@code "next": null}: the lists here fit in one page, whose null {@code next} the
     * reference (like the contract's oracle) leaves out.
     */
    private static JsonNode lastPage(JsonNode body) {
        if (body.isObject() && body.has("next") && body.get("next").isNull()) {
            ObjectNode copy = body.deepCopy();
            copy.remove("next");
            return copy;
        }
        return body;
    }

    /** Fractional numbers to six decimals (the contract asks for two): a mean may be summed in another order. */
    private static JsonNode rounded(JsonNode node) {
        if (node.isFloatingPointNumber()) {
            return DoubleNode.valueOf(Math.round(node.doubleValue() * 1e6) / 1e6);
        }
        if (node.isObject()) {
            ObjectNode copy = HttpTestClient.MAPPER.createObjectNode();
            node.fields().forEachRemaining(f -> copy.set(f.getKey(), rounded(f.getValue())));
            return copy;
        }
        if (node.isArray()) {
            var copy = HttpTestClient.MAPPER.createArrayNode();
            node.forEach(n -> copy.add(rounded(n)));
            return copy;
        }
        return node;
    }

    /** The stores of the current try's driver: one server serves every try. */
    private static final class SwitchedStores implements StoreProvider {
        volatile DriverStores target;

        @Override
        public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
            return target.store(name);
        }

        @Override
        public <V> ReadOnlyKeyValueStore<String, V> active(String name, int partition) {
            return target.active(name, partition);
        }

        @Override
        public <V> ReadOnlyKeyValueStore<String, V> stale(String name, int partition) {
            return target.stale(name, partition);
        }

        @Override
        public OptionalLong lag(String name, int partition) {
            return target.lag(name, partition);
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
}
