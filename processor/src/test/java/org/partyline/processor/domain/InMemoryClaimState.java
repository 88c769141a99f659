package org.partyline.processor.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.partyline.schema.Position;
import org.partyline.schema.view.ClaimSummary;
import org.partyline.schema.view.PartyPosition;

/** The state of one claim in TreeMaps, for unit tests of {@link ClaimFold} without Kafka. */
public final class InMemoryClaimState implements ClaimState {
    private ClaimSummary summary;
    private final TreeMap<String, PartyPosition> positions = new TreeMap<>(EventPosition::compareCodePoints);
    private final TreeSet<String> asserting = new TreeSet<>();
    private final TreeSet<String> denying = new TreeSet<>();
    /** How many times {@link #positions()} was read: once per change of status. */
    public int positionScans;

    @Override
    public Optional<ClaimSummary> summary() {
        return Optional.ofNullable(summary);
    }

    @Override
    public void putSummary(ClaimSummary summary) {
        this.summary = summary;
    }

    @Override
    public Optional<PartyPosition> position(String party) {
        return Optional.ofNullable(positions.get(party));
    }

    @Override
    public void putPosition(PartyPosition position) {
        positions.put(position.getParty(), position);
    }

    @Override
    public void setSide(String party, Position position) {
        asserting.remove(party);
        denying.remove(party);
        ClaimFold.side(position).ifPresent(side -> (side == Position.ASSERTS ? asserting : denying).add(party));
    }

    @Override
    public boolean anyAsserts() {
        return !asserting.isEmpty();
    }

    @Override
    public boolean anyDenies() {
        return !denying.isEmpty();
    }

    @Override
    public List<PartyPosition> positions() {
        positionScans++;
        return new ArrayList<>(positions.values());
    }

    /** Forgets the summary, as a crash that lost its last writes would. */
    public void loseSummary(ClaimSummary earlier) {
        summary = earlier;
    }

    /** Puts a party's position back to an earlier one, as a crash that lost its last writes would. */
    public void losePosition(String party, PartyPosition earlier) {
        if (earlier == null) {
            positions.remove(party);
        } else {
            positions.put(party, earlier);
        }
    }
}
