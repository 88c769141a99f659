package org.partyline.processor.domain;

import java.time.Instant;
import org.partyline.schema.Claim;
import org.partyline.schema.Position;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;

/** Builders of test events at fixed times: {@code at(12)} is 2025-12-05T12:00:00Z. */
public final class Events {
    public static final Instant DAY = Instant.parse("2025-12-05T00:00:00Z");

    private Events() {
    }

    public static Instant at(int hour) {
        return DAY.plusSeconds(hour * 3600L);
    }

    public static Statement statement(String eventId, String party, String topic, Stance stance, Instant at) {
        return Statement.newBuilder()
                .setEventId(eventId)
                .setParty(party)
                .setTopic(topic)
                .setStance(stance)
                .setOccurredAt(at)
                .setSpeaker("speaker of " + eventId)
                .setQuote("quote of " + eventId)
                .build();
    }

    public static Claim claim(String eventId, String party, String claimId, Position position, Instant at,
                              String proposition) {
        return Claim.newBuilder()
                .setEventId(eventId)
                .setParty(party)
                .setClaimId(claimId)
                .setPosition(position)
                .setOccurredAt(at)
                .setProposition(proposition)
                .build();
    }
}
