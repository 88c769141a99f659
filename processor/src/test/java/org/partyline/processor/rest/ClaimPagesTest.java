package org.partyline.processor.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partyline.processor.rest.HttpTestClient.assertError;
import static org.partyline.processor.rest.HttpTestClient.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partyline.processor.query.FakeStores;
import org.partyline.processor.streams.PartylineTopology;
import org.partyline.processor.streams.StoreKeys;
import org.partyline.processor.streams.StoreNames;
import org.partyline.schema.ClaimStatus;
import org.partyline.schema.Position;
import org.partyline.schema.view.ClaimChange;
import org.partyline.schema.view.ClaimSummary;
import org.partyline.schema.view.PartyClaim;
import org.partyline.schema.view.PartyPosition;

/**
 * The claim lists page by page (CONTRACT section 8) across two instances: A holds the claims whose id sorts before
 * {@code n} and the lists by party of RU and DE, B the rest. Every walk from either instance, following {@code next},
 * yields each item once in order, sees items added after its cursor and not those added before it, and a page of
 * claim objects stops early once it holds about 5,000 positions.
 */
class ClaimPagesTest {
    private static final Set<String> PARTIES_ON_A = Set.of("RU", "DE");
    static final BiPredicate<String, String> A_HOLDS = (store, key) -> PartylineTopology.STORES_ROUTED_BY_STRING_KEY
            .contains(store) ? PARTIES_ON_A.contains(key)
            : store.startsWith("claim") ? key.compareTo("n") < 0 : PARTIES_ON_A.contains(key);
    private static final Instant T = Instant.parse("2025-12-03T00:00:00Z");

    private TwoServers servers;

    @BeforeEach
    void start() {
        servers = new TwoServers(A_HOLDS, RestSettings.defaults().withPeerTimeout(Duration.ofSeconds(2)));
        for (String id : List.of("alpha-1", "alpha-2", "alpha-3", "zulu-1", "zulu-2")) {
            contested(id, 2);
        }
    }

    @AfterEach
    void stop() {
        servers.close();
    }

    private FakeStores storesOf(String store, String key) {
        return A_HOLDS.test(store, key) ? servers.storesA : servers.storesB;
    }

    /** A CONTESTED claim: RU asserts, then {@code parties - 1} others deny; each party's entry by party too. */
    private void contested(String claimId, int parties) {
        storesOf(StoreNames.CLAIMS, claimId).put(StoreNames.CLAIMS, claimId, ClaimSummary.newBuilder()
                .setClaimId(claimId).setProposition("words of " + claimId).setStatus(ClaimStatus.CONTESTED)
                .setEvents(parties).build());
        for (int i = 0; i < parties; i++) {
            String party = i == 0 ? "RU" : "Q%04d".formatted(i);
            Position position = i == 0 ? Position.ASSERTS : Position.DENIES;
            storesOf(StoreNames.CLAIM_POSITIONS, claimId).put(StoreNames.CLAIM_POSITIONS,
                    StoreKeys.of(claimId, party), new PartyPosition(party, position, T, claimId + "-" + i, 1L, -1L));
            storesOf(StoreNames.PARTY_CLAIMS, party).put(StoreNames.PARTY_CLAIMS, StoreKeys.of(party, claimId),
                    new PartyClaim(claimId, position, ClaimStatus.CONTESTED));
        }
    }

    /** Follows {@code next} from the first page of {@code path} on the server at {@code port}; every page's body. */
    private static List<JsonNode> walk(int port, String path) {
        return walk(port, path, null);
    }

    /** Follows {@code next} from the page after {@code from} (null: from the first page). */
    private static List<JsonNode> walk(int port, String path, String from) {
        List<JsonNode> pages = new ArrayList<>();
        String after = from;
        do {
            String url = path + (path.contains("?") ? "&" : "?") + (after == null ? ""
                    : "after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
            HttpTestClient.Answer answer = get(port, url);
            assertEquals(200, answer.status(), () -> url + " -> " + answer.body());
            pages.add(answer.body());
            after = answer.body().path("next").isNull() ? null : answer.body().path("next").asText();
            assertTrue(pages.size() < 50, "a walk that does not end");
        } while (after != null);
        return pages;
    }

    private static List<String> ids(List<JsonNode> pages, String list, String field) {
        List<String> ids = new ArrayList<>();
        pages.forEach(p -> p.path(list).forEach(item -> ids.add(item.path(field).asText())));
        return ids;
    }

    private int[] ports() {
        return new int[]{servers.a.port(), servers.b.port()};
    }

    @Test
    void shouldWalkEveryClaimOnceInOrderAcrossBothInstances() {
        for (int port : ports()) {
            List<JsonNode> pages = walk(port, "/api/claims?limit=2");

            assertEquals(List.of("alpha-1", "alpha-2", "alpha-3", "pokrovsk-captured", "us-peace-plan-accepted",
                    "zulu-1", "zulu-2"), ids(pages, "claims", "claimId"));
            assertEquals(4, pages.size());
            assertEquals(2, pages.get(0).path("claims").size());
            assertTrue(pages.get(3).has("next"), "the last page says next: null");
        }
    }

    @Test
    void shouldFilterThePagesByStatusAndByTheStartOfTheClaimId() {
        for (int port : ports()) {
            assertEquals(List.of("alpha-1", "alpha-2", "alpha-3", "pokrovsk-captured", "zulu-1", "zulu-2"),
                    ids(walk(port, "/api/claims?status=CONTESTED&limit=4"), "claims", "claimId"));
            assertEquals(List.of("alpha-1", "alpha-2", "alpha-3"),
                    ids(walk(port, "/api/claims?prefix=alpha&limit=1"), "claims", "claimId"));
            assertEquals(List.of("us-peace-plan-accepted"),
                    ids(walk(port, "/api/claims?prefix=u&status=ASSERTED"), "claims", "claimId"));
        }
    }

    @Test
    void shouldShowAClaimAddedAfterTheCursorAndNotOneAddedBeforeIt() {
        HttpTestClient.Answer first = get(servers.b.port(), "/api/claims?limit=2");
        assertEquals(List.of("alpha-1", "alpha-2"), ids(List.of(first.body()), "claims", "claimId"));

        contested("alpha-0", 2);
        contested("omega-1", 2);
        List<JsonNode> rest = walk(servers.b.port(), "/api/claims?limit=2", first.body().path("next").asText());

        assertEquals(List.of("alpha-3", "omega-1", "pokrovsk-captured", "us-peace-plan-accepted", "zulu-1",
                "zulu-2"), ids(rest, "claims", "claimId"));
    }

    @Test
    void shouldPageAPartysContestedClaimsWithTheClaimsReadFromBothInstances() {
        JsonNode pokrovsk = get(servers.a.port(), "/api/claims/pokrovsk-captured").body();
        for (int port : ports()) {
            List<JsonNode> pages = walk(port, "/api/parties/RU/contested-claims?limit=2");

            assertEquals(List.of("alpha-1", "alpha-2", "alpha-3", "pokrovsk-captured", "zulu-1", "zulu-2"),
                    ids(pages, "claims", "claimId"));
            assertEquals(3, pages.size());
            pages.forEach(p -> assertEquals("RU", p.path("party").asText()));
            assertEquals(pokrovsk, pages.get(1).path("claims").get(1));
            assertEquals(get(port, "/api/claims/zulu-2").body(), pages.get(2).path("claims").get(1));
        }
    }

    @Test
    void shouldPageAPartysClaimChangesByTimeEventIdAndClaim() {
        FakeStores a = servers.storesA;
        for (String[] c : new String[][]{{"2025-12-04T00:00:00Z", "e1", "zulu-1"}, {"2025-12-04T00:00:00Z", "e1",
                "alpha-1"}, {"2025-12-01T00:00:00Z", "e9", "alpha-2"}, {"2025-12-04T00:00:00Z", "e0", "zulu-2"}}) {
            Instant at = Instant.parse(c[0]);
            a.put(StoreNames.PARTY_CLAIM_CHANGES, StoreKeys.of("DE", StoreKeys.time(at), c[1], c[2]),
                    new ClaimChange("DE", c[2], Position.ASSERTS, Position.DENIES, at, c[1], true));
        }
        for (int port : ports()) {
            List<JsonNode> pages = walk(port, "/api/parties/DE/claim-changes?limit=2");

            assertEquals(List.of("alpha-2", "pokrovsk-captured", "zulu-2", "alpha-1", "zulu-1"),
                    ids(pages, "changes", "claimId"));
            assertEquals(3, pages.size());
            assertEquals(List.of("alpha-2", "pokrovsk-captured"), ids(walk(port,
                    "/api/parties/DE/claim-changes?limit=1&asOf=2025-12-03T00:00:00Z"), "changes", "claimId"));
        }
    }

    @Test
    void shouldStopAPageOfClaimsOnceItHoldsAboutFiveThousandPositions() {
        contested("big-1", 3000);
        contested("big-2", 3000);
        contested("x-big-3", 10);
        for (int port : ports()) {
            List<JsonNode> pages = walk(port, "/api/claims?prefix=big&limit=10");
            assertEquals(List.of("big-1", "big-2"), ids(pages, "claims", "claimId"));
            assertEquals(1, pages.size(), "two claims of 3,000 positions fit, at the bound");

            List<JsonNode> all = walk(port, "/api/claims?limit=10");
            assertEquals(List.of("alpha-1", "alpha-2", "alpha-3", "big-1", "big-2"), ids(all.subList(0, 1), "claims",
                    "claimId"));
            assertEquals(List.of("alpha-1", "alpha-2", "alpha-3", "big-1", "big-2", "pokrovsk-captured",
                    "us-peace-plan-accepted", "x-big-3", "zulu-1", "zulu-2"), ids(all, "claims", "claimId"));

            List<JsonNode> contested = walk(port, "/api/parties/RU/contested-claims?limit=10");
            assertEquals(List.of("alpha-1", "alpha-2", "alpha-3", "big-1", "big-2"), ids(contested.subList(0, 1),
                    "claims", "claimId"));
            assertEquals(10 - 1, ids(contested, "claims", "claimId").size());
        }
    }

    @Test
    void shouldRefuseABadLimitOrCursorOnEveryClaimList() {
        for (int port : ports()) {
            for (String path : List.of("/api/claims", "/api/claims?status=CONTESTED",
                    "/api/parties/RU/contested-claims", "/api/parties/DE/claim-changes")) {
                String sep = path.contains("?") ? "&" : "?";
                for (String bad : List.of("limit=0", "limit=1001", "limit=ten", "after=not-a-cursor",
                        "after=" + "A".repeat(600))) {
                    String request = path + sep + bad;
                    assertError(400, path.split("\\?")[0], get(port, request));
                }
            }
            // A cursor of another list (three parts, where claims have one) is not one of this list.
            String changes = get(port, "/api/parties/DE/claim-changes?limit=1").body().path("next").asText();
            assertFalse(changes.isEmpty());
            assertError(400, "/api/claims", get(port, "/api/claims?after=" + changes));
        }
    }
}
