package org.partyline.processor.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The REST API's meters: {@code partyline_http_requests_seconds{route,status}}, a timer with a latency histogram
 * of a few fixed buckets (0.5 ms to 10 s, at the usual latency objectives: few series per route), and
 * {@code partyline_http_forwarded_total{outcome}}, the requests this instance forwarded to the instance that holds
 * the key, {@code ok} or {@code failed}.
 */
final class HttpMeters {
    static final String REQUESTS = "partyline.http.requests";
    static final String FORWARDED = "partyline.http.forwarded";

    /** The histogram's bucket bounds, so that "share of requests under X" is exact at each of them. */
    static final Duration[] OBJECTIVES = {Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2),
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final Meter.MeterProvider<Timer> requests;
    private final Counter forwardedOk;
    private final Counter forwardedFailed;

    HttpMeters(MeterRegistry registry) {
        requests = Timer.builder(REQUESTS)
                .description("REST requests answered, by route template and status")
                .serviceLevelObjectives(OBJECTIVES)
                .withRegistry(registry);
        Meter.MeterProvider<Counter> forwarded = Counter.builder(FORWARDED)
                .description("Requests forwarded to the instance that holds the key, by outcome")
                .withRegistry(registry);
        forwardedOk = forwarded.withTags(Tags.of("outcome", "ok"));
        forwardedFailed = forwarded.withTags(Tags.of("outcome", "failed"));
    }

    /**
     * One request answered. {@code route} is the route template ({@code /api/parties/{party}/stances}), never the
     * path itself, so that the number of series stays bounded.
     */
    void observed(String route, int status, long nanos) {
        requests.withTags(Tags.of("route", route, "status", Integer.toString(status)))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void forwarded(boolean failed) {
        (failed ? forwardedFailed : forwardedOk).increment();
    }
}
