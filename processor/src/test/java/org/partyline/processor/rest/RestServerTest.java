package org.partyline.processor.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partyline.processor.rest.HttpTestClient.assertError;
import static org.partyline.processor.rest.HttpTestClient.get;
import static org.partyline.processor.rest.HttpTestClient.json;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partyline.processor.query.FakeLocator;
import org.partyline.processor.query.FakeStores;
import org.partyline.processor.query.Instance;
import org.partyline.processor.query.SeedViews;
import org.partyline.processor.streams.StoreNames;

class RestServerTest {
    private final FakeStores stores = new FakeStores();
    private final FakeLocator locator = FakeLocator.alone();
    private final AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.RUNNING);
    private RestServer server;
    private int port;

    @BeforeEach
    void start() {
        SeedViews.fill(stores, (store, key) -> true);
        server = new RestServer(stores, locator, state::get).start("127.0.0.1", 0);
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
        assertEquals(json(SeedBodies.BY_PATH.get("/api/claims")), get(port, "/api/claims").body());
        assertEquals(json(SeedBodies.BY_PATH.get("/api/parties")), get(port, "/api/parties").body());
        assertEquals(json(SeedBodies.BY_PATH.get("/api/parties")), get(port, "/internal/parties").body());
    }

    @Test
    void shouldAnswer503ForListsWhileNoInstanceHoldsTheirStores() {
        locator.setSelfStores(List.of(StoreNames.STANCES));
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
}
