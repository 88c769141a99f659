package org.partyline.processor.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.apache.kafka.streams.KafkaStreams;
import org.partyline.processor.query.Bodies;
import org.partyline.processor.query.ClaimQueries;
import org.partyline.processor.query.InstanceLocator;
import org.partyline.processor.query.PartyDirectory;
import org.partyline.processor.query.PeerException;
import org.partyline.processor.query.QueryResult;
import org.partyline.processor.query.StanceQueries;

/**
 * The route table of CONTRACT section 4 plus {@code /health}, {@code /instances} and the {@code /internal/...}
 * endpoints that answer from local stores only. Each route maps a {@link QueryResult} to a status:
 * found 200, held elsewhere forwarded, unknown 404, invalid 400, unavailable 503.
 */
final class Routes {
    private final List<Route> routes = new ArrayList<>();
    private final HttpPeers peers;
    private final Supplier<KafkaStreams.State> state;

    Routes(StanceQueries stances, ClaimQueries claims, PartyDirectory directory, InstanceLocator locator,
           HttpPeers peers, Supplier<KafkaStreams.State> state) {
        this.peers = peers;
        this.state = state;
        add("health", (r, p) -> health(r));
        add("instances", (r, p) -> Reply.ok(new Bodies.Instances(locator.instances())));
        add("api/parties", (r, p) -> reply(r, directory.parties()));
        add("api/parties/{}/stances", (r, p) -> reply(r, stances.partyStances(p.get(0), r.forwarded())));
        add("api/parties/{}/stances/{}", (r, p) -> reply(r, stances.partyTopic(p.get(0), p.get(1), r.forwarded())));
        add("api/parties/{}/changes", (r, p) -> reply(r, stances.partyChanges(p.get(0), r.forwarded())));
        add("api/parties/{}/contested-claims", (r, p) -> reply(r, claims.contestedClaims(p.get(0), r.forwarded())));
        add("api/topics/{}/stances", (r, p) -> reply(r, stances.topicStances(p.get(0), r.forwarded())));
        add("api/claims", (r, p) -> reply(r, claims.claims(r.query().get("status"))));
        add("api/claims/{}", (r, p) -> reply(r, claims.claim(p.get(0), r.forwarded())));
        add("internal/parties", (r, p) -> reply(r, directory.localParties()));
        add("internal/claims", (r, p) -> reply(r, claims.localClaims(r.query().get("status"))));
        add("internal/known/{}/{}", (r, p) -> reply(r, directory.knownHere(p.get(0), p.get(1))));
    }

    Reply answer(Request request) {
        for (Route route : routes) {
            List<String> params = route.match(request.segments());
            if (params != null) {
                if (!"GET".equals(request.method())) {
                    return Reply.error(405, request.describe(), "method not allowed, only GET");
                }
                return route.handler().apply(request, params);
            }
        }
        return Reply.error(404, request.describe(), "no such resource");
    }

    private Reply health(Request request) {
        KafkaStreams.State current = state.get();
        boolean up = current == KafkaStreams.State.RUNNING || current == KafkaStreams.State.REBALANCING;
        return up ? Reply.ok(Map.of("status", current.name()))
                : Reply.error(503, request.describe(), "Kafka Streams is " + current + ", not processing");
    }

    private Reply reply(Request request, QueryResult<?> result) {
        if (result instanceof QueryResult.Found<?> found) {
            return Reply.ok(found.body());
        }
        if (result instanceof QueryResult.FoundRemotely<?> remote) {
            try {
                return peers.get(remote.owner(), request.rawPathAndQuery());
            } catch (PeerException e) {
                return Reply.error(503, request.describe(), e.getMessage());
            }
        }
        if (result instanceof QueryResult.NotFound<?> notFound) {
            return Reply.error(404, request.describe(), notFound.reason());
        }
        if (result instanceof QueryResult.Invalid<?> invalid) {
            return Reply.error(400, request.describe(), invalid.reason());
        }
        return Reply.error(503, request.describe(), ((QueryResult.Unavailable<?>) result).reason());
    }

    private void add(String pattern, BiFunction<Request, List<String>, Reply> handler) {
        routes.add(new Route(List.of(pattern.split("/")), handler));
    }

    private record Route(List<String> pattern, BiFunction<Request, List<String>, Reply> handler) {

        /** The values of the {@code {}} segments, or null when the path is not this route's. */
        List<String> match(List<String> segments) {
            if (segments.size() != pattern.size()) {
                return null;
            }
            List<String> params = new ArrayList<>();
            for (int i = 0; i < pattern.size(); i++) {
                if ("{}".equals(pattern.get(i))) {
                    params.add(segments.get(i));
                } else if (!pattern.get(i).equals(segments.get(i))) {
                    return null;
                }
            }
            return params;
        }
    }
}
