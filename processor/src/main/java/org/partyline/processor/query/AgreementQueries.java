package org.partyline.processor.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.partyline.processor.domain.Agreement;
import org.partyline.processor.streams.StoreNames;
import org.partyline.schema.Stance;
import org.partyline.schema.view.StanceSummary;

/**
 * {@code /api/parties/{party}/agreement} (CONTRACT section 6.5), now or as of an instant (section 6.2), one page of
 * other parties at a time (section 8). The rule is {@link Agreement}; this class finds its data, which lives in three
 * kinds of partition:
 * <ol>
 *   <li>the party's own stances (now, or as of T with {@link StanceAsOfReads#stanceOnly}: one reverse seek per
 *       topic whose latest statement is after T): its {@code stances} partition,
 *       where the query runs (forwarded there when another instance holds it); K topics;</li>
 *   <li>the stances on those K topics of the first parties after the page's cursor, in party order:
 *       {@code topic-stances}, partitioned by topic, read with one seek per topic and merged by party
 *       ({@link FirstParties}), one request per other instance holding some of the topics. Now, that is the whole
 *       answer: a page of N rows reads about N parties' entries, not every party on the topics;</li>
 *   <li>as of T only: the stance as of T of each of those (party, shared topic) pairs that step 2 found (a stance
 *       by T is a stance now), from each party's {@code stances} partition: one request per other instance holding
 *       some of those parties, and there per pair one point read plus, when T is before its latest statement, one
 *       reverse seek ({@link StanceGathering#stancesAt} without {@code since}). Parties with no shared stance by T
 *       give no row, so further batches of parties are read until the page is full. So a page as of T costs about
 *       one seek per (party of the page, topic it shares with the party now): the one part that grows with how
 *       many topics the parties share.</li>
 * </ol>
 */
public final class AgreementQueries {
    /** Cursor parts of the list: the other party. */
    public static final int ARITY = 1;

    private final Routing routing;
    private final PartyDirectory directory;
    private final StanceGathering gathering;

    public AgreementQueries(StoreProvider stores, InstanceLocator locator, PartyDirectory directory,
                            StanceGathering gathering) {
        this.routing = new Routing(locator, stores);
        this.directory = directory;
        this.gathering = gathering;
    }

    /** The first page of the party's agreement. */
    public QueryResult<Bodies.PartyAgreement> agreement(String rawParty, String rawAsOf, Asked asked) {
        return agreement(rawParty, rawAsOf, PageRequest.FIRST, asked);
    }

    /** One page of the party's agreement with every other party sharing a topic with it, by party; unknown 404. */
    public QueryResult<Bodies.PartyAgreement> agreement(String rawParty, String rawAsOf, PageRequest page,
                                                        Asked asked) {
        return AsOf.with(rawAsOf, asOf -> PartyDirectory.forParty(rawParty,
                party -> routing.at(StoreNames.STANCES, party, asked, reads -> {
                    List<StanceSummary> summaries = reads.withPrefix(StoreNames.STANCES, party);
                    if (summaries.isEmpty() && !directory.knownIn(StoreNames.PARTY_CLAIMS, party)) {
                        return PartyDirectory.unknownParty(party);
                    }
                    Map<String, Stance> mine = mine(new StanceAsOfReads(reads), summaries, asOf.instant());
                    List<Agreement.Row> rows = mine.isEmpty() ? List.of() : rows(party, mine, asOf.instant(), page);
                    Page<Agreement.Row> p = Page.of(rows, page, r -> Cursor.of(r.party()));
                    return new QueryResult.Found<>(new Bodies.PartyAgreement(party, p.items().stream()
                            .map(r -> new Bodies.Agreement(r.party(), r.topics(), r.agree(), r.distance()))
                            .toList(), p.nextToken()));
                })));
    }

    /**
     * At least {@code limit + 1} rows after the page's cursor (fewer only when no more parties share a topic), by
     * party: batches of the next parties on the party's topics, {@code limit + 2} at a time (one of them may be the
     * party itself), until enough rows are found.
     */
    private List<Agreement.Row> rows(String party, Map<String, Stance> mine, Optional<Instant> asOf, PageRequest page) {
        int batch = page.limit() + 2;
        Optional<String> after = page.after().map(c -> c.part(0));
        List<Agreement.Row> rows = new ArrayList<>();
        while (rows.size() <= page.limit()) {
            List<Bodies.HeldTopicStance> now = gathering.topicStances(mine.keySet(), after, batch);
            List<String> parties = now.stream().map(Bodies.HeldTopicStance::party).distinct().toList();
            rows.addAll(Agreement.between(party, mine, others(party, mine, now, asOf)));
            if (parties.size() < batch) {
                break;
            }
            after = Optional.of(parties.get(parties.size() - 1));
        }
        return rows;
    }

    private static Map<String, Stance> mine(StanceAsOfReads seeks, List<StanceSummary> summaries,
                                            Optional<Instant> asOf) {
        Map<String, Stance> mine = new TreeMap<>();
        for (StanceSummary summary : summaries) {
            if (asOf.isEmpty()) {
                mine.put(summary.getTopic(), summary.getStance());
            } else {
                seeks.stanceOnly(summary, asOf.get()).ifPresent(s -> mine.put(summary.getTopic(), Stance.valueOf(s)));
            }
        }
        return mine;
    }

    /** The other parties' stances on the party's topics, now or as of T: party to topic to stance. */
    private Map<String, Map<String, Stance>> others(String party, Map<String, Stance> mine,
                                                    List<Bodies.HeldTopicStance> now, Optional<Instant> asOf) {
        Map<String, Map<String, Stance>> others = new TreeMap<>();
        List<Bodies.HeldTopicStance> theirs = now.stream().filter(s -> !s.party().equals(party)).toList();
        if (asOf.isEmpty()) {
            theirs.forEach(s -> others.computeIfAbsent(s.party(), p -> new TreeMap<>())
                    .put(s.topic(), Stance.valueOf(s.stance())));
            return others;
        }
        List<PartyTopic> pairs = theirs.stream().map(s -> new PartyTopic(s.party(), s.topic())).toList();
        for (Bodies.StanceAt s : gathering.stancesAt(pairs, asOf.get(), false)) {
            others.computeIfAbsent(s.party(), p -> new TreeMap<>()).put(s.topic(), Stance.valueOf(s.stance()));
        }
        return others;
    }
}
