package org.partyline.processor.rest;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How a {@link RestServer} is set up beyond its stores and locator.
 *
 * @param peerTimeout how long to wait to connect to another instance, and for its whole answer, before 503
 * @param authToken   {@code http.auth.token}: when present, every path but the probes and {@code /metrics} needs
 *                    {@code Authorization: Bearer TOKEN}, and requests to peers carry it
 * @param metrics     the Prometheus text of {@code /metrics}, computed on each scrape
 * @param observer    told of every request answered and every request forwarded
 */
public record RestSettings(Duration peerTimeout, Optional<String> authToken, Supplier<String> metrics,
                           RequestObserver observer) {
    public static final Duration DEFAULT_PEER_TIMEOUT = Duration.ofSeconds(3);

    public RestSettings {
        Objects.requireNonNull(peerTimeout, "peerTimeout");
        Objects.requireNonNull(authToken, "authToken");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(observer, "observer");
    }

    /** No token, empty metrics, nothing observed, {@link #DEFAULT_PEER_TIMEOUT}. */
    public static RestSettings defaults() {
        return new RestSettings(DEFAULT_PEER_TIMEOUT, Optional.empty(), () -> "", RequestObserver.NONE);
    }

    public RestSettings withPeerTimeout(Duration timeout) {
        return new RestSettings(timeout, authToken, metrics, observer);
    }

    public RestSettings withAuthToken(Optional<String> token) {
        return new RestSettings(peerTimeout, token, metrics, observer);
    }

    public RestSettings withMetrics(Supplier<String> scrape) {
        return new RestSettings(peerTimeout, authToken, scrape, observer);
    }

    public RestSettings withObserver(RequestObserver requestObserver) {
        return new RestSettings(peerTimeout, authToken, metrics, requestObserver);
    }

    /** The token stays out of logs and messages even when settings are printed. */
    @Override
    public String toString() {
        return "RestSettings[peerTimeout=" + peerTimeout + ", authToken=" + (authToken.isPresent() ? "(set)" : "(none)")
                + ", observer=" + observer + "]";
    }
}
