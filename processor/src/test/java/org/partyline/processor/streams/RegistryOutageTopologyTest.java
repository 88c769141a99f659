package org.partyline.processor.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partyline.schema.Stance;
import org.partyline.schema.StanceChange;
import org.partyline.schema.Statement;
import org.partyline.schema.view.StanceSummary;
import org.partyline.serde.AvroDeserializer;
import org.partyline.serde.AvroSerializer;
import org.partyline.serde.AvroStringDeserializer;
import org.partyline.serde.AvroStringSerializer;
import org.partyline.serde.MockSchemaRegistry;
import org.partyline.serde.RegistryException;
import org.partyline.serde.SchemaRegistryClient;
import org.partyline.serde.SchemaRegistryClients;

/**
 * The topology's own registry client failing for a while (5xx, then 401) while its schemas exist: the records wait
 * and are folded once it answers, none goes to the dead-letter topic, and the wait is visible while it lasts.
 */
class RegistryOutageTopologyTest {
    private static final Instant START = Instant.parse("2025-12-05T00:00:00Z");

    private final String scope = "registry-outage-" + UUID.randomUUID();
    private final SchemaRegistryClient registry = SchemaRegistryClients.forUrl("mock://" + scope);
    private final FlakyRegistry flaky = new FlakyRegistry(registry);
    private final DependencyWaits waits = new DependencyWaits(Duration.ofSeconds(30), Duration.ofMillis(1),
            Duration.ofMillis(2));
    private final TopicNames topics = TopicNames.defaults();
    private TopologyTestDriver driver;

    @TempDir
    Path stateDir;

    /** The registry answers {@code failures} calls with {@code status}, then passes every call on. */
    private final class FlakyRegistry implements SchemaRegistryClient {
        private final SchemaRegistryClient delegate;
        private final AtomicInteger failures = new AtomicInteger();
        private final List<Optional<String>> reasonsSeen = new ArrayList<>();
        private volatile int status;

        FlakyRegistry(SchemaRegistryClient delegate) {
            this.delegate = delegate;
        }

        void failNext(int calls, int withStatus) {
            status = withStatus;
            failures.set(calls);
        }

        private void maybeFail(String what) {
            reasonsSeen.add(waits.reason());
            if (failures.getAndDecrement() > 0) {
                throw new RegistryException("cannot " + what + ": schema registry answered HTTP " + status,
                        "http://registry:8081", status, RegistryException.NO_ERROR_CODE);
            }
        }

        @Override
        public int register(String subject, Schema schema) {
            maybeFail("register schema under subject '" + subject + "'");
            return delegate.register(subject, schema);
        }

        @Override
        public Schema schemaById(int id) {
            maybeFail("fetch schema id " + id);
            return delegate.schemaById(id);
        }

        @Override
        public int idOf(String subject, Schema schema) {
            return delegate.idOf(subject, schema);
        }

        @Override
        public List<String> subjects() {
            return delegate.subjects();
        }

        @Override
        public List<Integer> versions(String subject) {
            return delegate.versions(subject);
        }
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
        MockSchemaRegistry.drop(scope);
    }

    @Test
    void shouldFoldARecordWhoseSchemaTheRegistryServesOnlyAfterAnOutage() {
        flaky.failNext(3, 503);

        Outcome outcome = publishTwoStatements();

        assertEquals("OPPOSE", outcome.summary().getStance().name());
        assertEquals(1, outcome.changes().size());
        assertEquals(0, outcome.deadLetters());
        assertTrue(flaky.reasonsSeen.stream().anyMatch(r -> r.isPresent()
                && r.get().startsWith("waiting for the schema registry: cannot deserialize string from topic "
                + "'statements': cannot fetch schema id 1: schema registry answered HTTP 503")),
                flaky.reasonsSeen.toString());
        assertEquals(Optional.empty(), waits.reason());
    }

    @Test
    void shouldNotDeadLetterWhileTheRegistryRefusesTheClient() {
        flaky.failNext(2, 401);

        Outcome outcome = publishTwoStatements();

        assertEquals("OPPOSE", outcome.summary().getStance().name());
        assertEquals(0, outcome.deadLetters());
        assertTrue(flaky.reasonsSeen.stream().anyMatch(r -> r.isPresent()
                && r.get().contains("configuration error, the registry refuses this client")),
                flaky.reasonsSeen.toString());
    }

    @Test
    void shouldWaitToRegisterTheSchemaOfAChangeRecord() {
        Outcome warmUp = publish(statement("s-1", Stance.SUPPORT, 0));
        assertEquals(0, warmUp.changes().size());
        flaky.failNext(2, 502);

        Outcome outcome = publish(statement("s-2", Stance.OPPOSE, 1));

        assertEquals(List.of("SUPPORT>OPPOSE"), outcome.changes().stream()
                .map(c -> c.getFrom() + ">" + c.getTo()).toList());
        assertEquals(0, outcome.deadLetters());
    }

    private record Outcome(StanceSummary summary, List<StanceChange> changes, int deadLetters) {
    }

    private Outcome publishTwoStatements() {
        return publish(statement("s-1", Stance.SUPPORT, 0), statement("s-2", Stance.OPPOSE, 1));
    }

    private Outcome publish(Statement... events) {
        if (driver == null) {
            driver = new TopologyTestDriver(PartylineTopology.build(TopologySettings.withRegistry(topics, flaky)
                    .withWaits(waits)), StreamsSettings.builder().stateDir(stateDir).build(), START);
        }
        TestInputTopic<String, Statement> input = driver.createInputTopic(topics.statements(),
                new AvroStringSerializer(registry), new AvroSerializer<>(registry, Statement.class, false), START,
                Duration.ofSeconds(1));
        for (Statement e : events) {
            input.pipeInput(e.getParty(), e);
        }
        TestOutputTopic<String, StanceChange> changes = driver.createOutputTopic(topics.stanceChanges(),
                new AvroStringDeserializer(registry), new AvroDeserializer<>(registry, StanceChange.class, false));
        TestOutputTopic<byte[], byte[]> dead = driver.createOutputTopic(topics.dlq(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        StanceSummary summary = driver.<String, StanceSummary>getKeyValueStore(StoreNames.STANCES)
                .get(StoreKeys.of("RU", "nato"));
        return new Outcome(summary, changes.readValuesToList(), dead.readValuesToList().size());
    }

    private static Statement statement(String eventId, Stance stance, int hour) {
        return Statement.newBuilder().setEventId(eventId).setParty("RU").setTopic("nato").setStance(stance)
                .setOccurredAt(Instant.parse("2025-12-01T00:00:00Z").plusSeconds(3600L * hour)).build();
    }
}
