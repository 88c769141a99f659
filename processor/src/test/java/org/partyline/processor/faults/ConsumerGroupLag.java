package org.partyline.processor.faults;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How many records input topics hold, and how far a Kafka Streams application's committed offsets are behind. */
public final class ConsumerGroupLag implements AutoCloseable {
    /** The processor's input topics. */
    public static final List<String> INPUTS = List.of("statements", "claims");

    private final Admin admin;
    private final String groupId;
    private final List<String> topics;
    private Map<TopicPartition, OffsetSpec> allPartitions;

    public ConsumerGroupLag(String bootstrapServers, String groupId, List<String> topics) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        this.admin = Admin.create(props);
        this.groupId = groupId;
        this.topics = List.copyOf(topics);
    }

    /** The lag of the group {@code groupId} (a Kafka Streams application id) on the processor's {@link #INPUTS}. */
    public static ConsumerGroupLag onInputs(String bootstrapServers, String groupId) {
        return new ConsumerGroupLag(bootstrapServers, groupId, INPUTS);
    }

    /** The end offsets of the input topics, summed: how many records they hold (from offset 0). */
    public long endOffsets() throws Exception {
        return endOffsetsByPartition().values().stream().mapToLong(Long::longValue).sum();
    }

    /** The end offsets of the topics, summed by topic. */
    public Map<String, Long> endOffsetsByTopic() throws Exception {
        Map<String, Long> byTopic = new java.util.TreeMap<>();
        endOffsetsByPartition().forEach((partition, end) -> byTopic.merge(partition.topic(), end, Long::sum));
        return byTopic;
    }

    private Map<TopicPartition, Long> endOffsetsByPartition() throws Exception {
        Map<TopicPartition, OffsetSpec> latest = partitions();
        Map<TopicPartition, Long> end = new HashMap<>();
        admin.listOffsets(latest).all().get(15, TimeUnit.SECONDS).forEach((tp, info) -> end.put(tp, info.offset()));
        return end;
    }

    /**
     * The partitions of the topics, described once they all exist (a poll loop then asks the broker for offsets
     * only, so that it takes less of the machine it measures).
     */
    private Map<TopicPartition, OffsetSpec> partitions() throws Exception {
        if (allPartitions != null) {
            return allPartitions;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        java.util.Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
        List<String> present = topics.stream().filter(existing::contains).toList();
        admin.describeTopics(present).allTopicNames().get(15, TimeUnit.SECONDS).forEach((name, d) ->
                d.partitions().forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        if (present.size() == topics.size()) {
            allPartitions = latest;
        }
        return latest;
    }

    /** Input records not yet committed by the group (end offset minus committed offset, summed). */
    public long lag() throws Exception {
        Map<TopicPartition, Long> end = endOffsetsByPartition();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
        long lag = 0;
        for (var e : end.entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            lag += e.getValue() - (c == null ? 0 : c.offset());
        }
        return lag;
    }

    /** Polls until the group has committed every input record; fails with the last lag after the timeout. */
    public void awaitCaughtUp(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lag;
        while ((lag = lag()) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("group " + groupId + " still " + lag + " input records behind after "
                        + timeout.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
