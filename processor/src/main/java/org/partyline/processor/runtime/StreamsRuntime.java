package org.partyline.processor.runtime;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka Streams instance and its lifecycle: start, wait until RUNNING, and close leaving the group so the next
 * start does not wait out the session timeout of a member that never left. State is never wiped at start.
 */
public final class StreamsRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsRuntime.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final CountDownLatch running = new CountDownLatch(1);

    public StreamsRuntime(Topology topology, Properties properties) {
        this.streams = new KafkaStreams(topology, properties);
        streams.setStateListener((now, before) -> {
            LOG.info("Kafka Streams state {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** Starts processing and waits until the instance first reaches RUNNING. */
    public void start(Duration timeout) {
        start(timeout, Optional::empty);
    }

    /**
     * Starts processing and waits until the instance first reaches RUNNING; past {@code timeout}, keeps waiting as
     * long as {@code waitingFor} gives a reason (a stream thread waits for the schema registry, which holds up the
     * end of the start-up), logging it every {@code timeout}.
     */
    public void start(Duration timeout, Supplier<Optional<String>> waitingFor) {
        streams.start();
        try {
            while (!running.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                Optional<String> reason = waitingFor.get();
                if (reason.isEmpty()) {
                    throw new IllegalStateException("Kafka Streams did not reach RUNNING within "
                            + timeout.toSeconds() + " s (state " + streams.state() + ")");
                }
                LOG.warn("Kafka Streams is still {}, {}", streams.state(), reason.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Kafka Streams", e);
        }
    }

    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
    }
}
