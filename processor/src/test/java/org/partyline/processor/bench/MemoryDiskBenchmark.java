package org.partyline.processor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.partyline.events.publish.PartylinePublisher;
import org.partyline.processor.faults.JvmProcess;
import org.partyline.schema.Claim;
import org.partyline.schema.Position;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;

/**
 * Memory and disk of one processor as the README starts it ({@code java -jar}, no JVM flags, embedded broker and
 * registry, {@code --partitions 2}) on a wide shape: 2,000 parties, 500 topics, 50,000 claims, each picked uniformly,
 * 60 % statements, times anywhere in a year. Events are published in steps up to each checkpoint; after each step the
 * benchmark waits until the inputs and repartitions are committed, then a minute more, and prints the process's RSS
 * (median and peak of one sample a second over the step, and at its end), the heap in use, the state directory and
 * the broker's data, and the broker's bytes per event by topic. Modes, each on a fresh state directory:
 * {@code bounded} (the default {@code rocksdb.memory.mb}), {@code defaults} ({@code --rocksdb-memory-mb 0}: Kafka
 * Streams' RocksDB defaults) and {@code unguarded} (as {@code bounded}, with the JVM's default maximum heap given as
 * a flag, {@code -XX:MaxRAMPercentage=25}, so that {@code HeapGuard} stands aside and G1 sizes the heap alone).
 *
 * <pre>mvn -B -q -DskipTests package &amp;&amp; mvn -B -q -pl processor test-compile
 * java -cp processor/target/partyline-processor.jar:processor/target/test-classes \
 *     org.partyline.processor.bench.MemoryDiskBenchmark 100000,300000 bounded,defaults,unguarded</pre>
 */
public final class MemoryDiskBenchmark {
    private static final Pattern READY = Pattern.compile("(?m)^READY api=(\\S+) bootstrap=(\\S+) schema-registry=(\\S+)");
    private static final Pattern PARTITION_DIR = Pattern.compile("(.+)-(\\d+)");
    private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final Duration SETTLE = Duration.ofSeconds(65);
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final int PARTIES = 2_000;
    private static final int TOPICS = 500;
    private static final int CLAIMS = 50_000;
    private static final double MIB = 1024 * 1024;

    private MemoryDiskBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> checkpoints = new ArrayList<>();
        for (String c : (args.length > 0 ? args[0] : "100000,300000").split(",")) {
            checkpoints.add(Integer.parseInt(c.trim()));
        }
        List<String> modes = List.of((args.length > 1 ? args[1] : "bounded,defaults").split(","));
        List<String> rows = new ArrayList<>();
        for (String mode : modes) {
            rows.addAll(run(mode.trim(), checkpoints));
        }
        System.out.println();
        System.out.println("| mode | events | fold s | RSS median MiB | RSS peak MiB | RSS at end MiB | heap used MiB"
                + " | heap committed MiB | state dir MB | broker MB | total MB | total MB per million events |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private static List<String> run(String mode, List<Integer> checkpoints) throws Exception {
        Path dir = BenchSupport.tempDir();
        List<String> rows = new ArrayList<>();
        List<String> command = new ArrayList<>(List.of("-jar", JvmProcess.processorJar().toString(),
                "--partitions", "2", "--state-dir", dir.resolve("state").toString(), "--http-port", "0",
                "--kafka-port", "0", "--registry-port", "0"));
        List<String> jvmOptions = new ArrayList<>();
        if (mode.equals("defaults")) {
            command.addAll(List.of("--rocksdb-memory-mb", "0"));
        } else if (mode.equals("unguarded")) {
            // The JVM's own default maximum heap, given explicitly: the heap guard stands aside.
            jvmOptions.add("-XX:MaxRAMPercentage=25");
        } else if (!mode.equals("bounded")) {
            throw new IllegalArgumentException("mode is bounded, defaults or unguarded, not " + mode);
        }
        System.out.println(mode + ": logs and data in " + dir);
        // For a diagnosis only (-XX:NativeMemoryTracking=summary, -Xlog:gc): the figures are of a JVM without flags.
        String diagnosis = System.getProperty("partyline.bench.jvm", "").trim();
        if (!diagnosis.isEmpty()) {
            jvmOptions.addAll(List.of(diagnosis.split("\\s+")));
        }
        try (JvmProcess processor = JvmProcess.start("processor " + mode, jvmOptions, command, Map.of(),
                dir.resolve("processor.log"))) {
            Matcher ready = processor.awaitLine(READY, Duration.ofMinutes(3));
            String bootstrap = ready.group(2);
            RssSampler rss = new RssSampler(processor.pid());
            rss.start();
            Random random = new Random(7);
            int published = 0;
            try (PartylinePublisher publisher = new PartylinePublisher(bootstrap, ready.group(3));
                 Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                for (int checkpoint : checkpoints) {
                    rss.reset();
                    long start = System.nanoTime();
                    while (published < checkpoint) {
                        int n = Math.min(50_000, checkpoint - published);
                        publisher.publishAll(events(n, random, published));
                        published += n;
                    }
                    publisher.flush();
                    BenchSupport.awaitInputsCommitted(bootstrap, "partyline", TIMEOUT);
                    BenchSupport.awaitRepartitionsCommitted(bootstrap, admin, "partyline", TIMEOUT);
                    double fold = (System.nanoTime() - start) / 1e9;
                    Thread.sleep(SETTLE.toMillis());
                    long[] heap = heap(processor.pid());
                    long state = du(dir.resolve("state").resolve("streams"));
                    Map<String, Long> topics = topicKiB(dir.resolve("state").resolve("kafka"));
                    long broker = du(dir.resolve("state").resolve("kafka"));
                    long total = state + broker;
                    rows.add(String.format("| %s | %,d | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f"
                                    + " | %.0f |", mode, checkpoint, fold, rss.median() / MIB, rss.peak() / MIB,
                            rss.last() / MIB, heap[0] / MIB, heap[1] / MIB, state / 1e6, broker / 1e6, total / 1e6,
                            total / 1e6 * 1_000_000 / checkpoint));
                    System.out.printf("%s at %,d events: folded in %.0f s; RSS median %.0f MiB, peak %.0f MiB;"
                                    + " state %.0f MB, broker %.0f MB%n", mode, checkpoint, fold, rss.median() / MIB,
                            rss.peak() / MIB, state / 1e6, broker / 1e6);
                    System.out.println("  broker bytes per event by topic:");
                    int events = checkpoint;
                    topics.forEach((topic, kib) -> System.out.printf("    %-55s %8.1f MB %7.0f B/event%n", topic,
                            kib * 1024 / 1e6, kib * 1024.0 / events));
                }
            } finally {
                rss.stop();
                processor.stop(Duration.ofSeconds(60));
            }
        } finally {
            BenchSupport.delete(dir);
        }
        return rows;
    }

    /** The wide shape: parties, topics and claims picked uniformly. */
    static List<SpecificRecord> events(int n, Random random, int first) {
        List<SpecificRecord> events = new ArrayList<>(n);
        for (int i = first; i < first + n; i++) {
            String party = String.format("P%04d", random.nextInt(PARTIES));
            Instant at = T0.plusSeconds(random.nextInt(365 * 24 * 3600));
            if (random.nextDouble() < 0.6) {
                events.add(Statement.newBuilder().setEventId("s" + i).setParty(party)
                        .setTopic(String.format("topic-%03d", random.nextInt(TOPICS)))
                        .setStance(Stance.values()[random.nextInt(5)]).setOccurredAt(at).build());
            } else {
                events.add(Claim.newBuilder().setEventId("c" + i).setParty(party)
                        .setClaimId(String.format("claim-%05d", random.nextInt(CLAIMS)))
                        .setPosition(Position.values()[random.nextInt(4)]).setOccurredAt(at).build());
            }
        }
        return events;
    }

    /** Bytes a directory takes on disk ({@code du}: allocated blocks, so sparse index files count what they use). */
    static long du(Path dir) throws IOException, InterruptedException {
        Process du = new ProcessBuilder("du", "-sk", dir.toString()).redirectErrorStream(true).start();
        String out = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        du.waitFor();
        return Long.parseLong(out.trim().split("\\s+")[0]) * 1024;
    }

    /** KiB on disk of each topic in a broker's log directory, summed over its partitions, largest first. */
    static Map<String, Long> topicKiB(Path logDir) throws IOException, InterruptedException {
        Map<String, Long> byTopic = new TreeMap<>();
        try (var children = Files.list(logDir)) {
            for (Path child : children.filter(Files::isDirectory).toList()) {
                Matcher m = PARTITION_DIR.matcher(child.getFileName().toString());
                if (m.matches()) {
                    byTopic.merge(m.group(1), du(child) / 1024, Long::sum);
                }
            }
        }
        Map<String, Long> sorted = new java.util.LinkedHashMap<>();
        byTopic.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** {used, committed} heap bytes of a JVM, from {@code jcmd PID GC.heap_info}; -1 when jcmd cannot tell. */
    static long[] heap(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info").redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = HEAP_USED.matcher(out);
        return m.find() ? new long[] {Long.parseLong(m.group(2)) * 1024, Long.parseLong(m.group(1)) * 1024}
                : new long[] {-1, -1};
    }

    /** Samples a process's resident set once a second from {@code /proc/PID/status}. */
    static final class RssSampler {
        private final Path status;
        private final List<Long> samples = new CopyOnWriteArrayList<>();
        private volatile boolean running = true;
        private Thread thread;

        RssSampler(long pid) {
            this.status = Path.of("/proc", Long.toString(pid), "status");
        }

        void start() {
            thread = new Thread(() -> {
                while (running) {
                    try {
                        for (String line : Files.readAllLines(status)) {
                            if (line.startsWith("VmRSS:")) {
                                samples.add(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                            }
                        }
                        Thread.sleep(1000);
                    } catch (IOException e) {
                        return;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "rss-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void reset() {
            samples.clear();
        }

        double median() {
            return BenchSupport.median(samples.stream().mapToDouble(Long::doubleValue).toArray());
        }

        double peak() {
            return samples.stream().mapToLong(Long::longValue).max().orElse(0);
        }

        double last() {
            return samples.isEmpty() ? 0 : samples.get(samples.size() - 1);
        }

        void stop() {
            running = false;
        }
    }
}
