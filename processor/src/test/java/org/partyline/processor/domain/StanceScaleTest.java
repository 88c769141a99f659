package org.partyline.processor.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.partyline.schema.Stance;

class StanceScaleTest {

    @Test
    void shouldScoreTheFiveStancesFromPlusTwoToMinusTwo() {
        assertEquals(2, StanceScale.score(Stance.SUPPORT));
        assertEquals(1, StanceScale.score(Stance.LEAN_SUPPORT));
        assertEquals(0, StanceScale.score(Stance.NEUTRAL));
        assertEquals(-1, StanceScale.score(Stance.LEAN_OPPOSE));
        assertEquals(-2, StanceScale.score(Stance.OPPOSE));
    }

    @Test
    void shouldMeasureTheShiftFromTheEarlierToTheLaterStance() {
        assertEquals(-4, StanceScale.shift(Stance.SUPPORT, Stance.OPPOSE));
        assertEquals(4, StanceScale.shift(Stance.OPPOSE, Stance.SUPPORT));
        assertEquals(-1, StanceScale.shift(Stance.LEAN_SUPPORT, Stance.NEUTRAL));
        assertEquals(2, StanceScale.shift(Stance.LEAN_OPPOSE, Stance.LEAN_SUPPORT));
    }

    @Test
    void shouldCallOnlyACrossingOfNeutralAReversal() {
        assertTrue(StanceScale.reversal(Stance.LEAN_OPPOSE, Stance.LEAN_SUPPORT));
        assertTrue(StanceScale.reversal(Stance.SUPPORT, Stance.OPPOSE));
        assertFalse(StanceScale.reversal(Stance.SUPPORT, Stance.NEUTRAL));
        assertFalse(StanceScale.reversal(Stance.NEUTRAL, Stance.OPPOSE));
        assertFalse(StanceScale.reversal(Stance.SUPPORT, Stance.LEAN_SUPPORT));
    }

    @Test
    void shouldPutNeutralOnASideOfItsOwn() {
        assertTrue(StanceScale.sameSide(Stance.NEUTRAL, Stance.NEUTRAL));
        assertTrue(StanceScale.sameSide(Stance.SUPPORT, Stance.LEAN_SUPPORT));
        assertFalse(StanceScale.sameSide(Stance.NEUTRAL, Stance.LEAN_SUPPORT));
        assertEquals(3, StanceScale.distance(Stance.LEAN_SUPPORT, Stance.OPPOSE));
    }
}
