package org.partyline.processor.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.partyline.schema.Claim;
import org.partyline.schema.ClaimPosition;
import org.partyline.schema.ClaimStatusChange;
import org.partyline.schema.Position;
import org.partyline.schema.Stance;
import org.partyline.schema.StanceChange;
import org.partyline.schema.Statement;

/**
 * The views and change records of CONTRACT section 2 computed from the events without Kafka: applies arrivals in
 * order, recomputing each key's view from scratch after each event (like contract-check/oracle.py). Shared by the
 * topology's property test and the fault tests, which compare the real processor with it.
 *
 * <p>Views and records are text: a stance {@code P|T=STANCE@since#statements}, a history entry
 * {@code eventId:STANCE}, a change {@code P|T:FROM>TO@occurredAt#eventId(shift[,reversal])}, a claim
 * {@code C|proposition|STATUS|P:POSITION@occurredAt#eventId,...} and a claim status change
 * {@code C|proposition|PREVIOUS>STATUS@occurredAt|positions}.
 */
public final class ReferenceFold {
    private final Map<String, List<Statement>> statements = new TreeMap<>();
    private final Map<String, List<Claim>> claims = new TreeMap<>();
    private final TreeSet<String> parties = new TreeSet<>();
    /** Stance change records in arrival order. */
    public final List<String> stanceChanges = new ArrayList<>();
    /** Stance change records by key (party), in arrival order: a partition's order for that key. */
    public final Map<String, List<String>> stanceChangesByParty = new TreeMap<>();
    /** Claim status change records in arrival order. */
    public final List<String> claimStatus = new ArrayList<>();
    /** Claim status change records by key (claimId), in arrival order. */
    public final Map<String, List<String>> claimStatusByClaim = new TreeMap<>();
    /** Events that reused an event id with other content (dead letters). */
    public int deadLetters;

    private ReferenceFold() {
    }

    public static ReferenceFold of(List<? extends SpecificRecord> arrivals) {
        ReferenceFold r = new ReferenceFold();
        Map<String, SpecificRecord> seen = new HashMap<>();
        for (SpecificRecord e : arrivals) {
            String key = e instanceof Statement s ? "s|" + s.getParty() + "|" + s.getEventId()
                    : "c|" + ((Claim) e).getClaimId() + "|" + ((Claim) e).getEventId();
            SpecificRecord first = seen.putIfAbsent(key, e);
            if (first != null) {
                r.deadLetters += first.equals(e) ? 0 : 1;
            } else if (e instanceof Statement s) {
                r.applyStatement(s);
            } else {
                r.applyClaim((Claim) e);
            }
        }
        return r;
    }

    private void applyStatement(Statement s) {
        parties.add(s.getParty());
        List<Statement> list = statements.computeIfAbsent(s.getParty() + "|" + s.getTopic(), k -> new ArrayList<>());
        List<Statement> before = sorted(list.stream());
        list.add(s);
        if (!before.isEmpty()) {
            Stance from = last(before).getStance();
            Stance to = last(sorted(list.stream())).getStance();
            if (to != from) {
                String change = s.getParty() + "|" + s.getTopic() + ":" + from + ">" + to + "@" + s.getOccurredAt()
                        + "#" + s.getEventId() + size(from, to);
                stanceChanges.add(change);
                stanceChangesByParty.computeIfAbsent(s.getParty(), k -> new ArrayList<>()).add(change);
            }
        }
    }

    private void applyClaim(Claim c) {
        parties.add(c.getParty());
        List<Claim> list = claims.computeIfAbsent(c.getClaimId(), k -> new ArrayList<>());
        String before = list.isEmpty() ? "null" : claimView(c.getClaimId()).get("status");
        list.add(c);
        Map<String, String> after = claimView(c.getClaimId());
        if (!after.get("status").equals(before)) {
            String change = c.getClaimId() + "|" + after.get("proposition") + "|" + before + ">" + after.get("status")
                    + "@" + c.getOccurredAt() + "|" + after.get("positions");
            claimStatus.add(change);
            claimStatusByClaim.computeIfAbsent(c.getClaimId(), k -> new ArrayList<>()).add(change);
        }
    }

    private Map<String, String> claimView(String claimId) {
        List<Claim> events = sorted(claims.getOrDefault(claimId, List.of()).stream());
        Map<String, Claim> last = new TreeMap<>();
        events.forEach(e -> last.put(e.getParty(), e));
        List<Position> held = last.values().stream().map(Claim::getPosition).toList();
        boolean asserts = held.contains(Position.ASSERTS);
        boolean denies = held.contains(Position.DENIES) || held.contains(Position.DISPUTES);
        String status = asserts && denies ? "CONTESTED" : asserts ? "ASSERTED" : denies ? "DENIED" : "WITHDRAWN";
        String proposition = events.stream().map(Claim::getProposition)
                .filter(p -> p != null && !p.isEmpty()).findFirst().orElse(null);
        String positions = last.values().stream().map(e -> e.getParty() + ":" + e.getPosition() + "@"
                + e.getOccurredAt() + "#" + e.getEventId()).collect(Collectors.joining(","));
        Map<String, String> view = new LinkedHashMap<>();
        view.put("status", status);
        view.put("proposition", String.valueOf(proposition));
        view.put("positions", positions);
        view.put("parties", String.join(",", last.keySet()));
        view.put("held", last.values().stream().map(e -> e.getParty() + ":" + e.getPosition())
                .collect(Collectors.joining(",")));
        view.put("holding", last.values().stream().filter(e -> e.getPosition() != Position.RETRACTS)
                .map(Claim::getParty).collect(Collectors.joining(",")));
        return view;
    }

    /** Every party named by any event (not a dead letter), sorted. */
    public List<String> parties() {
        return List.copyOf(parties);
    }

    /**
     * The views by name: {@code stances}, {@code history} and {@code changes} by {@code P|T}, {@code topicStances},
     * {@code claims} and {@code partyClaims} ({@code P|claimId|STATUS|POSITION} for every party with a position on the
     * claim: its own position and the claim's status).
     */
    public Map<String, Object> views() {
        List<String> stances = new ArrayList<>();
        Map<String, List<String>> history = new TreeMap<>();
        Map<String, List<String>> changes = new TreeMap<>();
        Map<String, String> topicStances = new TreeMap<>();
        statements.forEach((key, list) -> {
            List<Statement> es = sorted(list.stream());
            int i = es.size() - 1;
            while (i > 0 && es.get(i - 1).getStance() == last(es).getStance()) {
                i--;
            }
            Statement first = es.get(i);
            stances.add(key + "=" + last(es).getStance() + "@" + first.getOccurredAt() + "#" + es.size());
            history.put(key, es.stream().map(e -> e.getEventId() + ":" + e.getStance()).toList());
            List<String> cs = new ArrayList<>();
            for (int j = 1; j < es.size(); j++) {
                if (es.get(j - 1).getStance() != es.get(j).getStance()) {
                    cs.add(key + ":" + es.get(j - 1).getStance() + ">" + es.get(j).getStance() + "@"
                            + es.get(j).getOccurredAt() + "#" + es.get(j).getEventId()
                            + size(es.get(j - 1).getStance(), es.get(j).getStance()));
                }
            }
            if (!cs.isEmpty()) {
                changes.put(key, cs);
            }
            String[] pt = key.split("\\|");
            topicStances.put(pt[1] + "\u0000" + pt[0],
                    pt[1] + "|" + pt[0] + "=" + last(es).getStance() + "@" + first.getOccurredAt());
        });
        List<String> claimViews = new ArrayList<>();
        Map<String, String> partyClaims = new TreeMap<>();
        claims.keySet().forEach(id -> {
            String text = claimText(id);
            claimViews.add(text);
            Map<String, String> view = claimView(id);
            for (String held : view.get("held").split(",")) {
                String party = held.substring(0, held.indexOf(':'));
                partyClaims.put(party + "\u0000" + id, party + "|" + id + "|" + view.get("status") + "|"
                        + held.substring(held.indexOf(':') + 1));
            }
        });
        Map<String, Object> views = new TreeMap<>();
        views.put("stances", stances);
        views.put("history", history);
        views.put("changes", changes);
        views.put("topicStances", new ArrayList<>(topicStances.values()));
        views.put("claims", claimViews);
        views.put("partyClaims", new ArrayList<>(partyClaims.values()));
        return views;
    }

    /** A claim's view as text, see the class comment. */
    public String claimText(String claimId) {
        Map<String, String> v = claimView(claimId);
        return claimId + "|" + v.get("proposition") + "|" + v.get("status") + "|" + v.get("positions");
    }

    /** The CONTESTED claims on which the party's current position is not RETRACTS, by claimId. */
    public List<String> contestedClaims(String party) {
        List<String> found = new ArrayList<>();
        claims.keySet().forEach(id -> {
            Map<String, String> v = claimView(id);
            if (v.get("status").equals("CONTESTED") && List.of(v.get("holding").split(",")).contains(party)) {
                found.add(id);
            }
        });
        return found;
    }

    /** A stance change record as text, in the form of {@link #stanceChanges}. */
    public static String text(StanceChange c) {
        return c.getParty() + "|" + c.getTopic() + ":" + c.getFrom() + ">" + c.getTo() + "@" + c.getOccurredAt()
                + "#" + c.getEventId() + "(" + c.getShift() + (c.getReversal() ? ",reversal)" : ")");
    }

    /**
     * CONTRACT 6.1 worked out here on its own: the symbols run from SUPPORT (+2) down to OPPOSE (-2), a reversal
     * crosses NEUTRAL.
     */
    private static String size(Stance from, Stance to) {
        int a = 2 - from.ordinal();
        int b = 2 - to.ordinal();
        return "(" + (b - a) + (a * b < 0 ? ",reversal)" : ")");
    }

    /** A claim status change record as text, in the form of {@link #claimStatus}. */
    public static String text(ClaimStatusChange c) {
        return c.getClaimId() + "|" + c.getProposition() + "|" + c.getPreviousStatus() + ">" + c.getStatus() + "@"
                + c.getOccurredAt() + "|" + positions(c.getPositions());
    }

    static String positions(List<ClaimPosition> positions) {
        return positions.stream().map(p -> p.getParty() + ":" + p.getPosition() + "@" + p.getOccurredAt() + "#"
                + p.getEventId()).collect(Collectors.joining(","));
    }

    private static <E extends SpecificRecord> List<E> sorted(Stream<E> events) {
        return events.sorted(Comparator.comparing((E e) -> (Instant) e.get(e.getSchema().getField("occurredAt").pos()))
                .thenComparing(e -> (String) e.get(e.getSchema().getField("eventId").pos()))).toList();
    }

    private static <E> E last(List<E> list) {
        return list.get(list.size() - 1);
    }
}
