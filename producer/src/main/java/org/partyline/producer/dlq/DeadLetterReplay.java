package org.partyline.producer.dlq;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.partyline.events.publish.ErrorMessages;
import org.partyline.serde.DeadLetterHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends dead letters back where they came from, once what made them fail is fixed: reads the dead-letter topic
 * (committed records only, from its beginning to its end as it was when the replay began, in no consumer group)
 * and re-publishes the original key, value, timestamp and headers of each dead letter matching the
 * {@link ReplayOptions} to the topic its {@code partyline.error.topic} header names, through an idempotent producer
 * ({@code acks=all}), in the order of each dead-letter partition. Since every event carries its eventId, a record
 * replayed twice, or one that had gone through after all, is only a redelivery that the views ignore.
 * The dead-letter topic is not changed: a replay can be repeated.
 */
public final class DeadLetterReplay {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterReplay.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(500);

    /** What a replay did: dead letters sent back, and those left (not matching, or with no source topic). */
    public record Counts(long replayed, long skipped) {
    }

    /** The replay could not finish: Kafka could not be reached or refused a record; counts of what was done. */
    public static final class ReplayException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Counts counts;

        ReplayException(String message, Counts counts, Throwable cause) {
            super(message, cause);
            this.counts = counts;
        }

        public Counts counts() {
            return counts;
        }
    }

    private final ReplayOptions options;
    private final Consumer<String> notices;

    /** A replay telling {@code notices} of each dead letter it leaves for want of a source topic. */
    public DeadLetterReplay(ReplayOptions options, Consumer<String> notices) {
        this.options = options;
        this.notices = notices;
    }

    /** Replays the matching dead letters and waits until Kafka has acknowledged every one. */
    public Counts run() throws ReplayException {
        long replayed = 0;
        long skipped = 0;
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties(),
                     new ByteArraySerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            LOG.info("Replaying from {} ({} partitions, up to offsets {}) with {}", options.deadLetterTopic(),
                    partitions.size(), end, options);
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> letter : consumer.poll(POLL)) {
                    if (letter.offset() >= end.get(new TopicPartition(letter.topic(), letter.partition()))) {
                        continue;
                    }
                    Optional<String> source = DeadLetterHeaders.value(letter.headers(), DeadLetterHeaders.TOPIC)
                            .filter(t -> !t.isEmpty());
                    if (!matches(letter, source)) {
                        skipped++;
                        continue;
                    }
                    if (source.isEmpty()) {
                        notices.accept(letter.topic() + "-" + letter.partition() + "@" + letter.offset()
                                + ": no " + DeadLetterHeaders.TOPIC + " header, not replayed");
                        skipped++;
                        continue;
                    }
                    producer.send(new ProducerRecord<>(source.get(), null, letter.timestamp(), letter.key(),
                            letter.value(), DeadLetterHeaders.original(letter.headers())), (metadata, e) -> {
                                if (e != null) {
                                    failure.compareAndSet(null, e);
                                }
                            });
                    replayed++;
                    if (failure.get() != null) {
                        break;
                    }
                }
                if (failure.get() != null) {
                    break;
                }
            }
            producer.flush();
        } catch (KafkaException e) {
            failure.compareAndSet(null, e);
        }
        Counts counts = new Counts(replayed, skipped);
        if (failure.get() != null) {
            throw new ReplayException("replaying " + options.deadLetterTopic() + " through "
                    + options.bootstrapServers() + " failed after " + replayed + " sent (not all acknowledged): "
                    + ErrorMessages.describe(failure.get()), counts, failure.get());
        }
        LOG.info("Replayed {} dead letters of {}, skipped {}", replayed, options.deadLetterTopic(), skipped);
        return counts;
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        var infos = consumer.partitionsFor(options.deadLetterTopic(), TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            return List.of();
        }
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private boolean matches(ConsumerRecord<byte[], byte[]> letter, Optional<String> source) {
        Instant at = Instant.ofEpochMilli(letter.timestamp());
        if (options.from().isPresent() && at.isBefore(options.from().get())) {
            return false;
        }
        if (options.to().isPresent() && !at.isBefore(options.to().get())) {
            return false;
        }
        if (options.sourceTopic().isPresent() && !options.sourceTopic().equals(source)) {
            return false;
        }
        if (options.type().isPresent() && !DeadLetterHeaders.value(letter.headers(), DeadLetterHeaders.TYPE)
                .map(t -> t.equalsIgnoreCase(options.type().get().toUpperCase(Locale.ROOT))).orElse(false)) {
            return false;
        }
        return options.reason().isEmpty() || DeadLetterHeaders.value(letter.headers(), DeadLetterHeaders.REASON)
                .map(r -> r.contains(options.reason().get())).orElse(false);
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> props = new HashMap<>(options.clientProperties());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "partyline-replay-dlq");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        return props;
    }

    private Map<String, Object> producerProperties() {
        Map<String, Object> props = new HashMap<>(options.clientProperties());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "partyline-replay-dlq");
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        return props;
    }
}
