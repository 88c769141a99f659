package org.partyline.processor.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A JVM of its own running a class of the built processor jar, as users run it: stdout is read line by line until
 * the line that says it serves ({@link #awaitLine}), stderr (the logs) goes to a file. {@link #kill()} is SIGKILL;
 * {@link #close()} is SIGTERM, then SIGKILL after a grace period.
 */
final class JvmProcess implements AutoCloseable {
    static final Path JAR = Path.of("processor/target/partyline-processor.jar");
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final long startedNanos;
    private final CompletableFuture<String> line = new CompletableFuture<>();
    private final List<String> output = new ArrayList<>();

    private JvmProcess(String name, Process process, long startedNanos, String prefix) {
        this.name = name;
        this.process = process;
        this.startedNanos = startedNanos;
        Thread reader = new Thread(() -> read(prefix), name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java -Xmx.. -cp JAR mainClass args}; {@code prefix} is the start of the line that says it serves. */
    static JvmProcess start(String name, String mainClass, List<String> args, String heap, Path log, String prefix) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", JAR.toString(), mainClass));
        command.addAll(args);
        try {
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new JvmProcess(name, process, started, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (" + command + ")", e);
        }
    }

    private void read(String prefix) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String next;
            while ((next = reader.readLine()) != null) {
                synchronized (output) {
                    output.add(next);
                }
                if (next.startsWith(prefix)) {
                    line.complete(next);
                }
            }
            line.completeExceptionally(new IllegalStateException(name + " ended its output (exit "
                    + (process.isAlive() ? "none yet" : process.exitValue()) + ") before a line '" + prefix + "'"));
        } catch (IOException e) {
            line.completeExceptionally(e);
        }
    }

    /** The line that says it serves, once it came; fails after {@code timeout} or when the process ended first. */
    String awaitLine(Duration timeout) throws InterruptedException {
        try {
            return line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(name + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(name + " printed no ready line within " + timeout.toSeconds() + " s");
        }
    }

    /** Seconds since the process was started. */
    double secondsSinceStart() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** The value of {@code key=VALUE} in a line. */
    static String field(String line, String key) {
        for (String part : line.split(" ")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        throw new IllegalArgumentException("no " + key + "= in '" + line + "'");
    }

    /** SIGKILL, as a crash: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") still alive after SIGKILL");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
            kill();
        }
    }
}
