package org.partyline.processor.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.partyline.embedded.EmbeddedKafka;
import org.partyline.embedded.EmbeddedSchemaRegistry;
import org.partyline.processor.config.PartylineConfig;
import org.partyline.processor.runtime.PartylineProcessor;
import org.partyline.events.publish.PartylinePublisher;

/**
 * REST latency under keep-alive load, as a client sees it: two processor instances on one broker (in this JVM),
 * the generated events folded, then {@code wrk} (Debian's package, a separate process, keep-alive connections)
 * sends point lookups and lists to the <em>second</em> instance, so that the keys the first one holds are
 * forwarded and every list is gathered from both. Each round runs four phases: points and lists capped at about
 * 1,600 requests/s (4 connections, 2 ms pause before each request), then both uncapped (as fast as the machine
 * goes). Prints every phase, then the median of each figure over the rounds.
 *
 * <pre>mvn -B -q install -DskipTests
 * mvn -B -q -pl processor test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.partyline.processor.bench.RestLatencyBenchmark [-Dexec.args="EVENTS ROUNDS SECONDS"]</pre>
 */
public final class RestLatencyBenchmark {
    private static final int CONNECTIONS = 4;
    private static final int CAPPED_PAUSE_MS = 2;
    private static final Pattern RESULT = Pattern.compile(
            "RESULT requests=(\\d+) seconds=([\\d.]+) p50=(\\d+) p90=(\\d+) p99=(\\d+) p999=(\\d+) max=(\\d+) "
                    + "non2xx=(\\d+) errors=(\\d+)");

    /** One wrk run: its rate and latency percentiles in microseconds. */
    record Phase(double perSecond, double p50, double p90, double p99, double p999, long failed) {
        String describe() {
            return String.format("%7.0f req/s  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  p99.9 %6.2f ms  failed %d",
                    perSecond, p50 / 1000, p90 / 1000, p99 / 1000, p999 / 1000, failed);
        }
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path dir = BenchSupport.tempDir();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 3);
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), "localhost", 0);
             PartylineProcessor first = PartylineProcessor.start(config(kafka, registry, dir.resolve("a")));
             PartylineProcessor second = PartylineProcessor.start(config(kafka, registry, dir.resolve("b")))) {
            try (PartylinePublisher publisher = new PartylinePublisher(kafka.bootstrapServers(), registry.url())) {
                publisher.publishAll(BenchSupport.events(events, new Random(1)));
                publisher.flush();
            }
            URI target = second.apiUrl();
            awaitViews(target);
            Path script = dir.resolve("rest-latency.lua");
            try (InputStream in = RestLatencyBenchmark.class.getResourceAsStream("/bench/rest-latency.lua")) {
                Files.write(script, in.readAllBytes());
            }
            Path points = Files.write(dir.resolve("points.txt"), pointPaths());
            Path lists = Files.write(dir.resolve("lists.txt"), listPaths());
            System.out.printf("%d events folded by two instances; load on the second one, %s%n", events, target);
            run(target, script, points, lists, rounds, seconds);
            System.out.println("forwarded by the second instance (its /metrics):");
            get(HttpClient.newHttpClient(), target.resolve("/metrics")).lines()
                    .filter(line -> line.startsWith("partyline_http_forwarded_total"))
                    .forEach(line -> System.out.println("  " + line));
        } finally {
            BenchSupport.delete(dir);
        }
    }

    private static void run(URI target, Path script, Path points, Path lists, int rounds, int seconds)
            throws IOException, InterruptedException {
        wrk(target, script, points, 0, 5);
        wrk(target, script, lists, 0, 5);
        Map<String, List<Phase>> phases = new LinkedHashMap<>();
        for (int r = 1; r <= rounds; r++) {
            record(phases, r, "points, capped  ", wrk(target, script, points, CAPPED_PAUSE_MS, seconds));
            record(phases, r, "lists, capped   ", wrk(target, script, lists, CAPPED_PAUSE_MS, seconds));
            record(phases, r, "points, uncapped", wrk(target, script, points, 0, seconds));
            record(phases, r, "lists, uncapped ", wrk(target, script, lists, 0, seconds));
        }
        System.out.printf("MEDIAN of %d rounds (%d keep-alive connections, %d s a phase):%n", rounds, CONNECTIONS,
                seconds);
        phases.forEach((name, runs) -> System.out.printf("  %s %s%n", name, median(runs).describe()));
    }

    private static void record(Map<String, List<Phase>> phases, int round, String name, Phase phase) {
        System.out.printf("round %d %s %s%n", round, name, phase.describe());
        phases.computeIfAbsent(name, n -> new ArrayList<>()).add(phase);
    }

    private static Phase median(List<Phase> runs) {
        return new Phase(median(runs, Phase::perSecond), median(runs, Phase::p50), median(runs, Phase::p90),
                median(runs, Phase::p99), median(runs, Phase::p999),
                runs.stream().mapToLong(Phase::failed).sum());
    }

    private static double median(List<Phase> runs, java.util.function.ToDoubleFunction<Phase> figure) {
        return BenchSupport.median(runs.stream().mapToDouble(figure).toArray());
    }

    /** Runs wrk for {@code seconds} against {@code target} with the given paths; parses its RESULT line. */
    private static Phase wrk(URI target, Path script, Path paths, int pauseMs, int seconds)
            throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + CONNECTIONS, "-d" + seconds + "s", "--timeout", "5s",
                "-s", script.toString(), target.toString(), "--", paths.toString(), Integer.toString(pauseMs))
                .redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed (is Debian's wrk package installed?):\n" + out);
        }
        Matcher m = RESULT.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no RESULT line in wrk's output:\n" + out);
        }
        double rate = Long.parseLong(m.group(1)) / Double.parseDouble(m.group(2));
        return new Phase(rate, Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)),
                Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6)),
                Long.parseLong(m.group(8)) + Long.parseLong(m.group(9)));
    }

    /** Every party's views, every claim, every topic: 24 x 4 + 60 + 30 point lookups, half of them forwarded. */
    private static List<String> pointPaths() {
        List<String> paths = new ArrayList<>();
        for (int p = 0; p < 24; p++) {
            String party = String.format("P%02d", p);
            paths.add("/api/parties/" + party + "/stances");
            paths.add("/api/parties/" + party + "/stances/topic-" + (p % 30));
            paths.add("/api/parties/" + party + "/changes");
            paths.add("/api/parties/" + party + "/contested-claims");
        }
        for (int c = 0; c < 60; c++) {
            paths.add("/api/claims/claim-" + c);
        }
        for (int t = 0; t < 30; t++) {
            paths.add("/api/topics/topic-" + t + "/stances");
        }
        return paths;
    }

    private static List<String> listPaths() {
        return List.of("/api/parties", "/api/claims", "/api/claims?status=CONTESTED");
    }

    /** Waits until the second instance answers every claim and every party on the last topic. */
    private static void awaitViews(URI api) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            String claims = get(client, api.resolve("/api/claims"));
            String topic = get(client, api.resolve("/api/topics/topic-29/stances"));
            if (count(claims, "\"claimId\"") == 60 && count(topic, "\"party\"") == 24) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the views were not complete after 3 minutes");
    }

    private static String get(HttpClient client, URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static PartylineConfig config(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry, Path stateDir) {
        return PartylineConfig.load(new String[] {"--bootstrap-servers", kafka.bootstrapServers(),
                "--schema-registry-url", registry.url(), "--http-port", "0", "--state-dir", stateDir.toString()},
                Map.of());
    }
}
