package org.partyline.processor.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.partyline.processor.faults.BrokerProcess;
import org.partyline.processor.faults.ProcessorProcess;

/**
 * Restore time after a crash: the broker and registry in a JVM of their own ({@code BrokerMain}), N generated
 * events, then the processor jar in its own JVM folds them, is killed with SIGKILL and started again. Timed from
 * the restart to the READY line and to the first moment every sampled view answers what it answered before the
 * kill. Scenarios:
 * <ul>
 *   <li>{@code kept}: the state dir kept; {@code wiped}: the state dir deleted before the restart; and as a
 *   baseline a restart after a clean stop (all on one fold: kill, restart kept, fold caught up, kill, wipe, restart,
 *   SIGTERM, restart);</li>
 *   <li>{@code transactional}: as {@code kept}, with KIP-892 transactional state stores
 *   ({@code enable.transactional.statestores=true}) from the first start;</li>
 *   <li>{@code standby}: two instances with {@code standby.replicas} 1; one is killed and not restarted; timed until
 *   the survivor answers every key of the dead one.</li>
 * </ul>
 * The restarted instance rejoins as a static member ({@code group.instance.id}, through {@code --kafka-...}), so its
 * restart does not wait for the dead member's session timeout; the standby scenario cannot (the dead member must be
 * noticed) and runs with a 10 s session timeout, which is part of its figure.
 *
 * <pre>mvn -B -q -DskipTests package &amp;&amp; mvn -B -q -pl processor -am test-compile -DskipTests
 * java -cp processor/target/partyline-processor.jar:processor/target/test-classes \
 *     org.partyline.processor.bench.RestoreBenchmark 1000000 kept,wiped,transactional,standby</pre>
 */
public final class RestoreBenchmark {
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final Duration STANDBY_SETTLE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path dir;
    private final BrokerProcess broker;
    private final Admin admin;

    private RestoreBenchmark(Path dir, BrokerProcess broker, Admin admin) {
        this.dir = dir;
        this.broker = broker;
        this.admin = admin;
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        List<String> scenarios = List.of((args.length > 1 ? args[1] : "kept,wiped,transactional,standby").split(","));
        Path dir = Files.createTempDirectory("partyline-restore");
        System.out.println("logs and data in " + dir);
        try (BrokerProcess broker = BrokerProcess.start(dir.resolve("broker"), 3, List.of("-Xmx2g"));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     broker.bootstrapServers()))) {
            BenchSupport.publish(broker.bootstrapServers(), broker.registryUrl(), events);
            RestoreBenchmark bench = new RestoreBenchmark(dir, broker, admin);
            if (scenarios.contains("kept") || scenarios.contains("wiped")) {
                bench.keptThenWiped(events);
            }
            if (scenarios.contains("transactional")) {
                bench.transactional(events);
            }
            if (scenarios.contains("standby")) {
                bench.standby(events);
            }
        } finally {
            deleteAllButLogs(dir);
        }
    }

    /** The data goes (a long history takes gigabytes); the logs of every JVM stay for reading. */
    private static void deleteAllButLogs(Path dir) throws IOException {
        try (var children = Files.list(dir)) {
            for (Path child : children.toList()) {
                for (Path data : List.of(child.resolve("data"), child.resolve("state"))) {
                    if (Files.isDirectory(data)) {
                        BenchSupport.delete(data);
                    }
                }
            }
        }
    }

    /** An instance of {@code applicationId}, its state and logs in {@code dir/applicationId-instance}. */
    private ProcessorProcess processor(String applicationId, String instance, String... extra) {
        List<String> flags = new ArrayList<>(List.of("--application-id", applicationId));
        flags.addAll(List.of(extra));
        return ProcessorProcess.on(broker, applicationId + "-" + instance, dir.resolve(applicationId + "-" + instance),
                flags.toArray(String[]::new)).jvmOptions("-Xmx1g");
    }

    private void keptThenWiped(int events) throws Exception {
        String id = "restore-kept";
        try (ProcessorProcess processor = processor(id, "1", "--instance-id", id)) {
            processor.startAsync();
            Map<String, String> before = sample(foldAll(processor, id, events));
            processor.kill();
            restart(processor, id + "-kept", before, "state dir kept");

            processor.startAsync();
            before = sample(foldAll(processor, id, events));
            processor.kill();
            BenchSupport.delete(processor.stateDir().resolve("streams"));
            restart(processor, id + "-wiped", before, "state dir wiped");
            restart(processor, id + "-clean", before, "after a clean stop (SIGTERM), the baseline");
        }
    }

    private void transactional(int events) throws Exception {
        String id = "restore-transactional";
        try (ProcessorProcess processor = processor(id, "1", "--instance-id", id,
                "--kafka-enable-transactional-statestores", "true")) {
            processor.startAsync();
            Map<String, String> before = sample(foldAll(processor, id, events));
            processor.kill();
            restart(processor, id + "-kept", before, "state dir kept, transactional state stores");
        }
    }

    private void standby(int events) throws Exception {
        String id = "restore-standby";
        String[] extra = {"--standby-replicas", "1", "--kafka-session-timeout-ms", "10000"};
        try (ProcessorProcess survivor = processor(id, "b", extra);
             ProcessorProcess victim = processor(id, "a", extra)) {
            survivor.startAsync();
            victim.startAsync();
            URI api = survivor.awaitReady(TIMEOUT);
            foldAll(victim, id, events);
            Thread.sleep(STANDBY_SETTLE.toMillis());
            Map<String, String> before = sample(api);
            long killed = System.nanoTime();
            victim.kill();
            double answered = awaitSame(api, before, killed);
            System.out.printf("RESTORE %s: %d events: the survivor answers every key %.1f s after the kill "
                    + "(session timeout 10 s; standbys given %d s to catch up after the fold)%n", "standby", events,
                    answered, STANDBY_SETTLE.toSeconds());
        }
    }

    /** Waits for READY, then until the group has committed the end of the inputs and of the repartitions. */
    private URI foldAll(ProcessorProcess processor, String applicationId, int events) throws Exception {
        URI api = processor.awaitReady(TIMEOUT);
        BenchSupport.awaitInputsCommitted(broker.bootstrapServers(), applicationId, TIMEOUT);
        BenchSupport.awaitRepartitionsCommitted(broker.bootstrapServers(), admin, applicationId, TIMEOUT);
        System.out.printf("%s folded %d events in %.1f s since its start%n", applicationId, events,
                processor.sinceStart().toNanos() / 1e9);
        return api;
    }

    /** Starts the (stopped or killed) processor again, times it, and stops it cleanly (SIGTERM). */
    private void restart(ProcessorProcess processor, String name, Map<String, String> before, String what)
            throws Exception {
        processor.startAsync();
        try {
            URI api = processor.awaitReady(TIMEOUT);
            double ready = processor.sinceStart().toNanos() / 1e9;
            long sinceStart = System.nanoTime() - processor.sinceStart().toNanos();
            double answered = awaitSame(api, before, sinceStart);
            boolean wiped = processor.logText().contains("Detected the states of tasks");
            System.out.printf("RESTORE %s: %s: READY %.1f s after the restart, every sampled view as before after "
                    + "%.1f s; %s%n", name, what, ready, answered, wiped
                    ? "tasks found corrupted, their stores wiped and restored from the changelogs"
                    : "no task wiped");
        } finally {
            processor.stop();
        }
    }

    /** A sample of the views: the parties, every party's stances and every claim, by path. */
    private static Map<String, String> sample(URI api) throws Exception {
        Map<String, String> views = new TreeMap<>();
        String parties = get(api, "/api/parties");
        views.put("/api/parties", parties);
        for (int i = 0; i < 24; i++) {
            String path = String.format("/api/parties/P%02d/stances", i);
            views.put(path, get(api, path));
        }
        views.put("/api/claims", get(api, "/api/claims"));
        return views;
    }

    private static double awaitSame(URI api, Map<String, String> before, long sinceNanos) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (before.entrySet().stream().allMatch(e -> e.getValue().equals(getQuietly(api, e.getKey())))) {
                return (System.nanoTime() - sinceNanos) / 1e9;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the views at " + api + " did not come back within " + TIMEOUT.toMinutes()
                + " min");
    }

    private static String get(URI api, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(api.resolve(path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + api.resolve(path) + ": " + response.statusCode() + " "
                    + response.body());
        }
        return response.body();
    }

    /** The body of a 200, or null for any other answer or none: polling treats both as "not yet". */
    private static String getQuietly(URI api, String path) {
        try {
            return get(api, path);
        } catch (IllegalStateException | IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + api + path, e);
        }
    }
}
