package org.partyline.processor.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
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
 * An ingestion job retries by running {@code publish} again on the same file: the {@code publish} command (the
 * producer jar in its own JVM) killed with SIGKILL mid-file, then run again to the end; the processor's views equal
 * those of a single clean publish, the events sent twice being deduplicated by eventId.
 */
class ProducerRetryIT {
    private static final Logger LOG = LoggerFactory.getLogger(ProducerRetryIT.class);
    private static final int EVENTS = Integer.getInteger("partyline.retry.events", 6_000);

    @TempDir
    Path dir;

    @Test
    void shouldFoldARepublishedFileLikeASingleCleanPublish() throws Exception {
        List<SpecificRecord> events = GeneratedEvents.generate(EVENTS, new Random(8));
        Path file = dir.resolve("events.jsonl");
        GeneratedEvents.writeJsonLines(events, file);
        // Small batches, one request in flight: the file takes seconds to send, like a large file on a slow link,
        // so that the kill lands mid-file.
        Path producerConfig = dir.resolve("producer.properties");
        Files.writeString(producerConfig, "batch.size=400\nlinger.ms=0\nmax.in.flight.requests.per.connection=1\n");

        try (BrokerProcess broker = BrokerProcess.start(dir.resolve("broker"), 3);
             ConsumerGroupLag input = new ConsumerGroupLag(broker.bootstrapServers(), "retry",
                     List.of("statements", "claims"))) {
            List<String> publish = List.of("-jar", JvmProcess.producerJar().toString(), "publish", file.toString(),
                    "--bootstrap-servers", broker.bootstrapServers(), "--schema-registry-url", broker.registryUrl(),
                    "--producer-config", producerConfig.toString());
            long sentBeforeKill;
            try (JvmProcess first = JvmProcess.start("publish #1", List.of("-Xmx256m"), publish, Map.of(),
                    dir.resolve("publish-1.log"))) {
                sentBeforeKill = awaitInputRecords(input, events.size() / 5, first, Duration.ofSeconds(90));
                first.kill();
                assertFalse(first.logText().contains("published "), "publish #1 ended before the kill:\n"
                        + first.logText());
            }
            long afterKill = input.endOffsets();
            assertTrue(afterKill < events.size(), "the kill came mid-file: " + afterKill + " of " + events.size()
                    + " lines were in Kafka");
            try (JvmProcess second = JvmProcess.start("publish #2", List.of("-Xmx256m"), publish, Map.of(),
                    dir.resolve("publish-2.log"))) {
                assertEquals(0, second.awaitExit(Duration.ofMinutes(3)), second.logText());
                assertTrue(second.logText().contains("published " + events.size() + ", rejected 0"),
                        second.logText());
            }
            long total = input.endOffsets();
            LOG.info("publish killed after {} of {} lines ({} in Kafka); the retry sent all {}: {} input records",
                    sentBeforeKill, events.size(), afterKill, events.size(), total);
            assertEquals(afterKill + events.size(), total, "the input holds the partial run and the whole retry");

            try (ProcessorProcess processor = ProcessorProcess.on(broker, "processor", dir.resolve("processor"),
                    "--application-id", "retry");
                 ConsumerGroupLag lag = new ConsumerGroupLag(broker.bootstrapServers(), "retry",
                         List.of("statements", "claims"))) {
                processor.start();
                lag.awaitCaughtUp(Duration.ofMinutes(3));
                ViewSnapshot expected = ViewSnapshot.of(ReferenceFold.of(events));
                ViewSnapshot actual = ViewSnapshot.await(processor.api(), expected, Duration.ofSeconds(60));
                assertEquals("", actual.differencesFrom(expected), "views after a retried publish");
                processor.stop();
            }
        }
    }

    /** Polls the input topics' end offsets until at least {@code count} records are in; returns how many. */
    private static long awaitInputRecords(ConsumerGroupLag input, long count, JvmProcess publisher, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long n;
        while ((n = input.endOffsets()) < count) {
            if (!publisher.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("publish did not get " + count + " records into Kafka (" + n + "); log:\n"
                        + publisher.logText());
            }
            Thread.sleep(20);
        }
        return n;
    }
}
