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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.partyline.embedded.ClientListener;
import org.partyline.embedded.EmbeddedKafka;
import org.partyline.embedded.EmbeddedSchemaRegistry;
import org.partyline.producer.cli.ProducerMain;
import org.partyline.schema.Claim;
import org.partyline.schema.Statement;
import org.partyline.serde.AvroDeserializer;
import org.partyline.serde.SchemaRegistryClient;
import org.partyline.serde.SchemaRegistryClients;

/**
 * The ingestion on a secured cluster (CONTRACT 5): a broker that takes only SASL SCRAM-SHA-512 clients and a registry
 * behind HTTP basic auth. {@code publish} and the streaming job get every setting from {@code --producer-config}, the
 * job writes the seed article's candidates, and no secret shows in what either prints.
 */
@Timeout(300)
class IngestSecuredClusterIT {

    private static final String SCRAM_PASSWORD = "scram-Pw-4c1f";
    private static final String REGISTRY_PASSWORD = "registry-Pw-9e2a";
    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"ingest\" password=\"" + SCRAM_PASSWORD + "\";";

    @TempDir
    static Path dir;

    private static EmbeddedKafka kafka;
    private static EmbeddedSchemaRegistry registry;
    private static Path examples;

    @BeforeAll
    static void startSecuredKafka() {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 2, new ClientListener("SASL_PLAINTEXT", Map.of(
                "sasl.enabled.mechanisms", "SCRAM-SHA-512",
                "listener.name.client.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;"),
                List.of("SCRAM-SHA-512=[name=ingest,password=" + SCRAM_PASSWORD + "]")));
        registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), kafkaSecurity(), "localhost", 0,
                "registry:" + REGISTRY_PASSWORD);
        examples = IngestCommandITSupport.examples();
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static Map<String, Object> kafkaSecurity() {
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config",
                JAAS);
    }

    private static Path producerConfig(String scramPassword) throws Exception {
        Path file = dir.resolve("producer-" + scramPassword.hashCode() + ".properties");
        Files.writeString(file, String.join("\n",
                "security.protocol=SASL_PLAINTEXT",
                "sasl.mechanism=SCRAM-SHA-512",
                "sasl.jaas.config=" + JAAS.replace(SCRAM_PASSWORD, scramPassword),
                "schema.registry.basic.auth.user.info=registry:" + REGISTRY_PASSWORD) + "\n");
        return file;
    }

    @Test
    void shouldIngestOnASecuredClusterWithEverySettingFromTheProducerConfigAndShowNoSecret() throws Exception {
        Path config = producerConfig(SCRAM_PASSWORD);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int published = ProducerMain.run(new String[] {"publish", examples.resolve("seed-article.jsonl").toString(),
                "--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registry.url(),
                "--producer-config", config.toString()},
                new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
        assertEquals(0, published, err.toString(UTF_8));
        ByteArrayOutputStream offline = new ByteArrayOutputStream();
        assertEquals(0, ProducerMain.run(new String[] {"ingest", "--codebook",
                examples.resolve("seed-codebook.json").toString(), examples.resolve("seed-article.jsonl").toString()},
                new PrintStream(offline, true, UTF_8), new PrintStream(new ByteArrayOutputStream(), true, UTF_8)));
        TreeSet<String> expected = new TreeSet<>();
        for (String line : offline.toString(UTF_8).lines().toList()) {
            expected.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("eventId").asText());
        }
        assertFalse(expected.isEmpty(), "ingest gives no candidate for the seed article");

        List<String> follow = List.of("ingest", "--follow", "--codebook",
                examples.resolve("seed-codebook.json").toString(), "--bootstrap-servers", kafka.bootstrapServers(),
                "--schema-registry-url", registry.url(), "--producer-config", config.toString(),
                "--group-id", "secured-ingest", "--instance-id", "one");
        String log;
        try (ChildJvm job = ChildJvm.start(ProducerMain.class, follow, dir.resolve("secured-follow.log"))) {
            job.awaitLine("ingesting articles from articles", Duration.ofSeconds(120));
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (committed("secured-ingest") < 1) {
                assertTrue(System.nanoTime() < deadline, "the job committed nothing:\n" + job.log());
                Thread.sleep(200);
            }
            assertEquals(143, job.stop(Duration.ofSeconds(60)));
            log = job.log();
        }

        assertEquals(expected, eventIdsOn(List.of("statements", "claims")));
        for (String secret : List.of(SCRAM_PASSWORD, REGISTRY_PASSWORD)) {
            assertFalse(log.contains(secret), "the job's output shows a secret:\n" + log);
            assertFalse(err.toString(UTF_8).contains(secret), "publish shows a secret");
        }
    }

    @Test
    void shouldSayKafkaRefusedAWrongPasswordWithoutShowingIt() throws Exception {
        Path config = producerConfig("wrong-" + SCRAM_PASSWORD);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = ProducerMain.run(new String[] {"ingest", "--codebook",
                examples.resolve("seed-codebook.json").toString(), "--publish", "--bootstrap-servers",
                kafka.bootstrapServers(), "--schema-registry-url", registry.url(), "--producer-config",
                config.toString(), examples.resolve("seed-article.jsonl").toString()},
                new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));

        String message = err.toString(UTF_8);
        assertEquals(2, status, message);
        assertTrue(message.contains("error: cannot reach Kafka at " + kafka.bootstrapServers()), message);
        assertFalse(message.contains(SCRAM_PASSWORD), message);
    }

    private static long committed(String group) {
        Map<String, Object> props = new HashMap<>(kafkaSecurity());
        props.put("bootstrap.servers", kafka.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            return offsets.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    private static TreeSet<String> eventIdsOn(List<String> topics) {
        SchemaRegistryClient client = SchemaRegistryClients.forUrl(registry.url(),
                Map.of("schema.registry.basic.auth.user.info", "registry:" + REGISTRY_PASSWORD));
        AvroDeserializer<Statement> statements = new AvroDeserializer<>(client, Statement.class, false);
        AvroDeserializer<Claim> claims = new AvroDeserializer<>(client, Claim.class, false);
        TreeSet<String> ids = new TreeSet<>();
        for (ConsumerRecord<byte[], byte[]> r : CommittedRecords.read(kafka.bootstrapServers(), kafkaSecurity(),
                topics)) {
            ids.add(r.topic().equals("statements") ? statements.deserialize(r.topic(), r.value()).getEventId()
                    : claims.deserialize(r.topic(), r.value()).getEventId());
        }
        return ids;
    }
}
