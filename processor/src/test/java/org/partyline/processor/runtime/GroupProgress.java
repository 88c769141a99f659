package org.partyline.processor.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far a Kafka Streams application has committed its input topics, asked of the broker with an admin client. */
public final class GroupProgress {
    private static final List<String> INPUTS = List.of("statements", "claims");

    private GroupProgress() {
    }

    /** The end offsets of the input topics now. */
    public static Map<TopicPartition, Long> inputEnds(Admin admin) throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        for (var description : admin.describeTopics(INPUTS).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
            description.partitions().forEach(p -> partitions.add(new TopicPartition(description.name(),
                    p.partition())));
        }
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get(30, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** True once the group {@code applicationId} has committed at least {@code ends} on every input partition. */
    public static boolean caughtUp(Admin admin, String applicationId, Map<TopicPartition, Long> ends)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        return ends.entrySet().stream().allMatch(e -> e.getValue() == 0
                || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue()));
    }

    /** Waits until the group has committed {@code ends}; fails after {@code timeout}. */
    public static void awaitCaughtUp(Admin admin, String applicationId, Map<TopicPartition, Long> ends,
                                     Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!caughtUp(admin, applicationId, ends)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("application " + applicationId + " did not commit " + ends + " within "
                        + timeout.toSeconds() + " s; committed: " + admin.listConsumerGroupOffsets(applicationId)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS));
            }
            Thread.sleep(100);
        }
    }
}
