package org.partyline.producer.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.partyline.embedded.EmbeddedKafka;
import org.partyline.embedded.EmbeddedSchemaRegistry;
import org.partyline.schema.Claim;
import org.partyline.schema.Position;
import org.partyline.schema.Source;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;
import org.partyline.serde.AvroDeserializer;
import org.partyline.serde.AvroStringDeserializer;
import org.partyline.serde.SchemaRegistryClient;
import org.partyline.serde.SchemaRegistryClients;

/**
 * The publish command against a real single-node Kafka broker (KRaft) and the embedded schema registry: valid lines
 * end up on the input topics, keyed and encoded as the contract says; rejected lines are reported and never sent.
 */
@Timeout(180)
class PublishCommandIT {

    private static final Instant AT = Instant.parse("2025-12-05T14:00:00Z");

    @TempDir
    static Path dir;

    private static EmbeddedKafka kafka;
    private static EmbeddedSchemaRegistry registry;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 1);
        registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), "localhost", 0);
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

    private int publish(String... filesAndFlags) {
        List<String> args = new ArrayList<>(List.of("publish"));
        args.addAll(List.of(filesAndFlags));
        args.addAll(List.of("--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registry.url()));
        return ProducerMain.run(args.toArray(String[]::new), new PrintStream(outBytes, true, UTF_8),
                new PrintStream(errBytes, true, UTF_8));
    }

    @Test
    void shouldPublishValidLinesAndReportRejectedOnes() throws Exception {
        Path file = dir.resolve("events.jsonl");
        String redelivered = "{\"type\":\"claim\",\"eventId\":\"cl-2\",\"party\":\"UA\",\"occurredAt\":\"2025-12-05T16:00:00+02:00\","
                + "\"claimId\":\"pokrovsk-captured\",\"position\":\"denies\"}";
        Files.writeString(file, String.join("\n",
                "{\"type\":\"statement\",\"eventId\":\"st-1\",\"party\":\"ru \",\"speaker\":\"Maria Zakharova\","
                        + "\"occurredAt\":\"2025-12-05T14:00:00Z\",\"topic\":\"ukraine-nato-membership\",\"stance\":\"oppose\","
                        + "\"quote\":\"Never.\",\"source\":{\"url\":\"https://example.org/1\",\"outlet\":\"TASS\","
                        + "\"publishedAt\":\"2025-12-05T15:00:00Z\"},\"extra\":42}",
                "{\"type\":\"claim\",\"eventId\":\"cl-1\",\"party\":\"RU\",\"occurredAt\":\"2025-12-05T14:00:00Z\","
                        + "\"claimId\":\"pokrovsk-captured\",\"proposition\":\"Pokrovsk is captured\",\"position\":\"ASSERTS\"}",
                "",
                "{\"type\":\"statement\",\"eventId\":\"st-bad\",\"party\":\"RU\",\"occurredAt\":\"2025-12-05T14:00:00\","
                        + "\"topic\":\"ukraine-nato-membership\",\"stance\":\"OPPOSE\"}",
                redelivered,
                "this is not json",
                "{\"type\":\"statement\",\"eventId\":\"st-2\",\"party\":\"UA\",\"occurredAt\":\"2025-12-05T14:00:00Z\","
                        + "\"topic\":\"ukraine-nato-membership\",\"stance\":\"Lean_Support\"}",
                "{\"type\":\"claim\",\"eventId\":\"cl-bad\",\"party\":7,\"occurredAt\":\"2025-12-05T14:00:00Z\","
                        + "\"claimId\":\"pokrovsk-captured\",\"position\":\"ASSERTS\"}",
                redelivered) + "\n");

        int status = publish(file.toString());

        assertEquals(1, status, errBytes.toString(UTF_8));
        assertEquals("published 5, rejected 3\n", outBytes.toString(UTF_8).replace("\r\n", "\n"));
        assertEquals(List.of(
                file + ":4: occurredAt: not an ISO-8601 instant with Z or an offset: \"2025-12-05T14:00:00\"",
                file + ":6: not JSON: Unrecognized token 'this': was expecting (JSON String, "
                        + "Number (or 'NaN'/'+INF'/'-INF'), Array, Object or token 'null', 'true' or 'false') (column 5)",
                file + ":8: party: not a string (got a number)"), lineReports(file.toString()));

        SchemaRegistryClient client = SchemaRegistryClients.forUrl(registry.url());
        Statement st1 = Statement.newBuilder().setEventId("st-1").setParty("RU").setSpeaker("Maria Zakharova")
                .setOccurredAt(AT).setTopic("ukraine-nato-membership").setStance(Stance.OPPOSE).setQuote("Never.")
                .setSource(Source.newBuilder().setUrl("https://example.org/1").setOutlet("TASS")
                        .setPublishedAt(Instant.parse("2025-12-05T15:00:00Z")).build())
                .build();
        Statement st2 = Statement.newBuilder().setEventId("st-2").setParty("UA").setOccurredAt(AT)
                .setTopic("ukraine-nato-membership").setStance(Stance.LEAN_SUPPORT).build();
        Claim cl1 = Claim.newBuilder().setEventId("cl-1").setParty("RU").setOccurredAt(AT)
                .setClaimId("pokrovsk-captured").setProposition("Pokrovsk is captured").setPosition(Position.ASSERTS).build();
        Claim cl2 = Claim.newBuilder().setEventId("cl-2").setParty("UA").setOccurredAt(AT)
                .setClaimId("pokrovsk-captured").setPosition(Position.DENIES).build();

        List<ConsumerRecord<String, Statement>> statements =
                consume("statements", 2, new AvroDeserializer<>(client, Statement.class, false), client);
        List<ConsumerRecord<String, Claim>> claims =
                consume("claims", 3, new AvroDeserializer<>(client, Claim.class, false), client);

        assertEquals(Map.of("RU", List.of(st1), "UA", List.of(st2)), byKey(statements));
        assertEquals(Map.of("pokrovsk-captured", List.of(cl1, cl2, cl2)), byKey(claims));
        assertTrue(client.subjects().containsAll(List.of("statements-key", "statements-value", "claims-key",
                "claims-value")), client.subjects().toString());
    }

    @Test
    void shouldWriteConfluentWireFormat() throws Exception {
        Path file = dir.resolve("wire.jsonl");
        Files.writeString(file, "{\"type\":\"statement\",\"eventId\":\"w-1\",\"party\":\"WIRE\",\"occurredAt\":"
                + "\"2025-12-05T14:00:00Z\",\"topic\":\"wire-format\",\"stance\":\"NEUTRAL\"}\n");

        assertEquals(0, publish("--statements-topic", "wire-statements", file.toString()), errBytes.toString(UTF_8));
        assertEquals("published 1, rejected 0\n", outBytes.toString(UTF_8).replace("\r\n", "\n"));
        assertEquals("", errBytes.toString(UTF_8));

        SchemaRegistryClient client = SchemaRegistryClients.forUrl(registry.url());
        ConsumerRecord<byte[], byte[]> raw = consume("wire-statements", 1, new ByteArrayDeserializer(),
                new ByteArrayDeserializer()).get(0);
        assertEquals(0, raw.key()[0]);
        assertEquals(0, raw.value()[0]);
        assertEquals(client.idOf("wire-statements-key", Schema.create(Schema.Type.STRING)),
                ByteBuffer.wrap(raw.key(), 1, 4).getInt());
        assertEquals(client.idOf("wire-statements-value", Statement.getClassSchema()),
                ByteBuffer.wrap(raw.value(), 1, 4).getInt());
        assertEquals("WIRE", new AvroStringDeserializer(client).deserialize("wire-statements", raw.key()));
    }

    private List<String> lineReports(String name) {
        return errBytes.toString(UTF_8).lines().filter(line -> line.matches(Pattern.quote(name)
                + ":\\d+: .*")).toList();
    }

    private static <V> Map<String, List<V>> byKey(List<ConsumerRecord<String, V>> records) {
        Map<String, List<V>> byKey = new LinkedHashMap<>();
        records.forEach(r -> byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value()));
        return byKey;
    }

    private <V> List<ConsumerRecord<String, V>> consume(String topic, int expected, Deserializer<V> values,
                                                        SchemaRegistryClient client) {
        return consume(topic, expected, new AvroStringDeserializer(client), values);
    }

    /**
     * Reads the topic from the start until at least {@code expected} records came and then 2 s passed without another
     * (so that extra records would be seen), or 30 s passed; asserts the count.
     */
    private <K, V> List<ConsumerRecord<K, V>> consume(String topic, int expected, Deserializer<K> keys,
                                                      Deserializer<V> values) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "publish-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(props, keys, values)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            long lastRecord = System.nanoTime();
            while (System.nanoTime() < deadline
                    && (records.size() < expected || System.nanoTime() - lastRecord < Duration.ofSeconds(2).toNanos())) {
                int before = records.size();
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                if (records.size() > before) {
                    lastRecord = System.nanoTime();
                }
            }
        }
        assertEquals(expected, records.size(), "records on " + topic + ": " + records.stream()
                .map((Function<ConsumerRecord<K, V>, String>) r -> r.key() + "=" + r.value()).toList());
        return records;
    }
}
