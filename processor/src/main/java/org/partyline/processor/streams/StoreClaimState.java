package org.partyline.processor.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.partyline.processor.domain.ClaimFold;
import org.partyline.processor.domain.ClaimState;
import org.partyline.schema.Position;
import org.partyline.schema.view.ClaimSummary;
import org.partyline.schema.view.PartyPosition;

/**
 * The state of one claim over the stores {@code claims} (its summary), {@code claim-positions} ({@code claimId,
 * party}) and {@code claim-sides} ({@code claimId, side, party}). A side is written only when it changes (a get
 * first), so an event whose party stays on its side writes nothing there; whether a side is held by anyone is one
 * seek.
 */
final class StoreClaimState implements ClaimState {
    private static final byte[] HOLDS = new byte[0];
    private static final List<Position> SIDES = List.of(Position.ASSERTS, Position.DENIES);

    private final KeyValueStore<String, ClaimSummary> claims;
    private final KeyValueStore<String, PartyPosition> positions;
    private final KeyValueStore<String, byte[]> sides;
    private final String claimId;

    StoreClaimState(KeyValueStore<String, ClaimSummary> claims, KeyValueStore<String, PartyPosition> positions,
                    KeyValueStore<String, byte[]> sides, String claimId) {
        this.claims = claims;
        this.positions = positions;
        this.sides = sides;
        this.claimId = claimId;
    }

    @Override
    public Optional<ClaimSummary> summary() {
        return Optional.ofNullable(claims.get(claimId));
    }

    @Override
    public void putSummary(ClaimSummary summary) {
        claims.put(claimId, summary);
    }

    @Override
    public Optional<PartyPosition> position(String party) {
        return Optional.ofNullable(positions.get(StoreKeys.of(claimId, party)));
    }

    @Override
    public void putPosition(PartyPosition position) {
        positions.put(StoreKeys.of(claimId, position.getParty()), position);
    }

    @Override
    public void setSide(String party, Position position) {
        Optional<Position> wanted = ClaimFold.side(position);
        for (Position side : SIDES) {
            String key = StoreKeys.of(claimId, side.name(), party);
            boolean held = sides.get(key) != null;
            if (wanted.isPresent() && wanted.get() == side) {
                if (!held) {
                    sides.put(key, HOLDS);
                }
            } else if (held) {
                sides.delete(key);
            }
        }
    }

    @Override
    public boolean anyAsserts() {
        return anyOn(Position.ASSERTS);
    }

    @Override
    public boolean anyDenies() {
        return anyOn(Position.DENIES);
    }

    private boolean anyOn(Position side) {
        try (KeyValueIterator<String, byte[]> it = sides.range(StoreKeys.prefix(claimId, side.name()),
                StoreKeys.prefixEnd(claimId, side.name()))) {
            return it.hasNext();
        }
    }

    @Override
    public List<PartyPosition> positions() {
        List<PartyPosition> all = new ArrayList<>();
        try (KeyValueIterator<String, PartyPosition> it = positions.range(StoreKeys.prefix(claimId),
                StoreKeys.prefixEnd(claimId))) {
            it.forEachRemaining(kv -> all.add(kv.value));
        }
        return all;
    }
}
