package org.partyline.processor.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM of its own started by a test (a jar or a main class), its stdout and stderr in one log file: wait for a line,
 * kill it with SIGKILL ({@link Process#destroyForcibly()} on Linux), stop it with SIGTERM. {@link #close()} always
 * leaves it dead, so a test that holds it in try-with-resources or an {@code @AfterEach} stops what it started.
 */
public final class JvmProcess implements AutoCloseable {
    private static final Duration KILL_WAIT = Duration.ofSeconds(15);

    private final String name;
    private final Process process;
    private final Path log;

    private JvmProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java [jvmOptions] args...} with the running JVM's java, output to {@code log}. */
    public static JvmProcess start(String name, List<String> jvmOptions, List<String> args, Map<String, String> env,
                                   Path log) {
        return start(name, jvmOptions, args, env, null, log);
    }

    /** As above, with {@code input} (null: a pipe from this JVM, left open) as its standard input. */
    public static JvmProcess start(String name, List<String> jvmOptions, List<String> args, Map<String, String> env,
                                   Path input, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (input != null) {
            builder.redirectInput(input.toFile());
        }
        builder.environment().keySet().removeIf(k -> k.startsWith("PARTYLINE_"));
        builder.environment().putAll(env);
        try {
            return new JvmProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /**
     * The processor jar built by {@code package}: {@code -Dpartyline.jar=PATH} if set, else {@code target/} of the
     * processor module's directory (where failsafe runs) or {@code processor/target/} of the repository root (where
     * the benchmarks run).
     */
    public static Path processorJar() {
        String chosen = System.getProperty("partyline.jar");
        return chosen != null ? existing(Path.of(chosen)) : built("processor", "partyline-processor.jar");
    }

    /** The producer jar built by {@code package}, or {@code -Dpartyline.producer.jar=PATH} if set. */
    public static Path producerJar() {
        String chosen = System.getProperty("partyline.producer.jar");
        return chosen != null ? existing(Path.of(chosen)) : built("producer", "partyline-producer.jar");
    }

    /** A module's jar, from the processor module's directory or from the repository root. */
    private static Path built(String module, String jar) {
        Path fromProcessor = Path.of("..", module, "target", jar);
        Path fromRoot = Path.of(module, "target", jar);
        return existing(Files.isRegularFile(fromRoot) ? fromRoot : fromProcessor);
    }

    private static Path existing(Path jar) {
        Path absolute = jar.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new IllegalStateException("the jar is built before the integration tests (mvn package): "
                    + absolute);
        }
        return absolute;
    }

    /**
     * Polls the log until a line matches; fails with the log's tail when the process ends first or the time is up.
     */
    public Matcher awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String text = logText();
            Matcher m = pattern.matcher(text);
            if (m.find()) {
                return m;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended with exit code " + process.exitValue()
                        + " before printing /" + pattern + "/; log " + log + ":\n" + tail(text));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " printed no /" + pattern + "/ within " + timeout.toSeconds()
                        + " s; log " + log + ":\n" + tail(text));
            }
            Thread.sleep(50);
        }
    }

    /** Waits for the process to end by itself; its exit code, or fails after the timeout (the process is killed). */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new IllegalStateException(name + " did not end within " + timeout.toSeconds() + " s; log " + log
                    + ":\n" + tail(logText()));
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. Returns once the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") still runs " + KILL_WAIT.toSeconds()
                    + " s after SIGKILL");
        }
    }

    /**
     * SIGTERM, then SIGKILL if it has not ended within {@code grace}; true when it ended on SIGTERM (or had ended
     * before).
     */
    public boolean stop(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            return false;
        }
        return true;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log of " + name + ": " + log, e);
        }
    }

    static String tail(String text) {
        return text.length() <= 6_000 ? text : "..." + text.substring(text.length() - 6_000);
    }

    /** Kills the process if it still runs. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
