package org.partyline.processor.domain;

import java.util.Optional;
import org.partyline.schema.Stance;
import org.partyline.schema.StanceChange;
import org.partyline.schema.Statement;
import org.partyline.schema.view.StanceSummary;
import org.partyline.schema.view.StatementEntry;
import org.partyline.schema.view.TopicStance;

/**
 * Folds one new statement into the event-time ordered history of its (party, topic), wherever in time it falls.
 *
 * <p>The statement is inserted between its neighbours {@code prev} and {@code next}: a change prev -> statement is
 * added when their stances differ; the change stored at next (prev -> next, if any) becomes statement -> next, or
 * goes when the statement has next's stance. Each store key is written once.
 * The summary moves in O(1): the current stance only when the statement is the latest; {@code since} (start of
 * the final run of equal stances) also when a late statement cuts that run or extends it backwards.
 *
 * <p>Folding is idempotent, so that a statement replayed after a crash repairs instead of being dropped: the history
 * entry is written if missing, the changes at the statement and at its next neighbour are set to what the
 * neighbours say (whatever they held), and the summary moves only if it does not hold the statement yet
 * ({@link StanceHistory#inSummary}). A statement already folded everywhere changes nothing and emits no change.
 *
 * <p>Every change carries its {@code shift} and {@code reversal} ({@link StanceScale}, CONTRACT 6.1). A change
 * stored before those fields existed reads with shift 0 and differs from the one wanted, so replaying its
 * statement rewrites it with the real values.
 */
public final class StanceFold {

    private StanceFold() {
    }

    public static StanceUpdate apply(StanceHistory history, Statement statement) {
        StatementEntry entry = entryOf(statement);
        EventPosition at = EventPosition.of(entry);
        Optional<StanceSummary> before = history.summary();
        boolean inHistory = history.statement(at).isPresent();
        boolean inSummary = before.isPresent() && history.inSummary(at);
        Optional<StatementEntry> prev = history.previous(at);
        Optional<StatementEntry> next = history.next(at);
        if (!inHistory) {
            history.putStatement(entry);
        }
        relinkChanges(history, statement, prev, entry, next);
        if (inSummary) {
            return StanceUpdate.alreadyFolded(before.get());
        }
        Optional<StatementEntry> nextFolded = history.nextInSummary(at);
        StanceSummary after = before
                .map(summary -> summarize(summary, entry, nextFolded))
                .orElseGet(() -> first(statement, entry));
        history.putSummary(after);
        return new StanceUpdate(after, currentChange(before, after, statement), topicStance(before, after));
    }

    /**
     * Sets the change at the statement (from prev) and at next (from the statement) to what the neighbours say.
     * For a new statement between consistent neighbours that is the insertion; for a statement already in the
     * history it repairs changes a crash left behind, and writes nothing when they are right.
     */
    private static void relinkChanges(StanceHistory history, Statement statement, Optional<StatementEntry> prev,
                                      StatementEntry entry, Optional<StatementEntry> next) {
        Optional<StanceChange> atEntry = prev.filter(p -> p.getStance() != entry.getStance())
                .map(p -> change(statement, p.getStance(), entry));
        setChange(history, EventPosition.of(entry), atEntry);
        next.ifPresent(n -> setChange(history, EventPosition.of(n), n.getStance() != entry.getStance()
                ? Optional.of(change(statement, entry.getStance(), n)) : Optional.empty()));
    }

    /** Writes the change at {@code position} only if it differs from the one held (none: removes it if held). */
    private static void setChange(StanceHistory history, EventPosition position, Optional<StanceChange> wanted) {
        Optional<StanceChange> held = history.change(position);
        if (wanted.isPresent()) {
            if (!wanted.equals(held)) {
                history.putChange(wanted.get());
            }
        } else if (held.isPresent()) {
            history.removeChange(position);
        }
    }

    private static StanceSummary first(Statement statement, StatementEntry entry) {
        return StanceSummary.newBuilder()
                .setParty(statement.getParty())
                .setTopic(statement.getTopic())
                .setStance(entry.getStance())
                .setSince(entry.getOccurredAt())
                .setSinceEventId(entry.getEventId())
                .setStatements(1)
                .setLatestAt(entry.getOccurredAt())
                .setLatestEventId(entry.getEventId())
                .build();
    }

    private static StanceSummary summarize(StanceSummary before, StatementEntry entry, Optional<StatementEntry> next) {
        StanceSummary.Builder after = StanceSummary.newBuilder(before).setStatements(before.getStatements() + 1);
        Stance current = before.getStance();
        if (next.isEmpty()) {
            after.setLatestAt(entry.getOccurredAt()).setLatestEventId(entry.getEventId());
            if (entry.getStance() != current) {
                after.setStance(entry.getStance()).setSince(entry.getOccurredAt()).setSinceEventId(entry.getEventId());
            }
            return after.build();
        }
        EventPosition at = EventPosition.of(entry);
        EventPosition since = new EventPosition(before.getSince(), before.getSinceEventId());
        if (at.isAfter(since) && entry.getStance() != current) {
            // The late statement cuts the final run: it now starts at the statement after it.
            after.setSince(next.get().getOccurredAt()).setSinceEventId(next.get().getEventId());
        } else if (at.isBefore(since) && EventPosition.of(next.get()).equals(since) && entry.getStance() == current) {
            // The late statement sits right before the final run, with its stance: the run now starts with it.
            after.setSince(entry.getOccurredAt()).setSinceEventId(entry.getEventId());
        }
        return after.build();
    }

    private static Optional<StanceChange> currentChange(Optional<StanceSummary> before, StanceSummary after,
                                                        Statement statement) {
        return before
                .filter(b -> b.getStance() != after.getStance())
                .map(b -> change(statement, b.getStance(), entryOf(statement)));
    }

    private static Optional<TopicStance> topicStance(Optional<StanceSummary> before, StanceSummary after) {
        boolean moved = before
                .map(b -> b.getStance() != after.getStance() || !b.getSince().equals(after.getSince()))
                .orElse(true);
        return moved ? Optional.of(topicStanceOf(after)) : Optional.empty();
    }

    /** The party's stance as seen from the topic. */
    public static TopicStance topicStanceOf(StanceSummary summary) {
        return TopicStance.newBuilder()
                .setParty(summary.getParty())
                .setTopic(summary.getTopic())
                .setStance(summary.getStance())
                .setSince(summary.getSince())
                .build();
    }

    /** The change {@code from -> later}, taken from the later statement, with its size (CONTRACT 6.1). */
    private static StanceChange change(Statement statement, Stance from, StatementEntry later) {
        Stance to = later.getStance();
        return StanceChange.newBuilder()
                .setParty(statement.getParty())
                .setTopic(statement.getTopic())
                .setFrom(from)
                .setTo(to)
                .setOccurredAt(later.getOccurredAt())
                .setEventId(later.getEventId())
                .setShift(StanceScale.shift(from, to))
                .setReversal(StanceScale.reversal(from, to))
                .build();
    }

    public static StatementEntry entryOf(Statement statement) {
        return StatementEntry.newBuilder()
                .setEventId(statement.getEventId())
                .setStance(statement.getStance())
                .setOccurredAt(statement.getOccurredAt())
                .setSpeaker(statement.getSpeaker())
                .setQuote(statement.getQuote())
                .setSource(statement.getSource())
                .build();
    }
}
