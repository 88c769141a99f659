package org.partyline.processor.query;

import java.util.Optional;

import org.partyline.schema.ClaimStatus;

/**
 * Other instances that cannot be asked: every call fails with a {@link PeerException} saying why ("is down"; "does
 * not exist" for an instance that is alone). For tests and benchmarks whose queries must need no other instance.
 */
public final class UnreachablePeers implements Peers {
    private final String why;

    public UnreachablePeers(String why) {
        this.why = why;
    }

    /** For an instance that is alone: no query may ask another. */
    public static UnreachablePeers alone() {
        return new UnreachablePeers("does not exist");
    }

    @Override
    public boolean partyKnown(Instance peer, String store, String party, boolean standby) {
        throw new PeerException(peer, why);
    }

    @Override
    public Bodies.PartiesPart parties(Instance peer, String prefix, PageRequest page) {
        throw new PeerException(peer, why);
    }

    @Override
    public Bodies.ClaimsPart claims(Instance peer, Optional<ClaimStatus> status, String prefix, PageRequest page) {
        throw new PeerException(peer, why);
    }
}
