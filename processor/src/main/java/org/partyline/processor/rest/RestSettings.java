package org.partyline.processor.rest;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.partyline.processor.live.ChangeSubscriptions;

/**
 * How a {@link RestServer} is set up beyond its stores and locator.
 *
 * @param peerTimeout how long to wait to connect to another instance, and for its whole answer, before 503
 * @param authToken   {@code http.auth.token}: when present, every path but the probes and {@code /metrics} needs
 *                    {@code Authorization: Bearer TOKEN}, and requests to peers carry it
 * @param metrics     the Prometheus text of {@code /metrics}, computed on each scrape
 * @param observer    told of every request answered and every request forwarded
 * @param events      the change feed {@code /api/events} streams ({@link ChangeSubscriptions#NONE}: 503)
 * @param keepAlive   how long an {@code /api/events} stream may be idle before it gets a keep-alive comment
 * @param waiting     why processing waits for a dependency now (the schema registry), or empty: while it waits,
 *                    {@code /health/ready} is 503 with that reason (the views keep answering)
 */
public record RestSettings(Duration peerTimeout, Optional<String> authToken, Supplier<String> metrics,
                           RequestObserver observer, ChangeSubscriptions events, Duration keepAlive,
                           Supplier<Optional<String>> waiting) {
    public static final Duration DEFAULT_PEER_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(15);

    public RestSettings {
        Objects.requireNonNull(peerTimeout, "peerTimeout");
        Objects.requireNonNull(authToken, "authToken");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(observer, "observer");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(waiting, "waiting");
    }

    /** No token, empty metrics, nothing observed, no change feed, {@link #DEFAULT_PEER_TIMEOUT}. */
    public static RestSettings defaults() {
        return new RestSettings(DEFAULT_PEER_TIMEOUT, Optional.empty(), () -> "", RequestObserver.NONE,
                ChangeSubscriptions.NONE, DEFAULT_KEEP_ALIVE, Optional::empty);
    }

    public RestSettings withPeerTimeout(Duration timeout) {
        return new RestSettings(timeout, authToken, metrics, observer, events, keepAlive, waiting);
    }

    public RestSettings withAuthToken(Optional<String> token) {
        return new RestSettings(peerTimeout, token, metrics, observer, events, keepAlive, waiting);
    }

    public RestSettings withMetrics(Supplier<String> scrape) {
        return new RestSettings(peerTimeout, authToken, scrape, observer, events, keepAlive, waiting);
    }

    public RestSettings withObserver(RequestObserver requestObserver) {
        return new RestSettings(peerTimeout, authToken, metrics, requestObserver, events, keepAlive, waiting);
    }

    /** {@code /api/events} streams {@code feed}, with a keep-alive comment after {@code idle} without events. */
    public RestSettings withEvents(ChangeSubscriptions feed, Duration idle) {
        return new RestSettings(peerTimeout, authToken, metrics, observer, feed, idle, waiting);
    }

    /** {@code /health/ready} is 503 with {@code reason} whenever it gives one. */
    public RestSettings withWaiting(Supplier<Optional<String>> reason) {
        return new RestSettings(peerTimeout, authToken, metrics, observer, events, keepAlive, reason);
    }

    /** The token stays out of logs and messages even when settings are printed. */
    @Override
    public String toString() {
        return "RestSettings[peerTimeout=" + peerTimeout + ", authToken=" + (authToken.isPresent() ? "(set)" : "(none)")
                + ", observer=" + observer + ", keepAlive=" + keepAlive + "]";
    }
}
