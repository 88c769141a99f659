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
 */
final class StoreStanceHistory implements StanceHistory {
    private final KeyValueStore<String, StatementEntry> statements;
    private final KeyValueStore<String, StanceChange> changes;
    private final KeyValueStore<String, StanceSummary> summaries;
    private final String party;
    private final String topic;

    StoreStanceHistory(KeyValueStore<String, StatementEntry> statements, KeyValueStore<String, StanceChange> changes,
                       KeyValueStore<String, StanceSummary> summaries, String party, String topic) {
        this.statements = statements;
        this.changes = changes;
        this.summaries = summaries;
        this.party = party;
        this.topic = topic;
    }

    private String key(EventPosition position) {
        return StoreKeys.event(party, topic, position.occurredAt(), position.eventId());
    }

    @Override
    public Optional<StanceSummary> summary() {
        return Optional.ofNullable(summaries.get(StoreKeys.of(party, topic)));
    }

    @Override
    public void putSummary(StanceSummary summary) {
        summaries.put(StoreKeys.of(party, topic), summary);
    }

    @Override
    public Optional<StatementEntry> statement(EventPosition position) {
        return Optional.ofNullable(statements.get(key(position)));
    }

    @Override
    public Optional<StatementEntry> previous(EventPosition position) {
        String key = key(position);
        try (KeyValueIterator<String, StatementEntry> it = statements.reverseRange(StoreKeys.prefix(party, topic), key)) {
            return firstOtherThan(it, key);
        }
    }

    @Override
    public Optional<StatementEntry> next(EventPosition position) {
        String key = key(position);
        try (KeyValueIterator<String, StatementEntry> it = statements.range(key, StoreKeys.prefixEnd(party, topic))) {
            return firstOtherThan(it, key);
        }
    }

    private static Optional<StatementEntry> firstOtherThan(KeyValueIterator<String, StatementEntry> it, String key) {
        while (it.hasNext()) {
            KeyValue<String, StatementEntry> entry = it.next();
            if (!entry.key.equals(key)) {
                return Optional.of(entry.value);
            }
        }
        return Optional.empty();
    }

    @Override
    public void putStatement(StatementEntry entry) {
        statements.put(key(EventPosition.of(entry)), entry);
    }

    @Override
    public void putChange(StanceChange change) {
        changes.put(key(new EventPosition(change.getOccurredAt(), change.getEventId())), change);
    }

    @Override
    public void removeChange(EventPosition position) {
        changes.delete(key(position));
    }
}
