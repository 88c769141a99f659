package org.partyline.processor.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partyline.processor.rest.HttpTestClient.assertError;
import static org.partyline.processor.rest.HttpTestClient.get;
import static org.partyline.processor.rest.HttpTestClient.json;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code asOf} and the agreement on two instances (the split of {@link TwoInstancesTest}): A holds the stances of RU
 * and EU and the topic {@code ukraine-nato-membership}, B those of UA and US. The topic's view as of an instant and
 * every agreement need stances held on the other instance; both servers give the same answer.
 */
class TwoInstancesAsOfTest {
    private static final String NOON = "2025-12-05T12:00:00Z";
    private TwoServers servers;

    @BeforeEach
    void start() {
        servers = new TwoServers(TwoInstancesTest.A_HOLDS, RestSettings.defaults().withPeerTimeout(Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        servers.close();
    }

    private void assertBothAnswer(String path, String expected) {
        for (RestServer server : new RestServer[]{servers.a, servers.b}) {
            HttpTestClient.Answer answer = get(server.port(), path);
            assertEquals(200, answer.status(), () -> server.port() + path + " -> " + answer.body());
            assertEquals(json(expected), answer.body(), () -> server.port() + path);
        }
    }

    @Test
    void shouldGatherTheStancesOnATopicAsOfAnInstantFromThePartiesInstances() {
        // At noon (inclusive: EU spoke at noon): RU had said OPPOSE at 10, US only NEUTRAL (LEAN_OPPOSE came at 13).
        assertBothAnswer("/api/topics/ukraine-nato-membership/stances?asOf=" + NOON, """
                {"topic": "ukraine-nato-membership", "stances": [
                  {"party": "EU", "stance": "SUPPORT", "since": "2025-12-05T12:00:00Z"},
                  {"party": "RU", "stance": "OPPOSE", "since": "2025-12-05T10:00:00Z"},
                  {"party": "UA", "stance": "SUPPORT", "since": "2025-12-05T11:00:00Z"},
                  {"party": "US", "stance": "NEUTRAL", "since": "2025-12-04T09:00:00Z"}], "next": null}""");
        // The same instant with an offset, + written %2B.
        assertBothAnswer("/api/topics/ukraine-nato-membership/stances?asOf=2025-12-05T11:30:00%2B02:00", """
                {"topic": "ukraine-nato-membership", "stances": [
                  {"party": "US", "stance": "NEUTRAL", "since": "2025-12-04T09:00:00Z"}], "next": null}""");
    }

    @Test
    void shouldMeasureAgreementWithPartiesHeldOnTheOtherInstance() {
        // UA (on B) against RU and EU (on A) and US (on B), on the topic held by A.
        assertBothAnswer("/api/parties/UA/agreement", """
                {"party": "UA", "agreement": [
                  {"party": "EU", "topics": 1, "agree": 1, "distance": 0.0},
                  {"party": "RU", "topics": 1, "agree": 0, "distance": 4.0},
                  {"party": "US", "topics": 1, "agree": 0, "distance": 3.0}], "next": null}""");
        assertBothAnswer("/api/parties/UA/agreement?asOf=" + NOON, """
                {"party": "UA", "agreement": [
                  {"party": "EU", "topics": 1, "agree": 1, "distance": 0.0},
                  {"party": "RU", "topics": 1, "agree": 0, "distance": 4.0},
                  {"party": "US", "topics": 1, "agree": 0, "distance": 2.0}], "next": null}""");
        // RU (on A) against UA and US (on B): before UA and EU had spoken, only US shared the topic.
        assertBothAnswer("/api/parties/RU/agreement?asOf=2025-12-05T10:30:00Z", """
                {"party": "RU", "agreement": [
                  {"party": "US", "topics": 1, "agree": 0, "distance": 2.0}], "next": null}""");
        assertBothAnswer("/api/parties/DE/agreement", """
                {"party": "DE", "agreement": [], "next": null}""");
    }

    @Test
    void shouldGiveTheStanceViewsOfAPartyOnTheOtherInstanceAsOfAnInstant() {
        assertBothAnswer("/api/parties/US/stances?asOf=" + NOON, """
                {"party": "US", "stances": [
                  {"topic": "security-guarantees", "stance": "SUPPORT", "since": "2025-12-03T08:00:00Z", "statements": 1},
                  {"topic": "ukraine-nato-membership", "stance": "NEUTRAL", "since": "2025-12-04T09:00:00Z", "statements": 1}], "next": null}""");
        assertBothAnswer("/api/parties/UA/stances/ukraine-nato-membership?asOf=2025-12-05T10:59:59Z", """
                {"party": "UA", "topic": "ukraine-nato-membership", "stance": null, "since": null,
                 "history": [], "changes": [], "next": null}""");
        assertBothAnswer("/api/parties/US/changes?asOf=" + NOON, """
                {"party": "US", "changes": [], "next": null}""");
    }

    @Test
    void shouldAnswer404ForUnknownAnd400ForAMalformedInstantOnBothInstances() {
        for (RestServer server : new RestServer[]{servers.a, servers.b}) {
            assertError(404, "/api/parties/XX/agreement?asOf=" + NOON,
                    get(server.port(), "/api/parties/XX/agreement?asOf=" + NOON));
            assertError(404, "/api/topics/tariffs/stances?asOf=" + NOON,
                    get(server.port(), "/api/topics/tariffs/stances?asOf=" + NOON));
            assertError(400, "/api/parties/US/agreement?asOf=noon", get(server.port(), "/api/parties/US/agreement?asOf=noon"));
            assertError(400, "/api/topics/ukraine-nato-membership/stances?asOf=2025-12-05",
                    get(server.port(), "/api/topics/ukraine-nato-membership/stances?asOf=2025-12-05"));
        }
    }

    @Test
    void shouldAnswer503NamingThePeerWhenTheTopicViewAsOfNeedsIt() {
        int portB = servers.b.port();
        servers.b.close();
        HttpTestClient.Answer answer = get(servers.a.port(), "/api/topics/ukraine-nato-membership/stances?asOf=" + NOON);
        assertError(503, "/api/topics/ukraine-nato-membership/stances", answer);
        assertEquals(true, answer.body().path("error").asText().contains("127.0.0.1:" + portB), answer.body()::toString);
    }
}
