package org.partyline.processor.failover;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.partyline.producer.PartylinePublisher;
import org.partyline.schema.Claim;
import org.partyline.schema.Position;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A broker JVM ({@code BrokerMain}) and two processor JVMs (the built jar) with {@code standby.replicas 1}, as a user
 * runs them, so that a processor can be killed with SIGKILL ({@link Process#destroyForcibly()}) without taking the
 * broker down. Ports are chosen free by each process; every process is stopped by {@link #close()}.
 */
public final class FailoverCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FailoverCluster.class);
    private static final Pattern BROKER_READY = Pattern.compile("BROKER READY bootstrap=(\\S+) schema-registry=(\\S+)");
    private static final Pattern READY = Pattern.compile("READY api=(\\S+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Instant T0 = Instant.parse("2025-12-01T00:00:00Z");

    private final Path dir;
    private final Path jar;
    private final List<Process> processes = new ArrayList<>();
    private final List<URI> apis = new ArrayList<>();
    private final List<Process> processors = new ArrayList<>();
    private String bootstrap;
    private String registry;

    private FailoverCluster(Path dir, Path jar) {
        this.dir = dir;
        this.jar = jar;
    }

    /**
     * Starts the broker and two processors on {@code partitions} partitions.
     *
     * @param jar              the processor jar ({@code processor/target/partyline-processor.jar})
     * @param processorOptions extra flags for both processors (e.g. {@code --kafka-session-timeout-ms 10000})
     */
    public static FailoverCluster start(Path dir, Path jar, int partitions, List<String> processorOptions)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the processor jar is built first (mvn package): " + jar);
        }
        FailoverCluster cluster = new FailoverCluster(dir, jar);
        try {
            Path brokerLog = dir.resolve("broker.log");
            Process broker = cluster.spawn(List.of("-cp", jar.toString(), "org.partyline.embedded.BrokerMain",
                    dir.resolve("broker").toString(), "0", "0", String.valueOf(partitions)), brokerLog);
            Matcher ready = cluster.await(broker, brokerLog, BROKER_READY);
            cluster.bootstrap = ready.group(1);
            cluster.registry = ready.group(2);
            List<Path> logs = new ArrayList<>();
            for (String name : List.of("a", "b")) {
                List<String> args = new ArrayList<>(List.of("-jar", jar.toString(),
                        "--bootstrap-servers", cluster.bootstrap, "--schema-registry-url", cluster.registry,
                        "--http-port", "0", "--state-dir", dir.resolve(name).toString(),
                        "--partitions", String.valueOf(partitions), "--standby-replicas", "1"));
                args.addAll(processorOptions);
                Path log = dir.resolve("processor-" + name + ".log");
                logs.add(log);
                cluster.processors.add(cluster.spawn(args, log));
            }
            for (int i = 0; i < 2; i++) {
                cluster.apis.add(URI.create(cluster.await(cluster.processors.get(i), logs.get(i), READY).group(1)));
            }
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    public URI api(int instance) {
        return apis.get(instance);
    }

    /** SIGKILL: the instance stops at once, leaving the group only when its session times out. */
    public void kill(int instance) throws InterruptedException {
        Process p = processors.get(instance);
        p.destroyForcibly();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("processor " + instance + " did not die within 10 s of SIGKILL");
        }
    }

    /**
     * Publishes the failover data set: {@code parties} parties {@code P00..} with statements on three topics (a
     * change each), a claim per party asserted by it and denied by a claims-only party {@code Q..}.
     */
    public void publish(int parties) {
        try (PartylinePublisher publisher = new PartylinePublisher(bootstrap, registry)) {
            for (int i = 0; i < parties; i++) {
                String party = String.format("P%02d", i);
                for (int t = 0; t < 3; t++) {
                    String topic = "topic-" + ((i + t) % 5);
                    publisher.publish(statement(party + "-" + t + "-a", party, topic, Stance.SUPPORT, 60L * i + t));
                    publisher.publish(statement(party + "-" + t + "-b", party, topic, Stance.OPPOSE, 86_400L + t));
                }
                String claimId = "claim-" + i;
                publisher.publish(claim(party + "-c", party, claimId, Position.ASSERTS, 3_600L * i));
                publisher.publish(claim(party + "-q", "Q" + (i % 4), claimId,
                        i % 3 == 0 ? Position.DISPUTES : Position.DENIES, 3_600L * i + 60));
            }
            publisher.flush();
        }
    }

    private static Statement statement(String id, String party, String topic, Stance stance, long second) {
        return Statement.newBuilder().setEventId(id).setParty(party).setTopic(topic).setStance(stance)
                .setOccurredAt(T0.plusSeconds(second)).build();
    }

    private static Claim claim(String id, String party, String claimId, Position position, long second) {
        return Claim.newBuilder().setEventId(id).setParty(party).setClaimId(claimId).setPosition(position)
                .setOccurredAt(T0.plusSeconds(second)).build();
    }

    private Process spawn(List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(p);
        return p;
    }

    private Matcher await(Process p, Path log, Pattern line) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            Matcher m = line.matcher(text);
            if (m.find()) {
                return m;
            }
            if (!p.isAlive()) {
                throw new IllegalStateException(log.getFileName() + ": the process ended with " + p.exitValue()
                        + " before " + line.pattern() + ":\n" + tail(text));
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(log.getFileName() + ": no " + line.pattern() + " within "
                + START_TIMEOUT.toSeconds() + " s");
    }

    private static String tail(String text) {
        return text.length() <= 4_000 ? text : text.substring(text.length() - 4_000);
    }

    /** Stops the processors, then the broker: SIGTERM, and SIGKILL after 20 s. */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.destroy();
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    LOG.warn("process {} ignored SIGTERM for 20 s; killing it", p.pid());
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        LOG.info("failover cluster stopped; logs in {}", dir);
    }
}
