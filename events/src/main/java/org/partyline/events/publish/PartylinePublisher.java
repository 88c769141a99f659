package org.partyline.events.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Future;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.partyline.schema.Article;
import org.partyline.schema.Claim;
import org.partyline.schema.Statement;
import org.partyline.serde.AvroSerdes;
import org.partyline.serde.AvroSerializer;
import org.partyline.serde.SchemaRegistryClient;
import org.partyline.serde.SchemaRegistryClients;

/**
 * Publishes statements and claims for ingestion jobs: an idempotent producer ({@code acks=all}) writing statements
 * keyed by party, claims keyed by claimId and articles keyed by their id, keys as Avro strings and values as Avro
 * records in the Confluent wire format. Deduplication by eventId is the processor's job, so publishing the same event twice is harmless.
 */
public final class PartylinePublisher implements AutoCloseable {

    /** The input topics; names are API, these are the contract defaults. */
    public record Topics(String statements, String claims, String articles) {
        public static final String DEFAULT_ARTICLES = "articles";
        public static final Topics DEFAULT = new Topics("statements", "claims", DEFAULT_ARTICLES);

        public Topics {
            Objects.requireNonNull(statements, "statements");
            Objects.requireNonNull(claims, "claims");
            Objects.requireNonNull(articles, "articles");
        }

        /** The given event topics, with articles on the default topic. */
        public Topics(String statements, String claims) {
            this(statements, claims, DEFAULT_ARTICLES);
        }
    }

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<String, SpecificRecord> producer;
    private final Topics topics;

    /** A publisher to the default topics, with the default producer settings. */
    public PartylinePublisher(String bootstrapServers, String schemaRegistryUrl) {
        this(bootstrapServers, SchemaRegistryClients.forUrl(schemaRegistryUrl), Topics.DEFAULT, Map.of());
    }

    /**
     * A publisher with its own registry client, topics and extra producer properties (security settings, batching);
     * the extra properties override the defaults of {@link #producerProperties}, except idempotence and acks.
     */
    public PartylinePublisher(String bootstrapServers, SchemaRegistryClient registry, Topics topics,
                              Map<String, ?> extraProperties) {
        // One value serializer writes each event with its own schema, so one idempotent producer carries both topics.
        this(new KafkaProducer<>(producerProperties(bootstrapServers, extraProperties),
                AvroSerdes.stringKey(registry).serializer(),
                new AvroSerializer<>(registry, SpecificRecord.class, false)), topics);
    }

    /** A publisher over a producer built elsewhere (tests, or jobs that manage their own producer). */
    public PartylinePublisher(Producer<String, SpecificRecord> producer, Topics topics) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.topics = Objects.requireNonNull(topics, "topics");
    }

    /**
     * The producer settings: idempotent, {@code acks=all}, and bounded waits so that an unreachable cluster gives an
     * error within seconds rather than a hang (at most 15 s blocked in {@code send}, 30 s until a delivery fails).
     */
    public static Map<String, Object> producerProperties(String bootstrapServers, Map<String, ?> extraProperties) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "partyline-producer");
        props.putAll(extraProperties);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }

    public Topics topics() {
        return topics;
    }

    /** Sends a statement to the statements topic, keyed by its party. */
    public Future<RecordMetadata> publish(Statement statement) {
        return publish(statement, null);
    }

    /** Sends a claim event to the claims topic, keyed by its claimId. */
    public Future<RecordMetadata> publish(Claim claim) {
        return publish(claim, null);
    }

    /**
     * Sends a {@link Statement}, a {@link Claim} or an {@link Article}; {@code callback} (may be null) is told of the
     * outcome.
     *
     * @throws IllegalArgumentException for any other record type
     */
    public Future<RecordMetadata> publish(SpecificRecord event, Callback callback) {
        return producer.send(record(event), callback);
    }

    /** Sends every event in order; see {@link #publish(SpecificRecord, Callback)}. */
    public List<Future<RecordMetadata>> publishAll(Iterable<? extends SpecificRecord> events) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (SpecificRecord event : events) {
            sent.add(publish(event, null));
        }
        return sent;
    }

    /** Blocks until every event sent so far is acknowledged or has failed. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }

    private ProducerRecord<String, SpecificRecord> record(SpecificRecord event) {
        if (event instanceof Statement statement) {
            return new ProducerRecord<>(topics.statements(), statement.getParty(), statement);
        }
        if (event instanceof Claim claim) {
            return new ProducerRecord<>(topics.claims(), claim.getClaimId(), claim);
        }
        if (event instanceof Article article) {
            return new ProducerRecord<>(topics.articles(), article.getId(), article);
        }
        throw new IllegalArgumentException("not a Statement, a Claim or an Article: "
                + (event == null ? "null" : event.getClass().getName()));
    }
}
