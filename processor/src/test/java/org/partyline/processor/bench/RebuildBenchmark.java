package org.partyline.processor.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.partyline.embedded.EmbeddedKafka;
import org.partyline.embedded.EmbeddedSchemaRegistry;
import org.partyline.processor.config.PartylineConfig;
import org.partyline.processor.runtime.PartylineProcessor;

/**
 * How long "Rebuilding the views" (README) takes: N generated events in the input topics, then the processor
 * started under a new {@code application.id}, timed until READY and until its group has committed the end of both
 * inputs and of both repartition topics (every view rebuilt). The broker and registry run in this JVM; the rebuild
 * is the real runtime (exactly-once, RocksDB, changelogs).
 *
 * <pre>mvn -B -q -DskipTests package &amp;&amp; mvn -B -q -pl processor -am test-compile -DskipTests
 * java -Xmx3g -cp processor/target/partyline-processor.jar:processor/target/test-classes \
 *     org.partyline.processor.bench.RebuildBenchmark 1000000</pre>
 */
public final class RebuildBenchmark {
    private static final Duration TIMEOUT = Duration.ofMinutes(60);

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = BenchSupport.tempDir();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 3);
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), "localhost", 0);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            BenchSupport.publish(kafka.bootstrapServers(), registry.url(), events);
            String applicationId = "partyline-rebuild-1";
            PartylineConfig config = PartylineConfig.load(new String[] {"--bootstrap-servers", kafka.bootstrapServers(),
                    "--schema-registry-url", registry.url(), "--application-id", applicationId,
                    "--state-dir", dir.resolve("state").toString(), "--http-port", "0"}, Map.of());
            long start = System.nanoTime();
            try (PartylineProcessor processor = PartylineProcessor.start(config)) {
                double ready = seconds(start);
                BenchSupport.awaitInputsCommitted(kafka.bootstrapServers(), applicationId, TIMEOUT);
                double inputs = seconds(start);
                BenchSupport.awaitRepartitionsCommitted(kafka.bootstrapServers(), admin, applicationId, TIMEOUT);
                double all = seconds(start);
                System.out.printf("REBUILD of %d events: READY after %.1f s, inputs committed after %.1f s, every view "
                        + "(repartitions committed) after %.1f s: %.0f events/s%n", events, ready, inputs, all,
                        events / all);
            }
        } finally {
            BenchSupport.delete(dir);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
