package org.partyline.producer.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.partyline.events.InvalidEventException;
import org.partyline.events.JsonEventParser;
import org.partyline.schema.Claim;
import org.partyline.schema.Statement;

class ArchiveGeneratorTest {
    private static final ArchiveShape SMALL = new ArchiveShape(5_000, 200, 50, 1_000, 0.4, 1.0, 5, 0.0, 7);

    private static List<String> lines(ArchiveShape shape) {
        StringWriter out = new StringWriter();
        new ArchiveGenerator(shape).writeTo(out);
        return out.toString().lines().toList();
    }

    private static List<SpecificRecord> parsed(List<String> lines) throws InvalidEventException {
        JsonEventParser parser = new JsonEventParser();
        List<SpecificRecord> events = new java.util.ArrayList<>();
        for (String line : lines) {
            events.add(parser.parse(line));
        }
        return events;
    }

    @Test
    void shouldWriteEventsThatPublishAcceptsWithUniqueIds() throws InvalidEventException {
        List<SpecificRecord> events = parsed(lines(SMALL));

        assertEquals(5_000, events.size());
        Set<String> ids = new HashSet<>();
        events.forEach(e -> ids.add(e instanceof Statement s ? s.getEventId() : ((Claim) e).getEventId()));
        assertEquals(5_000, ids.size());
        long claims = events.stream().filter(Claim.class::isInstance).count();
        assertTrue(claims > 1_800 && claims < 2_200, claims + " claim events of 5,000 at a share of 0.4");
    }

    @Test
    void shouldWriteTheSameFileForTheSameSeedOnly() {
        assertEquals(lines(SMALL), lines(SMALL));
        assertNotEquals(lines(SMALL), lines(new ArchiveShape(5_000, 200, 50, 1_000, 0.4, 1.0, 5, 0.0, 8)));
    }

    @Test
    void shouldSkewPopularityLikeTheNews() throws InvalidEventException {
        ArchiveShape archive = new ArchiveShape(100_000, 2_000, 500, 50_000, 0.4, 1.0, 5, 0.0, 1);
        Map<String, Set<String>> partiesByClaim = new HashMap<>();
        Map<String, Integer> eventsByParty = new HashMap<>();
        for (SpecificRecord e : parsed(lines(archive))) {
            if (e instanceof Claim c) {
                partiesByClaim.computeIfAbsent(c.getClaimId(), k -> new HashSet<>()).add(c.getParty());
                eventsByParty.merge(c.getParty(), 1, Integer::sum);
            } else {
                eventsByParty.merge(((Statement) e).getParty(), 1, Integer::sum);
            }
        }
        int busiestClaim = partiesByClaim.values().stream().mapToInt(Set::size).max().orElse(0);
        int topTwenty = eventsByParty.values().stream().sorted(java.util.Comparator.reverseOrder()).limit(20)
                .mapToInt(Integer::intValue).sum();

        assertTrue(busiestClaim >= 500, "the busiest claim has " + busiestClaim + " parties after 100,000 events");
        assertTrue(topTwenty > 40_000, "the 20 busiest of 2,000 parties have " + topTwenty + " of 100,000 events");
        long narrow = partiesByClaim.values().stream().filter(p -> p.size() <= 2).count();
        assertTrue(narrow > 0.75 * partiesByClaim.size(),
                narrow + " of " + partiesByClaim.size() + " claims have one or two parties");
    }

    @Test
    void shouldSpreadTimesOverTheYearsWithSomeEventsLate() throws InvalidEventException {
        List<Instant> times = parsed(lines(SMALL)).stream()
                .map(e -> e instanceof Statement s ? s.getOccurredAt() : ((Claim) e).getOccurredAt()).toList();
        Instant latest = Instant.EPOCH;
        int late = 0;
        for (Instant t : times) {
            if (t.isBefore(latest.minusSeconds(86_400))) {
                late++;
            }
            latest = t.isAfter(latest) ? t : latest;
        }

        assertTrue(late > 250 && late < 750, late + " of 5,000 events more than a day before an earlier arrival");
        assertTrue(latest.isAfter(Instant.parse("2024-10-01T00:00:00Z")), "the last time is " + latest);
        assertEquals(Instant.parse("2020-01-01T00:00:00Z"), times.stream().min(Instant::compareTo).orElseThrow());
    }

    @Test
    void shouldRedeliverEarlierEventsUnchanged() {
        List<String> lines = lines(new ArchiveShape(5_000, 200, 50, 1_000, 0.4, 1.0, 5, 0.05, 7));
        Collection<String> distinct = new HashSet<>(lines);

        assertEquals(5_000, distinct.size());
        assertTrue(lines.size() > 5_150 && lines.size() < 5_350, lines.size() + " lines with 5% redeliveries");
        assertEquals(lines(SMALL).stream().sorted().toList(), distinct.stream().sorted().toList());
    }

    @Test
    void shouldRefuseAShapeOutOfRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ArchiveShape(10, 0, 5, 5, 0.4, 1.0, 5, 0.0, 1));
        assertEquals("parties 0 is out of range: 1 to 1,000,000", e.getMessage());
    }
}
