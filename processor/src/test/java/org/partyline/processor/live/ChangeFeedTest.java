package org.partyline.processor.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partyline.schema.ClaimStatus;
import org.partyline.schema.ClaimStatusChange;
import org.partyline.schema.Stance;
import org.partyline.schema.StanceChange;
import org.partyline.serde.AvroSerdes;
import org.partyline.serde.MockSchemaRegistry;
import org.partyline.serde.SchemaRegistryClient;
import org.partyline.serde.SchemaRegistryClients;

/**
 * The feed's consumer side on a {@link MockConsumer}: every partition of both topics, from their ends, decoded in
 * partition order, and partitions added later read from their beginning.
 */
class ChangeFeedTest {
    private static final String SCOPE = "change-feed-test";
    private static final ChangeTopics TOPICS = new ChangeTopics("stance-changes", "claim-status");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final SchemaRegistryClient registry = SchemaRegistryClients.forUrl("mock://" + SCOPE);
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private ChangeFeed feed;

    @BeforeEach
    void topics() {
        partitions("stance-changes", 2);
        partitions("claim-status", 2);
        Map<TopicPartition, Long> ends = new HashMap<>();
        ends.put(new TopicPartition("stance-changes", 0), 5L);
        ends.put(new TopicPartition("stance-changes", 1), 0L);
        ends.put(new TopicPartition("claim-status", 0), 3L);
        ends.put(new TopicPartition("claim-status", 1), 0L);
        consumer.updateEndOffsets(ends);
    }

    @AfterEach
    void close() {
        if (feed != null) {
            feed.close();
        }
        MockSchemaRegistry.drop(SCOPE);
    }

    private void partitions(String topic, int count) {
        List<PartitionInfo> infos = new ArrayList<>();
        Map<TopicPartition, Long> beginnings = new HashMap<>();
        for (int p = 0; p < count; p++) {
            infos.add(new PartitionInfo(topic, p, Node.noNode(), new Node[0], new Node[0]));
            beginnings.put(new TopicPartition(topic, p), 0L);
        }
        consumer.updatePartitions(topic, infos);
        consumer.updateBeginningOffsets(beginnings);
    }

    private ChangeFeed startFeed() throws InterruptedException {
        feed = new ChangeFeed("test-feed", consumer, new ChangeDecoder(TOPICS, registry), TOPICS,
                FeedSettings.defaults().withRefresh(Duration.ofMillis(50)), FeedObserver.NONE).start();
        assertTrue(feed.awaitAssigned(WAIT), "the feed took no positions");
        return feed;
    }

    private static StanceChange change(String party, Stance from, Stance to) {
        return StanceChangeFixtures.change(party, from, to);
    }

    private void add(String topic, int partition, long offset, SpecificRecord value) {
        byte[] bytes = value instanceof StanceChange c
                ? AvroSerdes.value(StanceChange.class, registry).serializer().serialize(topic, c)
                : AvroSerdes.value(ClaimStatusChange.class, registry).serializer()
                        .serialize(topic, (ClaimStatusChange) value);
        consumer.addRecord(new ConsumerRecord<>(topic, partition, offset, null, bytes));
    }

    private static List<String> ids(Subscriber subscriber, int count) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        while (ids.size() < count) {
            ChangeEvent event = subscriber.poll(WAIT);
            if (event == null) {
                break;
            }
            ids.add(event.id());
        }
        return ids;
    }

    @Test
    void shouldStreamEveryPartitionOfBothTopicsFromTheirEndsInPartitionOrder() throws InterruptedException {
        startFeed();
        Subscriber subscriber = feed.subscribe();
        add("stance-changes", 0, 4, change("OLD", Stance.SUPPORT, Stance.OPPOSE));
        add("stance-changes", 0, 5, change("RU", Stance.LEAN_OPPOSE, Stance.LEAN_SUPPORT));
        add("stance-changes", 0, 6, change("RU", Stance.LEAN_SUPPORT, Stance.NEUTRAL));
        add("stance-changes", 1, 0, change("UA", Stance.SUPPORT, Stance.OPPOSE));
        add("claim-status", 1, 0, ChangeEventsTest.claimStatus("pokrovsk-captured", "Pokrovsk is captured",
                ClaimStatus.CONTESTED, ClaimStatus.ASSERTED, "2025-12-05T15:00:00Z"));

        List<String> ids = ids(subscriber, 4);
        assertEquals(List.of("stance-changes:0:5", "stance-changes:0:6"),
                ids.stream().filter(id -> id.startsWith("stance-changes:0:")).toList());
        assertTrue(ids.containsAll(List.of("stance-changes:1:0", "claim-status:1:0")), ids.toString());
        assertNull(subscriber.poll(Duration.ofMillis(200)), "nothing from before the feed started");
    }

    @Test
    void shouldDecodeTheRecordsIntoTheirEvents() throws InterruptedException {
        startFeed();
        Subscriber subscriber = feed.subscribe();
        add("stance-changes", 1, 0, change("RU", Stance.LEAN_OPPOSE, Stance.LEAN_SUPPORT));

        ChangeEvent event = subscriber.poll(WAIT);
        assertEquals(ChangeEvents.stanceChange("stance-changes", 1, 0,
                change("RU", Stance.LEAN_OPPOSE, Stance.LEAN_SUPPORT)), event);
    }

    @Test
    void shouldReadAPartitionAddedLaterFromItsBeginning() throws InterruptedException {
        startFeed();
        Subscriber subscriber = feed.subscribe();
        partitions("claim-status", 3);
        TopicPartition added = new TopicPartition("claim-status", 2);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!consumer.assignment().contains(added) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        add("claim-status", 2, 0, ChangeEventsTest.claimStatus("x-happened", null, ClaimStatus.ASSERTED, null,
                "2025-12-05T15:00:00Z"));

        assertEquals(List.of("claim-status:2:0"), ids(subscriber, 1));
    }

    @Test
    void shouldEndEverySubscriberWhenClosed() throws InterruptedException {
        startFeed();
        Subscriber subscriber = feed.subscribe();
        feed.close();

        assertEquals(Optional.of(Subscriber.Ending.FEED_CLOSED), subscriber.ending());
        assertTrue(consumer.closed());
    }

    @Test
    void shouldGiveItsConsumerTheClientSettingsReadCommittedAndNoGroup() {
        Map<String, Object> props = ChangeFeed.consumerProperties(Map.of("bootstrap.servers", "broker:9093",
                "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512", "group.id", "someone-elses"),
                "partyline-change-feed-1");

        assertEquals("broker:9093", props.get("bootstrap.servers"));
        assertEquals("SASL_SSL", props.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", props.get("sasl.mechanism"));
        assertEquals("read_committed", props.get("isolation.level"));
        assertEquals(false, props.get("enable.auto.commit"));
        assertEquals("partyline-change-feed-1", props.get("client.id"));
        assertNull(props.get("group.id"));
    }
}
