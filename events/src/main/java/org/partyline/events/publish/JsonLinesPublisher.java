package org.partyline.events.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.KafkaException;
import org.partyline.events.EventRules;
import org.partyline.events.InvalidEventException;
import org.partyline.events.JsonEventParser;

/**
 * Publishes JSON Lines files: every line is checked against the input rules before it is sent, a rejected line is
 * reported as {@code FILE:LINE: reason} on the error stream and nothing of it is sent, blank lines are skipped.
 * On a long file it reports progress (lines so far and rate) on the error stream every few seconds. When Kafka fails
 * to take an event, sending stops and every line that Kafka has not acknowledged is reported as {@code FILE:LINE}
 * on the error stream, so that no line is lost silently.
 * Used by the {@code publish} command and by the processor's demo.
 */
public final class JsonLinesPublisher {

    /** What a publish run did: valid lines sent (redeliveries included) and lines rejected. */
    public record Counts(long published, long rejected) {
        public static final Counts NONE = new Counts(0, 0);

        public Counts plus(Counts other) {
            return new Counts(published + other.published, rejected + other.rejected);
        }
    }

    public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(5);
    /** Threads that parse and check lines while the calling thread sends (which waits for them): one per core. */
    static final int PARSE_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final int CHUNK_LINES = 512;
    private static final int MAX_PENDING_CHUNKS = 4 * PARSE_THREADS + 2;

    private final PartylinePublisher publisher;
    private final PrintStream err;
    private final long progressIntervalNanos;
    private final JsonEventParser parser = new JsonEventParser();

    public JsonLinesPublisher(PartylinePublisher publisher, PrintStream err) {
        this(publisher, err, DEFAULT_PROGRESS_INTERVAL);
    }

    public JsonLinesPublisher(PartylinePublisher publisher, PrintStream err, Duration progressInterval) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.err = Objects.requireNonNull(err, "err");
        this.progressIntervalNanos = progressInterval.toNanos();
    }

    /** Publishes a file; {@code name} is how the file is named in reports (as given on the command line). */
    public Counts publish(Path file, String name) throws IOException, PublishException {
        try (InputStream in = Files.newInputStream(file)) {
            return publish(name, in);
        }
    }

    /**
     * Publishes the lines of a stream (a file, a bundled resource), waiting until every sent event is acknowledged.
     * Lines are parsed and checked in chunks on {@link #PARSE_THREADS} threads while this thread sends the events
     * of earlier chunks, in the order of the lines; rejected lines are reported in that order too.
     *
     * @throws PublishException when Kafka refuses or fails to take an event; sending stops at the first failure
     */
    public Counts publish(String name, InputStream in) throws IOException, PublishException {
        Utf8LineReader reader = new Utf8LineReader(in);
        Sending sending = new Sending(name);
        ExecutorService parsers = Executors.newFixedThreadPool(PARSE_THREADS, JsonLinesPublisher::parserThread);
        Deque<Future<List<Parsed>>> pending = new ArrayDeque<>();
        try {
            List<Utf8LineReader.Line> chunk = new ArrayList<>(CHUNK_LINES);
            Utf8LineReader.Line line;
            while ((line = reader.next()) != null) {
                chunk.add(line);
                if (chunk.size() == CHUNK_LINES) {
                    pending.add(parseLater(parsers, chunk));
                    chunk = new ArrayList<>(CHUNK_LINES);
                    while (pending.size() > MAX_PENDING_CHUNKS || (!pending.isEmpty() && pending.peek().isDone())) {
                        sending.handle(parsed(pending.poll()));
                    }
                }
            }
            pending.add(parseLater(parsers, chunk));
            while (!pending.isEmpty()) {
                sending.handle(parsed(pending.poll()));
            }
        } finally {
            parsers.shutdownNow();
        }
        return sending.finish();
    }

    /** One line after parsing: skipped (blank), an event, or the reason it is rejected. */
    private record Parsed(long number, SpecificRecord event, String problem) {
    }

    private Future<List<Parsed>> parseLater(ExecutorService parsers, List<Utf8LineReader.Line> lines) {
        return parsers.submit(() -> {
            List<Parsed> parsed = new ArrayList<>(lines.size());
            for (Utf8LineReader.Line line : lines) {
                if (line.text() != null && EventRules.isBlank(line.text())) {
                    continue;
                }
                String problem = line.problem();
                SpecificRecord event = null;
                if (problem == null) {
                    try {
                        event = parser.parse(line.text());
                    } catch (InvalidEventException e) {
                        problem = e.reason();
                    }
                }
                parsed.add(new Parsed(line.number(), event, problem));
            }
            return parsed;
        });
    }

    private static List<Parsed> parsed(Future<List<Parsed>> chunk) throws IOException {
        try {
            return chunk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while parsing lines");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("parsing lines failed", e.getCause());
        }
    }

    private static Thread parserThread(Runnable task) {
        Thread thread = new Thread(task, "partyline-parser");
        thread.setDaemon(true);
        return thread;
    }

    /**
     * The sending side of one publish run: counts, the first failure reported by Kafka, progress, and the lines sent
     * but not acknowledged yet, so that a failure can name each line that may not be in Kafka.
     */
    private final class Sending {
        private final String name;
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private final NavigableSet<Long> unacknowledged = new ConcurrentSkipListSet<>();
        private final long start = System.nanoTime();
        private long nextProgress = start + progressIntervalNanos;
        private long published;
        private long rejected;

        Sending(String name) {
            this.name = name;
        }

        void handle(List<Parsed> lines) throws PublishException {
            for (Parsed line : lines) {
                if (line.problem() != null) {
                    rejected++;
                    err.println(name + ":" + line.number() + ": " + line.problem());
                } else {
                    send(line.event(), line.number());
                    published++;
                }
                long now = System.nanoTime();
                if (now - nextProgress >= 0) {
                    progress(name, line.number(), published, rejected, now - start);
                    nextProgress = now + progressIntervalNanos;
                }
            }
        }

        Counts finish() throws PublishException {
            flush();
            if (failure.get() != null) {
                throw failed(0);
            }
            return new Counts(published, rejected);
        }

        private void send(SpecificRecord event, long lineNumber) throws PublishException {
            if (failure.get() != null) {
                throw failed(lineNumber);
            }
            unacknowledged.add(lineNumber);
            try {
                publisher.publish(event, (metadata, exception) -> {
                    if (exception == null) {
                        unacknowledged.remove(lineNumber);
                    } else {
                        failure.compareAndSet(null, exception);
                    }
                });
            } catch (KafkaException e) {
                failure.compareAndSet(null, e);
                throw failed(lineNumber);
            }
        }

        private void flush() {
            try {
                publisher.flush();
            } catch (KafkaException e) {
                failure.compareAndSet(null, e);
            }
        }

        /**
         * Waits for every event in flight, reports each line Kafka did not acknowledge as {@code FILE:LINE} on the
         * error stream, and {@code FILE:LINE} of the first line not sent (when {@code firstUnsent} is not 0): none of
         * them is known to be in Kafka, and publishing the same file again sends them (and redelivers the rest).
         */
        private PublishException failed(long firstUnsent) {
            flush();
            Exception cause = failure.get();
            String why = ErrorMessages.describe(cause);
            for (long line : unacknowledged) {
                if (firstUnsent == 0 || line < firstUnsent) {
                    err.println(name + ":" + line + ": not acknowledged by Kafka: " + why);
                }
            }
            long notAcknowledged = unacknowledged.stream().filter(l -> firstUnsent == 0 || l < firstUnsent).count();
            if (firstUnsent != 0) {
                err.println(name + ":" + firstUnsent + ": not sent, nor any line after it");
            }
            return new PublishException("sending events of " + name + " failed: " + why + " (" + notAcknowledged
                    + " sent lines not acknowledged" + (firstUnsent != 0 ? ", lines from " + firstUnsent
                    + " on not sent" : "") + ", each reported above; publishing the same file again completes it)",
                    cause);
        }
    }

    private void progress(String name, long lines, long published, long rejected, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
        err.println(String.format(Locale.ROOT, "%s: %,d lines read (%,d published, %,d rejected), %,.0f lines/s",
                name, lines, published, rejected, lines / seconds));
    }
}
