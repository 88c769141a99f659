package org.partyline.processor.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.partyline.schema.Stance;

/**
 * Agreement between parties (CONTRACT section 6.5): for every other party that holds a stance on at least one topic
 * on which this party holds one, how many such shared topics there are, on how many of them both stand on the same
 * side of {@code NEUTRAL} ({@link StanceScale#sameSide}: both supporting, both opposing, or both {@code NEUTRAL}), and
 * the mean {@link StanceScale#distance} over them. Rows are sorted by party in code point order.
 */
public final class Agreement {

    private Agreement() {
    }

    /** One other party's agreement with this one. */
    public record Row(String party, int topics, int agree, double distance) {
    }

    /** This party's and the other party's stance on one shared topic. */
    public record Pair(Stance mine, Stance theirs) {
    }

    /** The rows of the parties with at least one shared topic, by party; parties without pairs are left out. */
    public static List<Row> rows(Map<String, List<Pair>> pairsByParty) {
        Map<String, List<Pair>> sorted = new TreeMap<>(EventPosition::compareCodePoints);
        sorted.putAll(pairsByParty);
        List<Row> rows = new ArrayList<>();
        sorted.forEach((party, pairs) -> {
            if (!pairs.isEmpty()) {
                rows.add(row(party, pairs));
            }
        });
        return rows;
    }

    /**
     * The rows of {@code party}, whose stances by topic are {@code mine}, against every other party's stances by
     * topic ({@code others}: party to topic to stance; {@code party} itself among them is skipped, topics it does not
     * hold are ignored).
     */
    public static List<Row> between(String party, Map<String, Stance> mine, Map<String, Map<String, Stance>> others) {
        Map<String, List<Pair>> pairs = new TreeMap<>();
        others.forEach((other, stances) -> {
            if (other.equals(party)) {
                return;
            }
            stances.forEach((topic, theirs) -> {
                Stance own = mine.get(topic);
                if (own != null) {
                    pairs.computeIfAbsent(other, p -> new ArrayList<>()).add(new Pair(own, theirs));
                }
            });
        });
        return rows(pairs);
    }

    private static Row row(String party, List<Pair> pairs) {
        int agree = 0;
        int distance = 0;
        for (Pair pair : pairs) {
            agree += StanceScale.sameSide(pair.mine(), pair.theirs()) ? 1 : 0;
            distance += StanceScale.distance(pair.mine(), pair.theirs());
        }
        return new Row(party, pairs.size(), agree, (double) distance / pairs.size());
    }
}
