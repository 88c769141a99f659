package org.partyline.processor.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.partyline.processor.streams.ReferenceFold;
import org.partyline.schema.ClaimStatusChange;
import org.partyline.schema.StanceChange;
import org.partyline.serde.AvroSerdes;
import org.partyline.serde.SchemaRegistryClient;
import org.partyline.serde.SchemaRegistryClients;

/**
 * The committed records of a change topic, as a downstream consumer with {@code isolation.level=read_committed}
 * sees them: by key, each key's records in partition order, as text ({@link ReferenceFold#text}).
 */
public final class ChangeRecords {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private ChangeRecords() {
    }

    /** Every committed record of a {@code stance-changes} topic, by party. */
    public static Map<String, List<String>> stanceChanges(String bootstrapServers, String registryUrl, String topic) {
        SchemaRegistryClient registry = SchemaRegistryClients.forUrl(registryUrl);
        return read(bootstrapServers, topic, AvroSerdes.value(StanceChange.class, registry).deserializer(),
                ReferenceFold::text, registry);
    }

    /** Every committed record of a {@code claim-status} topic, by claimId. */
    public static Map<String, List<String>> claimStatus(String bootstrapServers, String registryUrl, String topic) {
        SchemaRegistryClient registry = SchemaRegistryClients.forUrl(registryUrl);
        return read(bootstrapServers, topic, AvroSerdes.value(ClaimStatusChange.class, registry).deserializer(),
                ReferenceFold::text, registry);
    }

    /**
     * Every committed record of {@code topic} (string keys in the wire format), decoded by {@code values} and shown
     * by {@code text}, by key: for readers other than the processor's own classes (an earlier version of a record).
     */
    public static <V> Map<String, List<String>> read(String bootstrapServers, String topic, Deserializer<V> values,
                                                     Function<V, String> text, SchemaRegistryClient registry) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, List<String>> byKey = new TreeMap<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props,
                AvroSerdes.stringKey(registry).deserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, READ_TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Under read_committed the end offsets are the last stable offsets: nothing beyond is committed yet.
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, READ_TIMEOUT));
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey(), READ_TIMEOUT) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end offsets " + end
                            + " within " + READ_TIMEOUT.toSeconds() + " s");
                }
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(500))) {
                    byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(text.apply(r.value()));
                }
            }
        }
        return byKey;
    }

    /** How records of a run differ from the expected ones, key by key. */
    public record Comparison(int expected, int found, int missing, int duplicates, int reorderedKeys,
                             List<String> examples) {
        public boolean exact() {
            return missing == 0 && duplicates == 0 && reorderedKeys == 0 && expected == found;
        }
    }

    /**
     * Compares per key as multisets: {@code missing} counts expected records not found, {@code duplicates} found
     * records beyond the expected ones; {@code reorderedKeys} the keys whose records are all there but in another order.
     */
    public static Comparison compare(Map<String, List<String>> expected, Map<String, List<String>> found) {
        int missing = 0;
        int duplicates = 0;
        int expectedCount = 0;
        int foundCount = 0;
        int reordered = 0;
        List<String> examples = new ArrayList<>();
        java.util.Set<String> keys = new java.util.TreeSet<>(expected.keySet());
        keys.addAll(found.keySet());
        for (String key : keys) {
            List<String> want = expected.getOrDefault(key, List.of());
            List<String> got = found.getOrDefault(key, List.of());
            expectedCount += want.size();
            foundCount += got.size();
            Map<String, Integer> balance = new HashMap<>();
            want.forEach(r -> balance.merge(r, 1, Integer::sum));
            got.forEach(r -> balance.merge(r, -1, Integer::sum));
            for (var e : balance.entrySet()) {
                if (e.getValue() > 0) {
                    missing += e.getValue();
                    addExample(examples, "missing " + e.getValue() + "x " + e.getKey());
                } else if (e.getValue() < 0) {
                    duplicates -= e.getValue();
                    addExample(examples, "extra " + (-e.getValue()) + "x " + e.getKey());
                }
            }
            if (balance.values().stream().allMatch(v -> v == 0) && !want.equals(got)) {
                reordered++;
                addExample(examples, "key " + key + " in another order: " + got);
            }
        }
        return new Comparison(expectedCount, foundCount, missing, duplicates, reordered, examples);
    }

    private static void addExample(List<String> examples, String example) {
        if (examples.size() < 5) {
            examples.add(example);
        }
    }
}
