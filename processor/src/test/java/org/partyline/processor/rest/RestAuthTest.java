package org.partyline.processor.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partyline.processor.rest.HttpTestClient.json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code http.auth.token} on two instances: A holds everything but the party US, B holds US. Lookups and lists
 * answered by either need the token from the client, and the instances pass it on to each other.
 */
class RestAuthTest {
    private static final String TOKEN = "s3cret-t0ken";
    private static final BiPredicate<String, String> A_HOLDS = (store, key) -> !"US".equals(key);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TwoServers servers;

    record Answer(int status, String body, HttpResponse<String> response) {
    }

    @BeforeEach
    void start() {
        servers = new TwoServers(A_HOLDS, RestSettings.defaults().withAuthToken(Optional.of(TOKEN))
                .withPeerTimeout(Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        servers.close();
    }

    @Test
    void shouldRefuseTheApiWithoutTheToken() {
        for (String path : List.of("/api/parties", "/api/parties/RU/stances", "/api/nothing-here", "/",
                "/internal/parties", "/internal/known/stances/RU", "/instances")) {
            Answer answer = send(servers.a.port(), path, null);
            assertUnauthorized(path, "missing Authorization: Bearer token", answer);
        }
    }

    @Test
    void shouldRefuseAWrongTokenWithoutSayingEitherToken() {
        for (String authorization : List.of("Bearer wrong-token", "Bearer " + TOKEN + "x", "Basic " + TOKEN,
                "Bearer", TOKEN)) {
            Answer answer = send(servers.a.port(), "/api/parties/RU/stances", authorization);
            assertUnauthorized("/api/parties/RU/stances", "wrong bearer token", answer);
        }
    }

    @Test
    void shouldAnswerWithTheTokenInAnySchemeCase() {
        assertEquals(json(SeedBodies.BY_PATH.get("/api/parties/RU/stances")),
                json(send(servers.a.port(), "/api/parties/RU/stances", "Bearer " + TOKEN).body()));
        assertEquals(200, send(servers.a.port(), "/api/parties/RU/stances", "bearer " + TOKEN).status());
    }

    @Test
    void shouldLeaveTheProbesAndTheMetricsOpen() {
        for (String path : List.of("/health", "/health/live", "/health/ready", "/metrics")) {
            assertEquals(200, send(servers.a.port(), path, null).status(), path);
        }
    }

    @Test
    void shouldForwardTheTokenBetweenInstances() {
        for (RestServer server : List.of(servers.a, servers.b)) {
            for (String path : List.of("/api/parties/US/stances", "/api/parties/RU/stances", "/api/parties",
                    "/api/parties/US/contested-claims", "/api/claims")) {
                Answer answer = send(server.port(), path, "Bearer " + TOKEN);
                assertEquals(200, answer.status(), () -> server.port() + path + " -> " + answer.body());
                assertEquals(json(SeedBodies.BY_PATH.get(path)), json(answer.body()), path);
            }
        }
    }

    private static void assertUnauthorized(String path, String reason, Answer answer) {
        assertEquals(401, answer.status(), () -> path + " -> " + answer.body());
        assertEquals(json("{\"error\": \"GET " + path + ": " + reason + "\"}"), json(answer.body()));
        assertEquals("Bearer", answer.response().headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals("application/json", answer.response().headers().firstValue("Content-Type").orElse(""));
        assertFalse(answer.body().contains(TOKEN) || answer.body().contains("wrong-token"), answer.body());
    }

    private static Answer send(int port, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
