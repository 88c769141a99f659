package org.partyline.processor.domain;

import java.util.Optional;
import org.partyline.schema.Claim;
import org.partyline.schema.ClaimStatusChange;
import org.partyline.schema.view.ClaimView;

/** What one claim event did to its claim: the view before (null for a new claim) and after, and the status change. */
public record ClaimUpdate(ClaimView before, ClaimView after, Optional<ClaimStatusChange> statusChange) {

    public static ClaimUpdate of(ClaimView before, Claim event) {
        ClaimView after = ClaimFold.apply(before, event);
        return new ClaimUpdate(before, after, ClaimFold.statusChange(before, after, event));
    }

    /** False when the event left the view as it was (a superseded position with no earlier proposition). */
    public boolean changed() {
        return !after.equals(before);
    }
}
