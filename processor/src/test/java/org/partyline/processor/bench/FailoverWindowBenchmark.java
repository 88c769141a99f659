package org.partyline.processor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.partyline.processor.failover.FailoverCluster;
import org.partyline.processor.failover.QueryProbe;

/**
 * How long the keys of a killed instance are unavailable: a broker JVM and two processor JVMs with
 * {@code standby.replicas 1}; a client asks the first instance for every key and list in a loop while the second is
 * killed with SIGKILL. Prints the window (from the kill to the last 503 of any path), the time until the survivor
 * answers everything fresh (takeover), and the count of wrong answers (which must be 0). Not a timed test.
 *
 * <pre>java -cp CLASSPATH org.partyline.processor.bench.FailoverWindowBenchmark [RUNS [PARTITIONS [EXTRA FLAGS...]]]</pre>
 *
 * Needs {@code processor/target/partyline-processor.jar} (run from the repository root, or set
 * {@code -Dpartyline.jar=PATH}).
 */
public final class FailoverWindowBenchmark {
    private static final int PARTIES = 24;

    private FailoverWindowBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        List<String> extra = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        List<QueryProbe.Summary> summaries = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Path dir = BenchSupport.tempDir();
            try (FailoverCluster cluster = FailoverCluster.start(dir, partitions, extra)) {
                cluster.publish(PARTIES);
                QueryProbe probe = new QueryProbe(cluster.api(0));
                Map<String, JsonNode> views = probe.settledViews(QueryProbe.paths(PARTIES), PARTIES,
                        Duration.ofSeconds(120));
                Thread.sleep(3_000);
                List<QueryProbe.Answer> answers = probe.observe(views, Duration.ofSeconds(3), () -> cluster.kill(1),
                        Duration.ofSeconds(8), Duration.ofSeconds(150));
                QueryProbe.Summary summary = QueryProbe.Summary.of(answers);
                summaries.add(summary);
                System.out.printf("run %d: %s%n", run, summary);
                summary.wrongAnswers().stream().limit(5).forEach(a -> System.out.printf("  wrong at +%d ms: GET %s -> %s%n",
                        a.atMillis(), a.path(), a.detail().length() > 300 ? a.detail().substring(0, 300) : a.detail()));
            } finally {
                BenchSupport.delete(dir);
            }
        }
        double[] windows = summaries.stream().mapToDouble(s -> s.windowMillis() / 1000.0).toArray();
        double[] takeovers = summaries.stream().mapToDouble(s -> s.takeoverMillis() / 1000.0).toArray();
        System.out.printf("failover window (median of %d, %d partitions): unavailable %.1f s, until fresh %.1f s,"
                        + " wrong answers %d%n", runs, partitions, BenchSupport.median(windows),
                BenchSupport.median(takeovers), summaries.stream().mapToInt(QueryProbe.Summary::wrong).sum());
    }
}
