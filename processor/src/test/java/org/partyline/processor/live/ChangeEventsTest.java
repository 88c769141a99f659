package org.partyline.processor.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partyline.schema.ClaimPosition;
import org.partyline.schema.ClaimStatus;
import org.partyline.schema.ClaimStatusChange;
import org.partyline.schema.Position;
import org.partyline.schema.Stance;
import org.partyline.schema.StanceChange;

class ChangeEventsTest {

    static StanceChange stanceChange(String party, String topic, Stance from, Stance to, String at, String eventId) {
        return StanceChange.newBuilder().setParty(party).setTopic(topic).setFrom(from).setTo(to)
                .setOccurredAt(Instant.parse(at)).setEventId(eventId).build();
    }

    static ClaimStatusChange claimStatus(String claimId, String proposition, ClaimStatus status,
                                         ClaimStatus previous, String at) {
        return ClaimStatusChange.newBuilder().setClaimId(claimId).setProposition(proposition).setStatus(status)
                .setPreviousStatus(previous).setOccurredAt(Instant.parse(at))
                .setPositions(List.of(ClaimPosition.newBuilder().setParty("RU").setPosition(Position.ASSERTS)
                        .setOccurredAt(Instant.parse(at)).setEventId("c-1").build()))
                .build();
    }

    @Test
    void shouldWriteAStanceChangeAsTheChangeObjectWithItsPartyShiftAndReversal() {
        ChangeEvent event = ChangeEvents.stanceChange("stance-changes", 2, 17, stanceChange("RU",
                "ukraine-nato-membership", Stance.LEAN_OPPOSE, Stance.LEAN_SUPPORT, "2025-12-05T14:00:00Z", "s-7"));

        assertEquals("stance-change", event.name());
        assertEquals("stance-changes:2:17", event.id());
        assertEquals("{\"party\":\"RU\",\"topic\":\"ukraine-nato-membership\",\"from\":\"LEAN_OPPOSE\","
                + "\"to\":\"LEAN_SUPPORT\",\"occurredAt\":\"2025-12-05T14:00:00Z\",\"eventId\":\"s-7\","
                + "\"shift\":2,\"reversal\":true}", event.data());
    }

    @Test
    void shouldComputeShiftAndReversalFromTheStancesForEveryChange() {
        ChangeEvent towardsNeutral = ChangeEvents.stanceChange("stance-changes", 0, 1,
                stanceChange("UA", "t", Stance.SUPPORT, Stance.NEUTRAL, "2025-12-05T14:00:00.250Z", "s-1"));
        ChangeEvent fullTurn = ChangeEvents.stanceChange("stance-changes", 0, 2,
                stanceChange("UA", "t", Stance.SUPPORT, Stance.OPPOSE, "2025-12-06T14:00:00Z", "s-2"));

        assertEquals("{\"party\":\"UA\",\"topic\":\"t\",\"from\":\"SUPPORT\",\"to\":\"NEUTRAL\","
                + "\"occurredAt\":\"2025-12-05T14:00:00.250Z\",\"eventId\":\"s-1\",\"shift\":-2,\"reversal\":false}",
                towardsNeutral.data());
        assertEquals("{\"party\":\"UA\",\"topic\":\"t\",\"from\":\"SUPPORT\",\"to\":\"OPPOSE\","
                + "\"occurredAt\":\"2025-12-06T14:00:00Z\",\"eventId\":\"s-2\",\"shift\":-4,\"reversal\":true}",
                fullTurn.data());
    }

    @Test
    void shouldWriteAClaimStatusChangeWithItsPreviousStatus() {
        ChangeEvent event = ChangeEvents.claimStatus("claim-status", 1, 4, claimStatus("pokrovsk-captured",
                "Pokrovsk is captured", ClaimStatus.CONTESTED, ClaimStatus.ASSERTED, "2025-12-05T15:00:00Z"));

        assertEquals("claim-status", event.name());
        assertEquals("claim-status:1:4", event.id());
        assertEquals("{\"claimId\":\"pokrovsk-captured\",\"proposition\":\"Pokrovsk is captured\","
                + "\"status\":\"CONTESTED\",\"previousStatus\":\"ASSERTED\",\"occurredAt\":\"2025-12-05T15:00:00Z\"}",
                event.data());
    }

    @Test
    void shouldWriteAClaimsFirstStatusWithNullPreviousStatusAndProposition() {
        ChangeEvent event = ChangeEvents.claimStatus("claim-status", 0, 0,
                claimStatus("x-happened", null, ClaimStatus.ASSERTED, null, "2025-12-05T15:00:00Z"));

        assertEquals("{\"claimId\":\"x-happened\",\"proposition\":null,\"status\":\"ASSERTED\","
                + "\"previousStatus\":null,\"occurredAt\":\"2025-12-05T15:00:00Z\"}", event.data());
    }

    @Test
    void shouldKeepTheDataOnOneLineWhateverTheTextHolds() {
        ChangeEvent event = ChangeEvents.claimStatus("claim-status", 0, 0, claimStatus("x", "line one\nline two\r",
                ClaimStatus.ASSERTED, null, "2025-12-05T15:00:00Z"));

        assertEquals("{\"claimId\":\"x\",\"proposition\":\"line one\\nline two\\r\",\"status\":\"ASSERTED\","
                + "\"previousStatus\":null,\"occurredAt\":\"2025-12-05T15:00:00Z\"}", event.data());
    }
}
