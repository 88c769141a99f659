package org.partyline.processor.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.partyline.schema.Claim;
import org.partyline.schema.ClaimPosition;
import org.partyline.schema.ClaimStatus;
import org.partyline.schema.ClaimStatusChange;
import org.partyline.schema.Position;
import org.partyline.schema.view.ClaimOrigin;
import org.partyline.schema.view.ClaimSummary;
import org.partyline.schema.view.PartyClaim;
import org.partyline.schema.view.PartyPosition;

/**
 * Folds one claim event into its claim, wherever in time it falls, touching only the claim's summary and the
 * event's party ({@link ClaimState}): the party's position is its last event in {@link EventPosition} order
 * (RETRACTS included, kept as a position); the proposition comes from the earliest event with a non-empty one; the
 * origin is the earliest ASSERTS event; the status follows from which sides some party holds; the claim's events and
 * each party's are counted (CONTRACT 6.3). Only a change of status reads every position (for the
 * {@code claim-status} record and the view by party), so an event costs the same whatever the number of parties on
 * the claim.
 *
 * <p>Positions, sides, proposition and origin are idempotent (a latest, a set, two earliest); the counts are not. So
 * the summary and each position keep the input offset of the last event counted in them, and hold an event when that
 * offset is at least the event's first offset ({@link Folding}): events are folded in offset order within a task.
 * Each is decided on its own, so a replay after a crash repairs whichever lost the event and counts it nowhere twice.
 */
public final class ClaimFold {

    private ClaimFold() {
    }

    /**
     * How one event is folded: its input offset, the offset where it was first seen ({@code Long.MAX_VALUE} when
     * unknown), and whether an event the summary already holds sends every party's entry again
     * ({@code repairWhenHeld}: under at_least_once, where a crash may have lost entries sent before).
     */
    public record Folding(long offset, long firstOffset, boolean repairWhenHeld) {

        /** Whether a record that counted events up to {@code foldedOffset} holds this event. */
        public boolean holds(long foldedOffset) {
            return foldedOffset >= Math.min(firstOffset, offset);
        }
    }

    /** Folds {@code event} into {@code state} where it does not hold it yet; returns what changed. */
    public static ClaimUpdate apply(ClaimState state, Claim event, Folding folding) {
        Optional<PartyPosition> held = state.position(event.getParty());
        PartyPosition position;
        if (held.isPresent() && folding.holds(held.get().getFoldedOffset())) {
            position = held.get();
        } else {
            position = position(held.orElse(null), event, folding.offset());
            state.putPosition(position);
        }
        state.setSide(event.getParty(), position.getPosition());

        Optional<ClaimSummary> before = state.summary();
        if (before.isPresent() && folding.holds(before.get().getFoldedOffset())) {
            ClaimSummary summary = before.get();
            List<ClaimUpdate.PartyEntry> entries = folding.repairWhenHeld()
                    ? entries(state.positions(), summary) : List.of(entry(position, summary));
            return new ClaimUpdate(summary, Optional.empty(), entries, List.of());
        }
        ClaimStatus status = statusOf(state.anyAsserts(), state.anyDenies());
        ClaimSummary after = summary(before.orElse(null), event, status, folding.offset());
        state.putSummary(after);
        ClaimStatus previous = before.map(ClaimSummary::getStatus).orElse(null);
        if (previous == status) {
            return new ClaimUpdate(after, Optional.empty(), List.of(entry(position, after)), List.of());
        }
        List<PartyPosition> positions = state.positions();
        return new ClaimUpdate(after, Optional.of(statusChange(after, previous, event, positions)),
                entries(positions, after), List.of());
    }

    /** The party's position after {@code event}, which it does not hold yet ({@code before} null: its first). */
    public static PartyPosition position(PartyPosition before, Claim event, long foldedOffset) {
        boolean later = before == null
                || EventPosition.of(event).isAfter(new EventPosition(before.getOccurredAt(), before.getEventId()));
        PartyPosition.Builder next = PartyPosition.newBuilder()
                .setParty(event.getParty())
                .setEvents(before == null ? 1 : before.getEvents() + 1)
                .setFoldedOffset(foldedOffset);
        if (later) {
            next.setPosition(event.getPosition()).setOccurredAt(event.getOccurredAt()).setEventId(event.getEventId());
        } else {
            next.setPosition(before.getPosition()).setOccurredAt(before.getOccurredAt())
                    .setEventId(before.getEventId());
        }
        return next.build();
    }

    /** The summary after {@code event}, which it does not hold yet ({@code before} null: the claim's first). */
    public static ClaimSummary summary(ClaimSummary before, Claim event, ClaimStatus status, long foldedOffset) {
        ClaimSummary.Builder next = ClaimSummary.newBuilder()
                .setClaimId(event.getClaimId())
                .setProposition(before == null ? null : before.getProposition())
                .setPropositionAt(before == null ? null : before.getPropositionAt())
                .setPropositionEventId(before == null ? null : before.getPropositionEventId())
                .setStatus(status)
                .setEvents(before == null ? 1 : before.getEvents() + 1)
                .setOrigin(before == null ? null : before.getOrigin())
                .setFoldedOffset(foldedOffset);
        if (hasProposition(event) && isEarlierProposition(before, event)) {
            next.setProposition(event.getProposition())
                    .setPropositionAt(event.getOccurredAt())
                    .setPropositionEventId(event.getEventId());
        }
        if (event.getPosition() == Position.ASSERTS && isEarlierOrigin(next.getOrigin(), event)) {
            next.setOrigin(ClaimOrigin.newBuilder()
                    .setParty(event.getParty())
                    .setEventId(event.getEventId())
                    .setOccurredAt(event.getOccurredAt())
                    .setSource(event.getSource())
                    .build());
        }
        return next.build();
    }

    /** CONTRACT section 2: CONTESTED, ASSERTED, DENIED, or WITHDRAWN when every position is RETRACTS. */
    public static ClaimStatus statusOf(boolean asserted, boolean denied) {
        if (asserted && denied) {
            return ClaimStatus.CONTESTED;
        }
        if (asserted) {
            return ClaimStatus.ASSERTED;
        }
        return denied ? ClaimStatus.DENIED : ClaimStatus.WITHDRAWN;
    }

    /** The status of a claim whose parties hold these positions. */
    public static ClaimStatus statusOf(Collection<Position> positions) {
        return statusOf(positions.contains(Position.ASSERTS),
                positions.contains(Position.DENIES) || positions.contains(Position.DISPUTES));
    }

    /** The side a position takes in the status: ASSERTS, DENIES (for DENIES and DISPUTES), or none (RETRACTS). */
    public static Optional<Position> side(Position position) {
        return switch (position) {
            case ASSERTS -> Optional.of(Position.ASSERTS);
            case DENIES, DISPUTES -> Optional.of(Position.DENIES);
            case RETRACTS -> Optional.empty();
        };
    }

    /** A position as the contract's records carry it. */
    public static ClaimPosition claimPosition(PartyPosition p) {
        return ClaimPosition.newBuilder().setParty(p.getParty()).setPosition(p.getPosition())
                .setOccurredAt(p.getOccurredAt()).setEventId(p.getEventId()).build();
    }

    private static ClaimStatusChange statusChange(ClaimSummary after, ClaimStatus previous, Claim cause,
                                                  List<PartyPosition> positions) {
        List<ClaimPosition> all = new ArrayList<>(positions.size());
        positions.forEach(p -> all.add(claimPosition(p)));
        return ClaimStatusChange.newBuilder()
                .setClaimId(after.getClaimId())
                .setProposition(after.getProposition())
                .setStatus(after.getStatus())
                .setPreviousStatus(previous)
                .setOccurredAt(cause.getOccurredAt())
                .setPositions(all)
                .build();
    }

    private static List<ClaimUpdate.PartyEntry> entries(List<PartyPosition> positions, ClaimSummary summary) {
        List<ClaimUpdate.PartyEntry> entries = new ArrayList<>(positions.size());
        positions.forEach(p -> entries.add(entry(p, summary)));
        return entries;
    }

    private static ClaimUpdate.PartyEntry entry(PartyPosition position, ClaimSummary summary) {
        return new ClaimUpdate.PartyEntry(position.getParty(), new PartyClaim(summary.getClaimId(),
                position.getPosition(), summary.getStatus()));
    }

    private static boolean isEarlierOrigin(ClaimOrigin origin, Claim event) {
        return origin == null
                || EventPosition.of(event).isBefore(new EventPosition(origin.getOccurredAt(), origin.getEventId()));
    }

    private static boolean hasProposition(Claim event) {
        return event.getProposition() != null && !event.getProposition().isEmpty();
    }

    private static boolean isEarlierProposition(ClaimSummary before, Claim event) {
        if (before == null || before.getPropositionAt() == null) {
            return true;
        }
        EventPosition taken = new EventPosition(before.getPropositionAt(), before.getPropositionEventId());
        return EventPosition.of(event).isBefore(taken);
    }
}
