package org.partyline.processor.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code partyline_waiting_for{dependency}}: 1 while processing waits for that dependency (the schema registry,
 * Kafka) to answer again, 0 otherwise. One series per dependency, shown from the start.
 */
final class WaitMeters {
    static final String WAITING_FOR = "partyline.waiting.for";

    private WaitMeters() {
    }

    static void bind(MeterRegistry registry, Map<String, BooleanSupplier> waiting) {
        for (Map.Entry<String, BooleanSupplier> dependency : waiting.entrySet()) {
            BooleanSupplier now = dependency.getValue();
            Gauge.builder(WAITING_FOR, () -> now.getAsBoolean() ? 1 : 0)
                    .tag("dependency", dependency.getKey())
                    .description("1 while processing waits for this dependency to answer again, 0 otherwise")
                    .register(registry);
        }
    }
}
