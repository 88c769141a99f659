package org.partyline.processor.query;

import java.util.List;
import java.util.Optional;

import org.partyline.schema.ClaimStatus;

/**
 * The port through which a query asks another instance for its local part of an answer. Each call answers from
 * the peer's local stores only and never travels further. The HTTP implementation lives in {@code rest/}.
 *
 * <p>Every method throws {@link PeerException} naming the peer when it cannot answer.
 */
public interface Peers {

    /** Whether {@code store} on {@code peer} has a key with the prefix {@code party}. */
    boolean partyKnown(Instance peer, String store, String party);

    /** The parties named in the peer's local {@code stances} and {@code party-claims} (those it holds). */
    List<String> parties(Instance peer);

    /** The claims of the peer's local {@code claims} store, with that status if given. */
    List<Bodies.Claim> claims(Instance peer, Optional<ClaimStatus> status);
}
