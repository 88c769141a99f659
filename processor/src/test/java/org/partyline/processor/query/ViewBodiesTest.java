package org.partyline.processor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.partyline.schema.Stance;
import org.partyline.schema.StanceChange;

/** Store values to bodies where the body says more than the stored value (CONTRACT 6.1). */
class ViewBodiesTest {

    private static StanceChange.Builder change(Stance from, Stance to) {
        return StanceChange.newBuilder().setParty("RU").setTopic("sanctions").setFrom(from).setTo(to)
                .setOccurredAt(Instant.parse("2025-12-05T14:00:00Z")).setEventId("e7");
    }

    @Test
    void shouldSizeAChangeStoredBeforeTheRecordHadShiftAndReversal() {
        StanceChange stored = change(Stance.SUPPORT, Stance.OPPOSE).build();

        assertEquals(new Bodies.Change("sanctions", "SUPPORT", "OPPOSE", "2025-12-05T14:00:00Z", "e7", -4, true),
                ViewBodies.change(stored));
    }

    @Test
    void shouldSizeAChangeToNeutralAsNoReversal() {
        StanceChange stored = change(Stance.LEAN_OPPOSE, Stance.NEUTRAL).setShift(1).setReversal(false).build();

        assertEquals(new Bodies.Change("sanctions", "LEAN_OPPOSE", "NEUTRAL", "2025-12-05T14:00:00Z", "e7", 1, false),
                ViewBodies.change(stored));
    }
}
