package org.partyline.processor.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.partyline.processor.streams.DependencyWaits;

/**
 * {@code partyline_waiting_for{dependency}}: 1 while some stream thread waits for that dependency (the schema
 * registry) instead of processing, 0 otherwise. One series per dependency, shown from the start.
 */
final class WaitMeters {
    static final String WAITING_FOR = "partyline.waiting.for";

    private WaitMeters() {
    }

    static void bind(MeterRegistry registry, DependencyWaits waits) {
        for (String dependency : DependencyWaits.DEPENDENCIES) {
            Gauge.builder(WAITING_FOR, () -> waits.waiting(dependency) ? 1 : 0)
                    .tag("dependency", dependency)
                    .description("1 while processing waits for this dependency to answer again, 0 otherwise")
                    .register(registry);
        }
    }
}
