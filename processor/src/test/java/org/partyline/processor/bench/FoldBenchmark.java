package org.partyline.processor.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.partyline.processor.streams.PartylineTopology;
import org.partyline.processor.streams.StreamsSettings;
import org.partyline.processor.streams.TopicNames;
import org.partyline.processor.streams.TopologySettings;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;
import org.partyline.serde.AvroSerializer;
import org.partyline.serde.AvroStringSerializer;
import org.partyline.serde.SchemaRegistryClient;
import org.partyline.serde.SchemaRegistryClients;

/**
 * Cost per event of the real topology (TopologyTestDriver, RocksDB stores, changelogs): one (party, topic) with
 * N statements in random time order (late events included) against N (party, topic) keys with one statement
 * each. If history made events dearer, the first would grow with N; the ratio must stay at or under 2.
 *
 * <pre>mvn -B -q -pl processor test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.partyline.processor.bench.FoldBenchmark [-Dexec.args="50000 5"]</pre>
 */
public final class FoldBenchmark {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private final SchemaRegistryClient registry = SchemaRegistryClients.forUrl("mock://fold-benchmark");
    private final TopicNames topics = TopicNames.defaults();

    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        new FoldBenchmark().run(events, rounds);
    }

    private void run(int events, int rounds) {
        List<KeyValue<byte[], byte[]>> oneKey = encode(oneKeyManyStatements(events, new Random(1)));
        List<KeyValue<byte[], byte[]>> manyKeys = encode(manyKeysOneStatement(events, new Random(2)));
        System.out.printf("warm-up: one key %.1f us/event, many keys %.1f us/event%n",
                microsPerEvent(oneKey), microsPerEvent(manyKeys));
        double[] one = new double[rounds];
        double[] many = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            one[r] = microsPerEvent(oneKey);
            many[r] = microsPerEvent(manyKeys);
            System.out.printf("round %d: one (party, topic) x %d statements %.1f us/event | %d (party, topic) x 1 "
                    + "statement %.1f us/event | ratio %.2f%n", r + 1, events, one[r], events, many[r], one[r] / many[r]);
        }
        double oneMedian = BenchSupport.median(one);
        double manyMedian = BenchSupport.median(many);
        double ratio = oneMedian / manyMedian;
        System.out.printf("MEDIAN: one (party, topic) x %d statements: %.1f us/event; %d (party, topic) x 1 statement:"
                + " %.1f us/event; ratio %.2f (%s)%n", events, oneMedian, events, manyMedian, ratio,
                ratio <= 2.0 ? "OK, <= 2" : "TOO HIGH, > 2");
    }

    /** One (party, topic): times shuffled so that most statements land between earlier ones. */
    private static List<Statement> oneKeyManyStatements(int n, Random random) {
        List<Statement> statements = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            statements.add(statement("e" + i, "RU", "sanctions", Stance.values()[random.nextInt(5)],
                    T0.plusSeconds(random.nextInt(n * 10))));
        }
        Collections.shuffle(statements, random);
        return statements;
    }

    private static List<Statement> manyKeysOneStatement(int n, Random random) {
        List<Statement> statements = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            statements.add(statement("e" + i, String.format("P%06d", i), "sanctions",
                    Stance.values()[random.nextInt(5)], T0.plusSeconds(random.nextInt(n * 10))));
        }
        Collections.shuffle(statements, random);
        return statements;
    }

    private static Statement statement(String eventId, String party, String topic, Stance stance, Instant at) {
        return Statement.newBuilder().setEventId(eventId).setParty(party).setTopic(topic).setStance(stance)
                .setOccurredAt(at).setSpeaker("a speaker").setQuote("a quote of moderate length, as in the news")
                .build();
    }

    /** Records as the producer writes them, encoded once so that only the topology is timed. */
    private List<KeyValue<byte[], byte[]>> encode(List<Statement> statements) {
        AvroStringSerializer keys = new AvroStringSerializer(registry);
        AvroSerializer<Statement> values = new AvroSerializer<>(registry, Statement.class, false);
        return statements.stream()
                .map(s -> KeyValue.pair(keys.serialize(topics.statements(), s.getParty()),
                        values.serialize(topics.statements(), s)))
                .toList();
    }

    private double microsPerEvent(List<KeyValue<byte[], byte[]>> records) {
        Path stateDir = BenchSupport.tempDir();
        try (TopologyTestDriver driver = new TopologyTestDriver(
                PartylineTopology.build(TopologySettings.withRegistry(topics, registry)),
                StreamsSettings.builder().stateDir(stateDir).build(), T0)) {
            TestInputTopic<byte[], byte[]> input = driver.createInputTopic(topics.statements(),
                    new ByteArraySerializer(), new ByteArraySerializer());
            long start = System.nanoTime();
            for (KeyValue<byte[], byte[]> record : records) {
                input.pipeInput(record.key, record.value);
            }
            long elapsed = System.nanoTime() - start;
            return elapsed / 1_000.0 / records.size();
        } finally {
            BenchSupport.delete(stateDir);
        }
    }
}
