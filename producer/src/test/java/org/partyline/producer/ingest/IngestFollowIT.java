package org.partyline.producer.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.partyline.embedded.EmbeddedKafka;
import org.partyline.embedded.EmbeddedSchemaRegistry;
import org.partyline.ingest.Article;
import org.partyline.ingest.Candidate;
import org.partyline.events.publish.PartylinePublisher;
import org.partyline.events.JsonEventParser;
import org.partyline.schema.Claim;
import org.partyline.schema.Statement;
import org.partyline.serde.AvroDeserializer;
import org.partyline.serde.DeadLetterHeaders;
import org.partyline.serde.SchemaRegistryClient;
import org.partyline.serde.SchemaRegistryClients;

/**
 * The streaming job on a real broker (KRaft) and the embedded schema registry, over {@link SentencePipeline} so that
 * every article gives several events: each article's events are written exactly once even when the job is killed
 * with SIGKILL half-way and started again, and records that cannot be read go to the dead-letter topic with the
 * processor's headers.
 */
@Timeout(420)
class IngestFollowIT {

    private static final Instant PUBLISHED = Instant.parse("2025-12-05T12:00:00Z");

    @TempDir
    static Path dir;

    private static EmbeddedKafka kafka;
    private static EmbeddedSchemaRegistry registry;
    private static SchemaRegistryClient client;
    private static Admin admin;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 3);
        registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), "localhost", 0);
        client = SchemaRegistryClients.forUrl(registry.url());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    @AfterAll
    static void stopKafka() {
        if (admin != null) {
            admin.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldWriteEveryEventExactlyOnceAcrossAKilledAndRestartedJob() throws Exception {
        JobTopics topics = topics("crash");
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            articles.add(article("crash-" + i, 6));
        }
        publish(topics.articles(), articles);
        List<String> expected = new ArrayList<>();
        SentencePipeline pipeline = new SentencePipeline(0);
        articles.forEach(a -> pipeline.apply(a).forEach(c -> expected.add(c.eventId())));
        List<String> args = List.of(kafka.bootstrapServers(), registry.url(), "crash", "crash-job", "one", "40");

        long committedAtKill;
        try (ChildJvm first = ChildJvm.start(FollowJobMain.class, args, dir.resolve("crash-1.log"))) {
            first.awaitLine("FOLLOWING", Duration.ofSeconds(60));
            await(() -> committed("crash-job", topics.articles()) >= 20, Duration.ofSeconds(90));
            first.kill();
            committedAtKill = committed("crash-job", topics.articles());
        }
        assertTrue(committedAtKill < articles.size(), "the job finished before it was killed: " + committedAtKill);
        System.out.printf("killed the job after %d of %d articles; restarted%n", committedAtKill, articles.size());

        try (ChildJvm second = ChildJvm.start(FollowJobMain.class, args, dir.resolve("crash-2.log"))) {
            await(() -> committed("crash-job", topics.articles()) == articles.size(), Duration.ofSeconds(240));
            assertEquals(143, second.stop(Duration.ofSeconds(60)));
            assertTrue(second.log().contains("Stopped ingesting from crash-articles"), second.log());
        }

        Map<String, Integer> written = countByEventId(topics);
        assertEquals(expected.size(), written.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(ones(expected), written);
    }

    @Test
    void shouldDeadLetterUnreadableRecordsWithTheProcessorsHeadersAndGoOn() throws Exception {
        JobTopics topics = topics("dlq");
        byte[] garbageKey = "k".getBytes(UTF_8);
        byte[] garbageValue = "not an avro record".getBytes(UTF_8);
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of(
                "bootstrap.servers", kafka.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(topics.articles(), 0, garbageKey, garbageValue)).get();
        }
        org.partyline.schema.Article empty = org.partyline.schema.Article.newBuilder().setId("empty").setText("")
                .setPublishedAt(PUBLISHED).build();
        try (PartylinePublisher publisher = publisher(topics.articles())) {
            publisher.publish(empty, null).get();
            publisher.publish(ArticleRecords.toRecord(article("good", 3)), null).get();
        }
        IngestJob job = new IngestJob(new IngestJob.Settings(kafka.bootstrapServers(), Map.of(), topics, "dlq-job",
                "dlq-job-one"), client, new CandidateEvents(new SentencePipeline(0), 0));
        Thread running = new Thread(job::run, "dlq-job");
        running.start();
        try {
            await(() -> committed("dlq-job", topics.articles()) == 3, Duration.ofSeconds(90));
        } finally {
            assertTrue(job.stopAndWait(Duration.ofSeconds(30)));
        }

        List<ConsumerRecord<byte[], byte[]>> letters = readCommitted(List.of(topics.deadLetters()));
        assertEquals(2, letters.size());
        ConsumerRecord<byte[], byte[]> garbage = letters.stream()
                .filter(r -> header(r, DeadLetterHeaders.TYPE).equals("DESERIALIZATION")).findFirst().orElseThrow();
        assertEquals("k", new String(garbage.key(), UTF_8));
        assertEquals("not an avro record", new String(garbage.value(), UTF_8));
        assertEquals(List.of(topics.articles(), "0", "0"), List.of(header(garbage, DeadLetterHeaders.TOPIC),
                header(garbage, DeadLetterHeaders.PARTITION), header(garbage, DeadLetterHeaders.OFFSET)));
        assertTrue(header(garbage, DeadLetterHeaders.REASON).startsWith("cannot decode: "),
                header(garbage, DeadLetterHeaders.REASON));
        ConsumerRecord<byte[], byte[]> invalid = letters.stream()
                .filter(r -> header(r, DeadLetterHeaders.TYPE).equals("INVALID_EVENT")).findFirst().orElseThrow();
        assertEquals("text: empty", header(invalid, DeadLetterHeaders.REASON));
        assertEquals(Map.of("good-s0", 1, "good-s1", 1, "good-s2", 1), countByEventId(topics));
    }

    @Test
    void shouldWriteEventsAsPublishWouldKeyedByPartyAndClaimId() throws Exception {
        JobTopics topics = topics("keys");
        Article article = article("keys", 3);
        publish(topics.articles(), List.of(article));
        IngestJob job = new IngestJob(new IngestJob.Settings(kafka.bootstrapServers(), Map.of(), topics, "keys-job",
                "keys-job-one"), client, new CandidateEvents(new SentencePipeline(0), 0));
        Thread running = new Thread(job::run, "keys-job");
        running.start();
        try {
            await(() -> committed("keys-job", topics.articles()) == 1, Duration.ofSeconds(90));
        } finally {
            assertTrue(job.stopAndWait(Duration.ofSeconds(30)));
        }

        JsonEventParser parser = new JsonEventParser();
        Map<String, SpecificRecord> expected = new TreeMap<>();
        for (Candidate candidate : new SentencePipeline(0).apply(article)) {
            SpecificRecord event = parser.parse(candidate.toJsonLine());
            expected.put(key(event) + "/" + candidate.eventId(), event);
        }
        Map<String, SpecificRecord> actual = new TreeMap<>();
        AvroDeserializer<Statement> statements = new AvroDeserializer<>(client, Statement.class, false);
        AvroDeserializer<Claim> claims = new AvroDeserializer<>(client, Claim.class, false);
        org.partyline.serde.AvroStringDeserializer keys = new org.partyline.serde.AvroStringDeserializer(client);
        for (ConsumerRecord<byte[], byte[]> r : readCommitted(List.of(topics.statements(), topics.claims()))) {
            SpecificRecord event = r.topic().equals(topics.statements())
                    ? statements.deserialize(r.topic(), r.value()) : claims.deserialize(r.topic(), r.value());
            actual.put(keys.deserialize(r.topic(), r.key()) + "/" + eventId(event), event);
        }
        assertEquals(expected, actual);
    }

    // ---- helpers

    private static JobTopics topics(String prefix) throws Exception {
        JobTopics topics = new JobTopics(prefix + "-articles", prefix + "-statements", prefix + "-claims",
                prefix + "-dlq");
        admin.createTopics(List.of(new NewTopic(topics.articles(), 3, (short) 1),
                new NewTopic(topics.statements(), 3, (short) 1), new NewTopic(topics.claims(), 3, (short) 1),
                new NewTopic(topics.deadLetters(), 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        return topics;
    }

    /** An article of {@code sentences} short sentences. */
    private static Article article(String id, int sentences) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            text.append(i == 0 ? "" : " ").append("Sentence ").append(i).append(" of ").append(id).append('.');
        }
        return new Article(id, text.toString(), PUBLISHED, "https://example.org/" + id, "Example News", "On " + id);
    }

    private static PartylinePublisher publisher(String articlesTopic) {
        return new PartylinePublisher(kafka.bootstrapServers(), client,
                new PartylinePublisher.Topics("unused-statements", "unused-claims", articlesTopic), Map.of());
    }

    /** The articles onto {@code topic}, every one acknowledged before the test goes on. */
    private static void publish(String topic, List<Article> articles) throws Exception {
        try (PartylinePublisher publisher = publisher(topic)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Article article : articles) {
                sent.add(publisher.publish(ArticleRecords.toRecord(article), null));
            }
            for (Future<RecordMetadata> acknowledged : sent) {
                acknowledged.get(120, TimeUnit.SECONDS);
            }
        }
    }

    private static long committed(String group, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + timeout);
            }
            Thread.sleep(100);
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readCommitted(List<String> topics) {
        return CommittedRecords.read(kafka.bootstrapServers(), topics);
    }

    /** How often each eventId is on the events topics, committed records only. */
    private static Map<String, Integer> countByEventId(JobTopics topics) throws Exception {
        AvroDeserializer<Statement> statements = new AvroDeserializer<>(client, Statement.class, false);
        AvroDeserializer<Claim> claims = new AvroDeserializer<>(client, Claim.class, false);
        Map<String, Integer> counts = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : readCommitted(List.of(topics.statements(), topics.claims()))) {
            String eventId = r.topic().equals(topics.statements())
                    ? statements.deserialize(r.topic(), r.value()).getEventId()
                    : claims.deserialize(r.topic(), r.value()).getEventId();
            counts.merge(eventId, 1, Integer::sum);
        }
        return counts;
    }

    private static Map<String, Integer> ones(List<String> eventIds) {
        Map<String, Integer> ones = new TreeMap<>();
        eventIds.forEach(id -> ones.put(id, 1));
        return ones;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    private static String key(SpecificRecord event) {
        return event instanceof Statement s ? s.getParty() : ((Claim) event).getClaimId();
    }

    private static String eventId(SpecificRecord event) {
        return event instanceof Statement s ? s.getEventId() : ((Claim) event).getEventId();
    }
}
