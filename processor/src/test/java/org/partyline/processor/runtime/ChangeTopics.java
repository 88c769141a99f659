package org.partyline.processor.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.partyline.processor.streams.ReferenceFold;
import org.partyline.schema.ClaimStatusChange;
import org.partyline.schema.StanceChange;
import org.partyline.serde.AvroDeserializer;
import org.partyline.serde.SchemaRegistryClient;

/**
 * What a downstream consumer reads from the change topics with {@code isolation.level=read_committed}: every
 * committed record, as the text of the reference fold, grouped by record key in offset order.
 */
final class ChangeTopics {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private ChangeTopics() {
    }

    static Map<String, List<String>> stanceChanges(String bootstrap, SchemaRegistryClient registry) {
        AvroDeserializer<StanceChange> values = new AvroDeserializer<>(registry, StanceChange.class, false);
        return read(bootstrap, "stance-changes", values, ReferenceFold::text);
    }

    static Map<String, List<String>> claimStatus(String bootstrap, SchemaRegistryClient registry) {
        AvroDeserializer<ClaimStatusChange> values = new AvroDeserializer<>(registry, ClaimStatusChange.class, false);
        return read(bootstrap, "claim-status", values, ReferenceFold::text);
    }

    /** The reference fold's change texts grouped like {@link #read}: by the text's first part (party or claimId). */
    static Map<String, List<String>> byKey(List<String> texts) {
        Map<String, List<String>> grouped = new TreeMap<>();
        texts.forEach(t -> grouped.computeIfAbsent(t.substring(0, t.indexOf('|')), k -> new ArrayList<>()).add(t));
        return grouped;
    }

    /** Reads {@code topic} from the beginning to its last stable offset, read_committed. */
    private static <V> Map<String, List<String>> read(String bootstrap, String topic, Deserializer<V> values,
                                                      Function<V, String> text) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        Map<String, List<String>> grouped = new TreeMap<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end " + end + " within "
                            + TIMEOUT.toSeconds() + " s");
                }
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    String key = text.apply(values.deserialize(topic, record.value()));
                    grouped.computeIfAbsent(key.substring(0, key.indexOf('|')), k -> new ArrayList<>()).add(key);
                }
            }
        }
        return grouped;
    }
}
