package org.partyline.processor.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.partyline.processor.streams.StoreKeys;
import org.partyline.processor.streams.StoreNames;
import org.partyline.schema.StanceChange;
import org.partyline.schema.view.StanceSummary;
import org.partyline.schema.view.StatementEntry;

/**
 * A party's stance on a topic as of an instant (CONTRACT section 6.2), read from one partition of
 * {@code stance-history} and {@code stance-change-history} with seeks rather than by reading the whole history.
 * Both stores key an event as (party, topic, time, eventId) and {@code StoreKeys.time} preserves order, so the
 * events at or before {@code asOf} are exactly the keys from the (party, topic) prefix up to {@link #upTo}, the
 * prefix end of (party, topic, time(asOf)): a prefix of the history in (occurredAt, eventId) order.
 *
 * <p>The changes among the events up to {@code asOf} are the stored changes up to {@code asOf}: a change is stored at
 * its later statement and both its statements are neighbours, so both lie in that prefix.
 */
final class StanceAsOfReads {
    private final LocalReads reads;

    StanceAsOfReads(LocalReads reads) {
        this.reads = reads;
    }

    /**
     * The stance of {@code now}'s (party, topic) as of {@code asOf}; empty when it had no statement by then.
     *
     * <p>Cost: nothing beyond {@code now} when {@code asOf} is at or after the latest statement (the stance is then
     * the current one). Otherwise one reverse seek in {@code stance-history} for the stance (the first key of the
     * reverse range from {@link #upTo} down to the prefix; none: empty, and nothing more is read); one reverse seek in
     * {@code stance-change-history} for {@code since} (the later statement of the last change up to {@code asOf}; when
     * there is none, the first statement's time); and a range scan (a forward seek, then the next entries) over the
     * statements up to {@code asOf} to count them, which also gives that first statement. The scan is the one part
     * that grows with the history: it reads every statement of (party, topic) up to {@code asOf}.
     */
    Optional<Bodies.StanceAt> stance(StanceSummary now, Instant asOf) {
        String party = now.getParty();
        String topic = now.getTopic();
        if (!now.getLatestAt().isAfter(asOf)) {
            return Optional.of(new Bodies.StanceAt(party, topic, now.getStance().name(), ViewBodies.time(now.getSince()),
                    now.getStatements()));
        }
        ReadOnlyKeyValueStore<String, StatementEntry> statements = reads.open(StoreNames.STANCE_HISTORY);
        String from = StoreKeys.prefix(party, topic);
        String to = upTo(party, topic, asOf);
        Optional<StatementEntry> latest = first(statements.reverseRange(from, to));
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Optional<StanceChange> lastChange = first(reads.<StanceChange>open(StoreNames.STANCE_CHANGE_HISTORY)
                .reverseRange(from, to));
        Instant firstAt = null;
        long count = 0;
        try (KeyValueIterator<String, StatementEntry> it = statements.range(from, to)) {
            while (it.hasNext()) {
                StatementEntry entry = it.next().value;
                firstAt = count == 0 ? entry.getOccurredAt() : firstAt;
                count++;
            }
        }
        Instant since = lastChange.map(StanceChange::getOccurredAt).orElse(firstAt);
        return Optional.of(new Bodies.StanceAt(party, topic, latest.get().getStance().name(), ViewBodies.time(since),
                count));
    }

    /** The statements of (party, topic) up to {@code asOf}, in statement order. Cost: one range scan over them. */
    List<StatementEntry> history(String party, String topic, Instant asOf) {
        return upTo(StoreNames.STANCE_HISTORY, party, topic, asOf);
    }

    /** The changes of (party, topic) up to {@code asOf}, in statement order. Cost: one range scan over them. */
    List<StanceChange> changes(String party, String topic, Instant asOf) {
        return upTo(StoreNames.STANCE_CHANGE_HISTORY, party, topic, asOf);
    }

    /**
     * {@code /stances/{topic}} as of: the stance of the last statement, {@code since} from the last change or else
     * the first statement; nulls and empty lists when there was no statement by then.
     */
    static Bodies.PartyTopic partyTopic(String party, String topic, List<StatementEntry> history,
                                        List<StanceChange> changes) {
        if (history.isEmpty()) {
            return new Bodies.PartyTopic(party, topic, null, null, List.of(), List.of());
        }
        Instant since = changes.isEmpty() ? history.get(0).getOccurredAt()
                : changes.get(changes.size() - 1).getOccurredAt();
        return new Bodies.PartyTopic(party, topic, history.get(history.size() - 1).getStance().name(),
                ViewBodies.time(since), history.stream().map(ViewBodies::statement).toList(),
                changes.stream().map(ViewBodies::change).toList());
    }

    /** An upper bound above every key of (party, topic) at or before {@code asOf} and below every later one. */
    static String upTo(String party, String topic, Instant asOf) {
        return StoreKeys.prefixEnd(party, topic, StoreKeys.time(asOf));
    }

    private <V> List<V> upTo(String store, String party, String topic, Instant asOf) {
        List<V> values = new ArrayList<>();
        try (KeyValueIterator<String, V> it = reads.<V>open(store).range(StoreKeys.prefix(party, topic),
                upTo(party, topic, asOf))) {
            it.forEachRemaining(kv -> values.add(kv.value));
        }
        return values;
    }

    private static <V> Optional<V> first(KeyValueIterator<String, V> iterator) {
        try (KeyValueIterator<String, V> it = iterator) {
            return it.hasNext() ? Optional.of(it.next().value) : Optional.empty();
        }
    }
}
