package org.partyline.producer.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.partyline.embedded.EmbeddedKafka;
import org.partyline.embedded.EmbeddedSchemaRegistry;
import org.partyline.producer.cli.ProducerMain;
import org.partyline.events.JsonEventParser;
import org.partyline.schema.Article;
import org.partyline.schema.Claim;
import org.partyline.schema.Statement;
import org.partyline.serde.AvroDeserializer;
import org.partyline.serde.AvroStringDeserializer;
import org.partyline.serde.SchemaRegistryClient;
import org.partyline.serde.SchemaRegistryClients;

/**
 * The commands a user runs, with the real pipeline, on the example seed article and codebook, against a real broker
 * and the embedded registry: {@code publish} sends the article line to {@code articles}; {@code ingest --publish} and
 * the streaming job ({@code ingest --follow}, in a JVM of its own, stopped with SIGTERM) write exactly the candidates
 * that {@code ingest} writes to a file, each once.
 */
@Timeout(300)
class IngestCommandIT {

    @TempDir
    static Path dir;

    private static EmbeddedKafka kafka;
    private static EmbeddedSchemaRegistry registry;
    private static SchemaRegistryClient client;
    private static Path examples;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 3);
        registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), "localhost", 0);
        client = SchemaRegistryClients.forUrl(registry.url());
        Path at = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(at.resolve("examples"))) {
            at = at.getParent();
        }
        examples = at.resolve("examples");
    }

    @AfterAll
    static void stopKafka() {
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ProducerMain.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
        return new Run(status, out.toString(UTF_8), err.toString(UTF_8));
    }

    private static String seed() {
        return examples.resolve("seed-article.jsonl").toString();
    }

    private static String codebook() {
        return examples.resolve("seed-codebook.json").toString();
    }

    /** The candidates {@code ingest} writes for the seed article, as the events publish makes of them, by eventId. */
    private static Map<String, SpecificRecord> offlineCandidates() throws Exception {
        Run offline = run("ingest", "--codebook", codebook(), seed());
        assertEquals(0, offline.status(), offline.err());
        Map<String, SpecificRecord> events = new TreeMap<>();
        JsonEventParser parser = new JsonEventParser();
        for (String line : offline.out().lines().toList()) {
            SpecificRecord event = parser.parse(line);
            events.put(eventId(event), event);
        }
        assertEquals("articles 1, rejected 0, candidates " + events.size() + "\n", offline.err());
        assertFalse(events.isEmpty(), "ingest gives no candidate for the seed article");
        return events;
    }

    @Test
    void shouldPublishTheArticleLineToTheArticlesTopicKeyedByItsId() throws Exception {
        Run publish = run("publish", seed(), "--bootstrap-servers", kafka.bootstrapServers(),
                "--schema-registry-url", registry.url());

        assertEquals(0, publish.status(), publish.err());
        assertEquals("published 1, rejected 0\n", publish.out());
        // Other tests of this class publish the seed article too: the last record is this one.
        List<ConsumerRecord<byte[], byte[]>> records = readCommitted(List.of("articles"));
        ConsumerRecord<byte[], byte[]> last = records.get(records.size() - 1);
        Article article = new AvroDeserializer<>(client, Article.class, false).deserialize("articles", last.value());
        assertEquals("seed", new AvroStringDeserializer(client).deserialize("articles", last.key()));
        assertEquals(List.of("seed", "2025-12-06T12:00:00Z", "Seed article"),
                List.of(article.getId(), article.getPublishedAt().toString(), article.getOutlet()));
        assertEquals(new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(Path.of(seed())))
                .get("text").asText(), article.getText());
        assertTrue(client.subjects().containsAll(List.of("articles-key", "articles-value")),
                client.subjects().toString());
    }

    @Test
    void shouldPublishWithIngestPublishExactlyTheCandidatesIngestWrites() throws Exception {
        Map<String, SpecificRecord> expected = offlineCandidates();

        Run publish = run("ingest", "--codebook", codebook(), "--publish", "--bootstrap-servers",
                kafka.bootstrapServers(), "--schema-registry-url", registry.url(), "--statements-topic",
                "p-statements", "--claims-topic", "p-claims", seed());

        assertEquals(0, publish.status(), publish.err());
        assertEquals("articles 1, rejected 0, candidates " + expected.size() + "\n", publish.err());
        assertEquals(expected, events(List.of("p-statements", "p-claims")));
    }

    @Test
    void shouldWriteTheSeedArticlesCandidatesOnceWithTheStreamingJobAndStopOnSigterm() throws Exception {
        Map<String, SpecificRecord> expected = offlineCandidates();
        Run publish = run("publish", seed(), "--bootstrap-servers", kafka.bootstrapServers(),
                "--schema-registry-url", registry.url());
        assertEquals(0, publish.status(), publish.err());
        List<String> follow = List.of("ingest", "--follow", "--codebook", codebook(), "--bootstrap-servers",
                kafka.bootstrapServers(), "--schema-registry-url", registry.url(), "--statements-topic",
                "f-statements", "--claims-topic", "f-claims", "--group-id", "f-ingest", "--instance-id", "one");

        for (int start = 1; start <= 2; start++) {
            try (ChildJvm job = ChildJvm.start(ProducerMain.class, follow, dir.resolve("follow-" + start + ".log"))) {
                job.awaitLine("ingesting articles from articles", Duration.ofSeconds(120));
                long end = endOffset("articles");
                await("the job's group reaches the end of articles", () -> committed("f-ingest") == end);
                assertEquals(143, job.stop(Duration.ofSeconds(60)));
                assertTrue(job.log().contains("Stopped ingesting from articles"), job.log());
            }
        }

        // Each record of the seed article on the topic (other tests publish it too) gives its events once: the
        // restart added nothing.
        int records = (int) endOffset("articles");
        Map<String, Integer> counts = new TreeMap<>();
        readCommitted(List.of("f-statements", "f-claims")).forEach(r -> counts.merge(eventId(decode(r)), 1,
                Integer::sum));
        Map<String, Integer> oncePerRecord = new TreeMap<>();
        expected.keySet().forEach(id -> oncePerRecord.put(id, records));
        assertEquals(oncePerRecord, counts);
        assertEquals(expected, events(List.of("f-statements", "f-claims")));
    }

    // ---- helpers

    private static Map<String, SpecificRecord> events(List<String> topics) throws Exception {
        Map<String, SpecificRecord> events = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : readCommitted(topics)) {
            SpecificRecord event = decode(r);
            events.put(eventId(event), event);
        }
        return events;
    }

    private static SpecificRecord decode(ConsumerRecord<byte[], byte[]> r) {
        return r.topic().endsWith("statements")
                ? new AvroDeserializer<>(client, Statement.class, false).deserialize(r.topic(), r.value())
                : new AvroDeserializer<>(client, Claim.class, false).deserialize(r.topic(), r.value());
    }

    private static String eventId(SpecificRecord event) {
        return event instanceof Statement s ? s.getEventId() : ((Claim) event).getEventId();
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static long endOffset(String topic) {
        try (Admin admin = admin()) {
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end of " + topic, e);
        }
    }

    private static long committed(String group) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            return offsets.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within 120 s");
            }
            Thread.sleep(100);
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readCommitted(List<String> topics) {
        return CommittedRecords.read(kafka.bootstrapServers(), topics);
    }
}
