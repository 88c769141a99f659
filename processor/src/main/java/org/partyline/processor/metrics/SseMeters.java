package org.partyline.processor.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * The meters of {@code GET /api/events}: {@code partyline_sse_clients}, the clients streaming now, and
 * {@code partyline_sse_slow_clients_disconnected_total}, the clients cut off because they left their buffer full.
 * Both show from the start; the gauge reads 0 until a feed is bound.
 */
final class SseMeters {
    static final String CLIENTS = "partyline.sse.clients";
    static final String SLOW_DISCONNECTED = "partyline.sse.slow.clients.disconnected";

    private final Counter slowDisconnected;
    private volatile IntSupplier clients = () -> 0;

    SseMeters(MeterRegistry registry) {
        Gauge.builder(CLIENTS, () -> clients.getAsInt())
                .description("Clients connected to the change feed (/api/events)")
                .register(registry);
        slowDisconnected = Counter.builder(SLOW_DISCONNECTED)
                .description("Clients of /api/events disconnected because they left their buffer of events full")
                .register(registry);
    }

    void bindClients(IntSupplier connected) {
        clients = Objects.requireNonNull(connected, "connected");
    }

    void slowClientDisconnected() {
        slowDisconnected.increment();
    }
}
