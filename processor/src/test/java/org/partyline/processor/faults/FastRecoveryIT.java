package org.partyline.processor.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A processor killed with SIGKILL and restarted on the same host with the same {@code instance.id} (static group
 * membership) is READY and folding again without waiting out the dead member's session timeout (45 s): READY means
 * Kafka Streams RUNNING ({@code /health/ready} 200 at once), and an event published at the restart is in the views
 * soon after. {@code -Dpartyline.recovery.compare=true} also measures the same restart with dynamic membership (no
 * {@code instance.id}), for the figures of docs/operations.md.
 */
class FastRecoveryIT {
    private static final Logger LOG = LoggerFactory.getLogger(FastRecoveryIT.class);
    /** The broker's default session timeout: a dynamic member's restart waits it out. */
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(45);

    @TempDir
    Path dir;
    private BrokerProcess broker;

    @AfterEach
    void stopBroker() throws InterruptedException {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldServeAndFoldSoonAfterASigkillWithStaticMembership() throws Exception {
        broker = BrokerProcess.start(dir.resolve("broker"), 3);
        Restart restart = killAndRestart("static", "--instance-id", "recovery-static-1");
        assertTrue(restart.toProcessing().compareTo(SESSION_TIMEOUT.minusSeconds(10)) < 0,
                "a restarted static member folds again well within the session timeout: " + restart);
    }

    @Test
    @EnabledIfSystemProperty(named = "partyline.recovery.compare", matches = "true")
    void shouldMeasureTheSameRestartWithDynamicMembership() throws Exception {
        broker = BrokerProcess.start(dir.resolve("broker"), 3);
        Restart restart = killAndRestart("dynamic");
        LOG.info("dynamic membership: {}", restart);
    }

    /** Times from the restarted JVM's start: to the READY line, and to a view that holds an event sent then. */
    record Restart(Duration firstStart, Duration toReady, Duration toProcessing, boolean tasksCorrupted) {
    }

    private Restart killAndRestart(String name, String... flags) throws Exception {
        String applicationId = "recovery-" + name;
        try (ProcessorProcess processor = ProcessorProcess.on(broker, name, dir.resolve(name),
                concat(flags, "--application-id", applicationId));
             ConsumerGroupLag lag = new ConsumerGroupLag(broker.bootstrapServers(), applicationId,
                     List.of("statements", "claims"))) {
            long t0 = System.nanoTime();
            processor.start();
            Duration firstStart = Duration.ofNanos(System.nanoTime() - t0);
            List<SpecificRecord> history = GeneratedEvents.generate(2_000, new Random(42));
            GeneratedEvents.publish(broker.bootstrapServers(), broker.registryUrl(), history);
            lag.awaitCaughtUp(Duration.ofMinutes(2));
            processor.kill();

            long restarted = System.nanoTime();
            processor.startAsync();
            Statement marker = Statement.newBuilder().setEventId("marker-" + name).setParty("MARKER")
                    .setTopic("restart").setStance(Stance.SUPPORT).setOccurredAt(Instant.parse("2025-06-01T00:00:00Z"))
                    .build();
            GeneratedEvents.publish(broker.bootstrapServers(), broker.registryUrl(), List.of(marker));
            URI api = processor.awaitReady();
            Duration toReady = Duration.ofNanos(System.nanoTime() - restarted);
            RestViews rest = new RestViews(api);
            assertEquals(200, rest.status("/health/ready"), "READY is printed once Kafka Streams is RUNNING");
            Duration toProcessing = awaitMarker(rest, restarted, Duration.ofMinutes(2));
            boolean corrupted = processor.logText().contains("corrupted");
            Restart restart = new Restart(firstStart, toReady, toProcessing, corrupted);
            LOG.info("{} membership, SIGKILL then restart with the state dir kept: {}", name, restart);
            processor.stop();
            return restart;
        }
    }

    private static Duration awaitMarker(RestViews rest, long since, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (rest.status("/api/parties/MARKER/stances/restart") != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the event published at the restart is not in the views after "
                        + timeout.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
        return Duration.ofNanos(System.nanoTime() - since);
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
