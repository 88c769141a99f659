package org.partyline.processor.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.partyline.schema.StanceChange;
import org.partyline.schema.view.StanceSummary;
import org.partyline.schema.view.StatementEntry;

/** The history of one (party, topic) in TreeMaps, for unit tests of the fold without Kafka. */
final class InMemoryStanceHistory implements StanceHistory {
    private final TreeMap<EventPosition, StatementEntry> statements = new TreeMap<>();
    private final TreeMap<EventPosition, StanceChange> changes = new TreeMap<>();
    private StanceSummary summary;

    @Override
    public Optional<StanceSummary> summary() {
        return Optional.ofNullable(summary);
    }

    @Override
    public void putSummary(StanceSummary summary) {
        this.summary = summary;
    }

    @Override
    public Optional<StatementEntry> statement(EventPosition position) {
        return Optional.ofNullable(statements.get(position));
    }

    @Override
    public Optional<StatementEntry> previous(EventPosition position) {
        return Optional.ofNullable(statements.lowerEntry(position)).map(Map.Entry::getValue);
    }

    @Override
    public Optional<StatementEntry> next(EventPosition position) {
        return Optional.ofNullable(statements.higherEntry(position)).map(Map.Entry::getValue);
    }

    @Override
    public void putStatement(StatementEntry entry) {
        statements.put(EventPosition.of(entry), entry);
    }

    @Override
    public void putChange(StanceChange change) {
        changes.put(new EventPosition(change.getOccurredAt(), change.getEventId()), change);
    }

    @Override
    public void removeChange(EventPosition position) {
        changes.remove(position);
    }

    List<StatementEntry> statements() {
        return List.copyOf(statements.values());
    }

    List<StanceChange> changes() {
        return List.copyOf(changes.values());
    }
}
