package org.partyline.processor.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** GETs JSON from a test server. */
final class HttpTestClient {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, JsonNode body, String contentType) {
    }

    private HttpTestClient() {
    }

    static Answer get(int port, String rawPath) {
        return send(port, rawPath, "GET");
    }

    static Answer send(int port, String rawPath, String method) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + rawPath))
                .timeout(Duration.ofSeconds(20)).method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), MAPPER.readTree(response.body()),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new AssertionError("GET " + rawPath + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("bad expected JSON: " + text, e);
        }
    }

    /** An error answer: that status, a body of just {@code error} naming the path, and no stack trace. */
    static void assertError(int status, String path, Answer answer) {
        assertEquals(status, answer.status(), () -> path + " -> " + answer.body());
        assertEquals(1, answer.body().size(), () -> "only 'error' expected: " + answer.body());
        String error = answer.body().path("error").asText();
        assertTrue(error.contains(path), () -> "error should name " + path + ": " + error);
        assertFalse(error.contains("Exception") || error.contains("\tat ") || error.contains(".java:"),
                () -> "stack trace in " + error);
        assertEquals("application/json", answer.contentType());
    }
}
