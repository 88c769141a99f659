package org.partyline.processor.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.partyline.events.EventRules;
import org.partyline.schema.Claim;
import org.partyline.schema.Source;
import org.partyline.schema.Statement;

/**
 * The REST bodies of CONTRACT sections 2 to 6 computed from the events without Kafka: a plain-Java port of
 * {@code shared/contract-check/oracle.py --extended} (its {@code dedup}, {@code _views}, {@code _as_of} and
 * {@code as_of_points}), for property tests of the real topology and query layer.
 *
 * <p>Input: {@link Statement}s and {@link Claim}s in arrival order, valid as the producer publishes them (parties
 * are normalized like the input, {@code ru} is {@code RU}); an event whose (type, key, eventId) came before is
 * ignored, the first kept. Each body is a JSON-like tree: {@code LinkedHashMap}s with the contract's field names in
 * its order, {@code List}s in the contract's order, instants as {@link Instant#toString()} text, counts and
 * {@code shift} as {@code Integer}, {@code distance} as {@code Double}, {@code reversal}/{@code contradiction} as
 * {@code Boolean}, absent values as {@code null}. So {@code new ObjectMapper().valueToTree(body)} equals the tree
 * Jackson reads from the REST answer when the answer is right (Jackson reads small integers as ints too).
 *
 * <p>Where the REST layer says more than the oracle, this gives what the REST layer says: history entries carry
 * {@code speaker}, {@code quote} and {@code source}, and a {@code source} is always
 * {@code {"url", "outlet", "title", "publishedAt"}} (absent parts null), as {@code ViewBodies} writes it.
 *
 * <p>Orders are the oracle's: strings by code point (Python's {@code str} order), events by (occurredAt, eventId).
 * A body absent from {@link #views} (an empty {@link Optional} from the per-view methods) is a 404: nothing is
 * known of it now, whatever {@code asOf} says.
 */
public final class HistoryReference {

    /** Code point order of strings, Python's order of {@code str}. */
    public static final Comparator<String> CODE_POINTS =
            (a, b) -> Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    private static final Comparator<Statement> STATEMENT_ORDER = Comparator
            .comparing(Statement::getOccurredAt).thenComparing(Statement::getEventId, CODE_POINTS);
    private static final Comparator<Claim> CLAIM_ORDER = Comparator
            .comparing(Claim::getOccurredAt).thenComparing(Claim::getEventId, CODE_POINTS);
    private static final List<String> STATUSES = List.of("CONTESTED", "ASSERTED", "DENIED", "WITHDRAWN");
    private static final Set<String> PARTY_VIEWS = Set.of("stances", "changes", "claim-changes", "agreement");

    private final List<Statement> statements;
    private final List<Claim> claims;
    private final Map<Optional<Instant>, Map<String, Map<String, Object>>> folded = new HashMap<>();

    private HistoryReference(List<Statement> statements, List<Claim> claims) {
        this.statements = statements;
        this.claims = claims;
    }

    /** The events in arrival order, deduplicated by (type, party or claimId, eventId), the first kept. */
    public static HistoryReference of(List<? extends SpecificRecord> arrivals) {
        Set<List<String>> seen = new HashSet<>();
        List<Statement> statements = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        for (SpecificRecord event : arrivals) {
            if (event instanceof Statement s) {
                Statement n = Statement.newBuilder(s).setParty(EventRules.normalizeParty(s.getParty())).build();
                if (seen.add(List.of("statement", n.getParty(), n.getEventId()))) {
                    statements.add(n);
                }
            } else if (event instanceof Claim c) {
                Claim n = Claim.newBuilder(c).setParty(EventRules.normalizeParty(c.getParty())).build();
                if (seen.add(List.of("claim", n.getClaimId(), n.getEventId()))) {
                    claims.add(n);
                }
            } else {
                throw new IllegalArgumentException("neither a Statement nor a Claim: " + event);
            }
        }
        return new HistoryReference(List.copyOf(statements), List.copyOf(claims));
    }

    /**
     * Every view by request path without query ({@code /api/parties/RU/stances}; {@code /api/claims?status=S} is the
     * one path with a query, and only as of now). As of now: every view of the contract. With {@code asOf}: the seven
     * views that take it (CONTRACT 6.2), for everything known now, folded from the events at or before it.
     */
    public Map<String, Map<String, Object>> views(Optional<Instant> asOf) {
        Map<String, Map<String, Object>> known = folded.get(asOf);
        if (known == null) {
            known = asOf.isEmpty() ? new Fold(statements, claims).views : asOf(asOf.get());
            folded.put(asOf, known);
        }
        return known;
    }

    /** The body of {@code path} (no query), or empty for a 404. */
    public Optional<Map<String, Object>> body(String path, Optional<Instant> asOf) {
        return Optional.ofNullable(views(asOf).get(path));
    }

    public Optional<Map<String, Object>> partyStances(String party, Optional<Instant> asOf) {
        return body("/api/parties/" + EventRules.normalizeParty(party) + "/stances", asOf);
    }

    public Optional<Map<String, Object>> partyTopic(String party, String topic, Optional<Instant> asOf) {
        return body("/api/parties/" + EventRules.normalizeParty(party) + "/stances/" + topic, asOf);
    }

    public Optional<Map<String, Object>> partyChanges(String party, Optional<Instant> asOf) {
        return body("/api/parties/" + EventRules.normalizeParty(party) + "/changes", asOf);
    }

    public Optional<Map<String, Object>> topicStances(String topic, Optional<Instant> asOf) {
        return body("/api/topics/" + topic + "/stances", asOf);
    }

    public Optional<Map<String, Object>> claim(String claimId, Optional<Instant> asOf) {
        return body("/api/claims/" + claimId, asOf);
    }

    public Optional<Map<String, Object>> claimChanges(String party, Optional<Instant> asOf) {
        return body("/api/parties/" + EventRules.normalizeParty(party) + "/claim-changes", asOf);
    }

    public Optional<Map<String, Object>> agreement(String party, Optional<Instant> asOf) {
        return body("/api/parties/" + EventRules.normalizeParty(party) + "/agreement", asOf);
    }

    /** Every party named by any event, in code point order. */
    public List<String> parties() {
        TreeSet<String> parties = new TreeSet<>(CODE_POINTS);
        statements.forEach(s -> parties.add(s.getParty()));
        claims.forEach(c -> parties.add(c.getParty()));
        return List.copyOf(parties);
    }

    /**
     * oracle.py's {@code as_of_points}: one event's own time, a time between two events and a time before every
     * event (with fewer than three distinct times, only the earliest).
     */
    public List<Instant> asOfPoints() {
        TreeSet<Instant> distinct = new TreeSet<>();
        statements.forEach(s -> distinct.add(s.getOccurredAt()));
        claims.forEach(c -> distinct.add(c.getOccurredAt()));
        List<Instant> times = List.copyOf(distinct);
        if (times.size() < 3) {
            return times.isEmpty() ? List.of() : List.of(times.get(0));
        }
        int n = times.size();
        Instant lo = times.get(2 * n / 3 - 1);
        Instant hi = times.get(2 * n / 3);
        return List.of(times.get(n / 3), lo.plus(Duration.between(lo, hi).dividedBy(2)),
                times.get(0).minusSeconds(1));
    }

    /** oracle.py's {@code _as_of}: the views then, and for what is known now but had nothing by then, empty ones. */
    private Map<String, Map<String, Object>> asOf(Instant t) {
        Map<String, Map<String, Object>> now = views(Optional.empty());
        Map<String, Map<String, Object>> then = new Fold(
                statements.stream().filter(s -> !s.getOccurredAt().isAfter(t)).toList(),
                claims.stream().filter(c -> !c.getOccurredAt().isAfter(t)).toList()).views;
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        now.forEach((path, body) -> {
            String kind = kindOf(path);
            if (kind == null) {
                return;
            }
            Map<String, Object> empty = switch (kind) {
                case "stance" -> obj("party", body.get("party"), "topic", body.get("topic"), "stance", null,
                        "since", null, "history", List.of(), "changes", List.of());
                case "claim" -> obj("claimId", body.get("claimId"), "proposition", null, "status", null,
                        "positions", List.of(), "events", 0, "origin", null);
                case "topic" -> obj("topic", body.get("topic"), "stances", List.of());
                case "agreement" -> obj("party", body.get("party"), "agreement", List.of());
                case "stances" -> obj("party", body.get("party"), "stances", List.of());
                default -> obj("party", body.get("party"), "changes", List.of());
            };
            out.put(path, then.getOrDefault(path, empty));
        });
        return out;
    }

    /** Which view of 6.2 a path is, or null for a view that takes no {@code asOf}. */
    private static String kindOf(String path) {
        if (path.contains("?")) {
            return null;
        }
        String[] parts = path.split("/");
        if (path.startsWith("/api/parties/") && parts.length == 5 && PARTY_VIEWS.contains(parts[4])) {
            return parts[4];
        }
        if (path.startsWith("/api/parties/") && parts.length == 6) {
            return "stance";
        }
        if (path.startsWith("/api/topics/")) {
            return "topic";
        }
        if (path.startsWith("/api/claims/")) {
            return "claim";
        }
        return null;
    }

    /** A JSON object: keys and values in turn, in that order; values may be null. */
    static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> o = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            o.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return o;
    }

    private static int score(String stance) {
        return switch (stance) {
            case "SUPPORT" -> 2;
            case "LEAN_SUPPORT" -> 1;
            case "NEUTRAL" -> 0;
            case "LEAN_OPPOSE" -> -1;
            case "OPPOSE" -> -2;
            default -> throw new IllegalArgumentException(stance);
        };
    }

    private static Map<String, Object> source(Source s) {
        return s == null ? null : obj("url", s.getUrl(), "outlet", s.getOutlet(), "title", s.getTitle(),
                "publishedAt", s.getPublishedAt() == null ? null : s.getPublishedAt().toString());
    }

    /** An element of a list sorted by (occurredAt, eventId[, claimId]), with its body. */
    private record Sorted(Instant at, String eventId, String claimId, Map<String, Object> body) {
        static final Comparator<Sorted> ORDER = Comparator.comparing(Sorted::at)
                .thenComparing(Sorted::eventId, CODE_POINTS).thenComparing(Sorted::claimId, CODE_POINTS);
    }

    /** oracle.py's {@code _views(evs, extended=True)}: every view of a set of deduplicated events. */
    private static final class Fold {
        final Map<String, Map<String, Object>> views = new LinkedHashMap<>();
        /** (party, topic) in code point order of party, then topic. */
        private final Map<List<String>, Map<String, Object>> stanceOf = new TreeMap<>(
                Comparator.comparing((List<String> k) -> k.get(0), CODE_POINTS)
                        .thenComparing(k -> k.get(1), CODE_POINTS));
        private final Map<List<String>, List<Sorted>> changesOf = new HashMap<>();
        private final TreeSet<String> parties = new TreeSet<>(CODE_POINTS);

        Fold(List<Statement> statements, List<Claim> claims) {
            Map<List<String>, List<Statement>> byPartyTopic = group(statements, s -> List.of(s.getParty(), s.getTopic()));
            Map<String, List<Claim>> byClaim = group(claims, Claim::getClaimId);
            statements.forEach(s -> parties.add(s.getParty()));
            claims.forEach(c -> parties.add(c.getParty()));
            views.put("/api/parties", obj("parties", List.copyOf(parties)));
            byPartyTopic.forEach(this::stances);
            partyStancesAndChanges();
            topicStances();
            claims(byClaim);
            agreement();
        }

        private static <E, K> Map<K, List<E>> group(List<E> events, Function<E, K> key) {
            Map<K, List<E>> groups = new LinkedHashMap<>();
            events.forEach(e -> groups.computeIfAbsent(key.apply(e), k -> new ArrayList<>()).add(e));
            return groups;
        }

        private void stances(List<String> partyTopic, List<Statement> unsorted) {
            String p = partyTopic.get(0);
            String t = partyTopic.get(1);
            List<Statement> es = unsorted.stream().sorted(STATEMENT_ORDER).toList();
            List<Sorted> changes = new ArrayList<>();
            for (int i = 1; i < es.size(); i++) {
                Statement a = es.get(i - 1);
                Statement b = es.get(i);
                if (a.getStance() != b.getStance()) {
                    int x = score(a.getStance().name());
                    int y = score(b.getStance().name());
                    changes.add(new Sorted(b.getOccurredAt(), b.getEventId(), "", obj("topic", t,
                            "from", a.getStance().name(), "to", b.getStance().name(),
                            "occurredAt", b.getOccurredAt().toString(), "eventId", b.getEventId(),
                            "shift", y - x, "reversal", Integer.signum(x) * Integer.signum(y) < 0)));
                }
            }
            Statement last = es.get(es.size() - 1);
            int i = es.size() - 1;
            while (i > 0 && es.get(i - 1).getStance() == last.getStance()) {
                i--;
            }
            String since = es.get(i).getOccurredAt().toString();
            stanceOf.put(partyTopic, obj("topic", t, "stance", last.getStance().name(), "since", since,
                    "statements", es.size()));
            changesOf.put(partyTopic, changes);
            List<Map<String, Object>> history = es.stream().map(e -> obj("eventId", e.getEventId(),
                    "stance", e.getStance().name(), "occurredAt", e.getOccurredAt().toString(),
                    "speaker", e.getSpeaker(), "quote", e.getQuote(), "source", source(e.getSource()))).toList();
            views.put("/api/parties/" + p + "/stances/" + t, obj("party", p, "topic", t,
                    "stance", last.getStance().name(), "since", since, "history", history,
                    "changes", changes.stream().map(Sorted::body).toList()));
        }

        private void partyStancesAndChanges() {
            for (String p : parties) {
                List<Map<String, Object>> stances = new ArrayList<>();
                List<Sorted> changes = new ArrayList<>();
                stanceOf.forEach((k, s) -> {
                    if (k.get(0).equals(p)) {
                        stances.add(s);
                        changes.addAll(changesOf.get(k));
                    }
                });
                changes.sort(Sorted.ORDER);
                views.put("/api/parties/" + p + "/stances", obj("party", p, "stances", stances));
                views.put("/api/parties/" + p + "/changes", obj("party", p,
                        "changes", changes.stream().map(Sorted::body).toList()));
            }
        }

        private void topicStances() {
            Map<String, List<Map<String, Object>>> byTopic = new TreeMap<>(CODE_POINTS);
            List<List<String>> byParty = new ArrayList<>(stanceOf.keySet());
            byParty.sort(Comparator.comparing((List<String> k) -> k.get(0), CODE_POINTS));
            for (List<String> k : byParty) {
                Map<String, Object> s = stanceOf.get(k);
                byTopic.computeIfAbsent(k.get(1), x -> new ArrayList<>())
                        .add(obj("party", k.get(0), "stance", s.get("stance"), "since", s.get("since")));
            }
            byTopic.forEach((t, stances) -> views.put("/api/topics/" + t + "/stances",
                    obj("topic", t, "stances", stances)));
        }

        private void claims(Map<String, List<Claim>> byClaim) {
            Map<String, Map<String, Object>> claimViews = new TreeMap<>(CODE_POINTS);
            Map<String, List<Sorted>> claimChanges = new HashMap<>();
            parties.forEach(p -> claimChanges.put(p, new ArrayList<>()));
            byClaim.forEach((c, unsorted) -> {
                List<Claim> es = unsorted.stream().sorted(CLAIM_ORDER).toList();
                Map<String, Claim> last = new TreeMap<>(CODE_POINTS);
                Map<String, List<Claim>> byParty = new LinkedHashMap<>();
                for (Claim e : es) {
                    last.put(e.getParty(), e);
                    byParty.computeIfAbsent(e.getParty(), k -> new ArrayList<>()).add(e);
                }
                Set<String> held = new HashSet<>();
                last.values().forEach(e -> held.add(e.getPosition().name()));
                boolean asserted = held.contains("ASSERTS");
                boolean against = held.contains("DENIES") || held.contains("DISPUTES");
                String status = asserted && against ? "CONTESTED" : asserted ? "ASSERTED"
                        : against ? "DENIED" : "WITHDRAWN";
                String proposition = es.stream().map(Claim::getProposition)
                        .filter(p -> p != null && !p.isEmpty()).findFirst().orElse(null);
                List<Map<String, Object>> positions = new ArrayList<>();
                last.forEach((p, e) -> positions.add(obj("party", p, "position", e.getPosition().name(),
                        "occurredAt", e.getOccurredAt().toString(), "eventId", e.getEventId(),
                        "events", byParty.get(p).size())));
                Map<String, Object> origin = es.stream().filter(e -> e.getPosition().name().equals("ASSERTS"))
                        .findFirst().map(e -> obj("party", e.getParty(), "eventId", e.getEventId(),
                                "occurredAt", e.getOccurredAt().toString(), "source", source(e.getSource())))
                        .orElse(null);
                Map<String, Object> claim = obj("claimId", c, "proposition", proposition, "status", status,
                        "positions", positions, "events", es.size(), "origin", origin);
                claimViews.put(c, claim);
                views.put("/api/claims/" + c, claim);
                byParty.forEach((p, pes) -> {
                    for (int i = 1; i < pes.size(); i++) {
                        String a = pes.get(i - 1).getPosition().name();
                        Claim b = pes.get(i);
                        String to = b.getPosition().name();
                        if (!a.equals(to)) {
                            Set<String> pair = Set.of(a, to);
                            boolean contradiction = pair.equals(Set.of("ASSERTS", "DENIES"))
                                    || pair.equals(Set.of("ASSERTS", "DISPUTES"));
                            claimChanges.get(p).add(new Sorted(b.getOccurredAt(), b.getEventId(), c, obj(
                                    "claimId", c, "from", a, "to", to, "occurredAt", b.getOccurredAt().toString(),
                                    "eventId", b.getEventId(), "contradiction", contradiction)));
                        }
                    }
                });
            });
            List<Map<String, Object>> all = List.copyOf(claimViews.values());
            views.put("/api/claims", obj("claims", all));
            for (String s : STATUSES) {
                views.put("/api/claims?status=" + s, obj("claims",
                        all.stream().filter(c -> c.get("status").equals(s)).toList()));
            }
            for (String p : parties) {
                views.put("/api/parties/" + p + "/contested-claims", obj("party", p, "claims", all.stream()
                        .filter(c -> c.get("status").equals("CONTESTED") && holds(c, p)).toList()));
                List<Sorted> changes = claimChanges.get(p);
                changes.sort(Sorted.ORDER);
                views.put("/api/parties/" + p + "/claim-changes", obj("party", p,
                        "changes", changes.stream().map(Sorted::body).toList()));
            }
        }

        @SuppressWarnings("unchecked")
        private static boolean holds(Map<String, Object> claim, String party) {
            return ((List<Map<String, Object>>) claim.get("positions")).stream()
                    .anyMatch(x -> x.get("party").equals(party) && !x.get("position").equals("RETRACTS"));
        }

        private void agreement() {
            for (String p : parties) {
                Map<String, Integer> mine = new HashMap<>();
                stanceOf.forEach((k, s) -> {
                    if (k.get(0).equals(p)) {
                        mine.put(k.get(1), score((String) s.get("stance")));
                    }
                });
                List<Map<String, Object>> rows = new ArrayList<>();
                for (String q : parties) {
                    if (q.equals(p)) {
                        continue;
                    }
                    int topics = 0;
                    int agree = 0;
                    int distance = 0;
                    for (Map.Entry<List<String>, Map<String, Object>> e : stanceOf.entrySet()) {
                        Integer x = mine.get(e.getKey().get(1));
                        if (e.getKey().get(0).equals(q) && x != null) {
                            int y = score((String) e.getValue().get("stance"));
                            topics++;
                            agree += Integer.signum(x) == Integer.signum(y) ? 1 : 0;
                            distance += Math.abs(x - y);
                        }
                    }
                    if (topics > 0) {
                        rows.add(obj("party", q, "topics", topics, "agree", agree,
                                "distance", (double) distance / topics));
                    }
                }
                views.put("/api/parties/" + p + "/agreement", obj("party", p, "agreement", rows));
            }
        }
    }
}
