package org.partyline.processor.domain;

import java.util.Optional;
import org.partyline.schema.view.ClaimChange;
import org.partyline.schema.view.ClaimEntry;

/**
 * The history of one party on one claim that {@link ClaimChanges} reads and writes: its events ordered by
 * {@link EventPosition}, and the changes of position between neighbours (each at the position of its later event).
 * Every method touches one entry or seeks to one neighbour, so a fold costs the same whatever the length of the
 * history. Implemented over state stores in {@code streams/} and over a TreeMap in tests.
 */
public interface ClaimHistory {

    Optional<ClaimEntry> entry(EventPosition position);

    /** The last event strictly before {@code position}. */
    Optional<ClaimEntry> previous(EventPosition position);

    /** The first event strictly after {@code position}. */
    Optional<ClaimEntry> next(EventPosition position);

    void putEntry(ClaimEntry entry);

    /** The change stored at the position of its later event. */
    Optional<ClaimChange> change(EventPosition position);

    /** Stores a change at the position of its later event ({@code change.occurredAt}, {@code change.eventId}). */
    void putChange(ClaimChange change);

    void removeChange(EventPosition position);
}
