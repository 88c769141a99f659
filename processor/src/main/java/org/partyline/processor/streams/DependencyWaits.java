package org.partyline.processor.streams;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.partyline.serde.RegistryUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits out a schema registry that cannot serve now, on the stream thread that needs it, instead of treating the
 * record as bad: the call is retried with backoff (0.2 s doubling to 5 s) until it succeeds, so the task pauses on
 * that record and nothing behind it is skipped or reordered. Meanwhile {@link #reason()} says why (for
 * {@code /health/ready}) and {@link #waiting(String)} that it waits (for the {@code partyline_waiting_for} gauge).
 *
 * <p>A wait is bounded by a patience below the main consumer's {@code max.poll.interval.ms} (5 minutes by
 * default), so the member is never dropped from its group for not polling: when it runs out, {@link GaveUp} lets the
 * caller hand the record back to Kafka Streams, which retries it after polling. A wait during the start-up holds
 * Kafka Streams in REBALANCING until the registry answers (the REST API serves meanwhile). A registry refusing the
 * client (401, 403) is waited for the same way, logged as the configuration error it is. Thread-safe: one per
 * processor.
 */
public final class DependencyWaits {
    /** The dependency name of the schema registry, the label of {@code partyline_waiting_for}. */
    public static final String SCHEMA_REGISTRY = "schema-registry";
    public static final Duration DEFAULT_PATIENCE = Duration.ofMinutes(4);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final long REPORT_EVERY_NANOS = Duration.ofSeconds(30).toNanos();
    private static final Logger log = LoggerFactory.getLogger(DependencyWaits.class);

    /** The wait ran out of patience, or the processor is shutting down: the call did not succeed. */
    static final class GaveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GaveUp(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The threads waiting for one dependency now and the last reason one of them got. */
    private record Waiting(int waiters, String reason) {
    }

    private final Duration patience;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Map<String, Waiting> waiting = new LinkedHashMap<>();
    private volatile boolean stopped;

    public DependencyWaits() {
        this(DEFAULT_PATIENCE, FIRST_BACKOFF, MAX_BACKOFF);
    }

    DependencyWaits(Duration patience, Duration firstBackoff, Duration maxBackoff) {
        this.patience = patience;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** Why some stream thread waits now ({@code waiting for the schema registry: ...}), or empty when none does. */
    public synchronized Optional<String> reason() {
        return waiting.entrySet().stream().findFirst()
                .map(e -> "waiting for the " + e.getKey().replace('-', ' ') + ": " + e.getValue().reason());
    }

    /** True while some stream thread waits for {@code dependency}. */
    public synchronized boolean waiting(String dependency) {
        return waiting.containsKey(dependency);
    }

    /** Every wait, now and later, gives up at once ({@link GaveUp}): the processor is shutting down. */
    public void stop() {
        stopped = true;
    }

    /**
     * Runs {@code call}, retrying it with backoff while it fails because the schema registry cannot serve now
     * ({@link RegistryUnavailableException} anywhere in the causes); any other failure is thrown as it is.
     *
     * @param where what the call is for, for log lines (a record's {@code topic-partition@offset})
     * @throws GaveUp when the registry did not come back within the patience, or {@link #stop()} was called
     */
    public <T> T await(String where, Supplier<T> call) {
        long start = 0;
        long nextReport = 0;
        Duration backoff = firstBackoff;
        try {
            while (true) {
                try {
                    return call.get();
                } catch (RuntimeException e) {
                    RegistryUnavailableException unavailable = RegistryUnavailableException.find(e);
                    if (unavailable == null) {
                        throw e;
                    }
                    long now = System.nanoTime();
                    if (start == 0) {
                        start = now;
                        nextReport = now + REPORT_EVERY_NANOS;
                        began(where, unavailable);
                    } else {
                        update(unavailable);
                        if (now - nextReport >= 0) {
                            log.warn("{}: still waiting for the schema registry after {} s: {}", where,
                                    Duration.ofNanos(now - start).toSeconds(), unavailable.getMessage());
                            nextReport = now + REPORT_EVERY_NANOS;
                        }
                    }
                    if (stopped) {
                        throw new GaveUp(where + ": shutting down while waiting for the schema registry", e);
                    }
                    if (Duration.ofNanos(now - start).plus(backoff).compareTo(patience) > 0) {
                        throw new GaveUp(where + ": the schema registry did not come back within "
                                + patience.toSeconds() + " s; the record is retried after the next poll", e);
                    }
                    sleep(backoff, where, e);
                    backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
                }
            }
        } finally {
            if (start != 0) {
                ended();
                log.info("{}: the schema registry answers again after {} ms; processing goes on", where,
                        Duration.ofNanos(System.nanoTime() - start).toMillis());
            }
        }
    }

    private void began(String where, RegistryUnavailableException unavailable) {
        synchronized (this) {
            Waiting before = waiting.get(SCHEMA_REGISTRY);
            waiting.put(SCHEMA_REGISTRY, new Waiting(before == null ? 1 : before.waiters() + 1,
                    reasonOf(unavailable)));
        }
        if (unavailable.configurationError()) {
            log.error("{}: the schema registry refuses this client, a configuration error (check "
                    + "schema.registry.basic.auth.user.info and the registry's permissions): {}. Waiting for it; "
                    + "nothing is dead-lettered", where, unavailable.getMessage());
        } else {
            log.warn("{}: the schema registry cannot answer now: {}. Waiting for it with backoff; the record is not "
                    + "dead-lettered and nothing behind it is skipped", where, unavailable.getMessage());
        }
    }

    private synchronized void update(RegistryUnavailableException unavailable) {
        Waiting now = waiting.get(SCHEMA_REGISTRY);
        if (now != null) {
            waiting.put(SCHEMA_REGISTRY, new Waiting(now.waiters(), reasonOf(unavailable)));
        }
    }

    private synchronized void ended() {
        Waiting now = waiting.get(SCHEMA_REGISTRY);
        if (now != null && now.waiters() > 1) {
            waiting.put(SCHEMA_REGISTRY, new Waiting(now.waiters() - 1, now.reason()));
        } else {
            waiting.remove(SCHEMA_REGISTRY);
        }
    }

    private static String reasonOf(RegistryUnavailableException unavailable) {
        return (unavailable.configurationError() ? "configuration error, the registry refuses this client: " : "")
                + unavailable.getMessage();
    }

    private static void sleep(Duration backoff, String where, RuntimeException failure) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GaveUp(where + ": interrupted while waiting for the schema registry", failure);
        }
    }
}
