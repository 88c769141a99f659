package org.partyline.producer.dlq;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link DeadLetterReplay} replays: the dead letters of {@code deadLetterTopic} that match every filter given
 * (an empty filter matches all), sent through a Kafka cluster reached with {@code bootstrapServers} and
 * {@code clientProperties} (security settings, for its consumer and producer alike).
 *
 * @param from        only dead letters with a record timestamp at or after this instant
 * @param to          only dead letters with a record timestamp before this instant
 * @param type        only this {@code partyline.error.type} ({@code DESERIALIZATION}, {@code INVALID_EVENT},
 *                    {@code REUSED_EVENT_ID}, {@code PROCESSING}), any letter case
 * @param reason      only dead letters whose {@code partyline.error.reason} contains this text
 * @param sourceTopic only dead letters that came from this topic ({@code partyline.error.topic})
 */
public record ReplayOptions(String bootstrapServers, String deadLetterTopic, Optional<Instant> from,
                            Optional<Instant> to, Optional<String> type, Optional<String> reason,
                            Optional<String> sourceTopic, Map<String, ?> clientProperties) {
    public static final String DEFAULT_DEAD_LETTER_TOPIC = "partyline-dlq";

    public ReplayOptions {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(sourceTopic, "sourceTopic");
        clientProperties = Map.copyOf(clientProperties);
    }

    /** Every dead letter of the default topic, no client settings beyond the bootstrap servers. */
    public static ReplayOptions all(String bootstrapServers) {
        return new ReplayOptions(bootstrapServers, DEFAULT_DEAD_LETTER_TOPIC, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
    }

    /** The client settings may hold secrets (SASL JAAS config, key store passwords): never shown. */
    @Override
    public String toString() {
        return "ReplayOptions[bootstrapServers=" + bootstrapServers + ", deadLetterTopic=" + deadLetterTopic
                + ", from=" + from + ", to=" + to + ", type=" + type + ", reason=" + reason + ", sourceTopic="
                + sourceTopic + ", clientProperties=" + clientProperties.keySet() + "]";
    }
}
