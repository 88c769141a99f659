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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.partyline.processor.query.Bodies;
import org.partyline.processor.query.ExtensionBodies;
import org.partyline.processor.query.Instance;
import org.partyline.processor.query.PageRequest;
import org.partyline.processor.query.PartyTopic;
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
    /** The value of {@link #FORWARDED_HEADER} that asks the peer for its standby copy. */
    static final String STANDBY = "standby";
    /** How long a peer that did not answer is not asked again. */
    static final Duration REMEMBER_FAILURE = Duration.ofSeconds(2);
    /** Longest list of parties or topics in one internal request (Jetty refuses request lines above 8 KiB). */
    static final int MAX_LIST_CHARS = 3000;

    private final HttpClient client;
    private final Duration timeout;
    private final Optional<String> token;
    private final RequestObserver observer;
    private final PeerMemory memory = new PeerMemory(REMEMBER_FAILURE, System::nanoTime);

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

    /**
     * GET {@code pathAndQuery} (raw, as received) on the peer, of its active copy or ({@code standby}) its standby
     * copy; any status is an answer, and its stale-copy headers are kept. A peer that did not answer within the last
     * {@link #REMEMBER_FAILURE} is not asked: it fails at once.
     */
    Reply get(Instance peer, String pathAndQuery, boolean standby) {
        Optional<String> recent = memory.recentFailure(peer);
        if (recent.isPresent()) {
            observer.forwarded(true);
            throw new PeerException(peer, "was not asked GET " + pathAndQuery + ": " + recent.get());
        }
        String host = peer.host().contains(":") ? "[" + peer.host() + "]" : peer.host();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + peer.port()
                        + pathAndQuery))
                .timeout(timeout).header(FORWARDED_HEADER, standby ? STANDBY : "1").header("Accept", Exchanges.JSON)
                .GET();
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        boolean failed = true;
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            memory.answered(peer);
            failed = response.statusCode() >= 500;
            return new Reply(response.statusCode(), response.body(), staleHeaders(response));
        } catch (HttpTimeoutException e) {
            throw unanswered(peer, "did not answer GET " + pathAndQuery + " within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            String reason = e.getMessage() == null ? "connection failed" : e.getMessage();
            throw unanswered(peer, "could not be reached for GET " + pathAndQuery + " (" + reason + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerException(peer, "was being asked GET " + pathAndQuery + " when this server stopped");
        } finally {
            observer.forwarded(failed);
        }
    }

    /** GET of the peer's active copy. */
    Reply get(Instance peer, String pathAndQuery) {
        return get(peer, pathAndQuery, false);
    }

    private PeerException unanswered(Instance peer, String reason) {
        memory.failed(peer, "instance " + peer + " " + reason);
        return new PeerException(peer, reason);
    }

    private static Map<String, String> staleHeaders(HttpResponse<?> response) {
        Map<String, String> headers = new TreeMap<>();
        for (String name : List.of(Reply.STALE_HEADER, Reply.LAG_HEADER)) {
            response.headers().firstValue(name).ifPresent(value -> headers.put(name, value));
        }
        return headers;
    }

    @Override
    public boolean partyKnown(Instance peer, String store, String party, boolean standby) {
        return read(peer, "/internal/known/" + encode(store) + "/" + encode(party), standby, Bodies.Known.class)
                .known();
    }

    @Override
    public Bodies.PartiesPart parties(Instance peer, String prefix, PageRequest page) {
        String query = "?limit=" + page.limit() + (prefix.isEmpty() ? "" : "&prefix=" + encode(prefix))
                + page.after().map(c -> "&after=" + c.encode()).orElse("");
        return read(peer, "/internal/parties" + query, false, Bodies.PartiesPart.class);
    }

    @Override
    public Bodies.ClaimsPart claims(Instance peer, Optional<ClaimStatus> status, String prefix, PageRequest page) {
        StringBuilder query = new StringBuilder("?limit=").append(page.limit());
        status.ifPresent(s -> query.append("&status=").append(s.name()));
        if (!prefix.isEmpty()) {
            query.append("&prefix=").append(encode(prefix));
        }
        page.after().ifPresent(c -> query.append("&after=").append(encode(c.encode())));
        return read(peer, "/internal/claims" + query, false, Bodies.ClaimsPart.class);
    }

    /**
     * {@code /internal/claims-by-id}: one request, or a few for a list longer than {@link #MAX_LIST_CHARS}; a part
     * cut short (at the bound of positions) ends the list.
     */
    @Override
    public Bodies.ClaimsById claimsById(Instance peer, List<String> ids) {
        List<Bodies.Claim> claims = new ArrayList<>();
        for (String someIds : chunks(ids)) {
            Bodies.ClaimsById part = read(peer, "/internal/claims-by-id?ids=" + someIds, false,
                    Bodies.ClaimsById.class);
            claims.addAll(part.claims());
            if (part.more()) {
                return new Bodies.ClaimsById(claims, true);
            }
        }
        return new Bodies.ClaimsById(claims, false);
    }

    /**
     * {@code /internal/stances-at}: one request, or a few when the list of pairs would make the URL longer than
     * {@link #MAX_LIST_CHARS}.
     */
    @Override
    public Bodies.StancesAt stancesAt(Instance peer, List<PartyTopic> pairs, Instant asOf, boolean withSince) {
        List<Bodies.StanceAt> stances = new ArrayList<>();
        for (String somePairs : chunks(pairs.stream().map(PartyTopic::written).toList())) {
            stances.addAll(read(peer, "/internal/stances-at?asOf=" + encode(asOf.toString()) + "&pairs=" + somePairs
                    + (withSince ? "" : "&since=false"), false, Bodies.StancesAt.class).stances());
        }
        return new Bodies.StancesAt(stances);
    }

    /** {@code /internal/topic-stances}: one request, or a few for a list longer than {@link #MAX_LIST_CHARS}. */
    @Override
    public Bodies.TopicStancesPart topicStances(Instance peer, List<String> topics, Optional<String> after, int max) {
        List<Bodies.HeldTopicStance> stances = new ArrayList<>();
        String page = "&parties=" + max + after.map(p -> "&after=" + encode(p)).orElse("");
        for (String someTopics : chunks(topics)) {
            stances.addAll(read(peer, "/internal/topic-stances?topics=" + someTopics + page, false,
                    Bodies.TopicStancesPart.class).stances());
        }
        return new Bodies.TopicStancesPart(stances);
    }

    @Override
    public ExtensionBodies.ActivityPart activity(Instance peer) {
        return read(peer, "/internal/activity", false, ExtensionBodies.ActivityPart.class);
    }


    /**
     * Comma-separated, percent-encoded lists of at most {@link #MAX_LIST_CHARS} characters each (one for a short
     * list), so that a request line stays well within the servers' limit.
     */
    static List<String> chunks(List<String> values) {
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (String value : values) {
            String encoded = encode(value);
            if (chunk.length() > 0 && chunk.length() + 1 + encoded.length() > MAX_LIST_CHARS) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
            }
            chunk.append(chunk.length() > 0 ? "," : "").append(encoded);
        }
        if (chunk.length() > 0 || chunks.isEmpty()) {
            chunks.add(chunk.toString());
        }
        return chunks;
    }

    private <T> T read(Instance peer, String path, boolean standby, Class<T> type) {
        Reply reply = get(peer, path, standby);
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
