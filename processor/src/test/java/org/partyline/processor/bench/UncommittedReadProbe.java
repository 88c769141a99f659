package org.partyline.processor.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.partyline.embedded.EmbeddedKafka;
import org.partyline.embedded.EmbeddedSchemaRegistry;
import org.partyline.processor.config.PartylineConfig;
import org.partyline.processor.faults.ConsumerGroupLag;
import org.partyline.processor.runtime.PartylineProcessor;
import org.partyline.events.publish.PartylinePublisher;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;

/**
 * Can a query see a write that is not committed yet, that is a write a crash would abort? Under exactly-once a
 * store write is uncommitted until the task's transaction commits ({@code commit.interval.ms}, here 20 s to make the
 * window wide). One statement of a new party is published; the REST API is polled every 50 ms and the group's
 * committed offset too: a view that shows the party before its offset is committed showed an abortable write.
 * Run for the default stores, and for KIP-892 transactional stores with each interactive query isolation level.
 *
 * <pre>java -cp processor/target/partyline-processor.jar:processor/target/test-classes \
 *     org.partyline.processor.bench.UncommittedReadProbe</pre>
 */
public final class UncommittedReadProbe {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WINDOW = Duration.ofSeconds(60);

    public static void main(String[] args) throws Exception {
        Path dir = BenchSupport.tempDir();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 3);
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), "localhost", 0)) {
            probe(kafka, registry, dir, "default-stores");
            probe(kafka, registry, dir, "transactional-read-uncommitted",
                    "--kafka-enable-transactional-statestores", "true",
                    "--kafka-default-interactive-query-isolation-level", "READ_UNCOMMITTED");
            probe(kafka, registry, dir, "transactional-read-committed",
                    "--kafka-enable-transactional-statestores", "true",
                    "--kafka-default-interactive-query-isolation-level", "READ_COMMITTED");
        } finally {
            BenchSupport.delete(dir);
        }
    }

    private static void probe(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry, Path dir, String name,
                              String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--bootstrap-servers", kafka.bootstrapServers(),
                "--schema-registry-url", registry.url(), "--application-id", "probe-" + name,
                "--state-dir", dir.resolve(name).toString(), "--http-port", "0",
                "--kafka-commit-interval-ms", "20000", "--kafka-producer-transaction-timeout-ms", "60000"));
        args.addAll(List.of(extra));
        String party = "PROBE-" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '.');
        try (PartylineProcessor processor = PartylineProcessor.start(PartylineConfig.load(
                args.toArray(String[]::new), Map.of()));
             PartylinePublisher publisher = new PartylinePublisher(kafka.bootstrapServers(), registry.url());
             ConsumerGroupLag lag = ConsumerGroupLag.onInputs(kafka.bootstrapServers(), "probe-" + name)) {
            lag.awaitCaughtUp(WINDOW);
            publisher.publish(Statement.newBuilder().setEventId("probe-" + name).setParty(party).setTopic("probe")
                    .setStance(Stance.SUPPORT).setOccurredAt(Instant.parse("2025-12-05T00:00:00Z")).build());
            publisher.flush();
            long published = System.nanoTime();
            double seen = -1;
            double committed = -1;
            while (System.nanoTime() - published < WINDOW.toNanos() && (seen < 0 || committed < 0)) {
                double now = (System.nanoTime() - published) / 1e9;
                if (seen < 0 && visible(processor.apiUrl(), party)) {
                    seen = now;
                }
                if (committed < 0 && lag.lag() == 0) {
                    committed = now;
                }
                Thread.sleep(50);
            }
            System.out.printf("PROBE %s: the new party answers after %.2f s, its offset is committed after %.2f s: %s%n",
                    name, seen, committed, seen >= 0 && committed >= 0 && seen < committed
                            ? "a query saw an uncommitted write" : "no uncommitted write seen");
        }
    }

    private static boolean visible(URI api, String party) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(api.resolve("/api/parties/" + party
                + "/stances")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && response.body().contains("SUPPORT");
    }
}
