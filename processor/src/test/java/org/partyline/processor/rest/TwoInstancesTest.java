package org.partyline.processor.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partyline.processor.rest.HttpTestClient.assertError;
import static org.partyline.processor.rest.HttpTestClient.get;
import static org.partyline.processor.rest.HttpTestClient.json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partyline.processor.query.SeedViews;
import org.partyline.processor.streams.PartylineTopology;
import org.partyline.processor.streams.StoreNames;

/**
 * Two servers in one JVM, each with its own stores holding part of the seed: A holds the statements of RU and
 * EU, the claims of UA and DE by party, the claim changes of DE by party, the claim {@code pokrovsk-captured} (with
 * its history) and the topic {@code ukraine-nato-membership}; B holds the rest. Each must answer for every key and
 * give whole lists.
 */
class TwoInstancesTest {
    private static final Map<String, Set<String>> HELD_BY_A = Map.of(
            StoreNames.STANCES, Set.of("RU", "EU"),
            StoreNames.PARTY_CLAIMS, Set.of("UA", "DE"),
            StoreNames.PARTY_CLAIM_CHANGES, Set.of("DE"),
            StoreNames.CLAIMS, Set.of(SeedViews.POKROVSK),
            StoreNames.TOPIC_STANCES, Set.of(SeedViews.NATO));
    /** The claims-side stores keyed by claimId share the partitions of claims. */
    private static final Set<String> LIKE_CLAIMS = Set.of(StoreNames.CLAIMS, StoreNames.CLAIM_EVENT_IDS,
            StoreNames.CLAIM_POSITIONS, StoreNames.CLAIM_SIDES, StoreNames.CLAIM_HISTORY,
            StoreNames.CLAIM_CHANGE_HISTORY);
    /** The statements-side stores (stances, stance-history, stance-change-history) share the partitions of stances. */
    static final BiPredicate<String, String> A_HOLDS = (store, key) -> HELD_BY_A
            .getOrDefault(PartylineTopology.STORES_ROUTED_BY_STRING_KEY.contains(store) ? store
                    : LIKE_CLAIMS.contains(store) ? StoreNames.CLAIMS : StoreNames.STANCES, Set.of())
            .contains(key);

    private TwoServers servers;

    @BeforeEach
    void start() {
        servers = new TwoServers(A_HOLDS, RestSettings.defaults().withPeerTimeout(Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        servers.close();
    }

    @Test
    void shouldSplitTheSeedBetweenTheTwoInstances() {
        assertEquals(json("{\"claims\": [" + SeedBodies.POKROVSK + "], \"more\": false,"
                        + " \"partitions\": {\"claims\": [0]}}"),
                get(servers.a.port(), "/internal/claims").body());
        assertEquals(json("{\"claims\": [" + SeedBodies.PEACE_PLAN + "], \"more\": false,"
                        + " \"partitions\": {\"claims\": [1]}}"),
                get(servers.b.port(), "/internal/claims").body());
        assertEquals(json("{\"parties\": [\"DE\", \"EU\", \"RU\", \"UA\"],"
                        + " \"partitions\": {\"party-claims\": [0], \"stance-history\": [0]}}"),
                get(servers.a.port(), "/internal/parties").body());
        assertEquals(json("{\"parties\": [\"RU\", \"UA\", \"US\"],"
                        + " \"partitions\": {\"party-claims\": [1], \"stance-history\": [1]}}"),
                get(servers.b.port(), "/internal/parties").body());
    }

    @Test
    void shouldAnswerEveryViewOnBothInstancesAsOneInstanceWould() {
        for (RestServer server : new RestServer[]{servers.a, servers.b}) {
            for (Map.Entry<String, String> view : SeedBodies.BY_PATH.entrySet()) {
                HttpTestClient.Answer answer = get(server.port(), view.getKey());
                assertEquals(200, answer.status(), () -> server.port() + view.getKey() + " -> " + answer.body());
                assertEquals(json(view.getValue()), answer.body(), () -> server.port() + view.getKey());
            }
        }
    }

    @Test
    void shouldAnswerErrorsOnBothInstancesAsOneInstanceWould() {
        for (RestServer server : new RestServer[]{servers.a, servers.b}) {
            for (Map.Entry<String, Integer> error : SeedBodies.ERRORS.entrySet()) {
                assertError(error.getValue(), error.getKey(), get(server.port(), error.getKey()));
            }
        }
    }

    @Test
    void shouldNotForwardARequestThatWasAlreadyForwarded() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + servers.a.port() + "/api/parties/US/stances"))
                .header("X-Partyline-Forwarded", "1").timeout(Duration.ofSeconds(20)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(503, response.statusCode());
        assertTrue(json(response.body()).path("error").asText().contains("127.0.0.1:" + servers.b.port()), response.body());
    }

    @Test
    void shouldAnswer503NamingThePeerWhenItIsDown() {
        int portB = servers.b.port();
        servers.b.close();
        HttpTestClient.Answer key = get(servers.a.port(), "/api/parties/US/stances");
        assertError(503, "/api/parties/US/stances", key);
        assertTrue(key.body().path("error").asText().contains("127.0.0.1:" + portB), key.body().toString());
        HttpTestClient.Answer list = get(servers.a.port(), "/api/claims");
        assertError(503, "/api/claims", list);
        assertTrue(list.body().path("error").asText().contains("127.0.0.1:" + portB), list.body().toString());
        assertEquals(json(SeedBodies.BY_PATH.get("/api/parties/RU/stances")), get(servers.a.port(), "/api/parties/RU/stances").body());
    }

    @Test
    void shouldAnswer503WhenThePeersStoreIsNotQueryable() {
        servers.storesB.makeUnavailable(StoreNames.CLAIMS);
        assertError(503, "/api/claims/us-peace-plan-accepted", get(servers.a.port(), "/api/claims/us-peace-plan-accepted"));
        assertError(503, "/api/claims?status=ASSERTED", get(servers.a.port(), "/api/claims?status=ASSERTED"));
    }
}
