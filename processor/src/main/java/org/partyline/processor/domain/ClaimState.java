package org.partyline.processor.domain;

import java.util.List;
import java.util.Optional;
import org.partyline.schema.Position;
import org.partyline.schema.view.ClaimSummary;
import org.partyline.schema.view.PartyPosition;

/**
 * The state of one claim that {@link ClaimFold} reads and writes: its summary, each party's current position, and
 * which parties hold each side (asserts; denies or disputes), so that the status follows from two existence checks
 * rather than from every position. Every method but {@link #positions()} touches one entry or seeks once, so a fold
 * costs the same whatever the number of parties on the claim. Implemented over state stores in {@code streams/} and
 * over TreeMaps in tests.
 */
public interface ClaimState {

    /** The claim's summary; empty before its first event. */
    Optional<ClaimSummary> summary();

    void putSummary(ClaimSummary summary);

    Optional<PartyPosition> position(String party);

    void putPosition(PartyPosition position);

    /** Makes {@code party} hold the side of {@code position} and no other (none for RETRACTS); idempotent. */
    void setSide(String party, Position position);

    /** Whether some party's current position is ASSERTS. */
    boolean anyAsserts();

    /** Whether some party's current position is DENIES or DISPUTES. */
    boolean anyDenies();

    /** Every party's current position, by party: read only when the status changes. */
    List<PartyPosition> positions();
}
