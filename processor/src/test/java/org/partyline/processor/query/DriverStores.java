package org.partyline.processor.query;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.partyline.processor.streams.PartylineTopology;
import org.partyline.processor.streams.StreamsSettings;
import org.partyline.processor.streams.TopicNames;
import org.partyline.processor.streams.TopologySettings;
import org.partyline.schema.Claim;
import org.partyline.schema.Statement;
import org.partyline.serde.AvroSerializer;
import org.partyline.serde.AvroStringSerializer;
import org.partyline.serde.MockSchemaRegistry;
import org.partyline.serde.SchemaRegistryClient;
import org.partyline.serde.SchemaRegistryClients;

/**
 * The production topology in a TopologyTestDriver (production Streams config, a fresh {@code mock://} registry)
 * seen through the {@link StoreProvider} port: the query layer reads the stores the topology really wrote, as the
 * single instance holding partition 0 of every store. Counts the entries read from each store, so a test can show
 * that a query seeks instead of reading a whole history.
 */
public final class DriverStores implements StoreProvider, AutoCloseable {
    private static final Instant START = Instant.parse("2025-12-05T00:00:00Z");
    private final String scope = "query-driver-" + UUID.randomUUID();
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, Statement> statements;
    private final TestInputTopic<String, Claim> claims;
    private final Map<String, AtomicLong> entriesRead = new ConcurrentHashMap<>();

    public DriverStores(Path stateDir) {
        TopicNames topics = TopicNames.defaults();
        SchemaRegistryClient registry = SchemaRegistryClients.forUrl("mock://" + scope);
        driver = new TopologyTestDriver(PartylineTopology.build(TopologySettings.withRegistry(topics, registry)),
                StreamsSettings.builder().stateDir(stateDir).build(), START);
        Serializer<String> keys = new AvroStringSerializer(registry);
        statements = driver.createInputTopic(topics.statements(), keys,
                new AvroSerializer<>(registry, Statement.class, false), START, Duration.ofSeconds(1));
        claims = driver.createInputTopic(topics.claims(), keys,
                new AvroSerializer<>(registry, Claim.class, false), START, Duration.ofSeconds(1));
    }

    /** Publishes the statements in this order (arrival order), each keyed by its party. */
    public void publish(Statement... events) {
        for (Statement e : events) {
            statements.pipeInput(e.getParty(), e);
        }
    }

    public void publish(Claim... events) {
        for (Claim e : events) {
            claims.pipeInput(e.getClaimId(), e);
        }
    }

    /** How many entries queries have read from {@code store} since the last call. */
    long entriesRead(String store) {
        AtomicLong count = entriesRead.remove(store);
        return count == null ? 0 : count.get();
    }

    @Override
    public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        ReadOnlyKeyValueStore<String, V> store = driver.getKeyValueStore(name);
        if (store == null) {
            throw new InvalidStateStoreException("no store " + name);
        }
        return new Counting<>(store, entriesRead.computeIfAbsent(name, n -> new AtomicLong()));
    }

    @Override
    public <V> ReadOnlyKeyValueStore<String, V> active(String name, int partition) {
        if (partition != 0) {
            throw new InvalidStateStoreException("The specified partition " + partition + " for store " + name
                    + " does not exist.");
        }
        return store(name);
    }

    @Override
    public <V> ReadOnlyKeyValueStore<String, V> stale(String name, int partition) {
        return active(name, partition);
    }

    @Override
    public OptionalLong lag(String name, int partition) {
        return OptionalLong.of(0);
    }

    @Override
    public void close() {
        driver.close();
        MockSchemaRegistry.drop(scope);
    }

    /** A store that counts the entries its reads return. */
    private record Counting<V>(ReadOnlyKeyValueStore<String, V> store, AtomicLong read)
            implements ReadOnlyKeyValueStore<String, V> {

        @Override
        public V get(String key) {
            V value = store.get(key);
            read.addAndGet(value == null ? 0 : 1);
            return value;
        }

        @Override
        public KeyValueIterator<String, V> range(String from, String to) {
            return counted(store.range(from, to));
        }

        @Override
        public KeyValueIterator<String, V> reverseRange(String from, String to) {
            return counted(store.reverseRange(from, to));
        }

        @Override
        public KeyValueIterator<String, V> all() {
            return counted(store.all());
        }

        @Override
        public KeyValueIterator<String, V> reverseAll() {
            return counted(store.reverseAll());
        }

        @Override
        public <PS extends Serializer<P>, P> KeyValueIterator<String, V> prefixScan(P prefix, PS serializer) {
            return counted(store.prefixScan(prefix, serializer));
        }

        @Override
        public long approximateNumEntries() {
            return store.approximateNumEntries();
        }

        private KeyValueIterator<String, V> counted(KeyValueIterator<String, V> it) {
            return new KeyValueIterator<>() {
                @Override
                public void close() {
                    it.close();
                }

                @Override
                public String peekNextKey() {
                    return it.peekNextKey();
                }

                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public KeyValue<String, V> next() {
                    read.incrementAndGet();
                    return it.next();
                }
            };
        }
    }
}
