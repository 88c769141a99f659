package org.partyline.processor.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.partyline.processor.streams.StoreNames;
import org.partyline.producer.events.EventRules;
import org.partyline.schema.ClaimStatus;
import org.partyline.schema.Position;
import org.partyline.schema.view.ClaimView;

/** One claim, the claims by status across instances, and the contested claims of a party. */
public final class ClaimQueries {
    private final LocalReads reads;
    private final Routing routing;
    private final InstanceLocator locator;
    private final Peers peers;
    private final PartyDirectory directory;

    public ClaimQueries(StoreProvider stores, InstanceLocator locator, Peers peers, PartyDirectory directory) {
        this.reads = new LocalReads(stores);
        this.routing = new Routing(locator);
        this.locator = locator;
        this.peers = peers;
        this.directory = directory;
    }

    /** {@code /api/claims/{claimId}}: positions by party. */
    public QueryResult<Bodies.Claim> claim(String claimId, boolean forwarded) {
        if (!EventRules.isSlug(claimId)) {
            return new QueryResult.Invalid<>("'" + claimId + "' is not a claimId: expected [a-z0-9][a-z0-9-]{0,127}");
        }
        return routing.at(StoreNames.CLAIMS, claimId, forwarded, () -> {
            ClaimView view = reads.get(StoreNames.CLAIMS, claimId);
            return view == null ? new QueryResult.NotFound<>("unknown claim " + claimId)
                    : new QueryResult.Found<>(ViewBodies.claim(view));
        });
    }

    /** {@code /api/claims?status=S}: the claims of every instance, by claimId; {@code rawStatus} null for all. */
    public QueryResult<Bodies.Claims> claims(String rawStatus) {
        return withStatus(rawStatus, status -> Routing.guarded(() -> {
            TreeMap<String, Bodies.Claim> merged = new TreeMap<>(ViewBodies.CODE_POINT_ORDER);
            for (InstanceInfo info : Routing.holders(locator.instances(), List.of(StoreNames.CLAIMS))) {
                List<Bodies.Claim> part = info.self() ? localClaimList(status) : peers.claims(info.instance(), status);
                part.forEach(c -> merged.putIfAbsent(c.claimId(), c));
            }
            return new QueryResult.Found<>(new Bodies.Claims(List.copyOf(merged.values())));
        }));
    }

    /** Internal: the claims of this instance's local {@code claims} store, by claimId. */
    public QueryResult<Bodies.Claims> localClaims(String rawStatus) {
        return withStatus(rawStatus, status -> Routing.guarded(
                () -> new QueryResult.Found<>(new Bodies.Claims(localClaimList(status)))));
    }

    /** {@code /api/parties/{party}/contested-claims}: CONTESTED, the party's position not RETRACTS, by claimId. */
    public QueryResult<Bodies.PartyClaims> contestedClaims(String rawParty, boolean forwarded) {
        return PartyDirectory.forParty(rawParty, party -> routing.at(StoreNames.PARTY_CLAIMS, party, forwarded, () -> {
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

    private List<Bodies.Claim> localClaimList(Optional<ClaimStatus> status) {
        List<Bodies.Claim> claims = new ArrayList<>();
        reads.forEach(StoreNames.CLAIMS, (String key, ClaimView view) -> {
            if (status.isEmpty() || status.get() == view.getStatus()) {
                claims.add(ViewBodies.claim(view));
            }
        });
        claims.sort((a, b) -> ViewBodies.CODE_POINT_ORDER.compare(a.claimId(), b.claimId()));
        return claims;
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
