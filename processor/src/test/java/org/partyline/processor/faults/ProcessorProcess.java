package org.partyline.processor.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One processor instance as a user runs it, {@code java -jar partyline-processor.jar} on an external broker: the same
 * flags and {@code --state-dir} at every start, so it can be killed and restarted like a crashed service. Each start is
 * a new JVM logging to {@code processor-N.log} in the log directory.
 */
public final class ProcessorProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("(?m)^READY api=(\\S+) ");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(150);

    private final String name;
    private final Path stateDir;
    private final Path logDir;
    private final List<String> args;
    private List<String> jvmOptions = List.of("-Xmx512m", "-XX:+UseSerialGC");
    private Path jar;
    private JvmProcess current;
    private long startedNanos;
    private URI api;
    private int starts;

    private ProcessorProcess(String name, Path stateDir, Path logDir, List<String> args) {
        this.name = name;
        this.stateDir = stateDir;
        this.logDir = logDir;
        this.args = args;
    }

    /**
     * A processor on the broker with its state under {@code dir/state} and its logs in {@code dir}; REST on a free
     * port; {@code flags} are further command-line flags ({@code --application-id}, {@code --processing-guarantee},
     * ...).
     */
    public static ProcessorProcess on(BrokerProcess broker, String name, Path dir, String... flags) {
        return on(broker, broker.registryUrl(), name, dir, flags);
    }

    /** As {@link #on(BrokerProcess, String, Path, String...)}, reaching the schema registry at {@code registryUrl}. */
    public static ProcessorProcess on(BrokerProcess broker, String registryUrl, String name, Path dir,
                                      String... flags) {
        List<String> args = new ArrayList<>(List.of("--bootstrap-servers", broker.bootstrapServers(),
                "--schema-registry-url", registryUrl, "--state-dir", dir.resolve("state").toString()));
        if (!List.of(flags).contains("--http-port")) {
            args.addAll(List.of("--http-port", "0"));
        }
        args.addAll(List.of(flags));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return new ProcessorProcess(name, dir.resolve("state"), dir, List.copyOf(args));
    }

    /** Another processor jar for the next starts (an earlier build, for a comparison); null: the built one. */
    public ProcessorProcess jar(java.nio.file.Path jar) {
        this.jar = jar;
        return this;
    }

    /** The JVM options of the next starts, instead of the tests' 512 MiB heap and serial collector. */
    public ProcessorProcess jvmOptions(String... options) {
        this.jvmOptions = List.of(options);
        return this;
    }

    /** Starts a JVM and returns at once; {@link #awaitReady()} waits for it to serve. */
    public void startAsync() {
        if (current != null && current.isAlive()) {
            throw new IllegalStateException(name + " runs already: " + current);
        }
        starts++;
        api = null;
        List<String> command = new ArrayList<>(List.of("-jar",
                (jar == null ? JvmProcess.processorJar() : jar.toAbsolutePath()).toString()));
        command.addAll(args);
        startedNanos = System.nanoTime();
        current = JvmProcess.start(name + " #" + starts, jvmOptions, command, Map.of(),
                logDir.resolve(name + "-" + starts + ".log"));
    }

    /** Waits for the READY line (Kafka Streams RUNNING and the REST API serving); returns the API's base URL. */
    public URI awaitReady() throws InterruptedException {
        return awaitReady(READY_TIMEOUT);
    }

    /** As {@link #awaitReady()}, waiting at most {@code timeout}. */
    public URI awaitReady(Duration timeout) throws InterruptedException {
        Matcher ready = current.awaitLine(READY, timeout);
        api = URI.create(ready.group(1));
        return api;
    }

    /** Starts a JVM and waits until it is READY. */
    public URI start() throws InterruptedException {
        startAsync();
        return awaitReady();
    }

    /** SIGKILL. */
    public void kill() throws InterruptedException {
        current.kill();
    }

    /** SIGTERM, a clean shutdown (SIGKILL after 30 s). */
    public void stop() throws InterruptedException {
        current.stop(Duration.ofSeconds(30));
    }

    /** Deletes the whole {@code --state-dir} (the process must not run), so stores come back from the changelogs. */
    public void wipeState() {
        if (current != null && current.isAlive()) {
            throw new IllegalStateException("wiping the state of a running " + current);
        }
        if (!Files.exists(stateDir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(stateDir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wipe the state dir " + stateDir, e);
        }
    }

    /** The REST API of the current run (after {@link #awaitReady()}). */
    public URI api() {
        if (api == null) {
            throw new IllegalStateException(name + " is not READY");
        }
        return api;
    }

    /** The log of the current run. */
    public String logText() {
        return current == null ? "" : current.logText();
    }

    /** The time since the current run's JVM was started. */
    public Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    public Path stateDir() {
        return stateDir;
    }

    public int starts() {
        return starts;
    }

    @Override
    public void close() throws InterruptedException {
        if (current != null) {
            current.close();
        }
    }

    @Override
    public String toString() {
        return name + (current == null ? "" : " " + current);
    }
}
