package org.partyline.processor.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Kafka Streams' own metrics (client, stream threads, tasks, processor nodes, stores and the clients inside) in the
 * registry, through Micrometer's {@link KafkaStreamsMetrics}: names {@code kafka.<group>.<name>}, which Prometheus
 * reads as {@code kafka_stream_thread_process_total} and the like. Metrics that Kafka Streams adds later (tasks
 * assigned after a rebalance) are picked up at each refresh. Closing removes them and stops the refresh thread.
 */
final class StreamsMetricsBinding implements AutoCloseable {
    static final Duration REFRESH = Duration.ofSeconds(15);

    private final ScheduledExecutorService refresher;
    private final KafkaStreamsMetrics binder;

    StreamsMetricsBinding(KafkaStreams streams, MeterRegistry registry) {
        refresher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "partyline-streams-metrics");
            thread.setDaemon(true);
            return thread;
        });
        binder = new KafkaStreamsMetrics(streams, Tags.empty(), refresher, REFRESH);
        binder.bindTo(registry);
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        binder.close();
    }
}
