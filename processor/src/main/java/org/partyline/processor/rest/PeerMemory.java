package org.partyline.processor.rest;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.partyline.processor.query.Instance;

/**
 * Remembers, for a short time, the peers that just failed to answer (refused, unreachable, timed out), so that the
 * requests after one failure go at once to a standby instead of each waiting out the same timeout. A peer that
 * answers is forgotten at once.
 */
final class PeerMemory {
    private record Failure(long untilNanos, String reason) {
    }

    private final Map<Instance, Failure> failures = new ConcurrentHashMap<>();
    private final long holdNanos;
    private final LongSupplier nanoTime;

    PeerMemory(Duration hold, LongSupplier nanoTime) {
        this.holdNanos = hold.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Why the peer is not to be asked now: its failure, while it is remembered. */
    Optional<String> recentFailure(Instance peer) {
        Failure failure = failures.get(peer);
        if (failure == null) {
            return Optional.empty();
        }
        long left = failure.untilNanos() - nanoTime.getAsLong();
        if (left <= 0) {
            failures.remove(peer, failure);
            return Optional.empty();
        }
        return Optional.of(failure.reason() + " (not asked again for " + Duration.ofNanos(left).toMillis() + " ms)");
    }

    void failed(Instance peer, String reason) {
        failures.put(peer, new Failure(nanoTime.getAsLong() + holdNanos, reason));
    }

    void answered(Instance peer) {
        failures.remove(peer);
    }
}
