package org.partyline.processor.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.internals.AppInfoParser;
import org.partyline.processor.faults.BrokerProcess;
import org.partyline.processor.faults.ConsumerGroupLag;
import org.partyline.processor.faults.GeneratedEvents;
import org.partyline.processor.faults.JvmProcess;
import org.partyline.processor.faults.ProcessorProcess;
import org.partyline.processor.faults.ViewSnapshot;
import org.partyline.processor.streams.ReferenceFold;
import org.partyline.events.publish.PartylinePublisher;
import org.partyline.schema.Claim;
import org.partyline.schema.Statement;
import org.partyline.serde.AvroSerdes;
import org.partyline.serde.SchemaRegistryClient;
import org.partyline.serde.SchemaRegistryClients;

/**
 * Throughput of the processor and of the {@code publish} command against Kafka's own baselines, side by side in one
 * run on one broker. One broker JVM ({@code BrokerMain}, 6 partitions); every client is a JVM of its own
 * with the same options ({@value #HEAP}). Each round, on topics of its own:
 * <ol>
 *   <li>Kafka's {@code ProducerPerformance} sends as many records as there are events, of their average size
 *   (key and value in the wire format), {@code acks=all}, idempotent, like the producer; Kafka's
 *   {@code ConsoleProducer} sends the lines of the events' JSON Lines file as they are; and the {@code publish}
 *   command of the producer jar sends the events from that file. Each timed from its JVM's launch to its exit
 *   (order alternating by round).</li>
 *   <li>A trivial aggregate ({@link TrivialAggregate}: {@code groupByKey().aggregate} into RocksDB, exactly-once) and
 *   the processor jar (exactly-once, as users run it) fold the published events, each with a fresh application id,
 *   timed from the JVM's launch until its group has committed the end of the inputs (and, for the processor, of its
 *   repartition topics: every view folded). Order alternating by round.</li>
 *   <li>The processor's views are read through its REST API and compared with the reference fold of the events;
 *   then the end-to-end latency of a change record at a steady rate ({@link ChangeLatency}).</li>
 *   <li>{@link WriteFloor} writes as many entries per event as the processor wrote offsets, and nothing else: how
 *   near the processor comes to a topology that only keeps its records.</li>
 * </ol>
 * Prints each round, then medians and the two ratios: processor / trivial aggregate (goal at least 0.5) and
 * publish / ProducerPerformance (goal at least 0.8). Arguments: {@code EVENTS ROUNDS [processor flags...]}
 * (default 300000 3: about 315,000 arrivals with redeliveries); the flags go to the processor,
 * e.g. {@code --commit-interval-ms 1000 --stream-threads 2}. {@code -Dbench.jfr=DIR} records the processor and publish JVMs with
 * Flight Recorder; {@code -Dbench.views=false} skips the views check (the reference fold of 315,000 events takes
 * minutes: it re-sorts a claim's history at every event); {@code -Dbench.publish.only=true} runs only the first pair;
 * {@code -Dbench.producer.config=FILE} gives {@code publish} a {@code --producer-config} file;
 * {@code -Dbench.compare.jar=JAR} also runs that processor jar (another build, to compare) in every round, after the others;
 * {@code -Dbench.processor.jvm="OPTIONS"} and {@code -Dbench.publish.jvm="OPTIONS"} add JVM options (a profiler
 * agent, say) to those JVMs only. For each Kafka Streams application it also prints the offsets it wrote per input
 * event, by topic (its changelog, repartition and output topics).
 *
 * <pre>mvn -B -q -o -DskipTests package &amp;&amp; mvn -B -q -o -pl processor -am test-compile
 * nice -n -20 java -cp processor/target/partyline-processor.jar:processor/target/test-classes \
 *     org.partyline.processor.bench.ThroughputBenchmark 300000 3</pre>
 */
public final class ThroughputBenchmark {
    private static final String HEAP = "-Xmx1g";
    private static final int PARTITIONS = 6;
    private static final Duration TIMEOUT = Duration.ofMinutes(20);
    private static final Pattern PUBLISHED = Pattern.compile("published (\\d+), rejected (\\d+)");
    private static final Pattern PERF = Pattern.compile("(\\d+) records sent, ([0-9.]+) records/sec");

    private final Path dir;
    private final BrokerProcess broker;
    private final Admin admin;
    private final List<SpecificRecord> events;
    private final Path jsonLines;
    private final ViewSnapshot expected;
    private final List<String> processorFlags;

    private ThroughputBenchmark(Path dir, BrokerProcess broker, Admin admin, List<SpecificRecord> events,
                                List<String> processorFlags) {
        this.dir = dir;
        this.broker = broker;
        this.admin = admin;
        this.events = events;
        this.jsonLines = dir.resolve("events.jsonl");
        GeneratedEvents.writeJsonLines(events, jsonLines);
        long start = System.nanoTime();
        this.expected = Boolean.parseBoolean(System.getProperty("bench.views", "true"))
                ? ViewSnapshot.of(ReferenceFold.of(events)) : null;
        System.out.printf(Locale.ROOT, "reference fold: %.0f s%n", (System.nanoTime() - start) / 1e9);
        this.processorFlags = processorFlags;
    }

    public static void main(String[] args) throws Exception {
        int distinct = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> flags = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        Path dir = Files.createTempDirectory("partyline-throughput");
        System.out.printf("load average at start: %s%n", loadAverage());
        try (BrokerProcess broker = BrokerProcess.start(dir.resolve("broker"), PARTITIONS);
             Admin admin = admin(broker.bootstrapServers())) {
            List<SpecificRecord> events = GeneratedEvents.generate(distinct, new Random(1));
            System.out.printf("%,d events (%,d distinct and redeliveries), %d partitions, processor flags %s%n",
                    events.size(), distinct, PARTITIONS, flags);
            new ThroughputBenchmark(dir, broker, admin, events, flags).run(rounds);
        } finally {
            BenchSupport.delete(dir);
        }
    }

    private void run(int rounds) throws Exception {
        int recordSize = averageRecordSize(events);
        double[] perf = new double[rounds];
        double[] publish = new double[rounds];
        double[] console = new double[rounds];
        double[] aggregate = new double[rounds];
        double[] processor = new double[rounds];
        double[] compared = new double[rounds];
        double[] floor = new double[rounds];
        List<ChangeLatency.Result> latencies = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            String statements = "statements-" + r;
            String claims = "claims-" + r;
            createTopics(List.of(statements, claims, "perf-" + r, "console-" + r));
            if (r % 2 == 0) {
                perf[r] = producerPerformance("perf-" + r, recordSize);
                console[r] = consoleProducer("console-" + r);
                publish[r] = publish(r, statements, claims);
            } else {
                publish[r] = publish(r, statements, claims);
                console[r] = consoleProducer("console-" + r);
                perf[r] = producerPerformance("perf-" + r, recordSize);
            }
            if (Boolean.getBoolean("bench.publish.only")) {
                System.out.printf(Locale.ROOT, "round %d: ProducerPerformance %,.0f/s, ConsoleProducer %,.0f/s, "
                                + "publish %,.0f/s (%.2f) | load %s%n", r + 1, perf[r], console[r], publish[r],
                        publish[r] / perf[r], loadAverage());
                continue;
            }
            ProcessorRun run;
            if (r % 2 == 0) {
                aggregate[r] = aggregate(r, statements, claims);
                run = processor(r, statements, claims);
            } else {
                run = processor(r, statements, claims);
                aggregate[r] = aggregate(r, statements, claims);
            }
            processor[r] = run.rate();
            latencies.add(run.latency());
            floor[r] = writeFloor(r, statements, claims, run.writesPerEvent());
            String compareJar = System.getProperty("bench.compare.jar");
            if (compareJar != null) {
                compared[r] = processor(r, statements, claims, Path.of(compareJar)).rate();
                System.out.printf(Locale.ROOT, "  processor of %s: %,.0f events/s (%.2f of the trivial aggregate)%n",
                        compareJar, compared[r], compared[r] / aggregate[r]);
            }
            System.out.printf(Locale.ROOT, "round %d: ProducerPerformance %,.0f/s, ConsoleProducer %,.0f/s, "
                            + "publish %,.0f/s (%.2f) | trivial aggregate %,.0f/s, processor %,.0f/s (%.2f) | "
                            + "write floor %,.0f/s (%.2f of the aggregate; processor %.2f of it) | views %s | "
                            + "latency %s | load %s%n",
                    r + 1, perf[r], console[r], publish[r], publish[r] / perf[r], aggregate[r], processor[r],
                    processor[r] / aggregate[r], floor[r], floor[r] / aggregate[r], processor[r] / floor[r],
                    run.views(), run.latency(), loadAverage());
        }
        if (Boolean.getBoolean("bench.publish.only")) {
            System.out.printf(Locale.ROOT, "MEDIAN of %d rounds: ProducerPerformance %,.0f records/s, "
                            + "ConsoleProducer %,.0f lines/s, publish %,.0f lines/s, ratio %.2f | load average %s%n",
                    rounds, BenchSupport.median(perf), BenchSupport.median(console), BenchSupport.median(publish),
                    BenchSupport.median(publish) / BenchSupport.median(perf), loadAverage());
            return;
        }
        double perfMedian = BenchSupport.median(perf);
        double publishMedian = BenchSupport.median(publish);
        double aggregateMedian = BenchSupport.median(aggregate);
        double processorMedian = BenchSupport.median(processor);
        double floorMedian = BenchSupport.median(floor);
        System.out.printf(Locale.ROOT, "MEDIAN of %d rounds, %,d events: ProducerPerformance %,.0f records/s, "
                        + "ConsoleProducer %,.0f lines/s, publish %,.0f lines/s, ratio %.2f (goal >= 0.8) | "
                        + "trivial aggregate %,.0f records/s, "
                        + "processor %,.0f events/s, ratio %.2f (goal >= 0.5) | write floor %,.0f records/s, %.2f of "
                        + "the aggregate, processor %.2f of the floor | change latency p50 %.0f ms, "
                        + "p99 %.0f ms | load average %s%n",
                rounds, events.size(), perfMedian, BenchSupport.median(console), publishMedian,
                publishMedian / perfMedian, aggregateMedian,
                processorMedian, processorMedian / aggregateMedian, floorMedian, floorMedian / aggregateMedian,
                processorMedian / floorMedian,
                BenchSupport.median(latencies.stream().mapToDouble(ChangeLatency.Result::p50).toArray()),
                BenchSupport.median(latencies.stream().mapToDouble(ChangeLatency.Result::p99).toArray()),
                loadAverage());
        if (System.getProperty("bench.compare.jar") != null) {
            System.out.printf(Locale.ROOT, "MEDIAN processor of %s: %,.0f events/s, ratio %.2f%n",
                    System.getProperty("bench.compare.jar"), BenchSupport.median(compared),
                    BenchSupport.median(compared) / aggregateMedian);
        }
    }

    private record ProcessorRun(double rate, String views, ChangeLatency.Result latency, double writesPerEvent) {
    }

    /** The offsets an application wrote, per input event in all and as a table by topic. */
    private record Written(double perEvent, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** Kafka's ProducerPerformance in its own JVM: records per second from launch to exit (its own figure printed). */
    private double producerPerformance(String topic, int recordSize) throws Exception {
        List<String> command = List.of("-cp", toolsClasspath(), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic, "--num-records", Integer.toString(events.size()), "--record-size",
                Integer.toString(recordSize), "--throughput", "-1", "--producer-props",
                "bootstrap.servers=" + broker.bootstrapServers(), "acks=all", "enable.idempotence=true");
        long start = System.nanoTime();
        JvmProcess tool = JvmProcess.start("ProducerPerformance", jvmOptions("perf-" + topic), command, Map.of(),
                dir.resolve(topic + ".log"));
        int exit = tool.awaitExit(TIMEOUT);
        double seconds = (System.nanoTime() - start) / 1e9;
        Matcher m = PERF.matcher(tool.logText());
        if (exit != 0 || !m.find()) {
            throw new IllegalStateException("ProducerPerformance failed (exit " + exit + "): " + tool.logText());
        }
        System.out.printf(Locale.ROOT, "  ProducerPerformance: %s records of %d bytes, %.1f s launch to exit; "
                + "its own figure %s records/s%n", m.group(1), recordSize, seconds, m.group(2));
        return events.size() / seconds;
    }

    /**
     * Kafka's {@code ConsoleProducer} in its own JVM, sending the lines of the same JSON Lines file as they are (no
     * key, nothing parsed), {@code acks=all}, idempotent: lines per second from launch to exit. What reading and
     * sending the lines costs before any of {@code publish}'s own work.
     */
    private double consoleProducer(String topic) throws Exception {
        List<String> command = List.of("-cp", toolsClasspath(), "org.apache.kafka.tools.ConsoleProducer",
                "--bootstrap-server", broker.bootstrapServers(), "--topic", topic,
                "--command-property", "acks=all", "--command-property", "enable.idempotence=true");
        long start = System.nanoTime();
        JvmProcess tool = JvmProcess.start("ConsoleProducer", jvmOptions(topic), command, Map.of(), jsonLines,
                dir.resolve(topic + ".log"));
        int exit = tool.awaitExit(TIMEOUT);
        double seconds = (System.nanoTime() - start) / 1e9;
        long sent;
        try (ConsumerGroupLag ends = new ConsumerGroupLag(broker.bootstrapServers(), "no-group", List.of(topic))) {
            sent = ends.endOffsets();
        }
        if (exit != 0 || sent != events.size()) {
            throw new IllegalStateException("ConsoleProducer failed (exit " + exit + ", " + sent + " records): "
                    + tool.logText());
        }
        System.out.printf(Locale.ROOT, "  ConsoleProducer: %,d lines, %.1f s launch to exit%n", sent, seconds);
        return events.size() / seconds;
    }

    /** The publish command of the producer jar in its own JVM: lines per second from launch to exit. */
    private double publish(int round, String statements, String claims) throws Exception {
        List<String> command = new ArrayList<>(List.of("-jar", JvmProcess.producerJar().toString(), "publish",
                jsonLines.toString(), "--bootstrap-servers", broker.bootstrapServers(), "--schema-registry-url",
                broker.registryUrl(), "--statements-topic", statements, "--claims-topic", claims));
        String producerConfig = System.getProperty("bench.producer.config");
        if (producerConfig != null) {
            command.addAll(List.of("--producer-config", producerConfig));
        }
        long start = System.nanoTime();
        JvmProcess publish = JvmProcess.start("publish", jvmOptions("publish-" + round), command, Map.of(),
                dir.resolve("publish-" + round + ".log"));
        int exit = publish.awaitExit(TIMEOUT);
        double seconds = (System.nanoTime() - start) / 1e9;
        Matcher m = PUBLISHED.matcher(publish.logText());
        if (exit != 0 || !m.find() || Integer.parseInt(m.group(1)) != events.size()) {
            throw new IllegalStateException("publish failed (exit " + exit + "): " + publish.logText());
        }
        System.out.printf(Locale.ROOT, "  publish: %s lines, %.1f s launch to exit%n", m.group(1), seconds);
        return events.size() / seconds;
    }

    /** The trivial aggregate in its own JVM: records per second from launch until the inputs are committed. */
    private double aggregate(int round, String statements, String claims) throws Exception {
        return streamsBaseline("trivial aggregate", "aggregate-" + round, TrivialAggregate.class, List.of(),
                List.of(statements, claims));
    }

    /**
     * {@link WriteFloor} in its own JVM, writing {@code writes} entries per event on average (to two decimals):
     * records per second from launch until the inputs are committed.
     */
    private double writeFloor(int round, String statements, String claims, double writes) throws Exception {
        String entries = String.format(Locale.ROOT, "%.2f", writes);
        return streamsBaseline("write floor (" + entries + " entries per event)", "floor-" + round, WriteFloor.class,
                List.of(entries), List.of(statements, claims));
    }

    /**
     * A baseline Kafka Streams application in its own JVM, its main given {@code BOOTSTRAP APPLICATION_ID STATE_DIR
     * [options...] INPUT...}: records per second from launch until its group has committed the end of the inputs.
     */
    private double streamsBaseline(String label, String applicationId, Class<?> main, List<String> options,
                                   List<String> inputs) throws Exception {
        List<String> command = new ArrayList<>(List.of("-cp", System.getProperty("java.class.path"), main.getName(),
                broker.bootstrapServers(), applicationId, dir.resolve(applicationId).toString()));
        command.addAll(options);
        command.addAll(inputs);
        long start = System.nanoTime();
        try (JvmProcess app = JvmProcess.start(applicationId, jvmOptions(applicationId), command, Map.of(),
                dir.resolve(applicationId + ".log"))) {
            awaitCommitted(applicationId, inputs);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "  %s: %.1f s launch to caught up; %s%n", label, seconds,
                    written(applicationId));
            return events.size() / seconds;
        }
    }

    /**
     * The processor jar in its own JVM: events per second from launch until the inputs and the repartition topics
     * are committed; then its views against the reference fold, and the latency of a change record.
     */
    private ProcessorRun processor(int round, String statements, String claims) throws Exception {
        return processor(round, statements, claims, null);
    }

    /** As above, with the processor jar {@code jar} (null: the built one) under an application id of its own. */
    private ProcessorRun processor(int round, String statements, String claims, Path jar) throws Exception {
        String applicationId = (jar == null ? "processor-" : "compared-") + round;
        String stanceChanges = "stance-changes-" + applicationId;
        List<String> flags = new ArrayList<>(List.of("--application-id", applicationId, "--partitions",
                Integer.toString(PARTITIONS), "--topic-statements", statements, "--topic-claims", claims,
                "--topic-stance-changes", stanceChanges, "--topic-claim-status", "claim-status-" + applicationId,
                "--topic-dlq", "dlq-" + applicationId));
        flags.addAll(processorFlags);
        try (ProcessorProcess processor = ProcessorProcess.on(broker, applicationId, dir.resolve(applicationId),
                flags.toArray(String[]::new)).jvmOptions(jvmOptions(applicationId).toArray(String[]::new))
                .jar(jar)) {
            long start = System.nanoTime();
            processor.startAsync();
            awaitCommitted(applicationId, List.of(statements, claims));
            double inputs = (System.nanoTime() - start) / 1e9;
            awaitCommitted(applicationId, repartitionTopics(applicationId));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "  processor: %.1f s launch to inputs committed (%,.0f events/s), %.1f s "
                    + "to every view (repartitions committed)%n", inputs, events.size() / inputs, seconds);
            Written written = written(applicationId, stanceChanges, "claim-status-" + applicationId);
            System.out.printf(Locale.ROOT, "  processor: %s%n", written);
            URI api = processor.awaitReady();
            String views = "not checked";
            if (expected != null) {
                ViewSnapshot actual = ViewSnapshot.await(api, expected, Duration.ofSeconds(30));
                views = actual.equals(expected) ? "equal to the reference fold (" + actual.entries() + " entries)"
                        : "DIFFER from the reference fold: " + abbreviated(actual.differencesFrom(expected));
            }
            ChangeLatency.Result latency = ChangeLatency.measure(broker.bootstrapServers(), broker.registryUrl(),
                    new PartylinePublisher.Topics(statements, claims), stanceChanges, "latency-" + applicationId + "-",
                    200, Duration.ofSeconds(15));
            processor.stop();
            return new ProcessorRun(events.size() / seconds, views, latency, written.perEvent());
        }
    }

    /**
     * What an application wrote per input event: the end offsets of its changelog and repartition topics (and of
     * {@code outputs}) summed, over the events. Offsets include the markers of its transactions, one per partition
     * per commit, so this is the broker's record count, a little more than the application's own writes.
     */
    private Written written(String applicationId, String... outputs) throws Exception {
        List<String> topics = new ArrayList<>(admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                .filter(t -> t.startsWith(applicationId + "-")).toList());
        topics.addAll(List.of(outputs));
        Map<String, Long> byTopic = new java.util.TreeMap<>();
        try (ConsumerGroupLag ends = new ConsumerGroupLag(broker.bootstrapServers(), applicationId, topics)) {
            ends.endOffsetsByTopic().forEach((topic, end) -> byTopic.put(topic.replace(applicationId + "-", ""),
                    end));
        }
        long offsets = byTopic.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder perTopic = new StringBuilder();
        byTopic.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> perTopic.append(String.format(Locale.ROOT, "%n    %-45s %.2f", e.getKey(),
                        (double) e.getValue() / events.size())));
        double perEvent = (double) offsets / events.size();
        return new Written(perEvent, String.format(Locale.ROOT, "%,d offsets written to %d internal and output "
                + "topics, %.2f per event%s", offsets, topics.size(), perEvent, perTopic));
    }

    private List<String> repartitionTopics(String applicationId) throws Exception {
        return admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                .filter(t -> t.startsWith(applicationId + "-") && t.endsWith("-repartition")).toList();
    }

    private void awaitCommitted(String group, List<String> topics) throws Exception {
        try (ConsumerGroupLag lag = new ConsumerGroupLag(broker.bootstrapServers(), group, topics)) {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (lag.lag() > 0 || lag.endOffsets() == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(group + " did not catch up on " + topics);
                }
                Thread.sleep(100);
            }
        }
    }

    private void createTopics(List<String> topics) throws Exception {
        admin.createTopics(topics.stream().map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList()).all()
                .get(30, TimeUnit.SECONDS);
    }

    private List<String> jvmOptions(String name) {
        List<String> options = new ArrayList<>(List.of(HEAP));
        for (String client : List.of("processor", "publish")) {
            String extra = System.getProperty("bench." + client + ".jvm");
            if (extra != null && !extra.isBlank() && name.startsWith(client)) {
                options.addAll(List.of(extra.trim().split("\\s+")));
            }
        }
        String jfr = System.getProperty("bench.jfr");
        if (jfr != null && (name.startsWith("processor") || name.startsWith("publish"))) {
            options.add("-XX:StartFlightRecording=filename=" + Path.of(jfr, name + ".jfr").toAbsolutePath()
                    + ",settings=profile");
        }
        return options;
    }

    /** This JVM's class path with kafka-tools and its argument parser from the local Maven repository. */
    private static String toolsClasspath() {
        Path repository = Path.of(System.getProperty("user.home"), ".m2", "repository");
        String version = AppInfoParser.getVersion();
        Path tools = repository.resolve(Path.of("org", "apache", "kafka", "kafka-tools", version,
                "kafka-tools-" + version + ".jar"));
        Path argparse = repository.resolve(Path.of("net", "sourceforge", "argparse4j", "argparse4j", "0.7.0",
                "argparse4j-0.7.0.jar"));
        for (Path jar : List.of(tools, argparse)) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: resolve the processor's test dependencies "
                        + "(mvn -B -q -pl processor dependency:resolve)");
            }
        }
        return System.getProperty("java.class.path") + java.io.File.pathSeparator + tools
                + java.io.File.pathSeparator + argparse;
    }

    /** The average size of key and value of the published records in the wire format. */
    private static int averageRecordSize(List<SpecificRecord> events) {
        SchemaRegistryClient registry = SchemaRegistryClients.forUrl("mock://throughput-benchmark");
        var keys = AvroSerdes.stringKey(registry).serializer();
        var statements = AvroSerdes.value(Statement.class, registry).serializer();
        var claims = AvroSerdes.value(Claim.class, registry).serializer();
        long bytes = 0;
        for (SpecificRecord e : events) {
            if (e instanceof Statement s) {
                bytes += keys.serialize("statements", s.getParty()).length
                        + statements.serialize("statements", s).length;
            } else if (e instanceof Claim c) {
                bytes += keys.serialize("claims", c.getClaimId()).length + claims.serialize("claims", c).length;
            }
        }
        return (int) Math.round((double) bytes / events.size());
    }

    private static Admin admin(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(props);
    }

    private static String abbreviated(String text) {
        return text.length() <= 2_000 ? text : text.substring(0, 2_000) + "...";
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
