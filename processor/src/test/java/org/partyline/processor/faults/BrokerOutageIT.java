package org.partyline.processor.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partyline.processor.streams.ReferenceFold;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker (and the schema registry beside it) stopped under a running processor and started again on the same
 * ports and data, the processor left alone: it stays alive, comes back by itself, and every view equals the
 * reference fold with every change record there once. {@code -Dpartyline.broker.outage.seconds=S} (default 60).
 */
class BrokerOutageIT {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerOutageIT.class);
    private static final int EVENTS = Integer.getInteger("partyline.broker.events", 3_000);
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("partyline.broker.outage.seconds", 60));
    private static final Duration WAIT = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    @Test
    void shouldComeBackByItselfWhenTheBrokerReturns() throws Exception {
        List<SpecificRecord> events = GeneratedEvents.generate(EVENTS, new Random(22));
        List<SpecificRecord> before = events.subList(0, events.size() / 2);
        List<SpecificRecord> after = events.subList(events.size() / 2, events.size());
        int kafkaPort = freePort();
        int registryPort = freePort();
        BrokerProcess broker = BrokerProcess.start(dir.resolve("broker"), 3, kafkaPort, registryPort);
        try (ProcessorProcess processor = ProcessorProcess.on(broker, "processor", dir.resolve("processor"),
                "--application-id", "broker-outage")) {
            processor.start();
            RestViews rest = new RestViews(processor.api());
            GeneratedEvents.publish(broker.bootstrapServers(), broker.registryUrl(), before);
            try (ConsumerGroupLag lag = ConsumerGroupLag.onInputs(broker.bootstrapServers(), "broker-outage")) {
                lag.awaitCaughtUp(WAIT);
            }
            ViewSnapshot beforeViews = ViewSnapshot.of(ReferenceFold.of(before));
            assertEquals("", ViewSnapshot.await(processor.api(), beforeViews, WAIT).differencesFrom(beforeViews));

            // The second half arrives and the broker goes at once, while the processor folds it: its open
            // transaction cannot commit, and nothing of it may be lost or doubled.
            GeneratedEvents.publish(broker.bootstrapServers(), broker.registryUrl(), after);
            long behind;
            try (ConsumerGroupLag lag = ConsumerGroupLag.onInputs(broker.bootstrapServers(), "broker-outage")) {
                behind = lag.lag();
            }
            broker.close();
            long stopped = System.nanoTime();
            int liveDuring = rest.status("/health/live");
            int viewsDuring = rest.status("/api/parties");
            Thread.sleep(OUTAGE.toMillis());
            int liveLate = rest.status("/health/live");
            RestViews.Answer readyLate = rest.answer("/health/ready");
            double waitingLate = rest.metric("partyline_waiting_for{dependency=\"kafka\"}");
            broker = BrokerProcess.start(dir.resolve("broker"), 3, kafkaPort, registryPort);
            long restarted = System.nanoTime();
            LOG.info("Broker stopped with {} input records not yet committed by the processor, away {} ms; "
                    + "/health/live {} then {}, /api/parties {} during it; at its end /health/ready {} {}, "
                    + "partyline_waiting_for{dependency=kafka} {}", behind, (restarted - stopped) / 1_000_000,
                    liveDuring, liveLate, viewsDuring, readyLate.status(), readyLate.body(), waitingLate);

            long readyMs = awaitReady(rest, restarted);
            try (ConsumerGroupLag lag = ConsumerGroupLag.onInputs(broker.bootstrapServers(), "broker-outage")) {
                lag.awaitCaughtUp(WAIT);
            }
            long caughtUpMs = (System.nanoTime() - restarted) / 1_000_000;
            ReferenceFold reference = ReferenceFold.of(events);
            ViewSnapshot expected = ViewSnapshot.of(reference);
            ViewSnapshot actual = ViewSnapshot.await(processor.api(), expected, WAIT);
            Map<String, List<String>> stance = ChangeRecords.stanceChanges(broker.bootstrapServers(),
                    broker.registryUrl(), "stance-changes");
            Map<String, List<String>> claim = ChangeRecords.claimStatus(broker.bootstrapServers(),
                    broker.registryUrl(), "claim-status");
            ChangeRecords.Comparison stanceChanges = ChangeRecords.compare(reference.stanceChangesByParty, stance);
            ChangeRecords.Comparison claimStatus = ChangeRecords.compare(reference.claimStatusByClaim, claim);
            List<DeadLetters.Letter> letters = DeadLetters.read(broker.bootstrapServers(), "partyline-dlq");
            LOG.info("Broker back: /health/ready 200 after {} ms, every input committed {} ms after the restart; "
                            + "processor starts {}; stance-changes {}; claim-status {}; dead letters {}",
                    readyMs, caughtUpMs, processor.starts(), stanceChanges, claimStatus, letters.size());

            assertEquals(200, liveDuring, "/health/live as the broker went");
            assertEquals(200, liveLate, "/health/live at the end of the outage");
            assertEquals(503, readyLate.status(), readyLate.body());
            assertTrue(readyLate.body().contains("waiting for Kafka"), readyLate.body());
            assertEquals(1.0, waitingLate, "partyline_waiting_for{dependency=\"kafka\"} during the outage");
            assertEquals(1, processor.starts());
            assertEquals("", actual.differencesFrom(expected), "views after the broker outage");
            assertTrue(stanceChanges.exact(), "stance-changes: " + stanceChanges);
            assertTrue(claimStatus.exact(), "claim-status: " + claimStatus);
            assertEquals(List.of(), letters);
            processor.stop();
        } finally {
            broker.close();
        }
    }

    private static long awaitReady(RestViews rest, long since) throws InterruptedException {
        while (rest.status("/health/ready") != 200) {
            if (System.nanoTime() - since > WAIT.toNanos()) {
                throw new AssertionError("/health/ready not 200 " + WAIT.toSeconds() + " s after the broker came back");
            }
            Thread.sleep(100);
        }
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
