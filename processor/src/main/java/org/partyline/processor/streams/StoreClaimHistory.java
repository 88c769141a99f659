package org.partyline.processor.streams;

import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueStore;
import org.partyline.processor.domain.ClaimHistory;
import org.partyline.processor.domain.EventPosition;
import org.partyline.schema.view.ClaimChange;
import org.partyline.schema.view.ClaimEntry;

/**
 * The history of one (claimId, party) over the stores {@code claim-history} and {@code claim-change-history}, both
 * keyed {@code claimId, party, time, eventId}. Neighbours are found by one seek each: a reverse range from the
 * position down to the (claimId, party) prefix, or a range from it up to the prefix end.
 */
final class StoreClaimHistory implements ClaimHistory {
    private final KeyValueStore<String, ClaimEntry> entries;
    private final KeyValueStore<String, ClaimChange> changes;
    private final String claimId;
    private final String party;
    /** What one seek found at the event's key and after it (null: not sought yet). */
    private Neighbours.Ahead<ClaimEntry> ahead;

    StoreClaimHistory(KeyValueStore<String, ClaimEntry> entries, KeyValueStore<String, ClaimChange> changes,
                      String claimId, String party) {
        this.entries = entries;
        this.changes = changes;
        this.claimId = claimId;
        this.party = party;
    }

    @Override
    public Optional<ClaimEntry> entry(EventPosition position) {
        return ahead(position).at();
    }

    @Override
    public Optional<ClaimEntry> previous(EventPosition position) {
        return Neighbours.previous(entries, claimId, party, key(position));
    }

    @Override
    public Optional<ClaimEntry> next(EventPosition position) {
        return ahead(position).next();
    }

    /** The entry at the position and the next one, from one seek; a put at the position updates it. */
    private Neighbours.Ahead<ClaimEntry> ahead(EventPosition position) {
        String key = key(position);
        if (ahead == null || !ahead.key().equals(key)) {
            ahead = Neighbours.ahead(entries, claimId, party, key);
        }
        return ahead;
    }

    @Override
    public void putEntry(ClaimEntry entry) {
        String key = key(new EventPosition(entry.getOccurredAt(), entry.getEventId()));
        entries.put(key, entry);
        if (ahead != null && ahead.key().equals(key)) {
            ahead = new Neighbours.Ahead<>(key, Optional.of(entry), ahead.next());
        }
    }

    @Override
    public Optional<ClaimChange> change(EventPosition position) {
        return Optional.ofNullable(changes.get(key(position)));
    }

    @Override
    public void putChange(ClaimChange change) {
        changes.put(key(new EventPosition(change.getOccurredAt(), change.getEventId())), change);
    }

    @Override
    public void removeChange(EventPosition position) {
        changes.delete(key(position));
    }

    private String key(EventPosition position) {
        return StoreKeys.event(claimId, party, position.occurredAt(), position.eventId());
    }
}
