package org.partyline.processor.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.partyline.schema.Claim;
import org.partyline.schema.ClaimStatusChange;
import org.partyline.schema.StanceChange;
import org.partyline.schema.Statement;
import org.partyline.serde.AvroDeserializer;
import org.partyline.serde.AvroSerializer;
import org.partyline.serde.AvroStringDeserializer;
import org.partyline.serde.AvroStringSerializer;
import org.partyline.serde.MockSchemaRegistry;
import org.partyline.serde.SchemaRegistryClient;
import org.partyline.serde.SchemaRegistryClients;

/**
 * The production topology in a TopologyTestDriver built with the production Streams config, a fresh
 * {@code mock://} registry, and typed input and output topics. Record timestamps are fixed. The topology reports
 * to the given {@link TopologyMeters} (none by default).
 */
final class TopologyFixture implements AutoCloseable {
    static final Instant START = Instant.parse("2025-12-05T00:00:00Z");

    final String scope = "topology-test-" + UUID.randomUUID();
    final SchemaRegistryClient registry = SchemaRegistryClients.forUrl("mock://" + scope);
    final TopicNames topics = TopicNames.defaults();
    final TopologyTestDriver driver;
    final TestInputTopic<String, Statement> statements;
    final TestInputTopic<String, Claim> claims;
    final TestInputTopic<byte[], byte[]> rawStatements;
    final TestInputTopic<byte[], byte[]> rawClaims;
    final TestOutputTopic<String, StanceChange> stanceChanges;
    final TestOutputTopic<String, ClaimStatusChange> claimStatus;
    final TestOutputTopic<byte[], byte[]> deadLetters;

    TopologyFixture(Path stateDir) {
        this(stateDir, TopologyMeters.NONE);
    }

    TopologyFixture(Path stateDir, TopologyMeters meters) {
        this(stateDir, meters, StreamsConfig.EXACTLY_ONCE_V2);
    }

    /** {@code guarantee}: the processing guarantee the topology is told it runs under (production: exactly-once). */
    TopologyFixture(Path stateDir, TopologyMeters meters, String guarantee) {
        driver = new TopologyTestDriver(
                PartylineTopology.build(TopologySettings.withRegistry(topics, registry).withMeters(meters)),
                StreamsSettings.builder().stateDir(stateDir).meters(meters).processingGuarantee(guarantee).build(),
                START);
        AvroStringSerializer keys = new AvroStringSerializer(registry);
        statements = driver.createInputTopic(topics.statements(), keys,
                new AvroSerializer<>(registry, Statement.class, false), START, Duration.ofSeconds(1));
        claims = driver.createInputTopic(topics.claims(), keys,
                new AvroSerializer<>(registry, Claim.class, false), START, Duration.ofSeconds(1));
        rawStatements = driver.createInputTopic(topics.statements(), new ByteArraySerializer(),
                new ByteArraySerializer(), START, Duration.ofSeconds(1));
        rawClaims = driver.createInputTopic(topics.claims(), new ByteArraySerializer(),
                new ByteArraySerializer(), START, Duration.ofSeconds(1));
        AvroStringDeserializer keyReader = new AvroStringDeserializer(registry);
        stanceChanges = driver.createOutputTopic(topics.stanceChanges(), keyReader,
                new AvroDeserializer<>(registry, StanceChange.class, false));
        claimStatus = driver.createOutputTopic(topics.claimStatus(), keyReader,
                new AvroDeserializer<>(registry, ClaimStatusChange.class, false));
        deadLetters = driver.createOutputTopic(topics.dlq(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    void publish(Statement... events) {
        for (Statement e : events) {
            statements.pipeInput(e.getParty(), e);
        }
    }

    void publish(Claim... events) {
        for (Claim e : events) {
            claims.pipeInput(e.getClaimId(), e);
        }
    }

    <V> KeyValueStore<String, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    <V> V get(String store, String... keyParts) {
        return this.<V>store(store).get(StoreKeys.of(keyParts));
    }

    /** The values under a key prefix, in key order (the order a REST query reads them). */
    <V> List<V> scan(String store, String... prefixParts) {
        List<V> values = new ArrayList<>();
        try (KeyValueIterator<String, V> it =
                     this.<V>store(store).range(StoreKeys.prefix(prefixParts), StoreKeys.prefixEnd(prefixParts))) {
            it.forEachRemaining(kv -> values.add(kv.value));
        }
        return values;
    }

    /** Every entry of every store, fingerprints as hex: to show that something changed nothing. */
    Map<String, Map<String, Object>> snapshot() {
        Map<String, Map<String, Object>> all = new TreeMap<>();
        for (String name : StoreNames.ALL) {
            Map<String, Object> entries = new TreeMap<>();
            try (KeyValueIterator<String, Object> it = this.<Object>store(name).all()) {
                while (it.hasNext()) {
                    KeyValue<String, Object> kv = it.next();
                    entries.put(kv.key, kv.value instanceof byte[] b ? HexFormat.of().formatHex(b) : kv.value);
                }
            }
            all.put(name, entries);
        }
        return all;
    }

    @Override
    public void close() {
        driver.close();
        MockSchemaRegistry.drop(scope);
    }
}
