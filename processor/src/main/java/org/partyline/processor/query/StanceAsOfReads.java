package org.partyline.processor.query;

import java.time.Instant;
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

    /** A stance and its {@code since}, as of an instant. */
    record StanceSince(String stance, String since) {
    }

    /**
     * The stance of {@code now}'s (party, topic) as of {@code asOf} and its {@code since}, without counting the
     * statements; empty when it had no statement by then. Cost: nothing beyond {@code now} when {@code asOf} is at or
     * after the latest statement; otherwise three seeks (the last statement up to {@code asOf}, the last change up
     * to it, and, only when there is none, the first statement), whatever the length of the history.
     */
    Optional<StanceSince> stanceSince(StanceSummary now, Instant asOf) {
        if (!now.getLatestAt().isAfter(asOf)) {
            return Optional.of(new StanceSince(now.getStance().name(), ViewBodies.time(now.getSince())));
        }
        String from = StoreKeys.prefix(now.getParty(), now.getTopic());
        String to = upTo(now.getParty(), now.getTopic(), asOf);
        ReadOnlyKeyValueStore<String, StatementEntry> statements = reads.open(StoreNames.STANCE_HISTORY);
        Optional<StatementEntry> latest = first(statements.reverseRange(from, to));
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> since = first(reads.<StanceChange>open(StoreNames.STANCE_CHANGE_HISTORY)
                .reverseRange(from, to)).map(StanceChange::getOccurredAt);
        if (since.isEmpty()) {
            since = first(statements.range(from, to)).map(StatementEntry::getOccurredAt);
        }
        return Optional.of(new StanceSince(latest.get().getStance().name(), ViewBodies.time(since.orElseThrow())));
    }

    /**
     * The stance of {@code now}'s (party, topic) as of {@code asOf} alone; empty when it had no statement by then.
     * Cost: nothing beyond {@code now} when {@code asOf} is at or after the latest statement; else one reverse seek.
     */
    Optional<String> stanceOnly(StanceSummary now, Instant asOf) {
        if (!now.getLatestAt().isAfter(asOf)) {
            return Optional.of(now.getStance().name());
        }
        return first(reads.<StatementEntry>open(StoreNames.STANCE_HISTORY).reverseRange(
                StoreKeys.prefix(now.getParty(), now.getTopic()), upTo(now.getParty(), now.getTopic(), asOf)))
                .map(e -> e.getStance().name());
    }

    /** An upper bound above every key of (party, topic) at or before {@code asOf} and below every later one. */
    static String upTo(String party, String topic, Instant asOf) {
        return StoreKeys.prefixEnd(party, topic, StoreKeys.time(asOf));
    }

    private static <V> Optional<V> first(KeyValueIterator<String, V> iterator) {
        try (KeyValueIterator<String, V> it = iterator) {
            return it.hasNext() ? Optional.of(it.next().value) : Optional.empty();
        }
    }
}
