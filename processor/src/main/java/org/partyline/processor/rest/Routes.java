package org.partyline.processor.rest;

import static org.partyline.processor.rest.Exchanges.describe;
import static org.partyline.processor.rest.Exchanges.asked;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.apache.kafka.streams.KafkaStreams;
import org.partyline.processor.query.ActivityQueries;
import org.partyline.processor.query.AgreementQueries;
import org.partyline.processor.query.Bodies;
import org.partyline.processor.query.ClaimQueries;
import org.partyline.processor.query.InstanceLocator;
import org.partyline.processor.query.PageRequest;
import org.partyline.processor.query.PartyDirectory;
import org.partyline.processor.query.PeerException;
import org.partyline.processor.query.QueryResult;
import org.partyline.processor.query.StanceGathering;
import org.partyline.processor.query.StanceQueries;
import org.partyline.processor.query.StoreReadiness;
import org.partyline.processor.query.TopicDirectory;

/**
 * The route table of CONTRACT section 4, the dashboard's extensions ({@code /api/activity}, {@code /api/topics}),
 * {@code /instances} and the {@code /internal/...} endpoints that answer from local stores only: one line per route, each a GET (HEAD answers the same without the body). Each route maps
 * a {@link QueryResult} to a status: found 200, held elsewhere forwarded, unknown 404, invalid 400, unavailable 503.
 * {@code /api/events} streams the change feed ({@link EventStream}); {@code /} and {@code /dashboard/FILE} serve the
 * web dashboard ({@link Dashboard}).
 */
final class Routes {
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final StanceQueries stances;
    private final AgreementQueries agreement;
    private final StanceGathering gathering;
    private final ClaimQueries claims;
    private final PartyDirectory directory;
    private final InstanceLocator locator;
    private final StoreReadiness readiness;
    private final HttpPeers peers;
    private final Supplier<KafkaStreams.State> state;
    private final Supplier<String> metrics;
    private final EventStream events;
    private final Supplier<Optional<String>> waiting;
    private final ActivityQueries activity;
    private final TopicDirectory topics;
    private final Dashboard dashboard = new Dashboard();

    Routes(StanceQueries stances, AgreementQueries agreement, StanceGathering gathering, ClaimQueries claims,
           PartyDirectory directory, InstanceLocator locator, StoreReadiness readiness, HttpPeers peers,
           Supplier<KafkaStreams.State> state, Supplier<String> metrics, EventStream events,
           Supplier<Optional<String>> waiting, ActivityQueries activity, TopicDirectory topics) {
        this.stances = stances;
        this.agreement = agreement;
        this.gathering = gathering;
        this.claims = claims;
        this.directory = directory;
        this.locator = locator;
        this.readiness = readiness;
        this.peers = peers;
        this.state = state;
        this.metrics = metrics;
        this.events = events;
        this.waiting = waiting;
        this.activity = activity;
        this.topics = topics;
    }

    private record Route(String template, Handler handler) {
    }

    private List<Route> table() {
        return List.of(
                new Route("/", dashboard::page),
                new Route(Dashboard.FOLDER + "{file}", dashboard::file),
                json("/health", ctx -> health(ctx)),
                json("/health/live", ctx -> live(ctx)),
                json("/health/ready", ctx -> ready(ctx)),
                new Route("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.get())),
                json("/instances", ctx -> Reply.ok(new Bodies.Instances(locator.instances()))),
                json("/api/parties", ctx -> reply(ctx, paged(ctx, PartyDirectory.ARITY,
                        page -> directory.parties(ctx.queryParam("prefix"), page)))),
                json("/api/parties/{party}/stances", ctx -> reply(ctx, paged(ctx, StanceQueries.STANCES_ARITY,
                        page -> stances.partyStances(ctx.pathParam("party"), asOf(ctx), page, asked(ctx))))),
                json("/api/parties/{party}/stances/{topic}", ctx -> reply(ctx, paged(ctx, StanceQueries.HISTORY_ARITY,
                        page -> stances.partyTopic(ctx.pathParam("party"), ctx.pathParam("topic"), asOf(ctx), page,
                                asked(ctx))))),
                json("/api/parties/{party}/changes", ctx -> reply(ctx, paged(ctx, StanceQueries.CHANGES_ARITY,
                        page -> stances.partyChanges(ctx.pathParam("party"), asOf(ctx), page, asked(ctx))))),
                json("/api/parties/{party}/agreement", ctx -> reply(ctx, paged(ctx, AgreementQueries.ARITY,
                        page -> agreement.agreement(ctx.pathParam("party"), asOf(ctx), page, asked(ctx))))),
                json("/api/parties/{party}/contested-claims", ctx -> reply(ctx, claims.contestedClaims(
                        ctx.pathParam("party"), ctx.queryParam("limit"), ctx.queryParam("after"), asked(ctx)))),
                json("/api/topics/{topic}/stances", ctx -> reply(ctx, paged(ctx, StanceQueries.TOPIC_STANCES_ARITY,
                        page -> stances.topicStances(ctx.pathParam("topic"), asOf(ctx), page, asked(ctx))))),
                json("/api/claims", ctx -> reply(ctx, claims.claims(ctx.queryParam("status"),
                        ctx.queryParam("prefix"), ctx.queryParam("limit"), ctx.queryParam("after")))),
                json("/api/claims/{claimId}", ctx -> reply(ctx,
                        claims.claim(ctx.pathParam("claimId"), asOf(ctx), asked(ctx)))),
                json("/api/parties/{party}/claim-changes", ctx -> reply(ctx,
                        claims.partyClaimChanges(ctx.pathParam("party"), asOf(ctx), ctx.queryParam("limit"),
                                ctx.queryParam("after"), asked(ctx)))),
                new Route("/api/events", events::handle),
                json("/api/activity", ctx -> reply(ctx, activity.activity(ctx.queryParam("limit")))),
                json("/api/topics", ctx -> reply(ctx, topics.topics(ctx.queryParam("limit"), ctx.queryParam("after"),
                        ctx.queryParam("prefix")))),
                json("/internal/parties", ctx -> reply(ctx, paged(ctx, PartyDirectory.ARITY,
                        page -> directory.localParties(ctx.queryParam("prefix"), page)))),
                json("/internal/claims", ctx -> reply(ctx, claims.localClaims(ctx.queryParam("status"),
                        ctx.queryParam("prefix"), ctx.queryParam("limit"), ctx.queryParam("after")))),
                json("/internal/claims-by-id", ctx -> reply(ctx, claims.localClaimsById(ctx.queryParam("ids")))),
                json("/internal/stances-at", ctx -> reply(ctx, gathering.localStancesAt(
                        ctx.queryParam("pairs"), asOf(ctx), ctx.queryParam("since")))),
                json("/internal/topic-stances", ctx -> reply(ctx, gathering.localTopicStances(ctx.queryParam("topics"),
                        ctx.queryParam("after"), ctx.queryParam("parties")))),
                json("/internal/activity", ctx -> reply(ctx, activity.localActivity())),
                json("/internal/known/{store}/{party}",
                        ctx -> reply(ctx, directory.knownHere(ctx.pathParam("store"), ctx.pathParam("party"), asked(ctx)))));
    }

    /** Declares every route for GET and HEAD. */
    void declare(RoutesConfig config) {
        for (Route route : table()) {
            config.get(route.template(), route.handler());
            config.head(route.template(), route.handler());
        }
    }

    /** The raw {@code asOf} query parameter (CONTRACT section 6.2), null when absent; the queries parse it. */
    private static String asOf(Context ctx) {
        return ctx.queryParam("asOf");
    }

    /** The page the {@code limit} and {@code after} query parameters ask for (CONTRACT section 8), or 400. */
    private static <T> QueryResult<T> paged(Context ctx, int arity, Function<PageRequest, QueryResult<T>> query) {
        return PageRequest.with(ctx.queryParam("limit"), ctx.queryParam("after"), arity, query);
    }

    private static Route json(String template, Function<Context, Reply> answer) {
        return new Route(template, ctx -> Exchanges.send(ctx, answer.apply(ctx)));
    }

    private Reply health(Context ctx) {
        KafkaStreams.State current = state.get();
        return Probes.processing(current) ? status(current)
                : Reply.error(503, describe(ctx), "Kafka Streams is " + current + ", not processing");
    }

    private Reply live(Context ctx) {
        KafkaStreams.State current = state.get();
        return Probes.live(current) ? status(current)
                : Reply.error(503, describe(ctx), "Kafka Streams is " + current + ", failed or shutting down");
    }

    private Reply ready(Context ctx) {
        KafkaStreams.State current = state.get();
        Optional<String> notReady = waiting.get().or(() -> Probes.notReady(current,
                current == KafkaStreams.State.RUNNING ? readiness.unqueryable() : Optional.empty()));
        return notReady.map(reason -> Reply.error(503, describe(ctx), reason)).orElseGet(() -> status(current));
    }

    private static Reply status(KafkaStreams.State current) {
        return Reply.ok(Map.of("status", current.name()));
    }

    private Reply reply(Context ctx, QueryResult<?> result) {
        if (result instanceof QueryResult.Found<?> found) {
            return Reply.ok(found.body());
        }
        if (result instanceof QueryResult.FoundOnStandby<?> stale) {
            return Reply.stale(stale.body(), stale.lag());
        }
        if (result instanceof QueryResult.FoundRemotely<?> remote) {
            return forward(ctx, remote);
        }
        if (result instanceof QueryResult.NotFound<?> notFound) {
            return Reply.error(404, describe(ctx), notFound.reason());
        }
        if (result instanceof QueryResult.Invalid<?> invalid) {
            return Reply.error(400, describe(ctx), invalid.reason());
        }
        return Reply.error(503, describe(ctx), ((QueryResult.Unavailable<?>) result).reason());
    }

    /**
     * Asks the instance that holds the key (or its standby copy); when it does not answer or answers 503, goes on to
     * the next copy the query layer names ({@link QueryResult.FoundRemotely#otherwise()}).
     */
    private Reply forward(Context ctx, QueryResult.FoundRemotely<?> remote) {
        String failed;
        try {
            Reply reply = peers.get(remote.owner(), Exchanges.rawPathAndQuery(ctx), remote.standby());
            if (reply.status() != 503) {
                return reply;
            }
            failed = "instance " + remote.owner() + " answered 503";
        } catch (PeerException e) {
            failed = e.getMessage();
        }
        QueryResult<?> next = remote.otherwise().get();
        if (next instanceof QueryResult.Unavailable<?> unavailable) {
            return Reply.error(503, describe(ctx), failed + "; " + unavailable.reason());
        }
        return reply(ctx, next);
    }
}
