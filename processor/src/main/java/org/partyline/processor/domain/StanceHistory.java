package org.partyline.processor.domain;

import java.util.Optional;
import org.partyline.schema.StanceChange;
import org.partyline.schema.view.StanceSummary;
import org.partyline.schema.view.StatementEntry;

/**
 * The state of one (party, topic) that the stance fold reads and writes: its statements ordered by
 * {@link EventPosition}, the stance changes between neighbours (each at the position of its later statement),
 * and the summary. Every method touches one entry or seeks to one neighbour, so the fold costs the same whatever
 * the length of the history. Implemented over state stores in {@code streams/} and over a TreeMap in tests.
 */
public interface StanceHistory {

    Optional<StanceSummary> summary();

    void putSummary(StanceSummary summary);

    Optional<StatementEntry> statement(EventPosition position);

    /** The last statement strictly before {@code position}. */
    Optional<StatementEntry> previous(EventPosition position);

    /** The first statement strictly after {@code position}. */
    Optional<StatementEntry> next(EventPosition position);

    void putStatement(StatementEntry entry);

    /**
     * Whether the summary already holds the statement at {@code position}. With every store written together
     * (exactly-once, or no crash) this is whether the statement is in the history; after a crash under
     * {@code at_least_once} the summary may hold a statement the history lacks, or lack one the history holds.
     */
    boolean inSummary(EventPosition position);

    /**
     * The first statement strictly after {@code position} among those the summary already holds: {@link #next}
     * when the stores agree; after a crash the history may already hold statements that were folded after this one
     * and are not in the summary yet, which this skips.
     */
    Optional<StatementEntry> nextInSummary(EventPosition position);

    /** Stores a change at the position of its later statement ({@code change.occurredAt}, {@code change.eventId}). */
    void putChange(StanceChange change);

    void removeChange(EventPosition position);

    /** The change stored at the position of its later statement. */
    Optional<StanceChange> change(EventPosition position);
}
