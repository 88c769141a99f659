package org.partyline.processor.bench.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks list routes page by page as a client does: the first page, then {@code after=NEXT} while the body carries a
 * {@code next}, one request at a time on one kept-alive connection. Records the time and size of every page by route
 * (the path with its names replaced by {@code {party}}, {@code {topic}}, {@code {claimId}}). A route the server does
 * not have (404 on a first page without a party or topic in it) is left out and named.
 */
final class PageWalk {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI api;
    private final int maxPages;
    private final Map<String, List<double[]>> pagesByRoute = new LinkedHashMap<>();
    private final List<String> missing = new ArrayList<>();

    /** One route's pages: how many, time p50 / p99 / max in ms, largest body in bytes. */
    record RouteFigures(String route, int pages, double p50, double p99, double max, long maxBytes) {
    }

    PageWalk(URI api, int maxPages) {
        this.api = api;
        this.maxPages = maxPages;
    }

    /** Walks every page of {@code path} (at most {@code maxPages}), recorded under {@code route}. */
    void walk(String route, String path) throws Exception {
        String after = null;
        for (int page = 0; page < maxPages; page++) {
            String target = after == null ? path
                    : path + (path.contains("?") ? "&" : "?") + "after=" + URLEncoder.encode(after,
                    StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(api.resolve(target)).timeout(Duration.ofSeconds(60)).GET()
                    .build();
            long start = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            double millis = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() == 404 && page == 0 && !route.contains("{")) {
                missing.add(route);
                return;
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + target + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            pagesByRoute.computeIfAbsent(route, r -> new ArrayList<>()).add(new double[] {millis,
                    response.body().length});
            JsonNode next = JSON.readTree(response.body()).get("next");
            if (next == null || next.isNull()) {
                return;
            }
            after = next.asText();
        }
    }

    List<RouteFigures> figures() {
        List<RouteFigures> figures = new ArrayList<>();
        pagesByRoute.forEach((route, pages) -> figures.add(figuresOf(route, pages)));
        return figures;
    }

    /** Every page of every route together. */
    RouteFigures overall() {
        List<double[]> all = new ArrayList<>();
        pagesByRoute.values().forEach(all::addAll);
        return figuresOf("every page", all);
    }

    List<String> missing() {
        return missing;
    }

    private static RouteFigures figuresOf(String route, List<double[]> pages) {
        double[] millis = pages.stream().mapToDouble(p -> p[0]).sorted().toArray();
        long maxBytes = (long) pages.stream().mapToDouble(p -> p[1]).max().orElse(0);
        return new RouteFigures(route, millis.length, percentile(millis, 50), percentile(millis, 99),
                millis.length == 0 ? 0 : millis[millis.length - 1], maxBytes);
    }

    /** The nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    @Override
    public String toString() {
        return Arrays.toString(figures().toArray());
    }
}
