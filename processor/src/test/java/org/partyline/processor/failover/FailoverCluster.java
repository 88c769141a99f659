package org.partyline.processor.failover;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.partyline.processor.faults.BrokerProcess;
import org.partyline.processor.faults.JvmProcess;
import org.partyline.processor.faults.ProcessorProcess;
import org.partyline.events.publish.PartylinePublisher;
import org.partyline.schema.Claim;
import org.partyline.schema.Position;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A broker JVM ({@link BrokerProcess}) and two processor JVMs ({@link ProcessorProcess}, the built jar) with
 * {@code standby.replicas 1}, as a user runs them, so that a processor can be killed with SIGKILL without taking the
 * broker down. Ports are chosen free by each process; every process is stopped by {@link #close()}.
 */
public final class FailoverCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FailoverCluster.class);
    private static final List<String> JVM_OPTIONS = List.of("-Xmx384m");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Instant T0 = Instant.parse("2025-12-01T00:00:00Z");

    private final Path dir;
    private final List<ProcessorProcess> processors = new ArrayList<>();
    private final List<URI> apis = new ArrayList<>();
    private BrokerProcess broker;

    private FailoverCluster(Path dir) {
        this.dir = dir;
    }

    /**
     * Starts the broker and two processors ({@link JvmProcess#processorJar()}) on {@code partitions} partitions.
     *
     * @param processorOptions extra flags for both processors (e.g. {@code --kafka-session-timeout-ms 10000})
     */
    public static FailoverCluster start(Path dir, int partitions, List<String> processorOptions) throws Exception {
        FailoverCluster cluster = new FailoverCluster(dir);
        try {
            cluster.broker = BrokerProcess.start(dir.resolve("broker"), partitions, JVM_OPTIONS);
            List<String> flags = new ArrayList<>(List.of("--partitions", String.valueOf(partitions),
                    "--standby-replicas", "1"));
            flags.addAll(processorOptions);
            for (String name : List.of("a", "b")) {
                ProcessorProcess processor = ProcessorProcess.on(cluster.broker, "processor-" + name,
                        dir.resolve(name), flags.toArray(String[]::new)).jvmOptions(JVM_OPTIONS.toArray(String[]::new));
                processor.startAsync();
                cluster.processors.add(processor);
            }
            for (ProcessorProcess processor : cluster.processors) {
                cluster.apis.add(processor.awaitReady(START_TIMEOUT));
            }
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    public URI api(int instance) {
        return apis.get(instance);
    }

    /** SIGKILL: the instance stops at once, leaving the group only when its session times out. */
    public void kill(int instance) throws InterruptedException {
        processors.get(instance).kill();
    }

    /**
     * Publishes the failover data set: {@code parties} parties {@code P00..} with statements on three topics (a
     * change each), a claim per party asserted by it and denied by a claims-only party {@code Q..}.
     */
    public void publish(int parties) {
        try (PartylinePublisher publisher = new PartylinePublisher(broker.bootstrapServers(), broker.registryUrl())) {
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

    /** Stops the processors, then the broker: SIGTERM, and SIGKILL if one ignores it. */
    @Override
    public void close() throws InterruptedException {
        for (int i = processors.size() - 1; i >= 0; i--) {
            try {
                processors.get(i).stop();
            } catch (RuntimeException e) {
                LOG.warn("could not stop {}; stopping the rest", processors.get(i), e);
            }
        }
        if (broker != null) {
            broker.close();
        }
        LOG.info("failover cluster stopped; logs in {}", dir);
    }
}
