package org.partyline.processor.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.partyline.processor.domain.EventPosition;
import org.partyline.processor.streams.ReferenceFold;

/**
 * Every view a user reads, as comparable text (the forms of {@link ReferenceFold}): the parties, each party's stances,
 * each (party, topic)'s history and changes, each party's changes across topics, each topic's stances, all claims,
 * each party's contested claims. Read
 * from a processor's REST API or computed by the reference fold; two snapshots are equal when every view is.
 */
public final class ViewSnapshot {
    private final Map<String, Object> views;

    private ViewSnapshot(Map<String, Object> views) {
        this.views = views;
    }

    /** The views the reference fold computes from the events. */
    @SuppressWarnings("unchecked")
    public static ViewSnapshot of(ReferenceFold reference) {
        Map<String, Object> r = reference.views();
        Map<String, Object> views = new TreeMap<>();
        views.put("parties", reference.parties());
        views.put("stances", r.get("stances"));
        views.put("history", r.get("history"));
        views.put("changes", r.get("changes"));
        views.put("topicStances", r.get("topicStances"));
        views.put("claims", r.get("claims"));
        Map<String, List<String>> contested = new TreeMap<>();
        reference.parties().forEach(p -> contested.put(p, reference.contestedClaims(p)));
        views.put("contested", contested);
        views.put("partyChanges", partyChanges(reference.parties(), (Map<String, List<String>>) r.get("changes")));
        return new ViewSnapshot(views);
    }

    /** The views as the REST API answers them now (a few hundred GETs). */
    public static ViewSnapshot read(URI api) {
        RestViews rest = new RestViews(api);
        List<String> parties = new ArrayList<>();
        rest.get("/api/parties").path("parties").forEach(p -> parties.add(p.asText()));
        List<String> stances = new ArrayList<>();
        Map<String, List<String>> history = new TreeMap<>();
        Map<String, List<String>> changes = new TreeMap<>();
        TreeSet<String> topics = new TreeSet<>();
        Map<String, List<String>> contested = new TreeMap<>();
        Map<String, List<String>> byParty = new TreeMap<>();
        for (String party : parties) {
            String base = "/api/parties/" + RestViews.segment(party);
            for (JsonNode s : rest.get(base + "/stances").path("stances")) {
                String topic = s.path("topic").asText();
                String key = party + "|" + topic;
                topics.add(topic);
                stances.add(key + "=" + s.path("stance").asText() + "@" + instant(s.path("since")) + "#"
                        + s.path("statements").asInt());
                JsonNode detail = rest.get(base + "/stances/" + RestViews.segment(topic));
                List<String> entries = new ArrayList<>();
                detail.path("history").forEach(h -> entries.add(h.path("eventId").asText() + ":"
                        + h.path("stance").asText()));
                history.put(key, entries);
                List<String> cs = new ArrayList<>();
                detail.path("changes").forEach(c -> cs.add(key + ":" + c.path("from").asText() + ">"
                        + c.path("to").asText() + "@" + instant(c.path("occurredAt")) + "#"
                        + c.path("eventId").asText() + size(c)));
                if (!cs.isEmpty()) {
                    changes.put(key, cs);
                }
            }
            List<String> partyChanges = new ArrayList<>();
            rest.get(base + "/changes").path("changes").forEach(c -> partyChanges.add(party + "|"
                    + c.path("topic").asText() + ":" + c.path("from").asText() + ">" + c.path("to").asText() + "@"
                    + instant(c.path("occurredAt")) + "#" + c.path("eventId").asText() + size(c)));
            byParty.put(party, partyChanges);
            List<String> ids = new ArrayList<>();
            rest.get(base + "/contested-claims?limit=1000").path("claims").forEach(c -> ids.add(c.path("claimId").asText()));
            contested.put(party, ids);
        }
        List<String> topicStances = new ArrayList<>();
        for (String topic : topics) {
            rest.get("/api/topics/" + RestViews.segment(topic) + "/stances").path("stances")
                    .forEach(t -> topicStances.add(topic + "|" + t.path("party").asText() + "="
                            + t.path("stance").asText() + "@" + instant(t.path("since"))));
        }
        List<String> claims = new ArrayList<>();
        rest.get("/api/claims?limit=1000").path("claims").forEach(c -> claims.add(claimText(c)));
        Map<String, Object> views = new TreeMap<>();
        views.put("parties", parties);
        views.put("stances", stances);
        views.put("history", history);
        views.put("changes", changes);
        views.put("topicStances", topicStances);
        views.put("claims", claims);
        views.put("contested", contested);
        views.put("partyChanges", byParty);
        return new ViewSnapshot(views);
    }

    /**
     * Each party's changes across its topics as {@code /api/parties/{party}/changes} lists them, by (occurredAt,
     * eventId), from the changes of each (party, topic); an empty list for a party without any.
     */
    private static Map<String, List<String>> partyChanges(List<String> parties, Map<String, List<String>> changes) {
        Map<String, List<String>> byParty = new TreeMap<>();
        parties.forEach(p -> byParty.put(p, new ArrayList<>()));
        changes.forEach((key, list) -> byParty.get(key.substring(0, key.indexOf('|'))).addAll(list));
        byParty.values().forEach(list -> list.sort(Comparator
                .comparing((String c) -> Instant.parse(c.substring(c.indexOf('@') + 1, c.indexOf('#', c.indexOf('@')))))
                .thenComparing(c -> c.substring(c.indexOf('#', c.indexOf('@')) + 1), EventPosition::compareCodePoints)));
        return byParty;
    }

    /** Reads the views until they equal {@code expected} or the time is up; the last snapshot read. */
    public static ViewSnapshot await(URI api, ViewSnapshot expected, java.time.Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ViewSnapshot actual = read(api);
        while (!actual.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            actual = read(api);
        }
        return actual;
    }

    private static String claimText(JsonNode c) {
        List<String> positions = new ArrayList<>();
        c.path("positions").forEach(p -> positions.add(p.path("party").asText() + ":" + p.path("position").asText()
                + "@" + instant(p.path("occurredAt")) + "#" + p.path("eventId").asText()));
        return c.path("claimId").asText() + "|" + c.path("proposition").asText() + "|" + c.path("status").asText()
                + "|" + String.join(",", positions);
    }

    /** The size of a change (CONTRACT 6.1) in the reference's form: {@code (shift)} or {@code (shift,reversal)}. */
    private static String size(JsonNode change) {
        return "(" + change.path("shift").asInt() + (change.path("reversal").asBoolean() ? ",reversal)" : ")");
    }

    /** An instant in {@link Instant#toString()} form, like the reference's. */
    private static String instant(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? "null" : Instant.parse(node.asText()).toString();
    }

    /** How many entries each view holds, for a log line. */
    public String sizes() {
        return sizeByView().toString();
    }

    /** How many entries the views hold together. */
    public int entries() {
        return sizeByView().values().stream().mapToInt(Integer::intValue).sum();
    }

    private Map<String, Integer> sizeByView() {
        Map<String, Integer> sizes = new TreeMap<>();
        views.forEach((k, v) -> sizes.put(k, v instanceof Map<?, ?> m ? m.size() : ((List<?>) v).size()));
        return sizes;
    }

    /** The first differences from {@code expected}, view by view, for an assertion message; empty when equal. */
    public String differencesFrom(ViewSnapshot expected) {
        StringBuilder sb = new StringBuilder();
        expected.views.forEach((name, want) -> {
            Object got = views.get(name);
            if (Objects.equals(want, got)) {
                return;
            }
            sb.append(name).append(": ");
            if (want instanceof Map<?, ?> w && got instanceof Map<?, ?> g) {
                int shown = 0;
                for (Object key : new TreeSet<Object>(union(w.keySet(), g.keySet()))) {
                    if (!Objects.equals(w.get(key), g.get(key)) && shown++ < 3) {
                        sb.append("\n  ").append(key).append(" expected ").append(w.get(key)).append(" but was ")
                                .append(g.get(key));
                    }
                }
                sb.append("\n  (").append(shown).append(" keys differ)\n");
            } else if (want instanceof List<?> w && got instanceof List<?> g) {
                List<Object> missing = new ArrayList<>(w);
                missing.removeAll(g);
                List<Object> extra = new ArrayList<>(g);
                extra.removeAll(w);
                sb.append(w.size()).append(" expected, ").append(g.size()).append(" found; missing ")
                        .append(first(missing)).append(", unexpected ").append(first(extra)).append('\n');
            } else {
                sb.append("expected ").append(want).append(" but was ").append(got).append('\n');
            }
        });
        return sb.toString();
    }

    private static List<Object> union(java.util.Set<?> a, java.util.Set<?> b) {
        List<Object> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String first(List<Object> items) {
        return items.size() <= 3 ? items.toString() : items.subList(0, 3) + " and " + (items.size() - 3) + " more";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ViewSnapshot other && views.equals(other.views);
    }

    @Override
    public int hashCode() {
        return views.hashCode();
    }

    @Override
    public String toString() {
        return "ViewSnapshot" + sizes();
    }
}
