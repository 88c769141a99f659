package org.partyline.processor.streams;

import java.util.List;

/**
 * Names of the state stores (ARCHITECTURE.md, "Processor: names, stores, keys"). They are API: the REST layer
 * queries them and each names its changelog topic {@code <application.id>-<store>-changelog}.
 */
public final class StoreNames {
    /** {@code party, eventId} -> fingerprint and first input offset of the statement ({@code EventIds}). */
    public static final String STATEMENT_EVENT_IDS = "statement-event-ids";
    /** {@code party, topic, time, eventId} -> {@code view.StatementEntry}. */
    public static final String STANCE_HISTORY = "stance-history";
    /** {@code party, topic, time, eventId} of the later statement -> {@code StanceChange}. */
    public static final String STANCE_CHANGE_HISTORY = "stance-change-history";
    /**
     * {@code party, time, eventId, topic} of the later statement -> {@code StanceChange}: the entries of
     * {@code stance-change-history} in the order of a party's changes across topics, written with them by the fold.
     */
    public static final String PARTY_STANCE_CHANGES = "party-stance-changes";
    /** {@code party, topic} -> {@code view.StanceSummary}. */
    public static final String STANCES = "stances";
    /** {@code topic, party} -> {@code view.TopicStance}. */
    public static final String TOPIC_STANCES = "topic-stances";
    /** {@code claimId, eventId} -> fingerprint of the claim event and its first input offset ({@code EventIds}). */
    public static final String CLAIM_EVENT_IDS = "claim-event-ids";
    /** {@code claimId} -> {@code view.ClaimSummary}: the claim without its positions. */
    public static final String CLAIMS = "claims";
    /** {@code claimId, party} -> {@code view.PartyPosition}: each party's current position on each claim. */
    public static final String CLAIM_POSITIONS = "claim-positions";
    /**
     * {@code claimId, side, party} -> empty: the parties whose current position is on a side of the claim (side
     * {@code ASSERTS}, or {@code DENIES} for DENIES and DISPUTES), from which the status follows.
     */
    public static final String CLAIM_SIDES = "claim-sides";
    /** {@code party, claimId} -> {@code view.PartyClaim}: the party's own position and the claim's status. */
    public static final String PARTY_CLAIMS = "party-claims";
    /** {@code claimId, party, time, eventId} -> {@code view.ClaimEntry}: each party's events on each claim. */
    public static final String CLAIM_HISTORY = "claim-history";
    /** {@code claimId, party, time, eventId} of the later event -> {@code view.ClaimChange}. */
    public static final String CLAIM_CHANGE_HISTORY = "claim-change-history";
    /** {@code party, time, eventId, claimId} of the later event -> {@code view.ClaimChange}, re-keyed by party. */
    public static final String PARTY_CLAIM_CHANGES = "party-claim-changes";

    public static final List<String> ALL = List.of(STATEMENT_EVENT_IDS, STANCE_HISTORY, STANCE_CHANGE_HISTORY,
            PARTY_STANCE_CHANGES, STANCES, TOPIC_STANCES, CLAIM_EVENT_IDS, CLAIMS, CLAIM_POSITIONS, CLAIM_SIDES,
            PARTY_CLAIMS, CLAIM_HISTORY,
            CLAIM_CHANGE_HISTORY, PARTY_CLAIM_CHANGES);

    private StoreNames() {
    }
}
