package org.partyline.processor.domain;

import java.util.List;
import java.util.Optional;
import org.partyline.schema.ClaimStatusChange;
import org.partyline.schema.view.ClaimChangeAt;
import org.partyline.schema.view.ClaimSummary;
import org.partyline.schema.view.PartyClaim;

/**
 * What one claim event did to its claim: the summary after it, the status change, the entries of the view by party
 * it set ({@code party, entry}: the event's party, or every party on the claim when the status changed), and the
 * claim changes of its party ({@link ClaimChanges}: at the event and at its next neighbour).
 */
public record ClaimUpdate(ClaimSummary summary, Optional<ClaimStatusChange> statusChange,
                          List<PartyEntry> partyClaims, List<ClaimChangeAt> changes) {

    /** An entry of the view by party: {@code party}'s own position on a claim and the claim's status. */
    public record PartyEntry(String party, PartyClaim claim) {
    }

    /** The same update with the claim changes to re-key by party. */
    public ClaimUpdate withChanges(List<ClaimChangeAt> set) {
        return new ClaimUpdate(summary, statusChange, partyClaims, set);
    }
}
