package org.partyline.processor.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.partyline.processor.streams.StoreKeys;
import org.partyline.processor.streams.StoreNames;
import org.partyline.schema.view.ClaimSummary;
import org.partyline.schema.view.PartyPosition;

/**
 * Claim objects assembled from one partition of {@code claims} (the summary) and {@code claim-positions} (one prefix
 * scan of the claim's positions, by party): one claim by id, and a page of the claims in claimId order. A page
 * of claim objects stops early once it holds {@link #POSITIONS_PER_PAGE} positions, so that its body stays under
 * about 1 MiB whatever the number of parties on its claims.
 */
final class ClaimReads {
    /** About 200 bytes of JSON each: a page of claim objects stays under 1 MiB. */
    static final int POSITIONS_PER_PAGE = 5_000;
    /** Above every character of a claimId ({@code [a-z0-9-]}): the end of a claimId prefix range. */
    private static final char AFTER_SLUG = '\u007f';

    private ClaimReads() {
    }

    /** The claim now, or empty when this partition does not hold it. */
    static Optional<Bodies.Claim> claim(LocalReads reads, String claimId) {
        ClaimSummary summary = reads.get(StoreNames.CLAIMS, claimId);
        return Optional.ofNullable(summary).map(s -> ViewBodies.claim(s, positions(reads, claimId)));
    }

    /** Every party's current position on the claim, by party. */
    static List<PartyPosition> positions(LocalReads reads, String claimId) {
        return reads.withPrefix(StoreNames.CLAIM_POSITIONS, claimId);
    }

    /** Its number of positions: what a claim object weighs in a page. */
    static int weight(Bodies.Claim claim) {
        return Math.max(1, claim.positions().size());
    }

    static Cursor cursor(Bodies.Claim claim) {
        return Cursor.of(claim.claimId());
    }

    /**
     * This partition's part of a page of claims after the cursor, in claimId order: those whose id starts with
     * {@code prefix} (empty: all) and that {@code admit} (a status), at most {@code limit}, stopping after the claim at
     * which the page reaches {@link #POSITIONS_PER_PAGE} positions.
     */
    static PagePart<Bodies.Claim> page(LocalReads reads, String prefix, Predicate<ClaimSummary> admit,
                                       PageRequest request) {
        String from = request.after().map(c -> c.part(0) + StoreKeys.SEP).orElse(prefix);
        if (from.compareTo(prefix) < 0) {
            from = prefix;
        }
        String to = prefix.isEmpty() ? null : prefix + AFTER_SLUG;
        if (to != null && from.compareTo(to) > 0) {
            return PagePart.empty();
        }
        List<Bodies.Claim> items = new ArrayList<>();
        int positions = 0;
        ReadOnlyKeyValueStore<String, ClaimSummary> claims = reads.open(StoreNames.CLAIMS);
        try (KeyValueIterator<String, ClaimSummary> it = claims.range(from, to)) {
            while (it.hasNext()) {
                ClaimSummary summary = it.next().value;
                if (!admit.test(summary)) {
                    continue;
                }
                if (items.size() == request.limit() || positions >= POSITIONS_PER_PAGE) {
                    return new PagePart<>(items, true);
                }
                Bodies.Claim claim = ViewBodies.claim(summary, positions(reads, summary.getClaimId()));
                items.add(claim);
                positions += weight(claim);
            }
        }
        return new PagePart<>(items, false);
    }

    /**
     * The claims of {@code ids} (sorted) that this partition holds, in that order, stopping after the claim at which
     * they reach {@link #POSITIONS_PER_PAGE} positions ({@code more}: ids were left); ids it does not hold are skipped.
     */
    static PagePart<Bodies.Claim> byIds(LocalReads reads, List<String> ids) {
        List<Bodies.Claim> items = new ArrayList<>();
        int positions = 0;
        for (String id : ids) {
            if (positions >= POSITIONS_PER_PAGE) {
                return new PagePart<>(items, true);
            }
            Optional<Bodies.Claim> claim = claim(reads, id);
            if (claim.isPresent()) {
                items.add(claim.get());
                positions += weight(claim.get());
            }
        }
        return new PagePart<>(items, false);
    }
}
