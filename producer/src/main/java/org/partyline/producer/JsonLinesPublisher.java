package org.partyline.producer;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.KafkaException;
import org.partyline.producer.events.EventRules;
import org.partyline.producer.events.InvalidEventException;
import org.partyline.producer.events.JsonEventParser;

/**
 * Publishes JSON Lines files: every line is checked against the input rules before it is sent, a rejected line is
 * reported as {@code FILE:LINE: reason} on the error stream and nothing of it is sent, blank lines are skipped.
 * On a long file it reports progress (lines so far and rate) on the error stream every few seconds.
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
     *
     * @throws PublishException when Kafka refuses or fails to take an event; sending stops at the first failure
     */
    public Counts publish(String name, InputStream in) throws IOException, PublishException {
        Utf8LineReader reader = new Utf8LineReader(in);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long published = 0;
        long rejected = 0;
        long start = System.nanoTime();
        long nextProgress = start + progressIntervalNanos;
        Utf8LineReader.Line line;
        while ((line = reader.next()) != null) {
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
            if (problem != null) {
                rejected++;
                err.println(name + ":" + line.number() + ": " + problem);
            } else {
                send(event, failure, name, line.number());
                published++;
            }
            long now = System.nanoTime();
            if (now - nextProgress >= 0) {
                progress(name, line.number(), published, rejected, now - start);
                nextProgress = now + progressIntervalNanos;
            }
        }
        try {
            publisher.flush();
        } catch (KafkaException e) {
            failure.compareAndSet(null, e);
        }
        if (failure.get() != null) {
            throw failed(name, failure.get());
        }
        return new Counts(published, rejected);
    }

    private void send(SpecificRecord event, AtomicReference<Exception> failure, String name, long lineNumber)
            throws PublishException {
        if (failure.get() != null) {
            throw failed(name, failure.get());
        }
        try {
            publisher.publish(event, (metadata, exception) -> {
                if (exception != null) {
                    failure.compareAndSet(null, exception);
                }
            });
        } catch (KafkaException e) {
            throw new PublishException("sending " + name + ":" + lineNumber + " failed: " + ErrorMessages.describe(e),
                    e);
        }
    }

    private static PublishException failed(String name, Exception cause) {
        return new PublishException("sending events of " + name + " failed: " + ErrorMessages.describe(cause), cause);
    }

    private void progress(String name, long lines, long published, long rejected, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
        err.println(String.format(Locale.ROOT, "%s: %,d lines read (%,d published, %,d rejected), %,.0f lines/s",
                name, lines, published, rejected, lines / seconds));
    }
}
