package org.partyline.processor.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The external Kafka of the fault tests: a single KRaft broker with the schema registry beside it
 * ({@code org.partyline.embedded.BrokerMain}) in a JVM of its own, on free loopback ports, so that a processor can be
 * killed without taking Kafka down.
 */
public final class BrokerProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("BROKER READY bootstrap=(\\S+) schema-registry=(\\S+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final List<String> JVM_OPTIONS = List.of("-Xmx768m", "-XX:+UseSerialGC");

    private final JvmProcess process;
    private final String bootstrapServers;
    private final String registryUrl;

    private BrokerProcess(JvmProcess process, String bootstrapServers, String registryUrl) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
    }

    /** Starts a broker keeping its data under {@code dir}, auto-created topics with {@code partitions} partitions. */
    public static BrokerProcess start(Path dir, int partitions) throws Exception {
        return start(dir, partitions, JVM_OPTIONS);
    }

    /** As {@link #start(Path, int)}, with other JVM options (heap, collector) than the tests' 768 MiB. */
    public static BrokerProcess start(Path dir, int partitions, List<String> jvmOptions) throws Exception {
        return start(dir, partitions, jvmOptions, 0, 0);
    }

    /**
     * As {@link #start(Path, int)}, on fixed ports: a broker stopped with {@link #close()} and started again with
     * the same directory and ports comes back with its data where its clients left it.
     */
    public static BrokerProcess start(Path dir, int partitions, int kafkaPort, int registryPort) throws Exception {
        return start(dir, partitions, JVM_OPTIONS, kafkaPort, registryPort);
    }

    private static BrokerProcess start(Path dir, int partitions, List<String> jvmOptions, int kafkaPort,
                                       int registryPort) throws Exception {
        Files.createDirectories(dir);
        int run = 1;
        while (Files.exists(dir.resolve(run == 1 ? "broker.log" : "broker-" + run + ".log"))) {
            run++;
        }
        JvmProcess process = JvmProcess.start("broker", jvmOptions,
                List.of("-cp", JvmProcess.processorJar().toString(), "org.partyline.embedded.BrokerMain",
                        dir.resolve("data").toString(), Integer.toString(kafkaPort), Integer.toString(registryPort),
                        Integer.toString(partitions)),
                Map.of(), dir.resolve(run == 1 ? "broker.log" : "broker-" + run + ".log"));
        try {
            Matcher ready = process.awaitLine(READY, START_TIMEOUT);
            return new BrokerProcess(process, ready.group(1), ready.group(2));
        } catch (Exception | Error e) {
            process.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String registryUrl() {
        return registryUrl;
    }

    /** Stops the broker (SIGTERM, SIGKILL after 20 s). */
    @Override
    public void close() throws InterruptedException {
        process.stop(Duration.ofSeconds(20));
    }
}
