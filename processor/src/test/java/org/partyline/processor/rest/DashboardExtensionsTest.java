package org.partyline.processor.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partyline.processor.rest.HttpTestClient.assertError;
import static org.partyline.processor.rest.HttpTestClient.get;
import static org.partyline.processor.rest.HttpTestClient.json;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partyline.processor.query.Cursor;

/**
 * The dashboard's extensions to the API, {@code /api/activity} and {@code /api/topics}, on two instances that each
 * hold part of the seed (as in {@link TwoInstancesTest}: A the statements of RU and EU and the topic
 * {@code ukraine-nato-membership}, B those of UA and US and {@code security-guarantees}): both answer the whole list.
 */
class DashboardExtensionsTest {
    /** US 4 statements (2 on each topic), RU 2, EU 1, UA 1; NATO membership 3 on each instance, guarantees 2 on B. */
    private static final String ACTIVITY = "{\"parties\": [{\"party\": \"US\", \"statements\": 4},"
            + " {\"party\": \"RU\", \"statements\": 2}, {\"party\": \"EU\", \"statements\": 1},"
            + " {\"party\": \"UA\", \"statements\": 1}],"
            + " \"topics\": [{\"topic\": \"ukraine-nato-membership\", \"statements\": 6},"
            + " {\"topic\": \"security-guarantees\", \"statements\": 2}]}";

    private TwoServers servers;

    @BeforeEach
    void start() {
        servers = new TwoServers(TwoInstancesTest.A_HOLDS, RestSettings.defaults().withPeerTimeout(Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        servers.close();
    }

    @Test
    void shouldCountTheBusiestPartiesAndTopicsOverBothInstancesOnEither() {
        assertEquals(json(ACTIVITY), get(servers.a.port(), "/api/activity").body());
        assertEquals(json(ACTIVITY), get(servers.b.port(), "/api/activity").body());
        assertEquals(json("{\"parties\": [{\"party\": \"US\", \"statements\": 4}],"
                        + " \"topics\": [{\"topic\": \"ukraine-nato-membership\", \"statements\": 6}]}"),
                get(servers.b.port(), "/api/activity?limit=1").body());
    }

    @Test
    void shouldAnswerEachInstancesPartWithCompletePartyCountsAndPartialTopicCounts() {
        assertEquals(json("{\"parties\": [{\"party\": \"RU\", \"statements\": 2}, {\"party\": \"EU\", \"statements\": 1}],"
                        + " \"topics\": [{\"topic\": \"ukraine-nato-membership\", \"statements\": 3}],"
                        + " \"partitions\": {\"stances\": [0]}}"),
                get(servers.a.port(), "/internal/activity").body());
    }

    @Test
    void shouldRefuseALimitOutOfRange() {
        for (String path : new String[] {"/api/activity?limit=0", "/api/activity?limit=101", "/api/activity?limit=ten"}) {
            assertError(400, path, get(servers.a.port(), path));
        }
    }

    @Test
    void shouldAnswer503NamingThePeerWhenItCannotCountItsPart() {
        int portB = servers.b.port();
        servers.b.close();
        HttpTestClient.Answer answer = get(servers.a.port(), "/api/activity");
        assertError(503, "/api/activity", answer);
        assertTrue(answer.body().path("error").asText().contains("127.0.0.1:" + portB), answer.body().toString());
    }

    @Test
    void shouldPageTheTopicsOfBothInstancesInOrder() {
        for (RestServer server : new RestServer[] {servers.a, servers.b}) {
            JsonNode first = get(server.port(), "/api/topics?limit=1").body();
            assertEquals(json("[\"security-guarantees\"]"), first.path("topics"));
            String next = first.path("next").asText();
            JsonNode second = get(server.port(), "/api/topics?limit=1&after=" + encode(next)).body();
            assertEquals(json("{\"topics\": [\"ukraine-nato-membership\"], \"next\": null}"), second);
            assertEquals(json("{\"topics\": [\"security-guarantees\", \"ukraine-nato-membership\"], \"next\": null}"),
                    get(server.port(), "/api/topics").body());
        }
    }

    @Test
    void shouldFindTheTopicsThatStartWithAPrefix() {
        assertEquals(json("{\"topics\": [\"ukraine-nato-membership\"], \"next\": null}"),
                get(servers.b.port(), "/api/topics?prefix=ukr").body());
        assertEquals(json("{\"topics\": [\"security-guarantees\"], \"next\": null}"),
                get(servers.a.port(), "/api/topics?prefix=security-guarantees").body());
        assertEquals(json("{\"topics\": [], \"next\": null}"), get(servers.a.port(), "/api/topics?prefix=x").body());
        String afterGuarantees = encode(Cursor.of("security-guarantees").encode());
        assertEquals(json("{\"topics\": [], \"next\": null}"),
                get(servers.a.port(), "/api/topics?prefix=s&after=" + afterGuarantees).body());
        assertEquals(json("{\"topics\": [\"ukraine-nato-membership\"], \"next\": null}"),
                get(servers.a.port(), "/api/topics?prefix=u&after=" + afterGuarantees).body());
    }

    @Test
    void shouldRefuseABadPrefixCursorOrLimit() {
        for (String path : new String[] {"/api/topics?prefix=UKR", "/api/topics?after=nonsense",
                "/api/topics?limit=0", "/api/topics?limit=1001"}) {
            assertError(400, path, get(servers.a.port(), path));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
