package org.partyline.processor.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partyline.processor.streams.ReferenceFold;
import org.partyline.events.publish.PartylinePublisher;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;
import org.partyline.serde.AvroSerdes;
import org.partyline.serde.SchemaRegistryClient;
import org.partyline.serde.SchemaRegistryClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema registry taken away from a processor (the processor jar on an external broker, reaching the registry
 * through a {@link TcpProxy} the test closes and opens): a record the processor cannot decode only because the
 * registry does not answer is waited for, never dead-lettered. While it waits, {@code /health/live} is 200,
 * {@code /health/ready} 503 with the reason, {@code partyline_waiting_for{dependency="schema-registry"}} 1 and the
 * views already folded keep answering; once the registry is back every view equals the reference fold, every change
 * record is there once, and only records bad in themselves are in the dead-letter topic.
 *
 * <p>Size: {@code -Dpartyline.outage.events=N} (default 3,000 per test) and
 * {@code -Dpartyline.outage.seconds=S}, how long the registry stays away under a running processor (default 20).
 */
class RegistryOutageIT {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryOutageIT.class);
    private static final int EVENTS = Integer.getInteger("partyline.outage.events", 3_000);
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("partyline.outage.seconds", 20));
    private static final String WAITING = "partyline_waiting_for{dependency=\"schema-registry\"}";
    private static final Duration CATCH_UP = Duration.ofMinutes(3);
    private static final Duration SETTLE = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    private static BrokerProcess broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = BrokerProcess.start(dir.resolve("broker"), 3);
    }

    @AfterAll
    static void stopBroker() throws InterruptedException {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldFoldEveryEventOnceARegistryUnreachableAtStartComesBack() throws Exception {
        Run run = new Run("start");
        List<SpecificRecord> events = GeneratedEvents.generate(EVENTS, new Random(17));
        GeneratedEvents.publish(broker.bootstrapServers(), broker.registryUrl(), run.inputs(), events);

        int httpPort = freePort();
        try (TcpProxy registry = TcpProxy.forUrl(broker.registryUrl());
             ProcessorProcess processor = run.processor(registry, "--http-port", Integer.toString(httpPort));
             ConsumerGroupLag lag = run.lag()) {
            registry.close();
            // The REST API serves before Kafka Streams has started; READY comes once it runs, after the registry.
            processor.startAsync();
            RestViews rest = new RestViews(URI.create("http://127.0.0.1:" + httpPort));
            assertWaiting(rest, Duration.ofSeconds(90), false);
            Thread.sleep(OUTAGE.toMillis()); // the registry stays away: nothing may be dead-lettered meanwhile
            assertEquals(0.0, folded(rest), "events folded without the registry");
            assertEquals(List.of(), DeadLetters.read(broker.bootstrapServers(), run.dlq()));
            assertEquals(200, rest.answer("/health/live").status());

            registry.open();
            long opened = System.nanoTime();
            processor.awaitReady();
            LOG.info("READY {} ms after the registry came back", (System.nanoTime() - opened) / 1_000_000);
            Resumed resumed = awaitResumed(rest, lag, opened);
            Outcome outcome = run.outcome(processor, ReferenceFold.of(events));
            LOG.info("Registry unreachable at start: {} events; {}; {}", events.size(), resumed, outcome);
            outcome.assertExact();
            assertEquals(0, outcome.deadLetters.size(), "dead letters: " + outcome.deadLetters);
            assertEquals(200, rest.answer("/health/ready").status());
            processor.stop();
        }
    }

    @Test
    void shouldWaitOutARegistryOutageWhileNewSchemaVersionsArrive() throws Exception {
        Run run = new Run("running");
        List<SpecificRecord> events = GeneratedEvents.generate(EVENTS, new Random(18));
        List<SpecificRecord> before = events.subList(0, events.size() / 2);
        List<SpecificRecord> during = events.subList(events.size() / 2, events.size());
        SchemaRegistryClient direct = SchemaRegistryClients.forUrl(broker.registryUrl());

        try (TcpProxy registry = TcpProxy.forUrl(broker.registryUrl());
             ProcessorProcess processor = run.processor(registry);
             ConsumerGroupLag lag = run.lag()) {
            processor.start();
            RestViews rest = new RestViews(processor.api());
            GeneratedEvents.publish(broker.bootstrapServers(), broker.registryUrl(), run.inputs(), before);
            lag.awaitCaughtUp(CATCH_UP);
            ViewSnapshot beforeViews = ViewSnapshot.of(ReferenceFold.of(before));
            assertEquals("", ViewSnapshot.await(processor.api(), beforeViews, SETTLE).differencesFrom(beforeViews));

            registry.close();
            long outageStart = System.nanoTime();
            // Statements arrive in a second schema version, whose id this processor has never seen; claims in the
            // version it knows.
            RawInput raw = new RawInput(direct);
            List<SpecificRecord> claims = new ArrayList<>();
            for (SpecificRecord event : during) {
                if (event instanceof Statement statement) {
                    raw.statementV2(run.inputs().statements(), statement);
                } else {
                    claims.add(event);
                }
            }
            raw.send(broker.bootstrapServers());
            GeneratedEvents.publish(broker.bootstrapServers(), broker.registryUrl(), run.inputs(), claims);
            assertWaiting(rest, Duration.ofSeconds(60), true);
            assertEquals(beforeViews, ViewSnapshot.read(processor.api()), "views while the registry is away");
            long left = OUTAGE.toNanos() - (System.nanoTime() - outageStart);
            Thread.sleep(Math.max(0, left / 1_000_000));
            assertEquals(List.of(), DeadLetters.read(broker.bootstrapServers(), run.dlq()));
            long outageMs = (System.nanoTime() - outageStart) / 1_000_000;

            registry.open();
            Resumed resumed = awaitResumed(rest, lag, System.nanoTime());
            Outcome outcome = run.outcome(processor, ReferenceFold.of(events));
            LOG.info("Registry away {} ms under a running processor, {} events arriving meanwhile ({} in a new "
                    + "schema version); {}; {}", outageMs, during.size(), during.size() - claims.size(), resumed,
                    outcome);
            outcome.assertExact();
            assertEquals(0, outcome.deadLetters.size(), "dead letters: " + outcome.deadLetters);
            processor.stop();
        }
    }

    @Test
    void shouldDeadLetterOnlyTheBadRecordsAmongGoodOnesDuringAnOutage() throws Exception {
        Run run = new Run("bad");
        List<SpecificRecord> events = GeneratedEvents.generate(EVENTS / 3, new Random(19));
        List<SpecificRecord> before = events.subList(0, events.size() / 3);
        List<SpecificRecord> during = events.subList(events.size() / 3, events.size());
        SchemaRegistryClient direct = SchemaRegistryClients.forUrl(broker.registryUrl());
        String statements = run.inputs().statements();

        try (TcpProxy registry = TcpProxy.forUrl(broker.registryUrl());
             ProcessorProcess processor = run.processor(registry);
             ConsumerGroupLag lag = run.lag()) {
            processor.start();
            RestViews rest = new RestViews(processor.api());
            GeneratedEvents.publish(broker.bootstrapServers(), broker.registryUrl(), run.inputs(), before);
            lag.awaitCaughtUp(CATCH_UP);

            registry.close();
            RawInput raw = new RawInput(direct);
            int half = during.size() / 2;
            List<SpecificRecord> claims = new ArrayList<>();
            for (int i = 0; i < during.size(); i++) {
                if (during.get(i) instanceof Statement statement) {
                    raw.statementV2(statements, statement);
                } else {
                    claims.add(during.get(i));
                }
                if (i == half) {
                    // no magic byte; a schema id the registry does not have; an event that breaks the input rules
                    // (keyed by another party than its own)
                    raw.add(statements, "P01", "not avro".getBytes(StandardCharsets.UTF_8));
                    raw.add(statements, "P02", new byte[] {0, 0, 1, (byte) 0x86, (byte) 0xa0, 2, 'x'});
                    raw.add(statements, "P03", AvroSerdes.value(Statement.class, direct).serializer()
                            .serialize(statements, Statement.newBuilder().setEventId("bad-1")
                                    .setParty("P04").setTopic("topic-1").setStance(Stance.SUPPORT)
                                    .setOccurredAt(Instant.parse("2025-06-01T12:00:00Z")).build()));
                }
            }
            raw.send(broker.bootstrapServers());
            GeneratedEvents.publish(broker.bootstrapServers(), broker.registryUrl(), run.inputs(), claims);
            assertWaiting(rest, Duration.ofSeconds(60), true);
            Thread.sleep(OUTAGE.toMillis());
            List<DeadLetters.Letter> duringOutage = DeadLetters.read(broker.bootstrapServers(), run.dlq());

            registry.open();
            Resumed resumed = awaitResumed(rest, lag, System.nanoTime());
            Outcome outcome = run.outcome(processor, ReferenceFold.of(events));
            LOG.info("Bad records among {} good ones during an outage of {} s: {} dead letters during the outage, "
                    + "{} after; {}; {}", during.size(), OUTAGE.toSeconds(), duringOutage.size(),
                    outcome.deadLetters.size(), resumed, outcome);
            outcome.assertExact();
            assertEquals(List.of("DESERIALIZATION:no magic byte", "DESERIALIZATION:unknown schema id 100000",
                            "INVALID_EVENT:record key"),
                    outcome.deadLetters.stream().map(RegistryOutageIT::kind).sorted().toList());
            outcome.deadLetters.forEach(l -> assertEquals(statements, l.topic()));
            processor.stop();
        }
    }

    /** {@code TYPE:what} of a dead letter, from its reason. */
    private static String kind(DeadLetters.Letter letter) {
        String reason = letter.reason();
        String what = reason.contains("magic byte") ? "no magic byte"
                : reason.contains("unknown schema id 100000") ? "unknown schema id 100000"
                : reason.contains("record key 'P03' is not the party 'P04'") ? "record key" : reason;
        return letter.type() + ":" + what;
    }

    /** Waits until the processor says it waits for the registry, then checks every sign of it. */
    private static void assertWaiting(RestViews rest, Duration timeout, boolean viewsServed)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (rest.status("/health/live") != 200 || rest.metric(WAITING) != 1.0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(WAITING + " did not become 1 within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
        RestViews.Answer ready = rest.answer("/health/ready");
        assertEquals(503, ready.status(), ready.body());
        assertTrue(ready.body().contains("waiting for the schema registry: "), ready.body());
        assertEquals(200, rest.answer("/health/live").status());
        if (viewsServed) {
            assertEquals(200, rest.answer("/api/parties").status());
        }
    }

    /** How long after the registry came back the processor stopped waiting, and had committed every input. */
    record Resumed(long waitEndedMs, long caughtUpMs) {
        @Override
        public String toString() {
            return "resumed " + waitEndedMs + " ms after the registry came back, every input committed after "
                    + caughtUpMs + " ms";
        }
    }

    private static Resumed awaitResumed(RestViews rest, ConsumerGroupLag lag, long opened) throws Exception {
        while (rest.metric(WAITING) != 0.0) {
            if (System.nanoTime() - opened > Duration.ofSeconds(60).toNanos()) {
                throw new AssertionError(WAITING + " still 1 60 s after the registry came back");
            }
            Thread.sleep(50);
        }
        long waitEnded = (System.nanoTime() - opened) / 1_000_000;
        lag.awaitCaughtUp(CATCH_UP);
        return new Resumed(waitEnded, (System.nanoTime() - opened) / 1_000_000);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double folded(RestViews rest) {
        return rest.text("/metrics").lines().filter(l -> l.startsWith("partyline_events_folded_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** What a run left: view differences from the reference, the change records compared, the dead letters. */
    record Outcome(String viewDifferences, ChangeRecords.Comparison stanceChanges,
                   ChangeRecords.Comparison claimStatus, List<DeadLetters.Letter> deadLetters) {
        void assertExact() {
            assertEquals("", viewDifferences, "views differ from the reference fold");
            assertTrue(stanceChanges.exact(), "stance-changes: " + stanceChanges);
            assertTrue(claimStatus.exact(), "claim-status: " + claimStatus);
        }

        @Override
        public String toString() {
            return "views " + (viewDifferences.isEmpty() ? "equal" : "differ") + ", stance-changes " + stanceChanges
                    + ", claim-status " + claimStatus + ", dead letters " + deadLetters.size();
        }
    }

    /** One test's own application id and topics, so that the tests share the broker and nothing else. */
    private record Run(String name) {
        PartylinePublisher.Topics inputs() {
            return new PartylinePublisher.Topics(name + "-statements", name + "-claims");
        }

        String dlq() {
            return name + "-dlq";
        }

        ProcessorProcess processor(TcpProxy registry, String... flags) {
            List<String> all = new ArrayList<>(List.of("--application-id", "outage-" + name, "--topic-statements",
                    inputs().statements(), "--topic-claims", inputs().claims(), "--topic-stance-changes",
                    name + "-stance-changes", "--topic-claim-status", name + "-claim-status", "--topic-dlq", dlq()));
            all.addAll(List.of(flags));
            return ProcessorProcess.on(broker, registry.url(), name, dir.resolve(name), all.toArray(String[]::new));
        }

        ConsumerGroupLag lag() {
            return new ConsumerGroupLag(broker.bootstrapServers(), "outage-" + name,
                    List.of(inputs().statements(), inputs().claims()));
        }

        Outcome outcome(ProcessorProcess processor, ReferenceFold reference) throws Exception {
            ViewSnapshot expected = ViewSnapshot.of(reference);
            ViewSnapshot actual = ViewSnapshot.await(processor.api(), expected, SETTLE);
            var stance = ChangeRecords.stanceChanges(broker.bootstrapServers(), broker.registryUrl(),
                    name + "-stance-changes");
            var claim = ChangeRecords.claimStatus(broker.bootstrapServers(), broker.registryUrl(),
                    name + "-claim-status");
            return new Outcome(actual.differencesFrom(expected),
                    ChangeRecords.compare(reference.stanceChangesByParty, stance),
                    ChangeRecords.compare(reference.claimStatusByClaim, claim),
                    DeadLetters.read(broker.bootstrapServers(), dlq()));
        }
    }
}
