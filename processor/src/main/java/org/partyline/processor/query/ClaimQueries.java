package org.partyline.processor.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.partyline.processor.streams.StoreKeys;
import org.partyline.processor.streams.StoreNames;
import org.partyline.events.EventRules;
import org.partyline.schema.ClaimStatus;
import org.partyline.schema.Position;
import org.partyline.schema.view.ClaimChange;
import org.partyline.schema.view.ClaimView;

/**
 * One claim (as of now or of an instant), the claims by status across instances, the contested claims of a party,
 * and a party's changes of position on claims.
 */
public final class ClaimQueries {
    private static final List<String> CLAIM_STORE = List.of(StoreNames.CLAIMS);
    private final Routing routing;
    private final ListGathering gathering;
    private final Peers peers;
    private final PartyDirectory directory;

    public ClaimQueries(StoreProvider stores, InstanceLocator locator, Peers peers, PartyDirectory directory) {
        this.routing = new Routing(locator, stores);
        this.gathering = new ListGathering(locator, stores);
        this.peers = peers;
        this.directory = directory;
    }

    /** {@code /api/claims/{claimId}}: positions by party, as of now. */
    public QueryResult<Bodies.Claim> claim(String claimId, Asked asked) {
        return claim(claimId, null, asked);
    }

    /**
     * {@code /api/claims/{claimId}?asOf=T}: positions by party, as of {@code rawAsOf} ({@link AsOf}, null: now;
     * {@link ClaimAsOf}); a claim unknown now is not found whatever the instant.
     */
    public QueryResult<Bodies.Claim> claim(String claimId, String rawAsOf, Asked asked) {
        if (!EventRules.isSlug(claimId)) {
            return new QueryResult.Invalid<>("'" + claimId + "' is not a claimId: expected [a-z0-9][a-z0-9-]{0,127}");
        }
        return AsOf.with(rawAsOf, asOf -> routing.at(StoreNames.CLAIMS, claimId, asked, reads -> {
            ClaimView view = reads.get(StoreNames.CLAIMS, claimId);
            if (view == null) {
                return new QueryResult.NotFound<>("unknown claim " + claimId);
            }
            return new QueryResult.Found<>(asOf.instant().map(t -> ClaimAsOf.claim(reads, view, t))
                    .orElseGet(() -> ViewBodies.claim(view)));
        }));
    }

    /**
     * {@code /api/parties/{party}/claim-changes}: the party's changes of position on every claim by (occurredAt,
     * eventId, claimId), the order of {@code party-claim-changes}' keys; as of {@code rawAsOf} ({@link AsOf}, null:
     * now), those at or before it.
     */
    public QueryResult<Bodies.PartyClaimChanges> partyClaimChanges(String rawParty, String rawAsOf, Asked asked) {
        return AsOf.with(rawAsOf, asOf -> PartyDirectory.forParty(rawParty,
                party -> routing.at(StoreNames.PARTY_CLAIM_CHANGES, party, asked,
                reads -> {
                    String upTo = asOf.instant().map(t -> StoreKeys.prefixEnd(party, StoreKeys.time(t)))
                            .orElse(StoreKeys.prefixEnd(party));
                    List<ClaimChange> changes = reads.range(StoreNames.PARTY_CLAIM_CHANGES, StoreKeys.prefix(party),
                            upTo);
                    if (changes.isEmpty() && !directory.knownIn(StoreNames.PARTY_CLAIMS, party)
                            && !directory.knownIn(StoreNames.STANCES, party)) {
                        return PartyDirectory.unknownParty(party);
                    }
                    return new QueryResult.Found<>(new Bodies.PartyClaimChanges(party,
                            changes.stream().map(ViewBodies::claimChange).toList()));
                })));
    }

    /**
     * {@code /api/claims?status=S}: the claims of every partition, by claimId; {@code rawStatus} null for all;
     * unavailable when a partition is missing.
     */
    public QueryResult<Bodies.Claims> claims(String rawStatus) {
        return withStatus(rawStatus, status -> Routing.guarded(() -> ListGathering.map(
                gathering.gather(CLAIM_STORE, (reads, store) -> claimsIn(reads, status), peer -> {
                    Bodies.ClaimsPart part = peers.claims(peer, status);
                    return new ListGathering.Part<>(part.claims(), part.partitions());
                }),
                all -> new Bodies.Claims(sorted(all)))));
    }

    /** Internal: the claims of this instance's up-to-date active partitions of {@code claims}, and which. */
    public QueryResult<Bodies.ClaimsPart> localClaims(String rawStatus) {
        return withStatus(rawStatus, status -> Routing.guarded(() -> {
            ListGathering.Part<Bodies.Claim> part = gathering.localPart(CLAIM_STORE,
                    (reads, store) -> claimsIn(reads, status));
            return new QueryResult.Found<>(new Bodies.ClaimsPart(sorted(part.items()), part.partitions()));
        }));
    }

    /** {@code /api/parties/{party}/contested-claims}: CONTESTED, the party's position not RETRACTS, by claimId. */
    public QueryResult<Bodies.PartyClaims> contestedClaims(String rawParty, Asked asked) {
        return PartyDirectory.forParty(rawParty, party -> routing.at(StoreNames.PARTY_CLAIMS, party, asked, reads -> {
            List<ClaimView> views = reads.withPrefix(StoreNames.PARTY_CLAIMS, party);
            if (views.isEmpty() && !directory.knownIn(StoreNames.STANCES, party)) {
                return PartyDirectory.unknownParty(party);
            }
            List<Bodies.Claim> contested = views.stream()
                    .filter(v -> v.getStatus() == ClaimStatus.CONTESTED)
                    .filter(v -> v.getPositions().stream()
                            .anyMatch(p -> p.getParty().equals(party) && p.getPosition() != Position.RETRACTS))
                    .map(ViewBodies::claim)
                    .sorted((a, b) -> ViewBodies.CODE_POINT_ORDER.compare(a.claimId(), b.claimId()))
                    .toList();
            return new QueryResult.Found<>(new Bodies.PartyClaims(party, contested));
        }));
    }

    private static List<Bodies.Claim> claimsIn(LocalReads reads, Optional<ClaimStatus> status) {
        List<Bodies.Claim> claims = new ArrayList<>();
        reads.forEach(StoreNames.CLAIMS, (String key, ClaimView view) -> {
            if (status.isEmpty() || status.get() == view.getStatus()) {
                claims.add(ViewBodies.claim(view));
            }
        });
        return claims;
    }

    private static List<Bodies.Claim> sorted(List<Bodies.Claim> claims) {
        return claims.stream().sorted((a, b) -> ViewBodies.CODE_POINT_ORDER.compare(a.claimId(), b.claimId()))
                .toList();
    }

    private static <T> QueryResult<T> withStatus(String rawStatus,
                                                 Function<Optional<ClaimStatus>, QueryResult<T>> query) {
        if (rawStatus == null) {
            return query.apply(Optional.empty());
        }
        for (ClaimStatus status : ClaimStatus.values()) {
            if (status.name().equals(rawStatus.toUpperCase(Locale.ROOT))) {
                return query.apply(Optional.of(status));
            }
        }
        return new QueryResult.Invalid<>("status must be one of " + Arrays.toString(ClaimStatus.values())
                + ", not '" + rawStatus + "'");
    }
}
