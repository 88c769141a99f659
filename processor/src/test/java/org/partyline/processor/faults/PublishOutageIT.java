package org.partyline.processor.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partyline.processor.streams.ReferenceFold;
import org.partyline.schema.Claim;
import org.partyline.schema.Statement;
import org.partyline.serde.AvroSerdes;
import org.partyline.serde.SchemaRegistryClient;
import org.partyline.serde.SchemaRegistryClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code publish} losing its broker in the middle of a file: it exits 2 and names every line Kafka did not
 * acknowledge ({@code FILE:LINE}), so that each line missing from Kafka is one it reported; the same file published
 * again once the broker is back completes the views exactly.
 */
class PublishOutageIT {
    private static final Logger LOG = LoggerFactory.getLogger(PublishOutageIT.class);
    private static final int EVENTS = Integer.getInteger("partyline.publish.outage.events", 6_000);

    @TempDir
    Path dir;

    @Test
    void shouldReportEveryUnacknowledgedLineAndCompleteTheViewsOnARerun() throws Exception {
        List<SpecificRecord> events = GeneratedEvents.generate(EVENTS, new Random(23));
        Path file = dir.resolve("events.jsonl");
        GeneratedEvents.writeJsonLines(events, file);
        // Small batches, one request in flight: the file takes seconds to send, so that the broker goes mid-file;
        // short timeouts so that the failure comes within seconds.
        Path producerConfig = dir.resolve("producer.properties");
        Files.writeString(producerConfig, "batch.size=400\nlinger.ms=0\nmax.in.flight.requests.per.connection=1\n"
                + "request.timeout.ms=5000\ndelivery.timeout.ms=15000\nmax.block.ms=10000\n");
        int kafkaPort = freePort();
        int registryPort = freePort();
        BrokerProcess broker = BrokerProcess.start(dir.resolve("broker"), 3, kafkaPort, registryPort);
        try {
            List<String> publish = List.of("-jar", JvmProcess.producerJar().toString(), "publish", file.toString(),
                    "--bootstrap-servers", broker.bootstrapServers(), "--schema-registry-url", broker.registryUrl(),
                    "--producer-config", producerConfig.toString());
            String firstLog;
            long inKafkaAtStop;
            try (ConsumerGroupLag input = ConsumerGroupLag.onInputs(broker.bootstrapServers(), "publish-outage");
                 JvmProcess first = JvmProcess.start("publish #1", List.of("-Xmx256m"), publish,
                         Map.of(), dir.resolve("publish-1.log"))) {
                inKafkaAtStop = awaitInputRecords(input, events.size() / 5, first);
                broker.close();
                assertEquals(2, first.awaitExit(Duration.ofMinutes(2)), first.logText());
                firstLog = first.logText();
            }
            assertFalse(firstLog.contains("published " + events.size()), firstLog);
            Set<Long> reported = new TreeSet<>();
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(file.toString()) + ":(\\d+): not acknowledged")
                    .matcher(firstLog);
            while (m.find()) {
                reported.add(Long.parseLong(m.group(1)));
            }
            Matcher sent = Pattern.compile("(?m)^" + Pattern.quote(file.toString())
                    + ":(\\d+): not sent, nor any line").matcher(firstLog);
            long firstUnsent = sent.find() ? Long.parseLong(sent.group(1)) : Long.MAX_VALUE;
            assertTrue(!reported.isEmpty() || firstUnsent != Long.MAX_VALUE, firstLog);

            broker = BrokerProcess.start(dir.resolve("broker"), 3, kafkaPort, registryPort);
            Set<String> present = eventIdsIn(broker);
            List<Long> missing = new ArrayList<>();
            for (int line = 1; line <= events.size(); line++) {
                if (!present.contains(eventId(events.get(line - 1)))) {
                    missing.add((long) line);
                }
            }
            List<Long> unreported = missing.stream()
                    .filter(line -> !reported.contains(line) && line < firstUnsent).toList();
            LOG.info("publish lost its broker after {} of {} lines were in Kafka: exit 2, {} lines reported not "
                    + "acknowledged, first line not sent {}; {} lines missing from Kafka, {} of them unreported",
                    inKafkaAtStop, events.size(), reported.size(),
                    firstUnsent == Long.MAX_VALUE ? "none" : firstUnsent, missing.size(), unreported.size());
            assertEquals(List.of(), unreported, "lines missing from Kafka that publish did not report");
            assertFalse(missing.isEmpty(), "the broker went before the end of the file");

            try (JvmProcess second = JvmProcess.start("publish #2", List.of("-Xmx256m"), List.of("-jar",
                    JvmProcess.producerJar().toString(), "publish", file.toString(), "--bootstrap-servers",
                    broker.bootstrapServers(), "--schema-registry-url", broker.registryUrl()), Map.of(),
                    dir.resolve("publish-2.log"))) {
                assertEquals(0, second.awaitExit(Duration.ofMinutes(3)), second.logText());
                assertTrue(second.logText().contains("published " + events.size() + ", rejected 0"),
                        second.logText());
            }
            try (ProcessorProcess processor = ProcessorProcess.on(broker, "processor", dir.resolve("processor"),
                    "--application-id", "publish-outage");
                 ConsumerGroupLag lag = ConsumerGroupLag.onInputs(broker.bootstrapServers(), "publish-outage")) {
                processor.start();
                lag.awaitCaughtUp(Duration.ofMinutes(3));
                ViewSnapshot expected = ViewSnapshot.of(ReferenceFold.of(events));
                ViewSnapshot actual = ViewSnapshot.await(processor.api(), expected, Duration.ofSeconds(60));
                assertEquals("", actual.differencesFrom(expected), "views after the rerun");
                processor.stop();
            }
        } finally {
            broker.close();
        }
    }

    private static String eventId(SpecificRecord event) {
        return event instanceof Statement s ? s.getEventId() : ((Claim) event).getEventId();
    }

    /** The eventIds of every record in the input topics. */
    private static Set<String> eventIdsIn(BrokerProcess broker) {
        SchemaRegistryClient registry = SchemaRegistryClients.forUrl(broker.registryUrl());
        Set<String> ids = new HashSet<>();
        ChangeRecords.read(broker.bootstrapServers(), "statements",
                AvroSerdes.value(Statement.class, registry).deserializer(), Statement::getEventId, registry)
                .values().forEach(ids::addAll);
        ChangeRecords.read(broker.bootstrapServers(), "claims",
                AvroSerdes.value(Claim.class, registry).deserializer(), Claim::getEventId, registry)
                .values().forEach(ids::addAll);
        return ids;
    }

    private static long awaitInputRecords(ConsumerGroupLag input, long count, JvmProcess publisher)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
