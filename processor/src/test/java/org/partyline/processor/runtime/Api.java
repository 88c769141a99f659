package org.partyline.processor.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** A test client of the REST API: GET a path, or poll it until the body satisfies a condition. */
final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;

    Api(URI base) {
        this(base, null);
    }

    /** A client that sends {@code Authorization: Bearer token} (null: no header). */
    Api(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    record Response(int status, JsonNode body) {
    }

    Response get(String path) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(15)).GET();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()));
        } catch (IOException e) {
            return new Response(0, JSON.getNodeFactory().textNode(e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls until a 200 body satisfies the condition; fails with the last answer after the timeout. */
    JsonNode await(String path, Predicate<JsonNode> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Response last = null;
        while (System.nanoTime() < deadline) {
            last = get(path);
            if (last.status() == 200 && condition.test(last.body())) {
                return last.body();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("GET " + path + " never matched within " + timeout.toSeconds() + " s; last: "
                + (last == null ? "none" : last.status() + " " + last.body()));
    }
}
