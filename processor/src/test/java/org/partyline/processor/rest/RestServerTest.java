package org.partyline.processor.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partyline.processor.rest.HttpTestClient.assertError;
import static org.partyline.processor.rest.HttpTestClient.get;
import static org.partyline.processor.rest.HttpTestClient.json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.partyline.processor.query.FakeLocator;
import org.partyline.processor.query.FakeStores;
import org.partyline.processor.query.Instance;
import org.partyline.processor.query.SeedViews;
import org.partyline.processor.query.StoreProvider;
import org.partyline.processor.streams.StoreNames;

class RestServerTest {
    private final FakeStores stores = new FakeStores();
    private final FakeLocator locator = FakeLocator.alone();
    private final AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.RUNNING);
    private final List<String> observed = new CopyOnWriteArrayList<>();
    private final RequestObserver observer = new RequestObserver() {
        @Override
        public void observed(String route, int status, long nanos) {
            observed.add(route + " " + status);
        }

        @Override
        public void forwarded(boolean failed) {
            observed.add("forwarded " + failed);
        }
    };
    private RestServer server;
    private int port;

    @BeforeEach
    void start() {
        SeedViews.fill(stores, (store, key) -> true);
        server = new RestServer(stores, locator, state::get, RestSettings.defaults().withObserver(observer)
                .withMetrics(() -> "partyline_events_folded_total{topic=\"statements\"} 21.0\n")).start("127.0.0.1", 0);
        port = server.port();
        locator.setSelf(new Instance("127.0.0.1", port));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldAnswerEveryViewOfTheSeedWithTheContractShapeAndOrder() {
        for (Map.Entry<String, String> view : SeedBodies.BY_PATH.entrySet()) {
            HttpTestClient.Answer answer = get(port, view.getKey());
            assertEquals(200, answer.status(), () -> view.getKey() + " -> " + answer.body());
            assertEquals(json(view.getValue()), answer.body(), view.getKey());
            assertEquals("application/json", answer.contentType(), view.getKey());
        }
    }

    @Test
    void shouldNormalizeThePartyLikeTheInput() {
        assertEquals(json(SeedBodies.BY_PATH.get("/api/parties/RU/stances")), get(port, "/api/parties/ru/stances").body());
        assertEquals(json(SeedBodies.BY_PATH.get("/api/parties/US/changes")), get(port, "/api/parties/%20us%20/changes").body());
        assertEquals(json(SeedBodies.BY_PATH.get("/api/parties/UA/contested-claims")),
                get(port, "/api/parties/Ua/contested-claims").body());
    }

    @Test
    void shouldFilterClaimsByStatusInAnyLetterCase() {
        assertEquals(json(SeedBodies.BY_PATH.get("/api/claims?status=CONTESTED")), get(port, "/api/claims?status=contested").body());
    }

    @Test
    void shouldAnswerBadIdsWith400AndUnknownOnesWith404NamingThePath() {
        for (Map.Entry<String, Integer> error : SeedBodies.ERRORS.entrySet()) {
            assertError(error.getValue(), error.getKey(), get(port, error.getKey()));
        }
    }

    @Test
    void shouldRefuseOtherMethodsThanGet() {
        assertError(405, "/api/parties", HttpTestClient.send(port, "/api/parties", "POST"));
        assertError(405, "/api/claims/pokrovsk-captured", HttpTestClient.send(port, "/api/claims/pokrovsk-captured", "DELETE"));
    }

    @Test
    void shouldAnswer503WhileAStoreIsNotQueryable() {
        stores.makeUnavailable(StoreNames.CLAIMS);
        assertError(503, "/api/claims/pokrovsk-captured", get(port, "/api/claims/pokrovsk-captured"));
        assertError(503, "/api/claims", get(port, "/api/claims"));
        assertEquals(200, get(port, "/api/parties/RU/stances").status());
    }

    @Test
    void shouldAnswer503ForThePartyListWhilePartyClaimsIsNotQueryable() {
        stores.makeUnavailable(StoreNames.PARTY_CLAIMS);
        assertError(503, "/api/parties", get(port, "/api/parties"));
        assertError(503, "/api/parties/DE/stances", get(port, "/api/parties/DE/stances"));
    }

    @Test
    void shouldBeHealthyOnlyWhileProcessing() {
        assertEquals(json("{\"status\": \"RUNNING\"}"), get(port, "/health").body());
        state.set(KafkaStreams.State.REBALANCING);
        assertEquals(200, get(port, "/health").status());
        state.set(KafkaStreams.State.PENDING_SHUTDOWN);
        assertError(503, "/health", get(port, "/health"));
        state.set(KafkaStreams.State.ERROR);
        assertError(503, "/health", get(port, "/health"));
    }

    @Test
    void shouldGatherListsOnlyFromTheInstancesThatHoldTheirStores() {
        // A peer with no task of claims, stances or party-claims (more instances than partitions); it is not up.
        locator.setPeer(new Instance("127.0.0.1", 9), List.of(StoreNames.TOPIC_STANCES));
        locator.setPartitions(1);
        assertEquals(json(SeedBodies.BY_PATH.get("/api/claims")), get(port, "/api/claims").body());
        assertEquals(json(SeedBodies.BY_PATH.get("/api/parties")), get(port, "/api/parties").body());
        assertEquals(json(SeedBodies.BY_PATH.get("/api/parties")).path("parties"),
                get(port, "/internal/parties").body().path("parties"));
    }

    @Test
    void shouldAnswerAnotherInstanceTheStancesOfTheAskedPairsOnlyAndRefuseAMalformedPair() {
        HttpTestClient.Answer answer = get(port, "/internal/stances-at?asOf=2030-01-01T00:00:00Z&since=false"
                + "&pairs=RU:ukraine-nato-membership,US:security-guarantees,RU:security-guarantees");
        assertEquals(200, answer.status(), answer.body()::toString);
        List<String> stances = new ArrayList<>();
        answer.body().path("stances").forEach(s -> stances.add(s.path("party").asText() + " "
                + s.path("topic").asText() + " " + s.path("stance").asText()));
        assertEquals(List.of("RU ukraine-nato-membership OPPOSE", "US security-guarantees LEAN_SUPPORT"), stances,
                "RU has no stance on security-guarantees");

        String malformed = "/internal/stances-at?asOf=2030-01-01T00:00:00Z&pairs=RU-ukraine-nato-membership";
        assertError(400, "/internal/stances-at", get(port, malformed));
        assertTrue(get(port, malformed).body().path("error").asText().contains("'RU-ukraine-nato-membership' is not a"
                + " PARTY:topic pair"));
    }

    @Test
    void shouldAnswer503ForListsWhileAPartitionOfTheirStoresIsNotQueryable() {
        stores.makeUnavailable(StoreNames.CLAIMS);
        stores.makeUnavailable(StoreNames.STANCE_HISTORY);
        assertError(503, "/api/claims", get(port, "/api/claims"));
        assertError(503, "/api/parties", get(port, "/api/parties"));
    }

    @Test
    void shouldListTheInstancesWithWhatTheyHold() {
        locator.setSelfStores(List.of(StoreNames.STANCES));
        HttpTestClient.Answer answer = get(port, "/instances");
        assertEquals(200, answer.status());
        assertEquals(json("""
                {"instances": [{"host": "127.0.0.1", "port": %d, "self": true, "stores": ["stances"],
                  "partitions": ["statements-0"], "standbyStores": [], "standbyPartitions": []}]}""".formatted(port)),
                answer.body());
    }

    @Test
    void shouldAnswerAMalformedPercentEncodingWithTheJson400NamingThePath() {
        RawHttp.Response answer = RawHttp.send(port, "GET /api/parties/%ZZ/stances HTTP/1.1");
        assertEquals(400, answer.status());
        assertEquals("application/json", answer.header("Content-Type"));
        assertEquals(json("{\"error\": \"GET /api/parties/%ZZ/stances: malformed percent-encoding in the path\"}"),
                json(answer.body()));
    }

    @Test
    void shouldAnswerAMalformedPercentEncodingInTheQueryWithJson400() {
        RawHttp.Response answer = RawHttp.send(port, "GET /api/claims?status=%ZZ HTTP/1.1");
        assertEquals(400, answer.status(), answer.body());
        assertEquals("application/json", answer.header("Content-Type"));
        assertTrue(json(answer.body()).path("error").asText().startsWith("GET /api/claims?status=%ZZ: "), answer.body());
    }

    @Test
    void shouldAnswerWhatTheHttpServerRefusesWithJsonNotAnHtmlPage() {
        for (String line : List.of("GARBAGE", "GET /api/parties/%E9/stances HTTP/1.1",
                "GET /api/parties/a b/stances HTTP/1.1", "GET /api/parties/% HTTP/1.1")) {
            RawHttp.Response answer = RawHttp.send(port, line);
            assertEquals(400, answer.status(), line);
            assertEquals("application/json", answer.header("Content-Type"), line);
            JsonNode body = json(answer.body());
            assertEquals(1, body.size(), () -> line + " -> " + body);
            assertFalse(body.path("error").asText().isBlank(), line);
            assertFalse(answer.body().contains("<") || answer.body().contains("Exception"), answer.body());
        }
        assertTrue(json(RawHttp.send(port, "GET /api/parties/%E9/stances HTTP/1.1").body()).path("error").asText()
                .startsWith("GET /api/parties/%E9/stances: "));
    }

    @Test
    void shouldDecodeEachPathSegmentOnItsOwn() {
        assertError(400, "/api/parties/RU%2FUA/stances", get(port, "/api/parties/RU%2FUA/stances"));
        assertTrue(get(port, "/api/parties/RU%2FUA/stances").body().path("error").asText()
                .contains("'RU/UA' is not a party"));
        assertTrue(get(port, "/api/parties/a+b/stances").body().path("error").asText().contains("'a+b' is not a party"));
        assertEquals(json(SeedBodies.BY_PATH.get("/api/parties/RU/stances")), get(port, "/api/parties/%52u/stances").body());
    }

    @Test
    void shouldAnswerHeadWithTheHeadersOfGetAndNoBody() {
        RawHttp.Response head = RawHttp.send(port, "HEAD /api/parties HTTP/1.1");
        RawHttp.Response getAnswer = RawHttp.send(port, "GET /api/parties HTTP/1.1");
        assertEquals(200, head.status());
        assertEquals("application/json", head.header("Content-Type"));
        assertEquals("", head.body());
        assertEquals(String.valueOf(getAnswer.body().getBytes(StandardCharsets.UTF_8).length),
                head.header("Content-Length"));
    }

    @Test
    void shouldAnswerUnknownPathsWith404AndOtherMethodsWith405AllowingGet() {
        assertError(404, "/nothing/here", get(port, "/nothing/here"));
        assertError(404, "/api/parties/", get(port, "/api/parties/"));
        RawHttp.Response post = RawHttp.send(port, "POST /api/parties HTTP/1.1");
        assertEquals(405, post.status());
        assertTrue(post.header("Allow").startsWith("GET"), post.header("Allow"));
        assertEquals("application/json", post.header("Content-Type"));
        assertEquals(json("{\"error\": \"POST /api/parties: method not allowed, only GET\"}"), json(post.body()));
    }

    @Test
    void shouldAnswer500WithoutAStackTraceWhenAQueryFailsUnexpectedly() {
        StoreProvider broken = new StoreProvider() {
            @Override
            public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
                throw new IllegalStateException("disk on fire");
            }

            @Override
            public <V> ReadOnlyKeyValueStore<String, V> active(String name, int partition) {
                throw new IllegalStateException("disk on fire");
            }

            @Override
            public <V> ReadOnlyKeyValueStore<String, V> stale(String name, int partition) {
                throw new IllegalStateException("disk on fire");
            }

            @Override
            public OptionalLong lag(String name, int partition) {
                throw new IllegalStateException("disk on fire");
            }
        };
        try (RestServer failing = new RestServer(broken, locator, state::get).start("127.0.0.1", 0)) {
            HttpTestClient.Answer answer = get(failing.port(), "/api/claims/pokrovsk-captured");
            assertError(500, "/api/claims/pokrovsk-captured", answer);
            assertFalse(answer.body().toString().contains("disk on fire"), answer.body().toString());
        }
    }

    @Test
    void shouldProbeLivenessAndReadinessFromTheStreamsState() {
        assertEquals(json("{\"status\": \"RUNNING\"}"), get(port, "/health/live").body());
        assertEquals(json("{\"status\": \"RUNNING\"}"), get(port, "/health/ready").body());
        state.set(KafkaStreams.State.REBALANCING);
        assertEquals(json("{\"status\": \"REBALANCING\"}"), get(port, "/health/live").body());
        assertError(503, "/health/ready", get(port, "/health/ready"));
        state.set(KafkaStreams.State.CREATED);
        assertEquals(200, get(port, "/health/live").status());
        assertError(503, "/health/ready", get(port, "/health/ready"));
        for (KafkaStreams.State stopped : List.of(KafkaStreams.State.PENDING_SHUTDOWN, KafkaStreams.State.NOT_RUNNING,
                KafkaStreams.State.PENDING_ERROR, KafkaStreams.State.ERROR)) {
            state.set(stopped);
            assertError(503, "/health/live", get(port, "/health/live"));
            assertError(503, "/health/ready", get(port, "/health/ready"));
        }
    }

    @Test
    void shouldNotBeReadyButAliveAndAnsweringWhileProcessingWaitsForTheRegistry() {
        AtomicReference<Optional<String>> waiting = new AtomicReference<>(Optional.empty());
        try (RestServer waitingServer = new RestServer(stores, locator, state::get,
                RestSettings.defaults().withWaiting(waiting::get)).start("127.0.0.1", 0)) {
            int p = waitingServer.port();
            waiting.set(Optional.of("waiting for the schema registry: cannot reach schema registry at "
                    + "http://registry:8081/schemas/ids/7: connection refused"));

            HttpTestClient.Answer ready = get(p, "/health/ready");
            assertError(503, "/health/ready", ready);
            assertEquals("GET /health/ready: waiting for the schema registry: cannot reach schema registry at "
                    + "http://registry:8081/schemas/ids/7: connection refused", ready.body().path("error").asText());
            assertEquals(200, get(p, "/health/live").status());
            assertEquals(200, get(p, "/api/claims/pokrovsk-captured").status());

            waiting.set(Optional.empty());
            assertEquals(json("{\"status\": \"RUNNING\"}"), get(p, "/health/ready").body());
        }
    }

    @Test
    void shouldNotBeReadyWhileAStoreThisInstanceHoldsDoesNotOpen() {
        stores.makeUnavailable(StoreNames.CLAIMS);
        HttpTestClient.Answer ready = get(port, "/health/ready");
        assertError(503, "/health/ready", ready);
        assertTrue(ready.body().path("error").asText().contains("store claims is not queryable"), ready.body().toString());
        assertEquals(200, get(port, "/health/live").status());
    }

    @Test
    void shouldServeTheMetricsTextAsPrometheusExpectsIt() {
        RawHttp.Response metrics = RawHttp.send(port, "GET /metrics HTTP/1.1");
        assertEquals(200, metrics.status());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", metrics.header("Content-Type"));
        assertEquals("partyline_events_folded_total{topic=\"statements\"} 21.0\n", metrics.body());
        try (RestServer plain = new RestServer(stores, locator, state::get).start("127.0.0.1", 0)) {
            RawHttp.Response empty = RawHttp.send(plain.port(), "GET /metrics HTTP/1.1");
            assertEquals(200, empty.status());
            assertEquals("", empty.body());
        }
    }

    @Test
    void shouldTellTheObserverTheRouteTemplateAndStatusOfEveryRequest() throws InterruptedException {
        get(port, "/api/parties/ru/stances");
        get(port, "/api/parties/NOBODY-HERE/stances");
        get(port, "/no/such/path");
        List<String> expected = List.of("/api/parties/{party}/stances 200", "/api/parties/{party}/stances 404",
                "unmatched 404");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (observed.size() < expected.size() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(expected, observed);
    }

    @Test
    void shouldAnswerKeepAliveRequestsWithoutANagleDelay() throws Exception {
        assertTrue(server.tcpNoDelay());
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/parties/RU/stances"))
                .timeout(Duration.ofSeconds(10)).build();
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            long start = System.nanoTime();
            assertEquals(200, client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
            if (i >= 5) {
                millis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
            }
        }
        Collections.sort(millis);
        // With Nagle on, each answer on a kept-alive connection waited for a delayed ACK: about 40 ms.
        assertTrue(millis.get(millis.size() / 2) < 20, () -> "median " + millis.get(millis.size() / 2) + " ms: " + millis);
    }
}
