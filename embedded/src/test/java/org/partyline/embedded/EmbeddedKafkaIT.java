package org.partyline.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {

    private static final long TIMESTAMP = 1_764_943_200_000L; // 2025-12-05T14:00:00Z

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepRecordsAndClusterIdAcrossRestartOnTheSameDirectory() throws Exception {
        String clusterId;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0, 3)) {
            assertTrue(Files.exists(dataDir.resolve("meta.properties")), "the data dir is formatted");
            clusterId = kafka.clusterId();
            assertEquals(clusterId, describeClusterId(kafka.bootstrapServers()));

            produce(kafka.bootstrapServers(), "events", "RU", "first");
            assertEquals(List.of("RU=first"), consumeAll(kafka.bootstrapServers(), "events", 1));
            assertEquals(3, partitionCount(kafka.bootstrapServers(), "events"), "auto-created with the default partitions");
        }

        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0, 3)) {
            assertEquals(clusterId, describeClusterId(kafka.bootstrapServers()));
            produce(kafka.bootstrapServers(), "events", "RU", "second");
            assertEquals(List.of("RU=first", "RU=second"), consumeAll(kafka.bootstrapServers(), "events", 2));
        }
    }

    @Test
    void shouldListenOnAFreePortWhenAskedForPortZero(@TempDir Path otherDir) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(otherDir, 0, 1)) {
            String bootstrap = kafka.bootstrapServers();
            assertTrue(bootstrap.startsWith("localhost:"), bootstrap);
            assertNotEquals("localhost:0", bootstrap);
            assertNotNull(describeClusterId(bootstrap));
        }
    }

    private static void produce(String bootstrap, String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, 0, TIMESTAMP, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> consumeAll(String bootstrap, String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            consumer.seekToBeginning(List.of(new TopicPartition(topic, 0)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (seen.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(record.key() + "=" + record.value());
                }
            }
        }
        return seen;
    }

    private static String describeClusterId(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
        }
    }

    private static int partitionCount(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.describeTopics(Set.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions().size();
        }
    }
}
