package org.partyline.processor.query;

/** Who asked a point query, which decides what it may be answered from. */
public enum Asked {
    /** A client: answered here, by the instance holding the key, or by a standby copy when that one cannot. */
    CLIENT,
    /** Another instance forwarded it to the holder of the active copy: answered from this active copy or not at all. */
    FORWARDED,
    /** Another instance asks this one's standby copy (its holder did not answer): answered from a local copy. */
    STANDBY
}
