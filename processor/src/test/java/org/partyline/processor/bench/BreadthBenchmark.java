package org.partyline.processor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.partyline.embedded.EmbeddedKafka;
import org.partyline.embedded.EmbeddedSchemaRegistry;
import org.partyline.events.publish.PartylinePublisher;
import org.partyline.processor.config.PartylineConfig;
import org.partyline.processor.faults.ConsumerGroupLag;
import org.partyline.processor.runtime.PartylineProcessor;
import org.partyline.schema.Claim;
import org.partyline.schema.Position;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;

/**
 * Whether an event costs more when many parties share its claim or its topic. The real processor (exactly-once,
 * RocksDB, changelogs, repartitions) runs in this JVM on the embedded broker; it first folds a claim and a topic that
 * {@code BREADTH} parties have spoken on, and a claim and a topic of two parties (published before it starts). Then, in rounds (order alternating),
 * {@code EVENTS} events are published at {@code RATE} events per second on each of the four, each batch measured from
 * before its first event until it is folded (the inputs and repartition topics committed, nothing more written):
 * <ul>
 *   <li>bytes written per event to every topic the processor writes (changelogs, repartitions, the change topics,
 *   dead letters), as the broker counts them ({@code BytesInPerSec} of each topic, the bytes of every record batch
 *   appended);</li>
 *   <li>CPU per event of the stream threads ({@link ThreadMXBean}), and of the whole JVM (broker and publisher
 *   included) beside it.</li>
 * </ul>
 * Prints each round, the medians and the ratios wide / narrow for claims and for topics (goal: at most 2).
 *
 * <pre>mvn -B -q -DskipTests install &amp;&amp; mvn -B -q -pl processor test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.partyline.processor.bench.BreadthBenchmark  # -Dexec.args="BREADTH EVENTS ROUNDS RATE",
 *                                                                       # default 1000 2000 3 500</pre>
 */
public final class BreadthBenchmark {
    private static final String APPLICATION_ID = "breadth";
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(20);

    private final String bootstrap;
    private final PartylinePublisher publisher;
    private final int events;
    private final int rate;
    private final Random random = new Random(1);
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
    private int sequence;

    /** What one batch cost, per event. */
    record Cost(double bytes, double streamCpuMicros, double processCpuMicros) {
    }

    /** Where a batch's events go: a claim or a topic, and the parties that speak on it. */
    private record Target(String label, boolean claim, String name, List<String> parties) {
    }

    private BreadthBenchmark(String bootstrap, PartylinePublisher publisher, int events, int rate) {
        this.bootstrap = bootstrap;
        this.publisher = publisher;
        this.events = events;
        this.rate = rate;
    }

    public static void main(String[] args) throws Exception {
        int breadth = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        Path dir = BenchSupport.tempDir();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 3);
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), "localhost", 0);
             PartylinePublisher publisher = new PartylinePublisher(kafka.bootstrapServers(), registry.url())) {
            System.out.printf(Locale.ROOT, "breadth %,d parties, %,d events per batch at %d/s, %d rounds | load %s%n",
                    breadth, events, rate, rounds, ThroughputBenchmark.loadAverage());
            List<String> wideParties = new ArrayList<>();
            for (int p = 0; p < breadth; p++) {
                wideParties.add(String.format(Locale.ROOT, "W%04d", p));
            }
            List<Target> targets = List.of(
                    new Target("claim, " + breadth + " parties", true, "claim-wide", wideParties),
                    new Target("claim, 2 parties", true, "claim-narrow", List.of("N0001", "N0002")),
                    new Target("topic, " + breadth + " parties", false, "topic-wide", wideParties),
                    new Target("topic, 2 parties", false, "topic-narrow", List.of("N0001", "N0002")));
            BreadthBenchmark bench = new BreadthBenchmark(kafka.bootstrapServers(), publisher, events, rate);
            bench.publishSetUp(targets);
            try (PartylineProcessor processor = PartylineProcessor.start(PartylineConfig.load(new String[] {
                    "--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registry.url(),
                    "--application-id", APPLICATION_ID, "--state-dir", dir.resolve("state").toString(),
                    "--http-port", "0"}, Map.of()))) {
                long start = System.nanoTime();
                bench.awaitFolded();
                System.out.printf(Locale.ROOT, "set up %d claims and topics in %.1f s (%s)%n", targets.size(),
                        (System.nanoTime() - start) / 1e9, processor.apiUrl());
                bench.run(targets, rounds);
            }
        } finally {
            BenchSupport.delete(dir);
        }
    }

    /**
     * Every party of each target speaks on it once, published before the processor starts, so that it folds them in
     * a few large polls: the set-up is not measured, and this keeps it short.
     */
    private void publishSetUp(List<Target> targets) {
        for (Target target : targets) {
            List<SpecificRecord> batch = new ArrayList<>();
            for (String party : target.parties()) {
                batch.add(event(target, party));
            }
            publisher.publishAll(batch);
        }
        publisher.flush();
    }

    private void run(List<Target> targets, int rounds) throws Exception {
        double[][] bytes = new double[targets.size()][rounds];
        double[][] cpu = new double[targets.size()][rounds];
        double[][] process = new double[targets.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d:", r + 1));
            for (int k = 0; k < targets.size(); k++) {
                int t = r % 2 == 0 ? k : k ^ 1;
                Cost cost = measure(targets.get(t));
                bytes[t][r] = cost.bytes();
                cpu[t][r] = cost.streamCpuMicros();
                process[t][r] = cost.processCpuMicros();
            }
            for (int t = 0; t < targets.size(); t++) {
                line.append(String.format(Locale.ROOT, " | %s: %,.0f B, %,.0f us (JVM %,.0f us)", targets.get(t)
                        .label(), bytes[t][r], cpu[t][r], process[t][r]));
            }
            System.out.println(line.append(" | load ").append(ThroughputBenchmark.loadAverage()));
        }
        System.out.printf(Locale.ROOT, "%nMEDIAN of %d rounds, %,d events per batch at %d/s, per event:%n%n", rounds,
                events, rate);
        System.out.println("| | bytes written | stream-thread CPU | JVM CPU (broker included) |");
        System.out.println("|---|---|---|---|");
        for (int t = 0; t < targets.size(); t++) {
            System.out.printf(Locale.ROOT, "| %s | %,.0f B | %,.0f us | %,.0f us |%n", targets.get(t).label(),
                    BenchSupport.median(bytes[t]), BenchSupport.median(cpu[t]), BenchSupport.median(process[t]));
        }
        for (int wide = 0; wide < targets.size(); wide += 2) {
            System.out.printf(Locale.ROOT, "| **ratio, %s / 2 parties** (goal at most 2) | **%.2f** | **%.2f** | %.2f |%n",
                    targets.get(wide).label(), ratio(bytes, wide), ratio(cpu, wide), ratio(process, wide));
        }
        System.out.printf("load average %s%n", ThroughputBenchmark.loadAverage());
    }

    private static double ratio(double[][] values, int wide) {
        return BenchSupport.median(values[wide]) / BenchSupport.median(values[wide + 1]);
    }

    /** Publishes one batch on the target at the rate, waits until it is folded, and returns its cost per event. */
    private Cost measure(Target target) throws Exception {
        long bytesBefore = bytesWritten();
        long cpuBefore = streamThreadCpu();
        long processBefore = processCpu();
        long start = System.nanoTime();
        int perTick = Math.max(1, rate / 20);
        for (int i = 0; i < events; i += perTick) {
            for (int j = i; j < Math.min(events, i + perTick); j++) {
                publisher.publishAll(List.of(event(target, target.parties().get(random.nextInt(target.parties()
                        .size())))));
            }
            long due = start + (long) ((i + perTick) * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        publisher.flush();
        awaitFolded();
        return new Cost((double) (bytesWritten() - bytesBefore) / events,
                (streamThreadCpu() - cpuBefore) / 1e3 / events, (processCpu() - processBefore) / 1e3 / events);
    }

    /** A statement or claim event of the party on the target, at a time anywhere in a year (most arrive late). */
    private SpecificRecord event(Target target, String party) {
        Instant at = T0.plusSeconds(random.nextInt(365 * 24 * 3600));
        String eventId = "b" + sequence++;
        if (target.claim()) {
            return Claim.newBuilder().setEventId(eventId).setParty(party).setClaimId(target.name())
                    .setPosition(Position.values()[random.nextInt(4)]).setOccurredAt(at).build();
        }
        return Statement.newBuilder().setEventId(eventId).setParty(party).setTopic(target.name())
                .setStance(Stance.values()[random.nextInt(5)]).setOccurredAt(at).build();
    }

    /**
     * Waits until the processor has committed the end of its inputs and repartition topics, and nothing more is
     * written for a second (a claim's copy to its parties is written in a punctuation after its events are folded).
     */
    private void awaitFolded() throws Exception {
        List<String> topics = new ArrayList<>(ConsumerGroupLag.INPUTS);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(t -> t.startsWith(APPLICATION_ID + "-") && t.endsWith("-repartition")).forEach(topics::add);
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (ConsumerGroupLag lag = new ConsumerGroupLag(bootstrap, APPLICATION_ID, topics)) {
            long lastBytes = -1;
            int quiet = 0;
            while (quiet < 2) {
                Thread.sleep(500);
                long bytes = bytesWritten();
                quiet = lag.lag() == 0 && bytes == lastBytes ? quiet + 1 : 0;
                lastBytes = bytes;
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not folded within " + TIMEOUT.toMinutes() + " min");
                }
            }
        }
    }

    /**
     * Bytes the broker has appended to the processor's topics (its changelogs and repartitions, the change topics and
     * the dead letters), from its {@code BytesInPerSec} meters: every batch as written, none of it purged later.
     */
    private long bytesWritten() throws Exception {
        long bytes = 0;
        for (ObjectName name : jmx.queryNames(new ObjectName(
                "kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec,topic=*"), null)) {
            String topic = name.getKeyProperty("topic");
            if (topic.startsWith(APPLICATION_ID + "-") || List.of("stance-changes", "claim-status", "partyline-dlq")
                    .contains(topic)) {
                bytes += ((Number) jmx.getAttribute(name, "Count")).longValue();
            }
        }
        return bytes;
    }

    /** CPU time of the Kafka Streams threads, in nanoseconds. */
    private long streamThreadCpu() {
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains("StreamThread")) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                total += Math.max(0, cpu);
            }
        }
        return total;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

}
