package org.partyline.processor.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** GETs of a processor's REST API as JSON; anything but 200 is an error naming the request and the answer. */
public final class RestViews {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI api;

    public RestViews(URI api) {
        this.api = api;
    }

    /**
     * {@code GET path}, its 200 body as JSON. A paged list (a body with a {@code next} cursor, CONTRACT section 8) is
     * followed to its last page, each list of the body holding the items of every page.
     */
    public JsonNode get(String path) {
        JsonNode body = json(path);
        String sep = path.contains("?") ? "&" : "?";
        while (body.path("next").isTextual()) {
            JsonNode page = json(path + sep + "after=" + URLEncoder.encode(body.get("next").asText(),
                    StandardCharsets.UTF_8));
            page.fields().forEachRemaining(f -> {
                if (f.getValue().isArray() && body.path(f.getKey()).isArray()) {
                    ((ArrayNode) body.get(f.getKey())).addAll((ArrayNode) f.getValue());
                }
            });
            ((ObjectNode) body).set("next", page.path("next"));
        }
        return body;
    }

    private JsonNode json(String path) {
        try {
            return JSON.readTree(text(path));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + api.resolve(path) + " is not JSON", e);
        }
    }

    /** {@code GET path}, its 200 body. */
    public String text(String path) {
        HttpRequest request = HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(15)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + api.resolve(path) + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + api.resolve(path) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + api.resolve(path), e);
        }
    }

    /** A status and body, whatever the status. */
    public record Answer(int status, String body) {
    }

    /** {@code GET path}: its status and body, whatever the status. */
    public Answer answer(String path) {
        HttpRequest request = HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(15)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + api.resolve(path) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + api.resolve(path), e);
        }
    }

    /**
     * The value of the metric series whose Prometheus line starts with {@code series} (name and labels, as in
     * {@code partyline_waiting_for{dependency="schema-registry"}}), or NaN when there is none.
     */
    public double metric(String series) {
        return text("/metrics").lines().filter(l -> l.startsWith(series + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElse(Double.NaN);
    }

    /** The status of {@code GET path}, 0 when it cannot connect. */
    public int status(String path) {
        HttpRequest request = HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + api.resolve(path), e);
        }
    }

    /** A path segment, percent-encoded. */
    public static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
