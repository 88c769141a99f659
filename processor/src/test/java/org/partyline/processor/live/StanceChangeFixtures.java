package org.partyline.processor.live;

import java.time.Instant;
import org.partyline.schema.Stance;
import org.partyline.schema.StanceChange;

/** Stance changes for the feed's tests: one topic, a fixed time, the event id from the party. */
final class StanceChangeFixtures {

    private StanceChangeFixtures() {
    }

    static StanceChange change(String party, Stance from, Stance to) {
        return StanceChange.newBuilder().setParty(party).setTopic("ukraine-nato-membership").setFrom(from).setTo(to)
                .setOccurredAt(Instant.parse("2025-12-05T14:00:00Z")).setEventId(party + "-" + to).build();
    }
}
