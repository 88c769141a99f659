package org.partyline.producer.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.partyline.ingest.Article;
import org.partyline.ingest.Candidate;
import org.partyline.events.InvalidEventException;
import org.partyline.serde.RegistryException;
import org.partyline.serde.SchemaRegistryClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming job of {@code ingest --follow} (CONTRACT 7.4): reads the {@code articles} topic and writes each
 * article's candidate events to {@code statements} and {@code claims}, exactly once.
 *
 * <p>A plain {@code read_committed} consumer and a transactional producer, not Kafka Streams: an article's events, any
 * dead letter and its input offset go into one transaction ({@code sendOffsetsToTransaction} with the consumer's
 * group metadata, so that a member fenced by a rebalance cannot commit). The work per record is a stateless call into
 * the NLP pipeline, so there is no state store, repartition or window for Kafka Streams to manage, and the loop
 * decides plainly how much one transaction holds: the articles of one poll, up to 20 or one second of work, since a
 * commit costs a few round trips to the broker and a crash makes the job redo at most one transaction.
 * A record that cannot be read goes to the dead-letter topic in the transaction of its offset; a failure that is not
 * the record's (Kafka or the registry unreachable) aborts the transaction and its articles are tried again.
 */
public final class IngestJob implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(2);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /** At most this many articles, or this much work, in one transaction: what a crash can make the job redo. */
    static final int MAX_ARTICLES_PER_TRANSACTION = 20;
    static final Duration MAX_WORK_PER_TRANSACTION = Duration.ofSeconds(1);

    /** How the job connects: Kafka client settings (security included) and its consumer group and transactional id. */
    public record Settings(String bootstrapServers, Map<String, ?> kafka, JobTopics topics, String groupId,
                           String transactionalId) {
        public Settings {
            Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            kafka = Map.copyOf(kafka);
            Objects.requireNonNull(topics, "topics");
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(transactionalId, "transactionalId");
        }
    }

    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> producer;
    private final JobTopics topics;
    private final ArticleDecoder decoder;
    private final OutputRecords outputs;
    private final CandidateEvents events;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    public IngestJob(Settings settings, SchemaRegistryClient registry, CandidateEvents events) {
        this.topics = settings.topics();
        this.events = Objects.requireNonNull(events, "events");
        this.decoder = new ArticleDecoder(registry);
        this.outputs = new OutputRecords(settings.topics(), registry);
        this.consumer = new KafkaConsumer<>(consumerProperties(settings), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        this.producer = new KafkaProducer<>(producerProperties(settings), new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    static Map<String, Object> consumerProperties(Settings settings) {
        Map<String, Object> props = new HashMap<>(settings.kafka());
        props.keySet().retainAll(ConsumerConfig.configNames());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.transactionalId() + "-consumer");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
        return props;
    }

    static Map<String, Object> producerProperties(Settings settings) {
        Map<String, Object> props = new HashMap<>(settings.kafka());
        props.keySet().retainAll(ProducerConfig.configNames());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, settings.transactionalId() + "-producer");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        return props;
    }

    /**
     * Runs until {@link #stop()} is called (from another thread, a shutdown hook) or a fatal error (fenced by
     * another instance with the same transactional id, not authorized), which is thrown.
     */
    public void run() {
        try {
            producer.initTransactions();
            consumer.subscribe(List.of(topics.articles()));
            LOG.info("Ingesting articles from {} into {} and {}", topics.articles(), topics.statements(),
                    topics.claims());
            while (!stopping.get()) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL);
                if (!processBatch(batch)) {
                    sleep(RETRY_BACKOFF);
                }
            }
        } catch (WakeupException e) {
            if (!stopping.get()) {
                throw e;
            }
        } finally {
            closeClients();
            stopped.countDown();
        }
    }

    /** Asks the job to stop after the article at hand; returns at once. */
    public void stop() {
        stopping.set(true);
        consumer.wakeup();
    }

    /** Stops the job and waits until it has closed its clients (at most {@code timeout}). */
    public boolean stopAndWait(Duration timeout) throws InterruptedException {
        stop();
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Processes a polled batch in transactions of up to {@link #MAX_ARTICLES_PER_TRANSACTION} articles or
     * {@link #MAX_WORK_PER_TRANSACTION} of work; on a failure that is not a record's, puts every partition back at the
     * first record of the failed transaction and returns false.
     */
    private boolean processBatch(ConsumerRecords<byte[], byte[]> batch) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        batch.forEach(records::add);
        int next = 0;
        while (next < records.size()) {
            if (stopping.get()) {
                rewind(records, next);
                return true;
            }
            int first = next;
            long deadline = System.nanoTime() + MAX_WORK_PER_TRANSACTION.toNanos();
            List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            try {
                do {
                    ConsumerRecord<byte[], byte[]> record = records.get(next);
                    out.addAll(outputs(record, origin(record)));
                    offsets.put(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                    next++;
                } while (next < records.size() && next - first < MAX_ARTICLES_PER_TRANSACTION
                        && System.nanoTime() < deadline && !stopping.get());
            } catch (KafkaException | RegistryException e) {
                LOG.warn("Reading {} failed, trying again in {} s: {}", origin(records.get(next)),
                        RETRY_BACKOFF.toSeconds(), e.getMessage());
                rewind(records, first);
                return false;
            }
            if (!commit(out, offsets, records.get(first), records.get(next - 1))) {
                rewind(records, first);
                return false;
            }
        }
        return true;
    }

    /** Puts each partition of the batch back at its first record from {@code from} on. */
    private void rewind(List<ConsumerRecord<byte[], byte[]>> records, int from) {
        Map<TopicPartition, Long> firsts = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records.subList(from, records.size())) {
            firsts.putIfAbsent(new TopicPartition(record.topic(), record.partition()), record.offset());
        }
        firsts.forEach(consumer::seek);
    }

    /** The articles' events and dead letters in one transaction with their offsets; false when to be tried again. */
    private boolean commit(List<ProducerRecord<byte[], byte[]>> out, Map<TopicPartition, OffsetAndMetadata> offsets,
                           ConsumerRecord<byte[], byte[]> first, ConsumerRecord<byte[], byte[]> last) {
        boolean inTransaction = false;
        try {
            producer.beginTransaction();
            inTransaction = true;
            for (ProducerRecord<byte[], byte[]> r : out) {
                producer.send(r);
            }
            producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            producer.commitTransaction();
            return true;
        } catch (ProducerFencedException | FencedInstanceIdException | OutOfOrderSequenceException
                 | AuthorizationException | AuthenticationException | UnsupportedVersionException e) {
            throw new IllegalStateException("cannot go on ingesting (" + origin(first) + " to " + origin(last)
                    + "): " + e.getMessage(), e);
        } catch (KafkaException e) {
            LOG.warn("Writing the events of {} to {} failed, trying again in {} s: {}", origin(first), origin(last),
                    RETRY_BACKOFF.toSeconds(), e.getMessage());
            if (inTransaction) {
                producer.abortTransaction();
            }
            return false;
        }
    }

    private static String origin(ConsumerRecord<byte[], byte[]> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /** The events of the record's article, or its dead letter. */
    private List<ProducerRecord<byte[], byte[]>> outputs(ConsumerRecord<byte[], byte[]> record, String origin) {
        ArticleDecoder.Decoded decoded = decoder.decode(record);
        if (decoded instanceof ArticleDecoder.Unreadable unreadable) {
            LOG.warn("Dead-lettered record {} ({}): {}", origin, unreadable.type(), unreadable.reason());
            return List.of(outputs.deadLetter(record, unreadable.type(), unreadable.reason()));
        }
        Article article = ((ArticleDecoder.Readable) decoded).article();
        List<Candidate> candidates;
        try {
            candidates = events.candidates(article);
        } catch (RuntimeException e) {
            LOG.warn("Dead-lettered record {} (PROCESSING): article {} could not be ingested", origin, article.id(), e);
            return List.of(outputs.deadLetter(record, "PROCESSING", "ingesting failed: " + e));
        }
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        for (Candidate candidate : candidates) {
            try {
                SpecificRecord event = events.event(candidate);
                out.add(outputs.event(event));
            } catch (InvalidEventException e) {
                broken.add(candidate.eventId() + ": " + e.reason());
            }
        }
        if (!broken.isEmpty()) {
            // The valid candidates go on; the article is kept on the dead-letter topic so that nothing is lost.
            String reason = "candidates breaking the input rules: " + String.join("; ", broken);
            LOG.warn("Dead-lettered record {} (INVALID_EVENT): {}", origin, reason);
            out.add(outputs.deadLetter(record, ArticleDecoder.INVALID_EVENT, reason));
        }
        LOG.debug("Article {} ({}): {} events", article.id(), origin, out.size());
        return out;
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
        }
    }

    private void closeClients() {
        try {
            consumer.close(CLOSE_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.warn("Closing the consumer failed: {}", e.getMessage());
        }
        try {
            producer.close(CLOSE_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.warn("Closing the producer failed: {}", e.getMessage());
        }
        LOG.info("Stopped ingesting from {}", topics.articles());
    }

    @Override
    public void close() {
        stop();
    }
}
