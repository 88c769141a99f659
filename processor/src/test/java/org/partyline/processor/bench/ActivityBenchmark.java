package org.partyline.processor.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.partyline.processor.query.ActivityQueries;
import org.partyline.processor.query.DriverStores;
import org.partyline.processor.query.FakeLocator;
import org.partyline.processor.query.PartyDirectory;
import org.partyline.processor.query.UnreachablePeers;
import org.partyline.processor.query.QueryResult;
import org.partyline.processor.query.TopicDirectory;
import org.partyline.processor.streams.StoreNames;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;

/**
 * What the dashboard's overview costs the server on a wide archive: statements of PARTIES parties on TOPICS topics
 * (skewed: a few of each get most of them) folded by the production topology into real RocksDB stores (a
 * TopologyTestDriver, one partition), then {@code /api/activity} counted afresh (it reads every (party, topic)
 * summary), served from the kept count, pages of {@code /api/topics} (from the kept count), and, for comparison, one
 * seek in {@code topic-stances} to the end of the store and over one topic. Prints the median of each over the rounds.
 *
 * <pre>mvn -B -q install -DskipTests
 * mvn -B -q -pl processor test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.partyline.processor.bench.ActivityBenchmark [-Dexec.args="PARTIES TOPICS STATEMENTS"]</pre>
 */
public final class ActivityBenchmark {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final int ROUNDS = 7;

    private ActivityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int parties = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int topics = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int statements = args.length > 2 ? Integer.parseInt(args[2]) : 150_000;
        Path dir = BenchSupport.tempDir();
        try (DriverStores stores = new DriverStores(dir)) {
            long folding = System.nanoTime();
            Random random = new Random(7);
            for (int i = 0; i < statements; i++) {
                int party = i < parties ? i : (int) (parties * Math.pow(random.nextDouble(), 3));
                int topic = i < parties ? i % topics : (int) (topics * Math.pow(random.nextDouble(), 2));
                stores.publish(Statement.newBuilder().setEventId(String.format("s%07d", i))
                        .setParty(String.format("P%05d", party)).setTopic(String.format("topic-%04d", topic))
                        .setStance(Stance.values()[random.nextInt(5)]).setOccurredAt(T0.plusSeconds(60L * i)).build());
            }
            System.out.printf("folded %,d statements of %,d parties on %,d topics in %.1f s; %,d (party, topic) summaries%n",
                    statements, parties, topics, (System.nanoTime() - folding) / 1e9, summaries(stores));

            FakeLocator alone = FakeLocator.alone();
            double[] fresh = new double[ROUNDS];
            double[] kept = new double[ROUNDS];
            double[] topicPage = new double[ROUNDS];
            double[] prefixPage = new double[ROUNDS];
            double[] wideSeek = new double[ROUNDS];
            double[] narrowSeek = new double[ROUNDS];
            ReadOnlyKeyValueStore<String, Object> topicStances = stores.store(StoreNames.TOPIC_STANCES);
            for (int round = 0; round < ROUNDS; round++) {
                ActivityQueries activity = new ActivityQueries(stores, alone, UnreachablePeers.alone());
                fresh[round] = millis(() -> activity.activity("20"));
                kept[round] = millis(() -> activity.activity("20"));
                TopicDirectory directory = new TopicDirectory(activity);
                topicPage[round] = millis(() -> directory.topics("100", null, null));
                prefixPage[round] = millis(() -> directory.topics("8", null, "topic-01"));
                wideSeek[round] = firstKeyMillis(topicStances, "topic-0000", null);
                narrowSeek[round] = firstKeyMillis(topicStances, "topic-0000", "topic-0001");
            }
            PartyDirectory directoryOfParties = new PartyDirectory(stores, alone, UnreachablePeers.alone());
            double partiesMs = millis(directoryOfParties::parties);
            System.out.printf("GET /api/parties (one seek per party in stances and party-claims): %.0f ms%n", partiesMs);
            System.out.printf("GET /api/activity counted afresh: median %.1f ms (min %.1f, max %.1f)%n",
                    BenchSupport.median(fresh), min(fresh), max(fresh));
            System.out.printf("GET /api/activity from the kept count: median %.3f ms%n", BenchSupport.median(kept));
            System.out.printf("GET /api/topics?limit=100: median %.3f ms; ?prefix=topic-01&limit=8: median %.3f ms%n",
                    BenchSupport.median(topicPage), BenchSupport.median(prefixPage));
            System.out.printf("one seek in topic-stances (first key of a range): to the end %.2f ms, over one topic %.2f ms"
                    + " (why /api/topics does not seek from topic to topic)%n", BenchSupport.median(wideSeek),
                    BenchSupport.median(narrowSeek));
        }
    }

    private static long summaries(DriverStores stores) {
        long n = 0;
        try (KeyValueIterator<String, Object> it = stores.<Object>store(StoreNames.STANCES).all()) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }

    private static double firstKeyMillis(ReadOnlyKeyValueStore<String, Object> store, String from, String to) {
        long start = System.nanoTime();
        try (KeyValueIterator<String, Object> it = store.range(from, to)) {
            if (!it.hasNext()) {
                throw new IllegalStateException("nothing from " + from);
            }
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static double millis(Supplier<QueryResult<?>> query) {
        long start = System.nanoTime();
        QueryResult<?> result = query.get();
        double ms = (System.nanoTime() - start) / 1e6;
        if (!(result instanceof QueryResult.Found<?>)) {
            throw new IllegalStateException("the query did not answer: " + result);
        }
        return ms;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
