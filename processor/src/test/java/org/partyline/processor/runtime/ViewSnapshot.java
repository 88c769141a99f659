package org.partyline.processor.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every view of the REST API, as a client sees it: each party's stances (with history per topic), changes and
 * contested claims, each topic's stances and every claim, keyed by request path.
 */
final class ViewSnapshot {
    private ViewSnapshot() {
    }

    static Map<String, JsonNode> take(Api api) {
        Map<String, JsonNode> views = new TreeMap<>();
        JsonNode parties = get(api, "/api/parties", views);
        TreeSet<String> topics = new TreeSet<>();
        for (JsonNode party : parties.path("parties")) {
            String p = "/api/parties/" + party.asText();
            for (JsonNode stance : get(api, p + "/stances", views).path("stances")) {
                topics.add(stance.path("topic").asText());
                get(api, p + "/stances/" + stance.path("topic").asText(), views);
            }
            for (String view : new String[] {"/changes", "/contested-claims"}) {
                get(api, p + view, views);
            }
        }
        topics.forEach(t -> get(api, "/api/topics/" + t + "/stances", views));
        for (JsonNode claim : get(api, "/api/claims", views).path("claims")) {
            get(api, "/api/claims/" + claim.path("claimId").asText(), views);
        }
        return views;
    }

    private static JsonNode get(Api api, String path, Map<String, JsonNode> views) {
        Api.Response response = api.get(path);
        if (response.status() != 200) {
            throw new AssertionError("GET " + path + ": " + response.status() + " " + response.body());
        }
        views.put(path, response.body());
        return response.body();
    }
}
