package org.partyline.processor.domain;

import org.partyline.schema.Stance;

/**
 * The stance scale of CONTRACT section 6.1: {@code SUPPORT} +2, {@code LEAN_SUPPORT} +1, {@code NEUTRAL} 0,
 * {@code LEAN_OPPOSE} -1, {@code OPPOSE} -2, and what follows from it: the size of a change and its side.
 */
public final class StanceScale {

    private StanceScale() {
    }

    public static int score(Stance stance) {
        return switch (stance) {
            case SUPPORT -> 2;
            case LEAN_SUPPORT -> 1;
            case NEUTRAL -> 0;
            case LEAN_OPPOSE -> -1;
            case OPPOSE -> -2;
        };
    }

    /** +1 for the supporting side, -1 for the opposing side, 0 for {@code NEUTRAL}. */
    public static int side(Stance stance) {
        return Integer.signum(score(stance));
    }

    /** score(to) - score(from): from -4 to +4, 0 only when the stances are equal (no change). */
    public static int shift(Stance from, Stance to) {
        return score(to) - score(from);
    }

    /** Whether {@code from} and {@code to} lie on opposite sides of {@code NEUTRAL}. */
    public static boolean reversal(Stance from, Stance to) {
        return side(from) * side(to) < 0;
    }

    /** Whether two stances are on the same side: both supporting, both opposing, or both {@code NEUTRAL}. */
    public static boolean sameSide(Stance a, Stance b) {
        return side(a) == side(b);
    }

    /** |score(a) - score(b)|, from 0 to 4. */
    public static int distance(Stance a, Stance b) {
        return Math.abs(score(a) - score(b));
    }
}
