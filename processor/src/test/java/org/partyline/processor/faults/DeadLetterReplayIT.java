package org.partyline.processor.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
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
 * Dead letters replayed after a fix, with {@code java -jar partyline-producer.jar replay-dlq}: statements written with
 * a schema version the registry does not have yet (the registry answers 404 for its id) are dead-lettered; once that
 * version is registered, the replay sends them back to {@code statements} and the views fold them; a second replay
 * changes nothing; a dead letter outside the filter stays where it is.
 */
class DeadLetterReplayIT {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterReplayIT.class);
    private static final int EVENTS = Integer.getInteger("partyline.replay.events", 1_500);
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void shouldFoldDeadLettersReplayedAfterTheirSchemaIsRegistered() throws Exception {
        List<SpecificRecord> events = GeneratedEvents.generate(EVENTS, new Random(20));
        List<SpecificRecord> first = events.subList(0, events.size() / 2);
        List<SpecificRecord> later = events.subList(events.size() / 2, events.size());
        PartylinePublisher.Topics inputs = new PartylinePublisher.Topics("replay-statements", "replay-claims");
        String dlq = "replay-dlq";
        Instant started = Instant.now();

        try (BrokerProcess broker = BrokerProcess.start(dir.resolve("broker"), 3);
             ProcessorProcess processor = ProcessorProcess.on(broker, "processor", dir.resolve("processor"),
                     "--application-id", "replay", "--topic-statements", inputs.statements(), "--topic-claims",
                     inputs.claims(), "--topic-stance-changes", "replay-stance-changes", "--topic-claim-status",
                     "replay-claim-status", "--topic-dlq", dlq);
             ConsumerGroupLag lag = new ConsumerGroupLag(broker.bootstrapServers(), "replay",
                     List.of(inputs.statements(), inputs.claims()))) {
            processor.start();
            SchemaRegistryClient registry = SchemaRegistryClients.forUrl(broker.registryUrl());
            GeneratedEvents.publish(broker.bootstrapServers(), broker.registryUrl(), inputs, first);
            lag.awaitCaughtUp(WAIT);
            // The processor has registered the schemas of its change records by now (the first events change
            // stances and claims), so the id the registry gives the next schema it learns is one past that of a
            // schema registered now.
            ViewSnapshot firstViews = ViewSnapshot.of(ReferenceFold.of(first));
            assertEquals("", ViewSnapshot.await(processor.api(), firstViews, WAIT).differencesFrom(firstViews));
            int notYetRegistered = registry.register("replay-probe-value", RawInput.STATEMENT_V2) + 1;
            RawInput raw = new RawInput(registry);
            List<SpecificRecord> claims = new ArrayList<>();
            int written = 0;
            for (SpecificRecord event : later) {
                if (event instanceof Statement statement) {
                    raw.statementV3(inputs.statements(), statement, notYetRegistered);
                    written++;
                } else {
                    claims.add(event);
                }
            }
            raw.add(inputs.statements(), "P03", AvroSerdes.value(Statement.class, registry).serializer()
                    .serialize(inputs.statements(), Statement.newBuilder().setEventId("bad-1")
                            .setParty("P04").setTopic("topic-1").setStance(Stance.SUPPORT)
                            .setOccurredAt(Instant.parse("2025-06-01T12:00:00Z")).build()));
            raw.send(broker.bootstrapServers());
            GeneratedEvents.publish(broker.bootstrapServers(), broker.registryUrl(), inputs, claims);
            lag.awaitCaughtUp(WAIT);

            List<DeadLetters.Letter> before = awaitLetters(broker, dlq, written + 1);
            assertEquals(written, before.stream().filter(l -> l.type().equals("DESERIALIZATION")
                    && l.reason().contains("unknown schema id " + notYetRegistered)).count(), before.toString());
            List<SpecificRecord> folded = new ArrayList<>(first);
            folded.addAll(claims);
            ViewSnapshot withoutThem = ViewSnapshot.of(ReferenceFold.of(folded));
            assertEquals("", ViewSnapshot.await(processor.api(), withoutThem, WAIT).differencesFrom(withoutThem));

            // The fix: the version they were written with is registered, under the id they carry.
            assertEquals(notYetRegistered, registry.register(inputs.statements() + "-value", RawInput.STATEMENT_V3));

            List<String> replay = List.of("-jar", JvmProcess.producerJar().toString(), "replay-dlq",
                    "--bootstrap-servers", broker.bootstrapServers(), "--dlq-topic", dlq, "--type", "deserialization",
                    "--source-topic", inputs.statements(), "--from", started.toString(), "--to",
                    Instant.now().plusSeconds(3600).toString());
            long replayStart = System.nanoTime();
            String firstReplay = runReplay(replay, "replay-1");
            assertTrue(firstReplay.contains("replayed " + written + ", skipped 1"), firstReplay);
            ViewSnapshot expected = ViewSnapshot.of(ReferenceFold.of(events));
            ViewSnapshot after = ViewSnapshot.await(processor.api(), expected, WAIT);
            long foldedMs = (System.nanoTime() - replayStart) / 1_000_000;
            assertEquals("", after.differencesFrom(expected), "views after the replay");
            lag.awaitCaughtUp(WAIT);
            List<DeadLetters.Letter> afterReplay = DeadLetters.read(broker.bootstrapServers(), dlq);
            assertEquals(before.size(), afterReplay.size(), "no new dead letters: " + afterReplay);

            String secondReplay = runReplay(replay, "replay-2");
            assertTrue(secondReplay.contains("replayed " + written + ", skipped 1"), secondReplay);
            lag.awaitCaughtUp(WAIT);
            assertEquals("", ViewSnapshot.await(processor.api(), expected, WAIT).differencesFrom(expected),
                    "views after replaying twice");
            Map<String, List<String>> stance = ChangeRecords.stanceChanges(broker.bootstrapServers(),
                    broker.registryUrl(), "replay-stance-changes");
            ChangeRecords.Comparison changes = ChangeRecords.compare(ReferenceFold.of(events).stanceChangesByParty,
                    stance);
            LOG.info("Dead-letter replay: {} dead letters before ({} with the unregistered schema), {} replayed, "
                            + "views complete {} ms after the replay started; {} dead letters after two replays; "
                            + "stance-changes {}", before.size(), written, written, foldedMs,
                    DeadLetters.read(broker.bootstrapServers(), dlq).size(), changes);
            assertEquals(before.size(), DeadLetters.read(broker.bootstrapServers(), dlq).size());
            assertTrue(changes.exact(), "stance-changes after replaying twice: " + changes);
            processor.stop();
        }
    }

    private String runReplay(List<String> command, String name) throws Exception {
        try (JvmProcess replay = JvmProcess.start(name, List.of("-Xmx256m"), command, Map.of(),
                dir.resolve(name + ".log"))) {
            assertEquals(0, replay.awaitExit(Duration.ofMinutes(2)), replay.logText());
            return replay.logText();
        }
    }

    private static List<DeadLetters.Letter> awaitLetters(BrokerProcess broker, String topic, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<DeadLetters.Letter> letters = DeadLetters.read(broker.bootstrapServers(), topic);
        while (letters.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(500);
            letters = DeadLetters.read(broker.bootstrapServers(), topic);
        }
        assertEquals(count, letters.size(), "dead letters: " + letters);
        return letters;
    }
}
