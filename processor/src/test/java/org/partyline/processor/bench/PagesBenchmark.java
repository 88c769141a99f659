package org.partyline.processor.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.partyline.embedded.EmbeddedKafka;
import org.partyline.embedded.EmbeddedSchemaRegistry;
import org.partyline.events.publish.PartylinePublisher;
import org.partyline.processor.config.PartylineConfig;
import org.partyline.processor.runtime.PartylineProcessor;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;

/**
 * The time and size of each page of the stance lists at a skewed archive shape: statements of {@code PARTIES}
 * parties on {@code TOPICS} topics, both drawn by Zipf's law (party {@code P0000} and topic {@code topic-000} the
 * busiest, as a few parties and subjects get most of the news), folded by one processor on its embedded broker
 * (2 partitions). Then every list is walked page by page (default page size) as a client would, several times over,
 * and each page's latency and body size are recorded: p50, p99 and max per route, and the largest body.
 *
 * <pre>mvn -B -q install -DskipTests
 * mvn -B -q -pl processor test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.partyline.processor.bench.PagesBenchmark [-Dexec.args="EVENTS PARTIES TOPICS WALKS"]</pre>
 */
public final class PagesBenchmark {
    private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");
    private static final Pattern NEXT = Pattern.compile("\"next\":\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int parties = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int topics = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int walks = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Path dir = BenchSupport.tempDir();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 2);
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), "localhost", 0);
             PartylineProcessor processor = PartylineProcessor.start(PartylineConfig.load(new String[] {
                     "--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registry.url(),
                     "--http-port", "0", "--state-dir", dir.resolve("state").toString()}, Map.of()))) {
            long start = System.nanoTime();
            try (PartylinePublisher publisher = new PartylinePublisher(kafka.bootstrapServers(), registry.url())) {
                publisher.publishAll(statements(events, parties, topics, new Random(19)));
                publisher.flush();
            }
            BenchSupport.awaitInputsCommitted(kafka.bootstrapServers(), "partyline", Duration.ofMinutes(30));
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                BenchSupport.awaitRepartitionsCommitted(kafka.bootstrapServers(), admin, "partyline",
                        Duration.ofMinutes(30));
            }
            System.out.printf("%d statements of %d parties on %d topics (Zipf) folded in %.0f s%n", events, parties,
                    topics, (System.nanoTime() - start) / 1e9);
            new PagesBenchmark().run(processor.apiUrl(), walks);
        } finally {
            BenchSupport.delete(dir);
        }
    }

    /** Statements of parties and topics drawn by Zipf's law (weight 1/rank), at random times over five years. */
    static List<SpecificRecord> statements(int n, int parties, int topics, Random random) {
        double[] partyWeights = zipf(parties);
        double[] topicWeights = zipf(topics);
        List<SpecificRecord> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            events.add(Statement.newBuilder().setEventId("s" + i)
                    .setParty(String.format("P%04d", pick(partyWeights, random)))
                    .setTopic(String.format("topic-%03d", pick(topicWeights, random)))
                    .setStance(Stance.values()[random.nextInt(5)])
                    .setOccurredAt(T0.plusSeconds(random.nextInt(5 * 365 * 24 * 3600))).build());
        }
        return events;
    }

    private static double[] zipf(int n) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    private static int pick(double[] cumulative, Random random) {
        int i = Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }

    private void run(URI api, int walks) throws IOException, InterruptedException {
        String mid = "2022-07-01T00:00:00Z";
        List<String> routes = List.of(
                "/api/parties",
                "/api/parties/P0000/stances",
                "/api/parties/P0000/stances?asOf=" + mid,
                "/api/parties/P0000/changes",
                "/api/parties/P0000/changes?asOf=" + mid,
                "/api/parties/P0000/stances/topic-000",
                "/api/parties/P0000/stances/topic-000?asOf=" + mid,
                "/api/parties/P0000/agreement",
                "/api/parties/P0000/agreement?asOf=" + mid,
                "/api/parties/P0500/agreement",
                "/api/topics/topic-000/stances",
                "/api/topics/topic-000/stances?asOf=" + mid);
        for (String route : routes) {
            walk(api, route); // warm-up
        }
        System.out.printf("%-50s %6s %6s %9s %9s %9s %10s%n", "route (every page of a walk)", "pages", "items",
                "p50 ms", "p99 ms", "max ms", "max bytes");
        for (String route : routes) {
            List<Double> millis = new ArrayList<>();
            long maxBytes = 0;
            int pages = 0;
            int items = 0;
            for (int w = 0; w < walks; w++) {
                Walk walk = walk(api, route);
                millis.addAll(walk.millis());
                maxBytes = Math.max(maxBytes, walk.maxBytes());
                pages = walk.millis().size();
                items = walk.items();
            }
            double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("%-50s %6d %6d %9.1f %9.1f %9.1f %10d%n", route, pages, items,
                    percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1], maxBytes);
        }
    }

    private record Walk(List<Double> millis, long maxBytes, int items) {
    }

    /** Every page of the route, following {@code next}: each page's latency, the largest body, the items. */
    private Walk walk(URI api, String route) throws IOException, InterruptedException {
        List<Double> millis = new ArrayList<>();
        long maxBytes = 0;
        int items = 0;
        String after = null;
        do {
            String path = route + (after == null ? "" : (route.contains("?") ? "&" : "?") + "after="
                    + URLEncoder.encode(after, StandardCharsets.UTF_8));
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(api.resolve(path))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            millis.add((System.nanoTime() - start) / 1e6);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            maxBytes = Math.max(maxBytes, response.body().length);
            String body = new String(response.body(), StandardCharsets.UTF_8);
            items += count(body, route.contains("/stances/") ? "\"speaker\"" : route.endsWith("/api/parties")
                    ? "\"P" : route.contains("/changes") ? "\"from\"" : route.contains("/agreement") ? "\"agree\""
                    : route.contains("/api/topics") ? "\"party\"" : "\"topic\"");
            Matcher next = NEXT.matcher(body);
            after = next.find() ? next.group(1) : null;
        } while (after != null);
        return new Walk(millis, maxBytes, items);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
