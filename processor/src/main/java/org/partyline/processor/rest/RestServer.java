package org.partyline.processor.rest;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.partyline.processor.query.ActivityQueries;
import org.partyline.processor.query.AgreementQueries;
import org.partyline.processor.query.ClaimQueries;
import org.partyline.processor.query.InstanceLocator;
import org.partyline.processor.query.PartyDirectory;
import org.partyline.processor.query.StanceGathering;
import org.partyline.processor.query.StanceQueries;
import org.partyline.processor.query.StoreProvider;
import org.partyline.processor.query.StoreReadiness;
import org.partyline.processor.query.TopicDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of the REST API (CONTRACT section 4): Javalin on Jetty 12, a thin shell over {@code query/}.
 * Answers for every key: keys another instance holds are forwarded to it, lists are gathered from every instance.
 * Every error, Jetty's own included, is {@code {"error": "GET /path: reason"}} in JSON.
 */
public final class RestServer implements AutoCloseable {
    public static final Duration DEFAULT_PEER_TIMEOUT = RestSettings.DEFAULT_PEER_TIMEOUT;
    static final String UNMATCHED = "unmatched";
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    private static final String STARTED_AT = "partyline.startedAt";
    private static final int MAX_THREADS = 32;

    private final Routes routes;
    private final ActivityQueries activity;
    private final Optional<BearerToken> token;
    private final RequestObserver observer;
    private final Dashboard dashboard = new Dashboard();
    private Javalin app;

    /**
     * @param stores  this instance's stores
     * @param locator who holds which key, and every instance
     * @param state   the Kafka Streams state, for the probes
     */
    public RestServer(StoreProvider stores, InstanceLocator locator, Supplier<KafkaStreams.State> state) {
        this(stores, locator, state, RestSettings.defaults());
    }

    /** @param peerTimeout how long to wait for another instance before answering 503 */
    public RestServer(StoreProvider stores, InstanceLocator locator, Supplier<KafkaStreams.State> state,
                      Duration peerTimeout) {
        this(stores, locator, state, RestSettings.defaults().withPeerTimeout(peerTimeout));
    }

    public RestServer(StoreProvider stores, InstanceLocator locator, Supplier<KafkaStreams.State> state,
                      RestSettings settings) {
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(locator, "locator");
        Objects.requireNonNull(state, "state");
        this.token = BearerToken.of(settings.authToken());
        this.observer = settings.observer();
        HttpPeers peers = new HttpPeers(settings.peerTimeout(), settings.authToken(), observer);
        PartyDirectory directory = new PartyDirectory(stores, locator, peers);
        StanceGathering gathering = new StanceGathering(stores, locator, peers);
        this.activity = new ActivityQueries(stores, locator, peers);
        this.routes = new Routes(new StanceQueries(stores, locator, directory, gathering),
                new AgreementQueries(stores, locator, directory, gathering), gathering,
                new ClaimQueries(stores, locator, peers, directory), directory, locator,
                new StoreReadiness(stores, locator), peers, state, settings.metrics(),
                new EventStream(settings.events(), settings.keepAlive()), settings.waiting(),
                activity, new TopicDirectory(activity));
    }

    /** Binds {@code host:port} (port 0: any free port) and serves. */
    public synchronized RestServer start(String host, int port) {
        if (app != null) {
            throw new IllegalStateException("already serving on port " + port());
        }
        app = Javalin.create(config -> configure(config, host, port));
        try {
            app.start();
        } catch (RuntimeException e) {
            app = null;
            throw new IllegalStateException("cannot serve HTTP on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        LOG.info("REST API serving on {}:{}", host, port());
        return this;
    }

    private void configure(JavalinConfig config, String host, int port) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.router.ignoreTrailingSlashes = false;
        config.http.prefer405over404 = true;
        config.http.defaultContentType = Exchanges.JSON;
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
        threads.setName("partyline-http");
        threads.setDaemon(true);
        config.jetty.threadPool = threads;
        config.jetty.addConnector((server, http) -> {
            // One connector, Nagle off (Jetty's default, pinned here): no 40 ms stall on keep-alive answers.
            ServerConnector connector = new ServerConnector(server, new RequestTargets(http));
            connector.setHost(host);
            connector.setPort(port);
            connector.setAcceptedTcpNoDelay(true);
            return connector;
        });
        JsonErrorHandler jettyErrors = new JsonErrorHandler();
        config.jetty.modifyServer(server -> server.setErrorHandler(jettyErrors));
        config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(jettyErrors));

        config.routes.before(this::admit);
        routes.declare(config.routes);
        config.routes.after(this::observe);
        config.routes.error(404, ctx -> {
            if (ctx.endpoints().matchedHttpEndpoint() == null) {
                Exchanges.send(ctx, Reply.error(404, Exchanges.describe(ctx), "no such resource"));
            }
        });
        config.routes.error(405, ctx -> {
            ctx.header("Allow", "GET, HEAD");
            Exchanges.send(ctx, Reply.error(405, Exchanges.describe(ctx), "method not allowed, only GET"));
        });
        config.routes.exception(Refused.class, (e, ctx) -> {
            if (e.challenge) {
                ctx.header("WWW-Authenticate", "Bearer");
                if (Dashboard.wantsPage(ctx)) {
                    // A browser opening the dashboard: the page (no data in it) with the 401, and it asks for the token.
                    dashboard.page(ctx, e.reply.status());
                    return;
                }
            }
            Exchanges.send(ctx, e.reply);
        });
        config.routes.exception(HttpResponseException.class, (e, ctx) ->
                Exchanges.send(ctx, Reply.error(e.getStatus(), Exchanges.describe(ctx), e.getMessage())));
        config.routes.exception(Exception.class, (e, ctx) -> {
            String request = Exchanges.describe(ctx);
            if (Exchanges.ENDED.equals(request)) {
                LOG.debug("{}: {}", request, e.toString());
                return;
            }
            LOG.error("{} failed", request, e);
            try {
                Exchanges.send(ctx, Reply.error(500, request, "internal error, see the server log"));
            } catch (RuntimeException gone) {
                LOG.debug("{}: no answer could be sent: {}", request, gone.toString());
            }
        });
    }

    /**
     * Before every route: the bearer token (open paths pass, the others need it when one is configured), then the
     * query string, whose malformed percent-encodings Javalin would silently drop (a filter would vanish).
     */
    private void admit(Context ctx) {
        ctx.attribute(STARTED_AT, System.nanoTime());
        if (token.isPresent() && !BearerToken.isOpen(ctx.path()) && !token.get().admits(ctx.header("Authorization"))) {
            String reason = ctx.header("Authorization") == null ? "missing Authorization: Bearer token"
                    : "wrong bearer token";
            throw new Refused(Reply.error(401, Exchanges.describe(ctx), reason), true);
        }
        if (Exchanges.malformedPercent(ctx.queryString())) {
            throw new Refused(Reply.error(400, Exchanges.describe(ctx), "malformed percent-encoding in the query"),
                    false);
        }
    }

    private void observe(Context ctx) {
        Long startedAt;
        int status;
        try {
            startedAt = ctx.attribute(STARTED_AT);
            status = ctx.statusCode();
        } catch (RuntimeException ended) {
            // A stream whose client went away ends after Jetty recycled its exchange: there is nothing left to count.
            LOG.debug("a request whose exchange had ended was not counted: {}", ended.toString());
            return;
        }
        long nanos = startedAt == null ? 0 : System.nanoTime() - startedAt;
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        observer.observed(matched == null ? UNMATCHED : matched.path, status, nanos);
    }

    /** The bound port. */
    public synchronized int port() {
        if (app == null) {
            throw new IllegalStateException("not started");
        }
        return ((ServerConnector) app.jettyServer().server().getConnectors()[0]).getLocalPort();
    }

    /** Whether accepted connections have Nagle's algorithm off, for the test that pins it. */
    synchronized boolean tcpNoDelay() {
        return ((ServerConnector) app.jettyServer().server().getConnectors()[0]).getAcceptedTcpNoDelay();
    }

    @Override
    public synchronized void close() {
        activity.close();
        if (app != null) {
            app.stop();
            app = null;
        }
    }

    /** A request refused before its route ran (no or a wrong token, a malformed query); carries the answer. */
    private static final class Refused extends RuntimeException {
        private final transient Reply reply;
        private final boolean challenge;

        /** @param challenge whether to answer {@code WWW-Authenticate: Bearer} (a 401) */
        Refused(Reply reply, boolean challenge) {
            super(null, null, false, false);
            this.reply = reply;
            this.challenge = challenge;
        }
    }
}
