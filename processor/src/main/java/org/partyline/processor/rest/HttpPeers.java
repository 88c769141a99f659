package org.partyline.processor.rest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.partyline.processor.query.Bodies;
import org.partyline.processor.query.Instance;
import org.partyline.processor.query.PeerException;
import org.partyline.processor.query.Peers;
import org.partyline.schema.ClaimStatus;

/**
 * Talks to the other instances over HTTP: forwards whole requests for keys they hold, and asks their
 * {@code /internal/...} endpoints for local parts of lists. Every request carries {@link #FORWARDED_HEADER}, so
 * the receiver answers from its own stores and never forwards again, and the bearer token when one is configured.
 *
 * <p>One {@link HttpClient} for the life of the server: it keeps HTTP/1.1 connections to each peer open and reuses
 * them (keep-alive), so a forwarded lookup costs no TCP handshake. Connecting and each whole request are bounded by
 * the same timeout.
 */
final class HttpPeers implements Peers {
    static final String FORWARDED_HEADER = "X-Partyline-Forwarded";

    private final HttpClient client;
    private final Duration timeout;
    private final Optional<String> token;
    private final RequestObserver observer;

    /**
     * @param timeout  how long to wait to connect to a peer, and for its whole answer
     * @param token    the bearer token the peers require, if any
     * @param observer told of every request sent and whether it failed
     */
    HttpPeers(Duration timeout, Optional<String> token, RequestObserver observer) {
        this.timeout = timeout;
        this.token = token.filter(t -> !t.isBlank());
        this.observer = observer;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** GET {@code pathAndQuery} (raw, as received) on the peer; any status is an answer. */
    Reply get(Instance peer, String pathAndQuery) {
        String host = peer.host().contains(":") ? "[" + peer.host() + "]" : peer.host();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + peer.port()
                        + pathAndQuery))
                .timeout(timeout).header(FORWARDED_HEADER, "1").header("Accept", Exchanges.JSON).GET();
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        boolean failed = true;
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            failed = response.statusCode() >= 500;
            return new Reply(response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            throw new PeerException(peer, "did not answer GET " + pathAndQuery + " within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            String reason = e.getMessage() == null ? "connection failed" : e.getMessage();
            throw new PeerException(peer, "could not be reached for GET " + pathAndQuery + " (" + reason + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerException(peer, "was being asked GET " + pathAndQuery + " when this server stopped");
        } finally {
            observer.forwarded(failed);
        }
    }

    @Override
    public boolean partyKnown(Instance peer, String store, String party) {
        return read(peer, "/internal/known/" + encode(store) + "/" + encode(party), Bodies.Known.class).known();
    }

    @Override
    public List<String> parties(Instance peer) {
        return read(peer, "/internal/parties", Bodies.Parties.class).parties();
    }

    @Override
    public List<Bodies.Claim> claims(Instance peer, Optional<ClaimStatus> status) {
        String query = status.map(s -> "?status=" + s.name()).orElse("");
        return read(peer, "/internal/claims" + query, Bodies.Claims.class).claims();
    }

    private <T> T read(Instance peer, String path, Class<T> type) {
        Reply reply = get(peer, path);
        if (reply.status() != 200) {
            throw new PeerException(peer, "answered " + reply.status() + " to GET " + path + ": " + errorOf(reply));
        }
        try {
            return Json.read(reply.json(), type);
        } catch (IOException e) {
            throw new PeerException(peer, "answered GET " + path + " with a body that is not a "
                    + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String errorOf(Reply reply) {
        try {
            Object error = Json.read(reply.json(), Map.class).get("error");
            return String.valueOf(error);
        } catch (IOException | RuntimeException e) {
            return "(no JSON error)";
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
