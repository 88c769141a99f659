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
import org.apache.avro.specific.SpecificRecord;
import org.partyline.schema.Claim;
import org.partyline.schema.Position;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;
import org.partyline.serde.AvroSerializer;
import org.partyline.serde.AvroStringSerializer;
import org.partyline.serde.SchemaRegistryClient;
import org.partyline.serde.SchemaRegistryClients;

/**
 * Cost per event of the real topology (TopologyTestDriver, RocksDB stores, changelogs): one (party, topic) with
 * N statements in random time order (late events included) against N (party, topic) keys with one statement
 * each; and the same for claims: one (claim, party) with N claim events against N claims with one event each. If
 * history made events dearer, the first of each pair would grow with N; each ratio must stay at or under 2.
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
        compare("(party, topic)", "statements", topics.statements(),
                encode(topics.statements(), oneKeyManyStatements(events, new Random(1)), Statement.class),
                encode(topics.statements(), manyKeysOneStatement(events, new Random(2)), Statement.class), rounds);
        compare("(claim, party)", "claim events", topics.claims(),
                encode(topics.claims(), oneKeyManyClaimEvents(events, new Random(3)), Claim.class),
                encode(topics.claims(), manyKeysOneClaimEvent(events, new Random(4)), Claim.class), rounds);
    }

    private void compare(String key, String what, String topic, List<KeyValue<byte[], byte[]>> oneKey,
                         List<KeyValue<byte[], byte[]>> manyKeys, int rounds) {
        int events = oneKey.size();
        System.out.printf("warm-up: one %s %.1f us/event, many keys %.1f us/event%n", key,
                microsPerEvent(topic, oneKey), microsPerEvent(topic, manyKeys));
        double[] one = new double[rounds];
        double[] many = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            one[r] = microsPerEvent(topic, oneKey);
            many[r] = microsPerEvent(topic, manyKeys);
            System.out.printf("round %d: one %s x %d %s %.1f us/event | %d %s x 1 %.1f us/event | ratio %.2f%n",
                    r + 1, key, events, what, one[r], events, key, many[r], one[r] / many[r]);
        }
        double oneMedian = BenchSupport.median(one);
        double manyMedian = BenchSupport.median(many);
        double ratio = oneMedian / manyMedian;
        System.out.printf("MEDIAN: one %s x %d %s: %.1f us/event; %d %s x 1: %.1f us/event; ratio %.2f (%s)%n",
                key, events, what, oneMedian, events, key, manyMedian, ratio, ratio <= 2.0 ? "OK, <= 2" : "TOO HIGH, > 2");
    }

    /** One (claim, party): positions and times at random, so that most events land between earlier ones. */
    private static List<Claim> oneKeyManyClaimEvents(int n, Random random) {
        List<Claim> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            events.add(claim("c" + i, "RU", "pokrovsk-captured", Position.values()[random.nextInt(4)],
                    T0.plusSeconds(random.nextInt(n * 10))));
        }
        Collections.shuffle(events, random);
        return events;
    }

    private static List<Claim> manyKeysOneClaimEvent(int n, Random random) {
        List<Claim> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            events.add(claim("c" + i, "RU", String.format("claim-%06d", i), Position.values()[random.nextInt(4)],
                    T0.plusSeconds(random.nextInt(n * 10))));
        }
        Collections.shuffle(events, random);
        return events;
    }

    private static Claim claim(String eventId, String party, String claimId, Position position, Instant at) {
        return Claim.newBuilder().setEventId(eventId).setParty(party).setClaimId(claimId).setPosition(position)
                .setOccurredAt(at).setProposition("a proposition of moderate length, as in the news")
                .setSpeaker("a speaker").setQuote("a quote of moderate length, as in the news").build();
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

    /** Records as the producer writes them (keyed by party or claimId), encoded once so that only the topology is timed. */
    private <T extends SpecificRecord> List<KeyValue<byte[], byte[]>> encode(String topic, List<T> events,
                                                                              Class<T> type) {
        AvroStringSerializer keys = new AvroStringSerializer(registry);
        AvroSerializer<T> values = new AvroSerializer<>(registry, type, false);
        return events.stream()
                .map(e -> KeyValue.pair(keys.serialize(topic,
                                e instanceof Statement s ? s.getParty() : ((Claim) e).getClaimId()),
                        values.serialize(topic, e)))
                .toList();
    }

    /** Events folded in one commit interval (100 ms) at about 10,000 events/s, what ThroughputBenchmark measures. */
    private static final int EVENTS_PER_COMMIT_INTERVAL = 1_000;

    private double microsPerEvent(String topic, List<KeyValue<byte[], byte[]>> records) {
        Path stateDir = BenchSupport.tempDir();
        try (TopologyTestDriver driver = new TopologyTestDriver(
                PartylineTopology.build(TopologySettings.withRegistry(topics, registry)),
                StreamsSettings.builder().stateDir(stateDir).build(), T0)) {
            TestInputTopic<byte[], byte[]> input = driver.createInputTopic(topic,
                    new ByteArraySerializer(), new ByteArraySerializer());
            long start = System.nanoTime();
            int piped = 0;
            for (KeyValue<byte[], byte[]> record : records) {
                input.pipeInput(record.key, record.value);
                if (++piped % EVENTS_PER_COMMIT_INTERVAL == 0) {
                    // As in a running instance, a commit interval passes every so many events.
                    driver.advanceWallClockTime(java.time.Duration.ofMillis(100));
                }
            }
            long elapsed = System.nanoTime() - start;
            return elapsed / 1_000.0 / records.size();
        } finally {
            BenchSupport.delete(stateDir);
        }
    }
}
