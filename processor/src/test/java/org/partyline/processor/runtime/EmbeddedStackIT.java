package org.partyline.processor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partyline.processor.config.PartylineConfig;
import org.partyline.events.publish.JsonLinesPublisher;
import org.partyline.events.publish.PartylinePublisher;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;
import org.partyline.serde.SchemaRegistryClients;

/**
 * The whole embedded stack as a user runs it: real Kafka (KRaft) and the embedded registry in this JVM, the example
 * published through the publisher that the producer's command uses, the seed's picture read back through the REST API,
 * bad input dead-lettered and counted in the metrics, and a restart from the same state dir keeping events, schema ids
 * and views.
 */
class EmbeddedStackIT {
    private static final Duration SETTLE = Duration.ofSeconds(90);
    /** The bundled example: 16 statements and 5 claims. */
    private static final int SEED_STATEMENTS = 16;
    private static final int SEED_CLAIMS = 5;

    @TempDir
    Path stateDir;

    private PartylineProcessor start() {
        return PartylineProcessor.start(PartylineConfig.load(new String[] {"--state-dir", stateDir.toString(),
                "--http-port", "0", "--kafka-port", "0", "--registry-port", "0", "--partitions", "2"}, Map.of()));
    }

    @Test
    void shouldServeTheSeedPictureDeadLetterGarbageAndKeepEverythingAcrossARestart() throws Exception {
        int schemaId;
        long statementsInLog;
        URI firstApi;
        try (PartylineProcessor processor = start()) {
            Api api = new Api(processor.apiUrl());
            firstApi = processor.apiUrl();
            assertProbesUp(api);
            Path example = Demo.exampleFile(stateDir);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            JsonLinesPublisher.Counts counts;
            try (PartylinePublisher publisher = new PartylinePublisher(processor.bootstrapServers(),
                    processor.registryUrl())) {
                counts = new JsonLinesPublisher(publisher, new PrintStream(err, true, StandardCharsets.UTF_8))
                        .publish(example, example.toString());
            }
            assertEquals(new JsonLinesPublisher.Counts(21, 0), counts, err.toString(StandardCharsets.UTF_8));

            assertSeedPicture(api);
            assertErrors(api);
            assertGarbageIsDeadLetteredAndTheNextRecordProcessed(processor, api);
            assertMetrics(processor);

            schemaId = SchemaRegistryClients.forUrl(processor.registryUrl())
                    .idOf("statements-value", Statement.getClassSchema());
            statementsInLog = recordCount(processor.bootstrapServers(), "statements");
        }
        assertServerGone(new Api(firstApi));

        try (PartylineProcessor restarted = start()) {
            Api api = new Api(restarted.apiUrl());
            assertEquals(schemaId, SchemaRegistryClients.forUrl(restarted.registryUrl())
                    .idOf("statements-value", Statement.getClassSchema()));
            assertEquals(statementsInLog, recordCount(restarted.bootstrapServers(), "statements"));
            assertSeedPicture(api);
            JsonNode xx = api.await("/api/parties/XX/stances", b -> b.path("stances").size() == 1, SETTLE);
            assertEquals("dlq-check", xx.path("stances").get(0).path("topic").asText());
        }
    }

    /** Both probes 200 RUNNING while running (ready once the stores open); once closed, nothing listens any more. */
    private static void assertProbesUp(Api api) throws InterruptedException {
        for (String probe : List.of("/health/ready", "/health/live")) {
            api.await(probe, b -> "RUNNING".equals(b.path("status").asText()), SETTLE);
        }
    }

    private static void assertServerGone(Api api) {
        for (String probe : List.of("/health/live", "/health/ready")) {
            Api.Response r = api.get(probe);
            assertEquals(0, r.status(), probe + " after close -> " + r.status() + " " + r.body());
        }
    }

    private static void assertSeedPicture(Api api) throws InterruptedException {
        JsonNode pokrovsk = api.await("/api/claims/pokrovsk-captured",
                b -> b.path("positions").size() == 2, SETTLE);
        assertEquals("CONTESTED", pokrovsk.path("status").asText());
        assertEquals("RU", pokrovsk.path("positions").get(0).path("party").asText());
        assertEquals("ASSERTS", pokrovsk.path("positions").get(0).path("position").asText());
        assertEquals("UA", pokrovsk.path("positions").get(1).path("party").asText());
        assertEquals("DENIES", pokrovsk.path("positions").get(1).path("position").asText());

        JsonNode nato = api.await("/api/topics/ukraine-nato-membership/stances",
                b -> b.path("stances").size() == 4, SETTLE);
        Map<String, String> byParty = new TreeMap<>();
        nato.path("stances").forEach(s -> byParty.put(s.path("party").asText(), s.path("stance").asText()));
        assertEquals(Map.of("EU", "LEAN_SUPPORT", "RU", "OPPOSE", "UA", "SUPPORT", "US", "LEAN_OPPOSE"), byParty);
        assertEquals(List.of("EU", "RU", "UA", "US"), new ArrayList<>(byParty.keySet()));

        JsonNode contested = api.await("/api/parties/ua/contested-claims", b -> b.path("claims").size() == 1, SETTLE);
        assertEquals("UA", contested.path("party").asText());
        assertEquals("pokrovsk-captured", contested.path("claims").get(0).path("claimId").asText());

        JsonNode changes = api.await("/api/parties/UA/changes", b -> b.path("changes").size() == 1, SETTLE);
        JsonNode change = changes.path("changes").get(0);
        assertEquals("us-peace-plan", change.path("topic").asText());
        assertEquals("LEAN_OPPOSE", change.path("from").asText());
        assertEquals("LEAN_SUPPORT", change.path("to").asText());

        JsonNode parties = api.await("/api/parties", b -> b.path("parties").size() >= 4, SETTLE);
        assertTrue(parties.path("parties").toString().startsWith("[\"EU\",\"RU\",\"UA\",\"US\""), parties.toString());
    }

    private static void assertErrors(Api api) {
        for (var expected : List.of(Map.entry("/api/claims/Not%20A%20Slug", 400),
                Map.entry("/api/topics/BAD%20TOPIC/stances", 400), Map.entry("/api/parties/%20/stances", 400),
                Map.entry("/api/claims/no-such-claim", 404), Map.entry("/api/parties/NOBODY-HERE/stances", 404),
                Map.entry("/api/topics/no-such-topic/stances", 404), Map.entry("/api/claims?status=MAYBE", 400))) {
            Api.Response r = api.get(expected.getKey());
            assertEquals(expected.getValue(), r.status(), expected.getKey() + " -> " + r.body());
            assertTrue(r.body().hasNonNull("error"), expected.getKey() + " -> " + r.body());
            assertFalse(r.body().toString().contains("Exception"), r.body().toString());
        }
    }

    private void assertGarbageIsDeadLetteredAndTheNextRecordProcessed(PartylineProcessor processor, Api api)
            throws Exception {
        byte[] garbage = "this is not avro".getBytes(StandardCharsets.UTF_8);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, processor.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>("statements", "XX".getBytes(StandardCharsets.UTF_8), garbage)).get();
        }
        try (PartylinePublisher publisher = new PartylinePublisher(processor.bootstrapServers(),
                processor.registryUrl())) {
            publisher.publish(Statement.newBuilder().setEventId("xx-1").setParty("XX").setTopic("dlq-check")
                    .setStance(Stance.NEUTRAL).setOccurredAt(Instant.parse("2025-12-07T10:00:00Z")).build()).get();
        }
        api.await("/api/parties/XX/stances", b -> b.path("stances").size() == 1, SETTLE);

        ConsumerRecord<byte[], byte[]> dead = awaitDeadLetter(processor.bootstrapServers(),
                r -> Arrays.equals(garbage, r.value()));
        assertEquals("XX", new String(dead.key(), StandardCharsets.UTF_8));
        assertEquals("statements", header(dead, "partyline.error.topic"));
        assertEquals("DESERIALIZATION", header(dead, "partyline.error.type"));
        assertTrue(header(dead, "partyline.error.offset").matches("\\d+"));
        assertTrue(header(dead, "partyline.error.partition").matches("\\d+"));
        assertFalse(header(dead, "partyline.error.reason").isBlank());
    }

    /**
     * The seed and the XX statement folded, the garbage counted as a dead letter, Kafka Streams' own metrics of
     * the stream thread and, once refreshed, of its tasks.
     */
    private static void assertMetrics(PartylineProcessor processor) throws InterruptedException {
        Map<String, Double> expected = Map.of(
                "partyline_events_folded_total{topic=\"statements\"}", SEED_STATEMENTS + 1.0,
                "partyline_events_folded_total{topic=\"claims\"}", (double) SEED_CLAIMS,
                "partyline_dead_letters_total{topic=\"statements\",type=\"DESERIALIZATION\"}", 1.0,
                "partyline_dead_letters_total{topic=\"statements\",type=\"INVALID_EVENT\"}", 0.0,
                "partyline_dead_letters_total{topic=\"claims\",type=\"DESERIALIZATION\"}", 0.0);
        String scrape = awaitScrape(processor, s -> expected.entrySet().stream()
                .allMatch(e -> Double.valueOf(e.getValue()).equals(sample(s, e.getKey()))));
        List<Double> processed = samples(scrape, "kafka_stream_thread_process_total");
        assertEquals(1, processed.size(), scrape);
        assertTrue(processed.get(0) >= SEED_STATEMENTS + SEED_CLAIMS + 2, "every input record processed: " + processed);
        assertEquals(List.of(1.0), samples(scrape, "kafka_stream_alive_stream_threads"), scrape);
        // task metrics appear once tasks are assigned, after the binding: the binder's refresh picks them up
        awaitScrape(processor, s -> !samples(s, "kafka_stream_task_process_total").isEmpty());
    }

    /** Scrapes until the condition holds (a counter moves just after the view it counts); fails with the last one. */
    private static String awaitScrape(PartylineProcessor processor, Predicate<String> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String scrape = processor.scrapeMetrics();
        while (!condition.test(scrape)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("metrics never matched within 30 s; last scrape:\n" + scrape);
            }
            Thread.sleep(200);
            scrape = processor.scrapeMetrics();
        }
        return scrape;
    }

    /** The values of the samples of a metric, whatever their labels. */
    private static List<Double> samples(String scrape, String name) {
        return scrape.lines().filter(l -> l.startsWith(name + "{"))
                .map(l -> Double.valueOf(l.substring(l.lastIndexOf(' ') + 1)))
                .toList();
    }

    /** The value of the sample whose name and labels are exactly {@code series}, or null when absent. */
    private static Double sample(String scrape, String series) {
        return scrape.lines().filter(l -> l.startsWith(series + " "))
                .map(l -> Double.valueOf(l.substring(series.length() + 1).trim()))
                .findFirst().orElse(null);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Reads committed records of the dead-letter topic until one matches (the DLQ is written transactionally). */
    private static ConsumerRecord<byte[], byte[]> awaitDeadLetter(String bootstrap,
                                                                  Predicate<ConsumerRecord<byte[], byte[]>> match) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = consumer.partitionsFor("partyline-dlq").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (match.test(record)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no matching record on partyline-dlq within 30 s");
    }

    private static long recordCount(String bootstrap, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
