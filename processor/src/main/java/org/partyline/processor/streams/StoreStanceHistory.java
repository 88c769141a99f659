package org.partyline.processor.streams;

import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.partyline.processor.domain.EventPosition;
import org.partyline.processor.domain.StanceHistory;
import org.partyline.schema.StanceChange;
import org.partyline.schema.view.StanceSummary;
import org.partyline.schema.view.StatementEntry;

/**
 * The history of one (party, topic) over the stores {@code stance-history}, {@code stance-change-history} and
 * {@code stances}. Neighbours are found by one seek each: a reverse range from the position down to the
 * (party, topic) prefix, or a range from it up to the prefix end.
 *
 * <p>Which statements the summary holds is told by input offsets: the summary keeps the offset of the last
 * statement folded into it, and {@code statement-event-ids} the offset where each statement was first seen.
 * Statements are folded in offset order within a task, so the summary holds a statement when its offset is at
 * least the statement's first offset. Each value carries its own offset, so this stays true whichever of the
 * stores' writes reached their changelogs before a crash.
 */
final class StoreStanceHistory implements StanceHistory {
    private final KeyValueStore<String, StatementEntry> statements;
    private final KeyValueStore<String, StanceChange> changes;
    private final KeyValueStore<String, StanceSummary> summaries;
    private final KeyValueStore<String, byte[]> eventIds;
    private final PartyStanceChanges byParty;
    private final String recordKey;
    private final long offset;
    private final String party;
    private final String topic;
    private StanceSummary pendingSummary;
    /** What one seek found at the statement's key and after it (null: not sought yet). */
    private Neighbours.Ahead<StatementEntry> ahead;
    /** The summary as read from {@code stances} (null: not read yet; empty: none), read once per statement. */
    private Optional<StanceSummary> storedSummary;

    /**
     * {@code eventIds} is {@code statement-event-ids}, keyed by {@code recordKey, eventId}; {@code byParty} the index
     * of {@code changes} by party and time, written with it; {@code offset} is the input offset of the statement
     * being folded.
     */
    StoreStanceHistory(KeyValueStore<String, StatementEntry> statements, KeyValueStore<String, StanceChange> changes,
                       KeyValueStore<String, StanceSummary> summaries, KeyValueStore<String, byte[]> eventIds,
                       PartyStanceChanges byParty, String recordKey, long offset, String party, String topic) {
        this.statements = statements;
        this.changes = changes;
        this.summaries = summaries;
        this.eventIds = eventIds;
        this.byParty = byParty;
        this.recordKey = recordKey;
        this.offset = offset;
        this.party = party;
        this.topic = topic;
    }

    /** Where the statement was first seen; absent: never seen by the deduplication (see {@link #nextInSummary}). */
    private long firstOffset(String eventId) {
        byte[] seen = eventIds.get(StoreKeys.of(recordKey, eventId));
        return seen == null ? Long.MAX_VALUE : EventIds.firstOffset(seen);
    }

    @Override
    public boolean inSummary(EventPosition position) {
        return summary().filter(s -> s.getFoldedOffset() >= Math.min(firstOffset(position.eventId()), offset))
                .isPresent();
    }

    @Override
    public Optional<StatementEntry> nextInSummary(EventPosition position) {
        String key = key(position);
        // Usually the next statement, found by the seek before: it was first seen before this one.
        Optional<StatementEntry> next = ahead(position).next();
        if (next.isEmpty() || firstOffset(next.get().getEventId()) < offset) {
            return next;
        }
        try (KeyValueIterator<String, StatementEntry> it = statements.range(key, StoreKeys.prefixEnd(party, topic))) {
            while (it.hasNext()) {
                KeyValue<String, StatementEntry> entry = it.next();
                // Statements first seen after this one are in the history only because a crash replays them.
                if (!entry.key.equals(key) && firstOffset(entry.value.getEventId()) < offset) {
                    return Optional.of(entry.value);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The statement at the position and the next one, from one seek, kept for the rest of this fold: it writes the
     * statement at its own key only, which changes nothing after it.
     */
    private Neighbours.Ahead<StatementEntry> ahead(EventPosition position) {
        String key = key(position);
        if (ahead == null || !ahead.key().equals(key)) {
            ahead = Neighbours.ahead(statements, party, topic, key);
        }
        return ahead;
    }

    /** The change held at the position; the index is made to hold the same (see {@link PartyStanceChanges#align}). */
    @Override
    public Optional<StanceChange> change(EventPosition position) {
        StanceChange held = changes.get(key(position));
        byParty.align(party, topic, position.occurredAt(), position.eventId(), held);
        return Optional.ofNullable(held);
    }

    private String key(EventPosition position) {
        return StoreKeys.event(party, topic, position.occurredAt(), position.eventId());
    }

    /**
     * Writes the summary that {@link #putSummary} was given, last: the processor calls this after it has passed the
     * update on, so that under {@code at_least_once} the change record is sent before the summary that says it was
     * folded (a crash in between then repeats the record rather than losing it, as far as the producer keeps order).
     */
    void writeSummary() {
        if (pendingSummary != null) {
            summaries.put(StoreKeys.of(party, topic), pendingSummary);
            pendingSummary = null;
        }
    }

    @Override
    public Optional<StanceSummary> summary() {
        if (storedSummary == null) {
            storedSummary = Optional.ofNullable(summaries.get(StoreKeys.of(party, topic)));
        }
        return storedSummary;
    }

    @Override
    public void putSummary(StanceSummary summary) {
        pendingSummary = StanceSummary.newBuilder(summary).setFoldedOffset(offset).build();
    }

    @Override
    public Optional<StatementEntry> statement(EventPosition position) {
        return ahead(position).at();
    }

    @Override
    public Optional<StatementEntry> previous(EventPosition position) {
        return Neighbours.previous(statements, party, topic, key(position));
    }

    @Override
    public Optional<StatementEntry> next(EventPosition position) {
        return ahead(position).next();
    }


    @Override
    public void putStatement(StatementEntry entry) {
        String key = key(EventPosition.of(entry));
        statements.put(key, entry);
        if (ahead != null && ahead.key().equals(key)) {
            ahead = new Neighbours.Ahead<>(key, Optional.of(entry), ahead.next());
        }
    }

    @Override
    public void putChange(StanceChange change) {
        changes.put(key(new EventPosition(change.getOccurredAt(), change.getEventId())), change);
        byParty.put(change);
    }

    @Override
    public void removeChange(EventPosition position) {
        changes.delete(key(position));
        byParty.delete(party, topic, position.occurredAt(), position.eventId());
    }
}
