package org.partyline.processor.runtime;

import java.util.Optional;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Whether the stream threads can reach Kafka: read from the {@code connection-count} metric of their main
 * consumers, which is 0 while a consumer has no open connection to any broker (the brokers are down or
 * unreachable; its client keeps retrying meanwhile). Kafka Streams itself waits such an outage out: this only says
 * so, for {@code /health/ready} and {@code partyline_waiting_for{dependency="kafka"}}.
 */
final class BrokerConnections {
    static final String DEPENDENCY = "kafka";
    private static final String MAIN_CONSUMER = "-consumer";
    private static final String RESTORE_CONSUMER = "-restore-consumer";

    private final KafkaStreams streams;

    BrokerConnections(KafkaStreams streams) {
        this.streams = streams;
    }

    /** True when there are stream threads and none of their main consumers holds a connection to a broker. */
    boolean waiting() {
        int consumers = 0;
        for (var entry : streams.metrics().entrySet()) {
            MetricName name = entry.getKey();
            String client = name.tags().getOrDefault("client-id", "");
            if (!name.name().equals("connection-count") || !name.group().equals("consumer-metrics")
                    || !client.endsWith(MAIN_CONSUMER) || client.endsWith(RESTORE_CONSUMER)) {
                continue;
            }
            consumers++;
            if (connections(entry.getValue()) > 0) {
                return false;
            }
        }
        return consumers > 0;
    }

    /** Why processing waits for Kafka now, or empty. */
    Optional<String> reason() {
        return waiting() ? Optional.of("waiting for Kafka: no stream thread is connected to a broker")
                : Optional.empty();
    }

    private static double connections(Metric metric) {
        Object value = metric.metricValue();
        return value instanceof Number n ? n.doubleValue() : 0;
    }
}
