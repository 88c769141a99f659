package org.partyline.processor.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.apache.kafka.streams.KafkaStreams;
import org.partyline.processor.streams.DeadLetter;
import org.partyline.processor.streams.TopicNames;
import org.partyline.processor.streams.TopologyMeters;

/**
 * Every metric of one processor in one Prometheus registry: Partyline's own meters (names beginning
 * {@code partyline_}: events folded, dead letters, REST requests, forwarded requests, clients of the change feed and
 * those cut off as too slow, what processing waits for) and, once bound, Kafka
 * Streams' own. The topology reports to it as its {@link TopologyMeters}; the REST server calls
 * {@link #observed} and {@link #forwarded}; {@code /metrics} answers {@link #scrape()}.
 */
public final class PartylineMeters implements TopologyMeters, AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final TopologyCounters topology;
    private final HttpMeters http;
    private final SseMeters sse;
    private StreamsMetricsBinding streams;

    /** Meters whose input-topic series (of {@code topics.statements()} and {@code topics.claims()}) start at 0. */
    public PartylineMeters(TopicNames topics) {
        topology = new TopologyCounters(registry, List.of(topics.statements(), topics.claims()));
        http = new HttpMeters(registry);
        sse = new SseMeters(registry);
    }

    /** Adds Kafka Streams' own metrics of {@code kafkaStreams}, until {@link #close()}. Once per instance. */
    public synchronized void bindStreams(KafkaStreams kafkaStreams) {
        if (streams != null) {
            throw new IllegalStateException("Kafka Streams metrics are already bound");
        }
        streams = new StreamsMetricsBinding(kafkaStreams, registry);
    }

    @Override
    public void folded(String topic) {
        topology.folded(topic);
    }

    @Override
    public void deadLettered(String topic, DeadLetter.Type type) {
        topology.deadLettered(topic, type);
    }

    /**
     * A REST request answered: its route template ({@code /api/claims/{claimId}}, not the path),
     * the status sent and how long it took in nanoseconds.
     */
    public void observed(String route, int status, long nanos) {
        http.observed(route, status, nanos);
    }

    /**
     * A request forwarded to the instance that holds the key; {@code failed} when forwarding failed (no answer in
     * time, or an error from that instance).
     */
    public void forwarded(boolean failed) {
        http.forwarded(failed);
    }

    /** {@code partyline_sse_clients} reads {@code connected}: the clients of {@code /api/events} now. */
    public void bindSseClients(IntSupplier connected) {
        sse.bindClients(connected);
    }

    /**
     * {@code partyline_waiting_for{dependency}}: one series per entry, 1 while its supplier says processing waits for
     * that dependency. Once per instance.
     */
    public void bindWaits(Map<String, BooleanSupplier> waiting) {
        WaitMeters.bind(registry, waiting);
    }

    /** A client of {@code /api/events} was disconnected because it left its buffer of events full. */
    public void slowSseClientDisconnected() {
        sse.slowClientDisconnected();
    }

    /** Every metric in the Prometheus text format (version 0.0.4), the body of {@code GET /metrics}. */
    public String scrape() {
        return registry.scrape();
    }

    /** The registry, for binding more meters. */
    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public synchronized void close() {
        if (streams != null) {
            streams.close();
            streams = null;
        }
        registry.close();
    }
}
