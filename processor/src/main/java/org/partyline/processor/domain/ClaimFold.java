package org.partyline.processor.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partyline.schema.Claim;
import org.partyline.schema.ClaimPosition;
import org.partyline.schema.ClaimStatus;
import org.partyline.schema.ClaimStatusChange;
import org.partyline.schema.Position;
import org.partyline.schema.view.ClaimOrigin;
import org.partyline.schema.view.ClaimView;

/**
 * Folds one claim event into its claim, wherever in time it falls. Each party's position is its last event in
 * {@link EventPosition} order (RETRACTS included, kept as a position); the proposition comes from the earliest
 * event with a non-empty one; the origin is the earliest ASSERTS event; the status follows from the positions; the
 * claim's events and each party's are counted (CONTRACT 6.3). The view holds one position and one count per party,
 * so one event costs the same whatever the number of events before it.
 *
 * <p>Positions, proposition and origin are idempotent (a latest, two earliest); the counts are not, so the caller
 * folds an event only once into a view ({@link ClaimUpdate#alreadyFolded} for one the view already holds).
 */
public final class ClaimFold {

    private static final Comparator<ClaimPosition> BY_PARTY =
            (a, b) -> EventPosition.compareCodePoints(a.getParty(), b.getParty());

    private ClaimFold() {
    }

    /**
     * The claim after {@code event}, which it does not hold yet; {@code current} is null for the first event of the
     * claim. The folded offset is kept as it was (the caller's to set).
     */
    public static ClaimView apply(ClaimView current, Claim event) {
        List<ClaimPosition> positions = withPosition(current == null ? List.of() : current.getPositions(), event);
        ClaimView.Builder next = ClaimView.newBuilder()
                .setClaimId(event.getClaimId())
                .setProposition(current == null ? null : current.getProposition())
                .setPropositionAt(current == null ? null : current.getPropositionAt())
                .setPropositionEventId(current == null ? null : current.getPropositionEventId())
                .setStatus(statusOf(positions))
                .setPositions(positions)
                .setEvents(current == null ? 1 : current.getEvents() + 1)
                .setPartyEvents(withCount(current == null ? Map.of() : current.getPartyEvents(), event.getParty()))
                .setOrigin(current == null ? null : current.getOrigin())
                .setFoldedOffset(current == null ? -1L : current.getFoldedOffset());
        if (hasProposition(event) && isEarlierProposition(current, event)) {
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

    /** The record for {@code claim-status} when the status changed from {@code before} (null: no status yet). */
    public static Optional<ClaimStatusChange> statusChange(ClaimView before, ClaimView after, Claim cause) {
        ClaimStatus previous = before == null ? null : before.getStatus();
        if (previous == after.getStatus()) {
            return Optional.empty();
        }
        return Optional.of(ClaimStatusChange.newBuilder()
                .setClaimId(after.getClaimId())
                .setProposition(after.getProposition())
                .setStatus(after.getStatus())
                .setPreviousStatus(previous)
                .setOccurredAt(cause.getOccurredAt())
                .setPositions(new ArrayList<>(after.getPositions()))
                .build());
    }

    /** CONTRACT section 2: CONTESTED, ASSERTED, DENIED, or WITHDRAWN when every position is RETRACTS. */
    public static ClaimStatus statusOf(List<ClaimPosition> positions) {
        boolean asserted = positions.stream().anyMatch(p -> p.getPosition() == Position.ASSERTS);
        boolean denied = positions.stream()
                .anyMatch(p -> p.getPosition() == Position.DENIES || p.getPosition() == Position.DISPUTES);
        if (asserted && denied) {
            return ClaimStatus.CONTESTED;
        }
        if (asserted) {
            return ClaimStatus.ASSERTED;
        }
        return denied ? ClaimStatus.DENIED : ClaimStatus.WITHDRAWN;
    }

    private static List<ClaimPosition> withPosition(List<ClaimPosition> positions, Claim event) {
        List<ClaimPosition> result = new ArrayList<>(positions.size() + 1);
        boolean found = false;
        for (ClaimPosition p : positions) {
            if (p.getParty().equals(event.getParty())) {
                found = true;
                result.add(EventPosition.of(event).isAfter(EventPosition.of(p)) ? positionOf(event) : p);
            } else {
                result.add(p);
            }
        }
        if (!found) {
            result.add(positionOf(event));
            result.sort(BY_PARTY);
        }
        return result;
    }

    private static Map<String, Long> withCount(Map<String, Long> counts, String party) {
        Map<String, Long> result = new HashMap<>(counts);
        result.merge(party, 1L, Long::sum);
        return result;
    }

    private static boolean isEarlierOrigin(ClaimOrigin origin, Claim event) {
        return origin == null
                || EventPosition.of(event).isBefore(new EventPosition(origin.getOccurredAt(), origin.getEventId()));
    }

    private static ClaimPosition positionOf(Claim event) {
        return ClaimPosition.newBuilder()
                .setParty(event.getParty())
                .setPosition(event.getPosition())
                .setOccurredAt(event.getOccurredAt())
                .setEventId(event.getEventId())
                .build();
    }

    private static boolean hasProposition(Claim event) {
        return event.getProposition() != null && !event.getProposition().isEmpty();
    }

    private static boolean isEarlierProposition(ClaimView current, Claim event) {
        if (current == null || current.getPropositionAt() == null) {
            return true;
        }
        EventPosition taken = new EventPosition(current.getPropositionAt(), current.getPropositionEventId());
        return EventPosition.of(event).isBefore(taken);
    }
}
