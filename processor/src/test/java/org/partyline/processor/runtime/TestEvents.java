package org.partyline.processor.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.partyline.schema.Claim;
import org.partyline.schema.Position;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;

/**
 * Generated input for the fault tests: statements and claims of a few parties, times spread over a year in random
 * order (so most events arrive late for their key), and a share of redeliveries of earlier events. Names have fixed
 * widths so that store key order and the reference fold's order agree.
 */
final class TestEvents {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private TestEvents() {
    }

    static List<SpecificRecord> generate(int n, long seed) {
        Random random = new Random(seed);
        List<SpecificRecord> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (i > 10 && random.nextDouble() < 0.05) {
                events.add(events.get(random.nextInt(events.size())));
                continue;
            }
            String party = String.format("P%02d", random.nextInt(12));
            Instant at = T0.plusSeconds(random.nextInt(365 * 24 * 3600));
            if (random.nextDouble() < 0.6) {
                events.add(Statement.newBuilder().setEventId(String.format("s%06d", i)).setParty(party)
                        .setTopic(String.format("topic-%02d", random.nextInt(8)))
                        .setStance(Stance.values()[random.nextInt(5)]).setOccurredAt(at).build());
            } else {
                events.add(Claim.newBuilder().setEventId(String.format("c%06d", i)).setParty(party)
                        .setClaimId(String.format("claim-%02d", random.nextInt(15)))
                        .setPosition(Position.values()[random.nextInt(4)]).setOccurredAt(at).build());
            }
        }
        return events;
    }
}
