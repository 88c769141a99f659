package org.partyline.processor.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partyline.processor.rest.HttpTestClient.assertError;
import static org.partyline.processor.rest.HttpTestClient.get;
import static org.partyline.processor.rest.HttpTestClient.json;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partyline.processor.query.Cursor;
import org.partyline.processor.streams.StoreKeys;
import org.partyline.processor.streams.StoreNames;
import org.partyline.schema.Stance;
import org.partyline.schema.view.StanceSummary;
import org.partyline.schema.view.StatementEntry;

/**
 * Pages (CONTRACT section 8) over HTTP on two instances that each hold part of the seed ({@link TwoInstancesTest}):
 * following {@code next} from either instance yields every item of each list once, in order, with pages of 1 to 3
 * items, as of instants too; items added between two pages show on a later page when they sort after the cursor and
 * not when they sort before it; a bad cursor or limit is 400.
 */
class TwoInstancesPagesTest {
    private TwoServers servers;

    @BeforeEach
    void start() {
        servers = new TwoServers(TwoInstancesTest.A_HOLDS, RestSettings.defaults().withPeerTimeout(Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        servers.close();
    }

    /** The pages of one walk, from {@code after} (null: the first page). */
    private static List<JsonNode> walk(int port, String path, int limit, String after) {
        List<JsonNode> pages = new ArrayList<>();
        String sep = path.contains("?") ? "&" : "?";
        do {
            String url = path + sep + "limit=" + limit
                    + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
            HttpTestClient.Answer answer = get(port, url);
            assertEquals(200, answer.status(), () -> url + " -> " + answer.body());
            pages.add(answer.body());
            after = answer.body().path("next").isTextual() ? answer.body().get("next").asText() : null;
            assertTrue(answer.body().has("next"), url + " has a next field");
            assertTrue(pages.size() < 100, "the walk does not end");
        } while (after != null);
        return pages;
    }

    /** The pages as one body: the first page with each list holding every page's items, and no next. */
    private static JsonNode joined(List<JsonNode> pages) {
        ObjectNode body = pages.get(0).deepCopy();
        for (JsonNode page : pages.subList(1, pages.size())) {
            for (Iterator<Map.Entry<String, JsonNode>> it = page.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isArray()) {
                    ((ArrayNode) body.get(field.getKey())).addAll((ArrayNode) field.getValue());
                }
            }
        }
        body.putNull("next");
        return body;
    }

    @Test
    void shouldWalkEveryPagedListOfTheSeedFromEitherInstanceAsOnePage() {
        List<String> lists = new ArrayList<>();
        SeedBodies.BY_PATH.forEach((path, body) -> {
            if (json(body).has("next")) {
                lists.add(path);
            }
        });
        for (String asOf : List.of("2025-12-05T12:00:00Z", "2025-12-04T10:00:00Z")) {
            lists.add("/api/parties/US/changes?asOf=" + asOf);
            lists.add("/api/parties/UA/agreement?asOf=" + asOf);
            lists.add("/api/topics/ukraine-nato-membership/stances?asOf=" + asOf);
            lists.add("/api/parties/US/stances/ukraine-nato-membership?asOf=" + asOf);
        }
        lists.add("/api/parties/US/agreement");
        lists.add("/api/parties/RU/agreement");
        lists.add("/api/parties?prefix=u");
        for (RestServer server : new RestServer[]{servers.a, servers.b}) {
            for (String path : lists) {
                JsonNode whole = get(server.port(), path).body();
                for (int limit = 1; limit <= 3; limit++) {
                    List<JsonNode> pages = walk(server.port(), path, limit, null);
                    assertEquals(whole, joined(pages), path + " by " + limit);
                    for (JsonNode page : pages.subList(0, pages.size() - 1)) {
                        assertTrue(page.toString().contains("\"next\":\""), path + " " + page);
                    }
                }
            }
        }
        assertEquals(json("{\"parties\": [\"UA\", \"US\"], \"next\": null}"),
                get(servers.b.port(), "/api/parties?prefix=u").body());
    }

    @Test
    void shouldShowPartiesAddedAfterTheCursorOnALaterPageAndNotThoseBefore() {
        JsonNode first = get(servers.a.port(), "/api/parties?limit=2").body();
        assertEquals(json("[\"DE\", \"EU\"]"), first.get("parties"));
        // Between the pages: a party before the cursor (on B) and two after it, one on each instance.
        putParty(servers.storesB, "AA");
        putParty(servers.storesB, "ZZ");
        putParty(servers.storesA, "FR");

        List<String> rest = new ArrayList<>();
        walk(servers.b.port(), "/api/parties", 2, first.get("next").asText())
                .forEach(page -> page.get("parties").forEach(p -> rest.add(p.asText())));

        assertEquals(List.of("FR", "RU", "UA", "US", "ZZ"), rest);
    }

    /** A party's first statement, as the fold stores it. */
    private static void putParty(org.partyline.processor.query.FakeStores stores, String party) {
        Instant at = Instant.parse("2025-12-06T00:00:00Z");
        stores.put(StoreNames.STANCE_HISTORY, StoreKeys.event(party, "new-topic", at, "new-1"),
                new StatementEntry("new-1", Stance.SUPPORT, at, null, null, null));
        stores.put(StoreNames.STANCES, StoreKeys.of(party, "new-topic"),
                new StanceSummary(party, "new-topic", Stance.SUPPORT, at, "new-1", 1L, at, "new-1", -1L));
    }

    @Test
    void shouldRefuseBadLimitsAndCursorsOnEveryPagedList() {
        String partiesCursor = Cursor.of("EU").encode();
        List<String> paths = List.of("/api/parties", "/api/parties/US/stances", "/api/parties/US/changes",
                "/api/parties/US/agreement", "/api/topics/ukraine-nato-membership/stances",
                "/api/parties/US/stances/ukraine-nato-membership");
        for (RestServer server : new RestServer[]{servers.a, servers.b}) {
            for (String path : paths) {
                for (String query : List.of("limit=0", "limit=1001", "limit=ten", "limit=", "after=not%20a%20cursor",
                        "after=" + "A".repeat(600), "after=" + Cursor.of("2025", "x", "y", "z").encode())) {
                    assertError(400, path + "?" + query, get(server.port(), path + "?" + query));
                }
            }
            // a cursor of the list of parties is one part; the changes' cursors have three
            assertError(400, "/api/parties/US/changes?after=" + partiesCursor,
                    get(server.port(), "/api/parties/US/changes?after=" + partiesCursor));
            assertEquals(200, get(server.port(), "/api/parties?after=" + partiesCursor).status());
        }
        HttpTestClient.Answer bad = get(servers.a.port(), "/api/parties?limit=0");
        assertTrue(bad.body().get("error").asText().contains("limit must be from 1 to 1000, not 0"), bad.body()
                .toString());
        assertError(400, "/api/parties?prefix=no%20such", get(servers.a.port(), "/api/parties?prefix=no%20such"));
    }
}
