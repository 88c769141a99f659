package org.partyline.processor.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * {@code GET /} and {@code /dashboard/FILE} (CONTRACT section 4): the page and every module it imports served with
 * their types by either instance; no other file; under {@code http.auth.token} the page (no data in it) comes with the
 * 401 to a browser, the modules stay open, and the API stays closed.
 */
class DashboardServingTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern IMPORT = Pattern.compile("from '\\./([a-z0-9-]+\\.js)'");
    private static final String TOKEN = "page-t0ken";

    @Test
    void shouldServeThePageAndEveryModuleItImportsFromEitherInstance() {
        try (TwoServers servers = new TwoServers((store, key) -> !"US".equals(key), RestSettings.defaults())) {
            for (RestServer server : List.of(servers.a, servers.b)) {
                HttpResponse<String> page = get(server, "/", "text/html", null);
                assertEquals(200, page.statusCode());
                assertEquals("text/html; charset=utf-8", type(page));
                assertTrue(page.body().contains("<script type=\"module\" src=\"/dashboard/app.js\">"), page.body());
                assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));

                assertEquals("text/css; charset=utf-8", type(get(server, "/dashboard/dashboard.css", null, null)));
                for (String module : modules(server)) {
                    HttpResponse<String> js = get(server, "/dashboard/" + module, null, null);
                    assertEquals(200, js.statusCode(), module);
                    assertEquals("text/javascript; charset=utf-8", type(js), module);
                }
            }
        }
    }

    @Test
    void shouldServeNoOtherFile() {
        try (TwoServers servers = new TwoServers((store, key) -> true, RestSettings.defaults())) {
            for (String path : List.of("/dashboard/nothing.js", "/dashboard/Api.JS", "/dashboard/logback.xml",
                    "/dashboard/%2E%2E%2Flogback.xml", "/dashboard/", "/dashboard")) {
                HttpResponse<String> answer = get(servers.a, path, null, null);
                assertTrue(answer.statusCode() == 404 || answer.statusCode() == 400, path + " -> " + answer.statusCode());
                assertTrue(answer.body().startsWith("{\"error\""), path + " -> " + answer.body());
            }
        }
    }

    @Test
    void shouldGiveABrowserThePageWithThe401AndKeepTheDataClosedUnderAToken() {
        try (TwoServers servers = new TwoServers((store, key) -> true,
                RestSettings.defaults().withAuthToken(Optional.of(TOKEN)))) {
            HttpResponse<String> page = get(servers.a, "/", "text/html,application/xhtml+xml,*/*;q=0.8", null);
            assertEquals(401, page.statusCode());
            assertEquals("Bearer", page.headers().firstValue("WWW-Authenticate").orElse(""));
            assertEquals("text/html; charset=utf-8", type(page));
            assertTrue(page.body().contains("id=\"token-dialog\""), page.body());
            assertEquals(200, get(servers.a, "/", "text/html", "Bearer " + TOKEN).statusCode());

            assertEquals(200, get(servers.a, "/dashboard/api.js", null, null).statusCode());
            for (String path : List.of("/api/parties", "/api/events")) {
                HttpResponse<String> refused = get(servers.a, path, "text/html", null);
                assertEquals(401, refused.statusCode(), path);
                assertEquals("application/json", type(refused), path);
            }
        }
    }

    /** The modules app.js imports, and theirs. */
    private static Set<String> modules(RestServer server) {
        Set<String> found = new TreeSet<>(Set.of("app.js"));
        List<String> toRead = new ArrayList<>(found);
        while (!toRead.isEmpty()) {
            Matcher imports = IMPORT.matcher(get(server, "/dashboard/" + toRead.remove(0), null, null).body());
            while (imports.find()) {
                if (found.add(imports.group(1))) {
                    toRead.add(imports.group(1));
                }
            }
        }
        assertTrue(found.containsAll(Set.of("api.js", "scale.js", "overview.js", "timeline.js", "claims.js", "party.js")),
                found.toString());
        return found;
    }

    private static String type(HttpResponse<String> answer) {
        return answer.headers().firstValue("Content-Type").orElse("").replace(";charset", "; charset");
    }

    private static HttpResponse<String> get(RestServer server, String path, String accept, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10));
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
