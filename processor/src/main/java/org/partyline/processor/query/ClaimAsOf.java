package org.partyline.processor.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.partyline.processor.domain.ClaimFold;
import org.partyline.processor.streams.StoreKeys;
import org.partyline.processor.streams.StoreNames;
import org.partyline.schema.Position;
import org.partyline.schema.view.ClaimEntry;
import org.partyline.schema.view.ClaimSummary;
import org.partyline.schema.view.PartyPosition;

/**
 * A claim as of an instant (CONTRACT 6.2): folded from only its events with {@code occurredAt} at or before it.
 * {@code claim-positions} names every party that ever took a position (in party order), and the summary keeps the
 * proposition's and the origin's events; each party's position then is its last event by then in
 * {@code claim-history}, read with one range scan from the (claimId, party) prefix up to the instant, which also
 * counts its events by then. A claim with nothing by then has no proposition, status or origin, no positions and 0
 * events.
 */
final class ClaimAsOf {

    private ClaimAsOf() {
    }

    static Bodies.Claim claim(LocalReads reads, ClaimSummary now, Instant asOf) {
        String claimId = now.getClaimId();
        String upTo = StoreKeys.time(asOf);
        List<Position> held = new ArrayList<>();
        List<Bodies.Position> bodies = new ArrayList<>();
        long events = 0;
        for (PartyPosition current : ClaimReads.positions(reads, claimId)) {
            String party = current.getParty();
            List<ClaimEntry> then = reads.range(StoreNames.CLAIM_HISTORY, StoreKeys.prefix(claimId, party),
                    StoreKeys.prefixEnd(claimId, party, upTo));
            if (then.isEmpty()) {
                continue;
            }
            ClaimEntry last = then.get(then.size() - 1);
            held.add(last.getPosition());
            bodies.add(new Bodies.Position(party, last.getPosition().name(), ViewBodies.time(last.getOccurredAt()),
                    last.getEventId(), then.size()));
            events += then.size();
        }
        if (bodies.isEmpty()) {
            return new Bodies.Claim(claimId, null, null, List.of(), 0, null);
        }
        boolean propositionThen = now.getPropositionAt() != null && !now.getPropositionAt().isAfter(asOf);
        boolean originThen = now.getOrigin() != null && !now.getOrigin().getOccurredAt().isAfter(asOf);
        return new Bodies.Claim(claimId, propositionThen ? now.getProposition() : null,
                ClaimFold.statusOf(held).name(), bodies, events,
                originThen ? ViewBodies.origin(now.getOrigin()) : null);
    }
}
