package org.partyline.processor.query;

import java.time.Instant;
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

    /**
     * Whether {@code store} on {@code peer} has a key with the prefix {@code party}: in its up-to-date active copy,
     * or ({@code standby}) in its standby copy, which answers only when it knows the party or is up to date.
     */
    boolean partyKnown(Instance peer, String store, String party, boolean standby);

    /**
     * The parties named in the peer's up-to-date active partitions of {@code stance-history} and {@code party-claims} that
     * start with {@code prefix} (empty: all), after the page's cursor: at most its limit and one more.
     */
    Bodies.PartiesPart parties(Instance peer, String prefix, PageRequest page);

    /**
     * The peer's part of a page of claims: the first after the request's cursor in its up-to-date active partitions
     * of {@code claims}, with that status if given and whose claimId starts with {@code prefix} (empty: any).
     */
    Bodies.ClaimsPart claims(Instance peer, Optional<ClaimStatus> status, String prefix, PageRequest page);

    /**
     * The claims of {@code ids} (sorted) that the peer's up-to-date active partitions of {@code claims} hold, in that
     * order, cut short once they hold a page's bound of positions. The default cannot ask: for test doubles that need
     * no peer.
     */
    default Bodies.ClaimsById claimsById(Instance peer, List<String> ids) {
        throw new PeerException(peer, "cannot be asked for claims " + ids);
    }

    /**
     * The stances as of {@code asOf} of each (party, topic) of {@code pairs} (all parties held in the peer's
     * up-to-date active partitions of {@code stances}), those with a statement by then. The peer answers every pair
     * from its own stores or fails (its partitions moved); with {@code since} only when {@code withSince}. The default
     * cannot ask: for test doubles that need no peer.
     */
    default Bodies.StancesAt stancesAt(Instance peer, List<PartyTopic> pairs, Instant asOf, boolean withSince) {
        throw new PeerException(peer, "cannot be asked for stances as of " + asOf);
    }

    /**
     * The current stances on each of {@code topics} (all held in the peer's up-to-date active partitions of
     * {@code topic-stances}) of the first {@code max} parties after {@code after} (empty: from the first) on each
     * group of topics the peer is asked about at once. The default cannot ask: for test doubles that need no peer.
     */
    default Bodies.TopicStancesPart topicStances(Instance peer, List<String> topics, Optional<String> after, int max) {
        throw new PeerException(peer, "cannot be asked for the stances on topics " + topics);
    }

    /**
     * The statements counted by the peer's up-to-date active partitions of {@code stances}: its busiest parties and
     * every topic. The default cannot ask: for test doubles that need no peer.
     */
    default ExtensionBodies.ActivityPart activity(Instance peer) {
        throw new PeerException(peer, "cannot be asked for its activity");
    }
}
