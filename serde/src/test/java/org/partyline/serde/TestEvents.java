package org.partyline.serde;

import java.time.Instant;
import java.util.List;
import org.partyline.schema.Claim;
import org.partyline.schema.ClaimPosition;
import org.partyline.schema.ClaimStatus;
import org.partyline.schema.ClaimStatusChange;
import org.partyline.schema.Position;
import org.partyline.schema.Source;
import org.partyline.schema.Stance;
import org.partyline.schema.StanceChange;
import org.partyline.schema.Statement;

/** Fixed example records for the serde tests. */
final class TestEvents {

    static final Instant AT = Instant.parse("2025-12-05T14:00:00Z");
    static final Instant PUBLISHED = Instant.parse("2025-12-05T15:30:00.123Z");

    private TestEvents() {
    }

    static Statement fullStatement() {
        return Statement.newBuilder()
                .setEventId("st-1")
                .setParty("RU")
                .setSpeaker("Maria Zakharova")
                .setOccurredAt(AT)
                .setTopic("ukraine-nato-membership")
                .setStance(Stance.OPPOSE)
                .setQuote("Never.")
                .setSource(Source.newBuilder()
                        .setUrl("https://example.org/a")
                        .setOutlet("Example")
                        .setTitle("Briefing")
                        .setPublishedAt(PUBLISHED)
                        .build())
                .build();
    }

    static Statement minimalStatement() {
        return Statement.newBuilder()
                .setEventId("st-2")
                .setParty("UA")
                .setOccurredAt(AT)
                .setTopic("ukraine-nato-membership")
                .setStance(Stance.SUPPORT)
                .build();
    }

    static Claim claim() {
        return Claim.newBuilder()
                .setEventId("cl-1")
                .setParty("RU")
                .setSpeaker("Dmitry Peskov")
                .setOccurredAt(AT)
                .setClaimId("pokrovsk-captured")
                .setProposition("Pokrovsk has been captured.")
                .setPosition(Position.ASSERTS)
                .setQuote("The city is ours.")
                .setSource(Source.newBuilder().setOutlet("TASS").build())
                .build();
    }

    static Claim minimalClaim() {
        return Claim.newBuilder()
                .setEventId("cl-2")
                .setParty("UA")
                .setOccurredAt(AT)
                .setClaimId("pokrovsk-captured")
                .setPosition(Position.DENIES)
                .build();
    }

    static StanceChange stanceChange() {
        return StanceChange.newBuilder()
                .setParty("RU")
                .setTopic("ukraine-nato-membership")
                .setFrom(Stance.NEUTRAL)
                .setTo(Stance.OPPOSE)
                .setOccurredAt(AT)
                .setEventId("st-1")
                .setShift(-2)
                .setReversal(false)
                .build();
    }

    static List<ClaimPosition> positions() {
        return List.of(
                ClaimPosition.newBuilder().setParty("RU").setPosition(Position.ASSERTS)
                        .setOccurredAt(AT).setEventId("cl-1").build(),
                ClaimPosition.newBuilder().setParty("UA").setPosition(Position.DENIES)
                        .setOccurredAt(AT.plusSeconds(60)).setEventId("cl-2").build());
    }

    static ClaimStatusChange firstStatus() {
        return ClaimStatusChange.newBuilder()
                .setClaimId("pokrovsk-captured")
                .setProposition("Pokrovsk has been captured.")
                .setStatus(ClaimStatus.ASSERTED)
                .setPreviousStatus(null)
                .setOccurredAt(AT)
                .setPositions(positions().subList(0, 1))
                .build();
    }

    static ClaimStatusChange laterStatus() {
        return ClaimStatusChange.newBuilder()
                .setClaimId("pokrovsk-captured")
                .setProposition(null)
                .setStatus(ClaimStatus.CONTESTED)
                .setPreviousStatus(ClaimStatus.ASSERTED)
                .setOccurredAt(AT.plusSeconds(60))
                .setPositions(positions())
                .build();
    }
}
