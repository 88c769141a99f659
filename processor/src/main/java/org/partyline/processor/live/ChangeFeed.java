package org.partyline.processor.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.partyline.serde.SchemaRegistryClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live changes of CONTRACT section 6.6 on one instance: one {@code read_committed} consumer, in no group, that
 * is assigned every partition of both change topics (so that any instance streams every partition), starts at their
 * ends, and hands each committed record, decoded, to every subscriber ({@link ChangeFanout}) in the order of its
 * partition. Every so often it looks for partitions added since; those it reads from their beginning, since all of
 * their records came after the feed started. One thread polls; {@link #close()} stops it and ends every subscriber.
 */
public final class ChangeFeed implements ChangeSubscriptions, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Consumer<byte[], byte[]> consumer;
    private final ChangeDecoder decoder;
    private final ChangeTopics topics;
    private final FeedSettings settings;
    private final ChangeFanout fanout;
    private final Thread thread;
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final Set<TopicPartition> partitions = new HashSet<>();
    private volatile boolean closing;

    ChangeFeed(String name, Consumer<byte[], byte[]> consumer, ChangeDecoder decoder, ChangeTopics topics,
               FeedSettings settings, FeedObserver observer) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.fanout = new ChangeFanout(settings.clientBuffer(), observer);
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /**
     * Starts the feed: a consumer with the given client settings ({@code bootstrap.servers} and the {@code kafka.*}
     * settings, security included), {@code read_committed}, no group, bytes decoded with {@code registry}.
     */
    public static ChangeFeed start(Map<String, Object> clientProperties, SchemaRegistryClient registry,
                                   ChangeTopics topics, FeedSettings settings, FeedObserver observer) {
        String name = "partyline-change-feed-" + INSTANCES.incrementAndGet();
        ChangeFeed feed = new ChangeFeed(name, new KafkaConsumer<>(consumerProperties(clientProperties, name),
                new ByteArrayDeserializer(), new ByteArrayDeserializer()), new ChangeDecoder(topics, registry), topics,
                settings, observer);
        return feed.start();
    }

    /** The client settings with what the feed needs: committed records only, no group, no commits. */
    static Map<String, Object> consumerProperties(Map<String, Object> clientProperties, String clientId) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Only when a position is lost (retention, a topic made anew): then rather again than never.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return props;
    }

    ChangeFeed start() {
        thread.start();
        return this;
    }

    @Override
    public Subscriber subscribe() {
        return fanout.subscribe();
    }

    /** How many clients receive events now. */
    public int subscribers() {
        return fanout.subscribers();
    }

    /** Waits until the feed has taken its starting positions (the ends of the change topics); false on timeout. */
    public boolean awaitAssigned(Duration timeout) throws InterruptedException {
        return assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        long nextRefresh = 0;
        try {
            while (!closing) {
                try {
                    if (System.nanoTime() - nextRefresh >= 0) {
                        refreshAssignment();
                        nextRefresh = System.nanoTime() + settings.refresh().toNanos();
                    }
                    if (!partitions.isEmpty()) {
                        pollOnce();
                    } else {
                        pause(settings.retryBackoff());
                    }
                } catch (WakeupException | InterruptException e) {
                    if (!closing) {
                        LOG.warn("Change feed woken up while not closing; going on");
                    }
                } catch (KafkaException e) {
                    LOG.warn("Change feed of {} failed, retrying in {}: {}", topics.both(), settings.retryBackoff(),
                            e.toString());
                    pause(settings.retryBackoff());
                }
            }
        } finally {
            fanout.close();
            try {
                consumer.close(CLOSE_TIMEOUT);
            } catch (RuntimeException e) {
                LOG.warn("Closing the change feed's consumer failed: {}", e.toString());
            }
            LOG.info("Change feed of {} stopped", topics.both());
        }
    }

    /**
     * Assigns every partition of both topics. At the first assignment every partition starts at its end; a partition
     * found later starts at its beginning.
     */
    private void refreshAssignment() {
        Set<TopicPartition> found = new HashSet<>();
        for (String topic : topics.both()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos == null || infos.isEmpty()) {
                LOG.warn("Change feed: topic '{}' has no partitions (does it exist?); looking again in {}", topic,
                        settings.refresh());
                continue;
            }
            infos.forEach(info -> found.add(new TopicPartition(info.topic(), info.partition())));
        }
        if (found.isEmpty() || partitions.containsAll(found)) {
            return;
        }
        boolean first = partitions.isEmpty();
        List<TopicPartition> added = new ArrayList<>(found);
        added.removeAll(partitions);
        partitions.addAll(found);
        consumer.assign(partitions);
        if (first) {
            consumer.seekToEnd(added);
            // Resolves the ends now: a client that subscribes from here on gets every record committed after this.
            added.forEach(consumer::position);
            LOG.info("Change feed reads {} partitions of {} from their ends", added.size(), topics.both());
            assigned.countDown();
        } else {
            consumer.seekToBeginning(added);
            LOG.info("Change feed reads the new partitions {} from their beginning", added);
        }
    }

    /** One poll; each partition's records in order, a partition stopped at a record that may read later. */
    private void pollOnce() {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        boolean retry = false;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                if (!deliver(record)) {
                    consumer.seek(partition, record.offset());
                    retry = true;
                    break;
                }
            }
        }
        if (retry) {
            pause(settings.retryBackoff());
        }
    }

    /** Hands the record's event to the subscribers; false when it could not be read now but may be later. */
    private boolean deliver(ConsumerRecord<byte[], byte[]> record) {
        ChangeEvent event;
        try {
            event = decoder.decode(record);
        } catch (SerializationException e) {
            if (ChangeDecoder.retriable(e)) {
                LOG.warn("Change feed cannot read {}-{} at offset {} now, retrying in {}: {}", record.topic(),
                        record.partition(), record.offset(), settings.retryBackoff(), e.getMessage());
                return false;
            }
            LOG.error("Change feed skips {}-{} at offset {}, which does not decode: {}", record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return true;
        }
        if (event != null) {
            fanout.publish(event);
        }
        return true;
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing = true;
        }
    }

    /** Stops the consumer and ends every subscriber (each gets what it has buffered first). */
    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        try {
            thread.join(CLOSE_TIMEOUT.toMillis() * 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("Change feed thread {} did not stop in time", thread.getName());
        }
        fanout.close();
    }
}
