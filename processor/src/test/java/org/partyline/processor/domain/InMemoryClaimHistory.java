package org.partyline.processor.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.partyline.schema.view.ClaimChange;
import org.partyline.schema.view.ClaimEntry;

/** The history of one (claim, party) in TreeMaps, for unit tests of {@link ClaimChanges} without Kafka. */
final class InMemoryClaimHistory implements ClaimHistory {
    private final TreeMap<EventPosition, ClaimEntry> entries = new TreeMap<>();
    private final TreeMap<EventPosition, ClaimChange> changes = new TreeMap<>();
    int writes;

    @Override
    public Optional<ClaimEntry> entry(EventPosition position) {
        return Optional.ofNullable(entries.get(position));
    }

    @Override
    public Optional<ClaimEntry> previous(EventPosition position) {
        return Optional.ofNullable(entries.lowerEntry(position)).map(Map.Entry::getValue);
    }

    @Override
    public Optional<ClaimEntry> next(EventPosition position) {
        return Optional.ofNullable(entries.higherEntry(position)).map(Map.Entry::getValue);
    }

    @Override
    public void putEntry(ClaimEntry entry) {
        writes++;
        entries.put(new EventPosition(entry.getOccurredAt(), entry.getEventId()), entry);
    }

    @Override
    public Optional<ClaimChange> change(EventPosition position) {
        return Optional.ofNullable(changes.get(position));
    }

    @Override
    public void putChange(ClaimChange change) {
        writes++;
        changes.put(new EventPosition(change.getOccurredAt(), change.getEventId()), change);
    }

    @Override
    public void removeChange(EventPosition position) {
        writes++;
        changes.remove(position);
    }

    /** The changes in event order. */
    List<ClaimChange> changes() {
        return List.copyOf(changes.values());
    }
}
