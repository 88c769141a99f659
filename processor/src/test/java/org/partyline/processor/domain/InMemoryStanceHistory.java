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
    private final java.util.Set<EventPosition> notInSummary = new java.util.HashSet<>();

    @Override
    public Optional<StanceSummary> summary() {
        return Optional.ofNullable(summary);
    }

    @Override
    public void putSummary(StanceSummary summary) {
        this.summary = summary;
        notInSummary.clear();
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

    @Override
    public boolean inSummary(EventPosition position) {
        return statements.containsKey(position) && !notInSummary.contains(position);
    }

    @Override
    public Optional<StatementEntry> nextInSummary(EventPosition position) {
        return statements.tailMap(position, false).entrySet().stream()
                .filter(e -> !notInSummary.contains(e.getKey())).map(Map.Entry::getValue).findFirst();
    }

    /** As after a crash that lost the summary's write of the statement at {@code position}: back to {@code before}. */
    void forgetFromSummary(EventPosition position, StanceSummary before) {
        summary = before;
        notInSummary.add(position);
    }

    void clearChanges() {
        changes.clear();
    }

    @Override
    public Optional<StanceChange> change(EventPosition position) {
        return Optional.ofNullable(changes.get(position));
    }

    List<StatementEntry> statements() {
        return List.copyOf(statements.values());
    }

    List<StanceChange> changes() {
        return List.copyOf(changes.values());
    }
}
