package org.partyline.embedded;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's log: the compacted single-partition topic that holds every registration and config change.
 *
 * <p>A background thread tails the topic from its beginning and hands each record to the applier, so records
 * appended by other registry instances show up here too. {@link #append} returns the record's offset and
 * {@link #awaitApplied} waits until this instance has read it back.
 */
final class SchemaLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchemaLog.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final String topic;
    private final TopicPartition partition;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final Consumer<ConsumerRecord<String, String>> applier;
    private final Thread reader;
    private final Object progress = new Object();
    private long appliedUpTo; // offset of the next record to read
    private volatile RuntimeException readerFailure;
    private volatile boolean closing;

    private SchemaLog(String bootstrapServers, Map<String, ?> clientProperties, String topic,
                      Consumer<ConsumerRecord<String, String>> applier) {
        this.topic = topic;
        this.partition = new TopicPartition(topic, 0);
        this.applier = applier;
        this.producer = new KafkaProducer<>(withClientProperties(clientProperties, Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() / 2,
                ProducerConfig.CLIENT_ID_CONFIG, "partyline-schema-registry-writer")),
                new StringSerializer(), new StringSerializer());
        this.consumer = new KafkaConsumer<>(withClientProperties(clientProperties, Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                ConsumerConfig.CLIENT_ID_CONFIG, "partyline-schema-registry-reader")),
                new StringDeserializer(), new StringDeserializer());
        this.reader = new Thread(this::readLoop, "schema-registry-reader-" + topic);
        this.reader.setDaemon(true);
    }

    /**
     * Creates the topic if absent, reads it to its end, and keeps tailing it in the background. The client properties
     * (security settings) go to every Kafka client of the log, under the log's own settings.
     */
    static SchemaLog open(String bootstrapServers, Map<String, ?> clientProperties, String topic,
                          Consumer<ConsumerRecord<String, String>> applier) {
        ensureTopic(bootstrapServers, clientProperties, topic);
        SchemaLog schemaLog = new SchemaLog(bootstrapServers, clientProperties, topic, applier);
        try {
            schemaLog.start();
        } catch (RuntimeException e) {
            schemaLog.close();
            throw e;
        }
        return schemaLog;
    }

    private void start() {
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
        reader.start();
        if (end > 0) {
            await(end - 1, STARTUP_TIMEOUT, "reading topic " + topic + " to its end (" + end + " records)");
        }
        log.info("Read schema topic {} to its end: {} records", topic, end);
    }

    /** Appends a record and returns its offset, once the broker has it. */
    long append(String key, String value) {
        try {
            return producer.send(new ProducerRecord<>(topic, 0, key, value)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("cannot write to schema topic " + topic + ": " + cause.getMessage(), cause);
        }
    }

    /** Waits until the record at {@code offset} has been read back and applied. */
    void awaitApplied(long offset) {
        await(offset, TIMEOUT, "reading back record " + offset + " of " + topic);
    }

    private void await(long offset, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (appliedUpTo <= offset) {
                if (readerFailure != null) {
                    throw new IllegalStateException("schema topic reader stopped: " + readerFailure.getMessage(), readerFailure);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s " + what);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while " + what, e);
                }
            }
        }
    }

    private void readLoop() {
        try {
            while (!closing) {
                long position;
                try {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        applySafely(record);
                    }
                    position = consumer.position(partition);
                } catch (RetriableException e) {
                    // the broker is away for now (a timeout, a leader moving): keep reading once it is back
                    log.warn("Schema topic {} cannot be read now, trying again: {}", topic, e.getMessage());
                    continue;
                }
                synchronized (progress) {
                    if (position != appliedUpTo) {
                        appliedUpTo = position;
                        progress.notifyAll();
                    }
                }
            }
        } catch (WakeupException e) {
            if (!closing) {
                fail(new IllegalStateException("woken up unexpectedly", e));
            }
        } catch (RuntimeException e) {
            log.error("Schema topic {} reader stopped: the registry no longer sees new schemas", topic, e);
            fail(e);
        }
    }

    private void applySafely(ConsumerRecord<String, String> record) {
        try {
            applier.accept(record);
        } catch (RuntimeException e) {
            log.warn("Skipping record {}-{}@{} of the schema topic: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    private void fail(RuntimeException failure) {
        synchronized (progress) {
            readerFailure = failure;
            progress.notifyAll();
        }
    }

    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        try {
            if (reader.isAlive()) {
                reader.join(TIMEOUT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!reader.isAlive()) {
            consumer.close(Duration.ofSeconds(5));
        }
        producer.close(Duration.ofSeconds(5));
    }

    /** The client properties, then the log's own settings over them. */
    private static Map<String, Object> withClientProperties(Map<String, ?> clientProperties, Map<String, Object> own) {
        Map<String, Object> merged = new HashMap<>(clientProperties);
        merged.putAll(own);
        return merged;
    }

    private static void ensureTopic(String bootstrapServers, Map<String, ?> clientProperties, String topic) {
        Map<String, Object> config = withClientProperties(clientProperties, Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() / 2));
        config.keySet().retainAll(AdminClientConfig.configNames());
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (existing.contains(topic)) {
                return;
            }
            NewTopic newTopic = new NewTopic(topic, Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(newTopic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Created schema topic {} (1 partition, compacted, the broker's default replication)", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create schema topic " + topic + " on Kafka at " + bootstrapServers
                        + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer within "
                    + TIMEOUT.toSeconds() + " s (checking schema topic " + topic + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking schema topic " + topic, e);
        }
    }
}
