package org.partyline.processor.domain;

import java.util.List;
import java.util.Optional;
import org.partyline.schema.Claim;
import org.partyline.schema.ClaimStatusChange;
import org.partyline.schema.view.ClaimChangeAt;
import org.partyline.schema.view.ClaimView;

/**
 * What one claim event did to its claim: the view before (null for a new claim) and after, the status change, and
 * the claim changes of its party it set ({@link ClaimChanges}: at the event and at its next neighbour, for the view
 * re-keyed by party).
 */
public record ClaimUpdate(ClaimView before, ClaimView after, Optional<ClaimStatusChange> statusChange,
                          List<ClaimChangeAt> changes) {

    /** An event the view does not hold yet, folded; {@code foldedOffset} is the input offset of the event. */
    public static ClaimUpdate of(ClaimView before, Claim event, long foldedOffset, List<ClaimChangeAt> changes) {
        ClaimView after = ClaimFold.apply(before, event);
        // A new record, shared with nobody: set in place rather than deep-copied through a builder.
        after.setFoldedOffset(foldedOffset);
        return new ClaimUpdate(before, after, ClaimFold.statusChange(before, after, event), changes);
    }

    /** An event the view already holds (a replay after a crash): the view stays, no status change. */
    public static ClaimUpdate alreadyFolded(ClaimView view, List<ClaimChangeAt> changes) {
        return new ClaimUpdate(view, view, Optional.empty(), changes);
    }

    /** False when the view stays as it was (an event it already holds). */
    public boolean changed() {
        return !after.equals(before);
    }
}
