package org.partyline.processor.rest;

import java.util.Optional;

import org.apache.kafka.streams.KafkaStreams;

/**
 * The one place that knows what each Kafka Streams state means to the probes of CONTRACT section 4:
 * <ul>
 * <li>{@code /health} (processing): RUNNING or REBALANCING;</li>
 * <li>{@code /health/live}: not failed (ERROR, PENDING_ERROR) and not shutting down (PENDING_SHUTDOWN,
 * NOT_RUNNING); starting (CREATED) and rebalancing are alive, a restart would not help them;</li>
 * <li>{@code /health/ready}: RUNNING and this instance can answer queries (its local stores open).</li>
 * </ul>
 * The switches name every state, so a state added to Kafka Streams does not compile until it is given a meaning.
 */
final class Probes {

    private Probes() {
    }

    static boolean processing(KafkaStreams.State state) {
        return switch (state) {
            case RUNNING, REBALANCING -> true;
            case CREATED, PENDING_SHUTDOWN, NOT_RUNNING, PENDING_ERROR, ERROR -> false;
        };
    }

    static boolean live(KafkaStreams.State state) {
        return switch (state) {
            case CREATED, REBALANCING, RUNNING -> true;
            case PENDING_SHUTDOWN, NOT_RUNNING, PENDING_ERROR, ERROR -> false;
        };
    }

    /**
     * @param unqueryable why this instance cannot answer queries (a local store that does not open), or empty
     * @return why it is not ready, or empty when it is
     */
    static Optional<String> notReady(KafkaStreams.State state, Optional<String> unqueryable) {
        return switch (state) {
            case RUNNING -> unqueryable;
            case CREATED, REBALANCING, PENDING_SHUTDOWN, NOT_RUNNING, PENDING_ERROR, ERROR ->
                    Optional.of("Kafka Streams is " + state + ", not RUNNING");
        };
    }
}
