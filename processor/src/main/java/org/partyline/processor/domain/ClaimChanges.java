package org.partyline.processor.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.partyline.schema.Claim;
import org.partyline.schema.Position;
import org.partyline.schema.view.ClaimChange;
import org.partyline.schema.view.ClaimChangeAt;
import org.partyline.schema.view.ClaimEntry;

/**
 * Folds one claim event into the event-time ordered history of its (claim, party), wherever in time it falls, and
 * keeps the changes of position between neighbours (CONTRACT 6.4), each at its later event.
 *
 * <p>The event is inserted between its neighbours {@code prev} and {@code next}: the change at the event is
 * prev -> event when their positions differ; the change at next becomes event -> next, or goes when the event has
 * next's position. So a late event splits a change (prev -> next becomes prev -> event and event -> next) or merges
 * two (prev -> event -> next with prev's position at next leaves none at next). As in {@link StanceFold}, both
 * changes are set to what the neighbours say whatever was held, so a replay after a crash repairs and a redelivery
 * writes nothing. What is set at both positions is returned, held or not, and separately what was written: the
 * view re-keyed by party follows the writes, or every setting where a crash may have lost what was sent before.
 */
public final class ClaimChanges {

    private ClaimChanges() {
    }

    /**
     * What one event set, at it and at its next neighbour: every setting, whether the store held it already or not,
     * and the settings that changed the store (a change put or removed).
     */
    public record Settings(List<ClaimChangeAt> all, List<ClaimChangeAt> written) {
    }

    /** Inserts the event if missing and sets the changes at it and at its next neighbour; returns both settings. */
    public static Settings apply(ClaimHistory history, Claim event) {
        ClaimEntry entry = entryOf(event);
        EventPosition at = EventPosition.of(event);
        Optional<ClaimEntry> prev = history.previous(at);
        Optional<ClaimEntry> next = history.next(at);
        if (history.entry(at).isEmpty()) {
            history.putEntry(entry);
        }
        List<ClaimChangeAt> all = new ArrayList<>(2);
        List<ClaimChangeAt> written = new ArrayList<>(2);
        setChange(history, event, entry, prev.map(p -> change(event, p.getPosition(), entry)), all, written);
        next.ifPresent(n -> setChange(history, event, n, Optional.of(change(event, entry.getPosition(), n)), all,
                written));
        return new Settings(all, written);
    }

    /**
     * CONTRACT 6.4: a change contradicts when one of its positions is ASSERTS and the other DENIES or DISPUTES (a
     * party that asserted what it denied, or the reverse); RETRACTS contradicts nothing.
     */
    public static boolean contradiction(Position from, Position to) {
        return from == Position.ASSERTS && denies(to) || to == Position.ASSERTS && denies(from);
    }

    private static boolean denies(Position position) {
        return position == Position.DENIES || position == Position.DISPUTES;
    }

    /**
     * Sets the change at {@code later} to {@code candidate} if its positions differ, else to none; writes only
     * what differs from the change held. Adds the setting to {@code all}, and to {@code written} if it wrote.
     */
    private static void setChange(ClaimHistory history, Claim event, ClaimEntry later,
                                  Optional<ClaimChange> candidate, List<ClaimChangeAt> all,
                                  List<ClaimChangeAt> written) {
        EventPosition position = new EventPosition(later.getOccurredAt(), later.getEventId());
        Optional<ClaimChange> wanted = candidate.filter(c -> c.getFrom() != c.getTo());
        Optional<ClaimChange> held = history.change(position);
        boolean wrote = false;
        if (wanted.isPresent()) {
            if (!wanted.equals(held)) {
                history.putChange(wanted.get());
                wrote = true;
            }
        } else if (held.isPresent()) {
            history.removeChange(position);
            wrote = true;
        }
        ClaimChangeAt setting = ClaimChangeAt.newBuilder()
                .setParty(event.getParty())
                .setClaimId(event.getClaimId())
                .setOccurredAt(later.getOccurredAt())
                .setEventId(later.getEventId())
                .setChange(wanted.orElse(null))
                .build();
        all.add(setting);
        if (wrote) {
            written.add(setting);
        }
    }

    /** The change {@code from -> later}, taken from the later event. */
    private static ClaimChange change(Claim event, Position from, ClaimEntry later) {
        return ClaimChange.newBuilder()
                .setParty(event.getParty())
                .setClaimId(event.getClaimId())
                .setFrom(from)
                .setTo(later.getPosition())
                .setOccurredAt(later.getOccurredAt())
                .setEventId(later.getEventId())
                .setContradiction(contradiction(from, later.getPosition()))
                .build();
    }

    public static ClaimEntry entryOf(Claim event) {
        return ClaimEntry.newBuilder()
                .setEventId(event.getEventId())
                .setOccurredAt(event.getOccurredAt())
                .setPosition(event.getPosition())
                .setProposition(event.getProposition())
                .setSource(event.getSource())
                .build();
    }
}
