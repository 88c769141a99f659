package org.partyline.processor.query;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.partyline.processor.streams.StoreKeys;
import org.partyline.processor.streams.StoreNames;
import org.partyline.events.EventRules;
import org.partyline.schema.ClaimStatus;
import org.partyline.schema.Position;
import org.partyline.schema.view.ClaimChange;
import org.partyline.schema.view.ClaimSummary;
import org.partyline.schema.view.PartyClaim;

/**
 * One claim (as of now or of an instant), the claims by status across instances, the contested claims of a party,
 * and a party's changes of position on claims; the lists page by page (CONTRACT section 8). A claim object is
 * assembled where the claim lives from its summary and one prefix scan of its positions ({@link ClaimReads}).
 */
public final class ClaimQueries {
    private static final List<String> CLAIM_STORE = List.of(StoreNames.CLAIMS);
    private final Routing routing;
    private final ListGathering gathering;
    private final ClaimFetch fetch;
    private final Peers peers;
    private final PartyDirectory directory;

    public ClaimQueries(StoreProvider stores, InstanceLocator locator, Peers peers, PartyDirectory directory) {
        this.routing = new Routing(locator, stores);
        this.gathering = new ListGathering(locator, stores);
        this.fetch = new ClaimFetch(locator, stores, peers);
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
            ClaimSummary summary = reads.get(StoreNames.CLAIMS, claimId);
            if (summary == null) {
                return new QueryResult.NotFound<>("unknown claim " + claimId);
            }
            return new QueryResult.Found<>(asOf.instant().map(t -> ClaimAsOf.claim(reads, summary, t))
                    .orElseGet(() -> ViewBodies.claim(summary, ClaimReads.positions(reads, claimId))));
        }));
    }

    /**
     * {@code /api/parties/{party}/claim-changes}: a page of the party's changes of position on every claim by
     * (occurredAt, eventId, claimId), the order of {@code party-claim-changes}' keys, which the cursor names; as of
     * {@code rawAsOf} ({@link AsOf}, null: now), those at or before it.
     */
    public QueryResult<Bodies.PartyClaimChanges> partyClaimChanges(String rawParty, String rawAsOf, String rawLimit,
                                                                   String rawAfter, Asked asked) {
        return AsOf.with(rawAsOf, asOf -> PageRequest.with(rawLimit, rawAfter, 3, page ->
                PartyDirectory.forParty(rawParty, party -> routing.at(StoreNames.PARTY_CLAIM_CHANGES, party, asked,
                reads -> {
                    String from = page.after().map(c -> StoreKeys.of(party, c.part(0), c.part(1), c.part(2))
                            + StoreKeys.SEP).orElse(StoreKeys.prefix(party));
                    String upTo = asOf.instant().map(t -> StoreKeys.prefixEnd(party, StoreKeys.time(t)))
                            .orElse(StoreKeys.prefixEnd(party));
                    List<ClaimChange> changes = from.compareTo(upTo) > 0 ? List.of()
                            : reads.<ClaimChange, ClaimChange>scan(StoreNames.PARTY_CLAIM_CHANGES, from, upTo,
                                    page.limit() + 1, Optional::of);
                    boolean more = changes.size() > page.limit();
                    changes = changes.subList(0, Math.min(changes.size(), page.limit()));
                    if (changes.isEmpty() && page.after().isEmpty()
                            && !reads.hasPrefix(StoreNames.PARTY_CLAIM_CHANGES, party)
                            && !directory.knownIn(StoreNames.PARTY_CLAIMS, party)
                            && !directory.knownIn(StoreNames.STANCES, party)) {
                        return PartyDirectory.unknownParty(party);
                    }
                    Page<ClaimChange> result = new PagePart<>(changes, more).page(ClaimQueries::changeCursor);
                    return new QueryResult.Found<>(new Bodies.PartyClaimChanges(party,
                            result.items().stream().map(ViewBodies::claimChange).toList(), result.nextToken()));
                }))));
    }

    private static Cursor changeCursor(ClaimChange c) {
        return Cursor.of(StoreKeys.time(c.getOccurredAt()), c.getEventId(), c.getClaimId());
    }

    /**
     * {@code /api/claims?status=S&prefix=P}: a page of the claims of every partition, by claimId; {@code rawStatus}
     * null for all, {@code rawPrefix} null for any claimId. Each instance answers its part of the page, this one
     * merges them; unavailable when a partition is missing.
     */
    public QueryResult<Bodies.Claims> claims(String rawStatus, String rawPrefix, String rawLimit, String rawAfter) {
        return withFilter(rawStatus, rawPrefix, (status, prefix) -> PageRequest.with(rawLimit, rawAfter, 1,
                page -> Routing.guarded(() -> ListGathering.map(
                        gathering.gather(CLAIM_STORE, (reads, store) -> List.of(partitionPage(reads, status, prefix,
                                page)), peer -> {
                                    Bodies.ClaimsPart part = peers.claims(peer, status, prefix, page);
                                    return new ListGathering.Part<>(List.of(new PagePart<>(part.claims(),
                                            part.more())), part.partitions());
                                }),
                        parts -> {
                            Page<Bodies.Claim> merged = PagePart.merge(parts, page.limit(), ClaimReads::cursor)
                                    .within(ClaimReads.POSITIONS_PER_PAGE, ClaimReads::weight)
                                    .page(ClaimReads::cursor);
                            return new Bodies.Claims(merged.items(), merged.nextToken());
                        }))));
    }

    /** Internal: this instance's part of a page of claims, from its up-to-date active partitions of {@code claims}. */
    public QueryResult<Bodies.ClaimsPart> localClaims(String rawStatus, String rawPrefix, String rawLimit,
                                                      String rawAfter) {
        return withFilter(rawStatus, rawPrefix, (status, prefix) -> PageRequest.with(rawLimit, rawAfter, 1,
                page -> Routing.guarded(() -> {
                    ListGathering.Part<PagePart<Bodies.Claim>> part = gathering.localPart(CLAIM_STORE,
                            (reads, store) -> List.of(partitionPage(reads, status, prefix, page)));
                    PagePart<Bodies.Claim> merged = PagePart.merge(part.items(), page.limit(), ClaimReads::cursor)
                            .within(ClaimReads.POSITIONS_PER_PAGE, ClaimReads::weight);
                    return new QueryResult.Found<>(new Bodies.ClaimsPart(merged.items(), merged.more(),
                            part.partitions()));
                })));
    }

    /**
     * Internal: the claims of {@code rawIds} (comma-separated claimIds) held in this instance's up-to-date active
     * partitions of {@code claims}, by claimId, cut short at a page's bound of positions.
     */
    public QueryResult<Bodies.ClaimsById> localClaimsById(String rawIds) {
        if (rawIds == null || rawIds.isBlank()) {
            return new QueryResult.Invalid<>("ids must list claimIds, comma-separated");
        }
        List<String> ids = Arrays.stream(rawIds.split(",")).distinct().sorted(ViewBodies.CODE_POINT_ORDER).toList();
        Optional<String> bad = ids.stream().filter(id -> !EventRules.isSlug(id)).findFirst();
        if (bad.isPresent()) {
            return new QueryResult.Invalid<>("'" + bad.get() + "' in ids is not a claimId");
        }
        return Routing.guarded(() -> {
            PagePart<Bodies.Claim> part = fetch.here(ids);
            return new QueryResult.Found<>(new Bodies.ClaimsById(part.items(), part.more()));
        });
    }

    /**
     * {@code /api/parties/{party}/contested-claims}: a page of the CONTESTED claims on which the party's position is
     * not RETRACTS, by claimId: their ids from the party's index ({@code party-claims}), then the claim objects from
     * the instances that hold them, one request per instance.
     */
    public QueryResult<Bodies.PartyClaims> contestedClaims(String rawParty, String rawLimit, String rawAfter,
                                                           Asked asked) {
        return PageRequest.with(rawLimit, rawAfter, 1, page -> PartyDirectory.forParty(rawParty,
                party -> routing.at(StoreNames.PARTY_CLAIMS, party, asked, reads -> {
                    String from = page.after().map(c -> StoreKeys.of(party, c.part(0)) + StoreKeys.SEP)
                            .orElse(StoreKeys.prefix(party));
                    List<String> ids = reads.<PartyClaim, String>scan(StoreNames.PARTY_CLAIMS, from,
                            StoreKeys.prefixEnd(party), page.limit() + 1, entry -> Optional.of(entry.getClaimId())
                                    .filter(id -> entry.getStatus() == ClaimStatus.CONTESTED
                                            && entry.getPosition() != Position.RETRACTS));
                    boolean more = ids.size() > page.limit();
                    ids = ids.subList(0, Math.min(ids.size(), page.limit()));
                    if (ids.isEmpty() && !reads.hasPrefix(StoreNames.PARTY_CLAIMS, party)
                            && !directory.knownIn(StoreNames.STANCES, party)) {
                        return PartyDirectory.unknownParty(party);
                    }
                    PagePart<Bodies.Claim> claims = fetch.fetch(ids);
                    Optional<Cursor> next = claims.more() ? Optional.of(ClaimReads.cursor(claims.items().get(
                            claims.items().size() - 1)))
                            : more ? Optional.of(Cursor.of(ids.get(ids.size() - 1))) : Optional.empty();
                    return new QueryResult.Found<>(new Bodies.PartyClaims(party, claims.items(),
                            new Page<>(claims.items(), next).nextToken()));
                })));
    }

    /** The partition's part of a page of claims, filtered by status and claimId prefix. */
    private static PagePart<Bodies.Claim> partitionPage(LocalReads reads, Optional<ClaimStatus> status,
                                                        String prefix, PageRequest page) {
        Predicate<ClaimSummary> admit = status.<Predicate<ClaimSummary>>map(s -> c -> c.getStatus() == s)
                .orElse(c -> true);
        return ClaimReads.page(reads, prefix, admit, page);
    }

    /** Runs {@code query} with the parsed status (empty: any) and claimId prefix (empty: any). */
    private static <T> QueryResult<T> withFilter(String rawStatus, String rawPrefix,
                                                 BiFunction<Optional<ClaimStatus>, String, QueryResult<T>> query) {
        String prefix = rawPrefix == null ? "" : rawPrefix.trim().toLowerCase(Locale.ROOT);
        if (!prefix.isEmpty() && !prefix.matches("[a-z0-9-]{1,128}")) {
            return new QueryResult.Invalid<>("prefix must be the start of a claimId ([a-z0-9-]), not '" + rawPrefix
                    + "'");
        }
        if (rawStatus == null) {
            return query.apply(Optional.empty(), prefix);
        }
        for (ClaimStatus status : ClaimStatus.values()) {
            if (status.name().equals(rawStatus.toUpperCase(Locale.ROOT))) {
                return query.apply(Optional.of(status), prefix);
            }
        }
        return new QueryResult.Invalid<>("status must be one of " + Arrays.toString(ClaimStatus.values())
                + ", not '" + rawStatus + "'");
    }
}
