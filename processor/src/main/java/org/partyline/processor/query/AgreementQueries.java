package org.partyline.processor.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.partyline.processor.domain.Agreement;
import org.partyline.processor.streams.StoreNames;
import org.partyline.schema.Stance;
import org.partyline.schema.view.StanceSummary;

/**
 * {@code /api/parties/{party}/agreement} (CONTRACT section 6.5), now or as of an instant (section 6.2). The rule is
 * {@link Agreement}; this class finds its data, which lives in three kinds of partition:
 * <ol>
 *   <li>the party's own stances (now, or as of T with {@link StanceAsOfReads#stance}): its {@code stances} partition,
 *       where the query runs (forwarded there when another instance holds it);</li>
 *   <li>for each of its K topics, the parties with a stance on it now: {@code topic-stances}, partitioned by topic,
 *       one prefix scan per topic, one request per other instance holding some of the topics. Now, that is the
 *       whole answer;</li>
 *   <li>as of T only: the stance as of T of each of those parties on the party's topics, from each party's
 *       {@code stances} partition: one request per other instance holding some of those parties, and there per
 *       (party, topic) one point read plus, when T is before its latest statement, two reverse seeks and a range scan
 *       of its statements up to T.</li>
 * </ol>
 * So a request costs at most two remote requests per other instance (one for step 3 as of T), whatever the number
 * of topics and parties; reads grow with K times the parties on those topics.
 */
public final class AgreementQueries {
    private final Routing routing;
    private final PartyDirectory directory;
    private final StanceGathering gathering;

    public AgreementQueries(StoreProvider stores, InstanceLocator locator, PartyDirectory directory,
                            StanceGathering gathering) {
        this.routing = new Routing(locator, stores);
        this.directory = directory;
        this.gathering = gathering;
    }

    /** The party's agreement with every other party sharing a topic with it, by party; unknown party 404. */
    public QueryResult<Bodies.PartyAgreement> agreement(String rawParty, String rawAsOf, Asked asked) {
        return AsOf.with(rawAsOf, asOf -> PartyDirectory.forParty(rawParty,
                party -> routing.at(StoreNames.STANCES, party, asked, reads -> {
                    List<StanceSummary> summaries = reads.withPrefix(StoreNames.STANCES, party);
                    if (summaries.isEmpty() && !directory.knownIn(StoreNames.PARTY_CLAIMS, party)) {
                        return PartyDirectory.unknownParty(party);
                    }
                    Map<String, Stance> mine = mine(new StanceAsOfReads(reads), summaries, asOf.instant());
                    List<Agreement.Row> rows = mine.isEmpty() ? List.of()
                            : Agreement.between(party, mine, others(party, mine, asOf.instant()));
                    return new QueryResult.Found<>(new Bodies.PartyAgreement(party, rows.stream()
                            .map(r -> new Bodies.Agreement(r.party(), r.topics(), r.agree(), r.distance()))
                            .toList()));
                })));
    }

    private static Map<String, Stance> mine(StanceAsOfReads seeks, List<StanceSummary> summaries,
                                            Optional<Instant> asOf) {
        Map<String, Stance> mine = new TreeMap<>();
        for (StanceSummary summary : summaries) {
            if (asOf.isEmpty()) {
                mine.put(summary.getTopic(), summary.getStance());
            } else {
                seeks.stance(summary, asOf.get()).ifPresent(s -> mine.put(s.topic(), Stance.valueOf(s.stance())));
            }
        }
        return mine;
    }

    /** The other parties' stances on the party's topics: party to topic to stance. */
    private Map<String, Map<String, Stance>> others(String party, Map<String, Stance> mine, Optional<Instant> asOf) {
        Map<String, Map<String, Stance>> others = new TreeMap<>();
        List<Bodies.HeldTopicStance> now = gathering.topicStances(mine.keySet()).stream()
                .filter(s -> !s.party().equals(party)).toList();
        if (asOf.isEmpty()) {
            now.forEach(s -> others.computeIfAbsent(s.party(), p -> new TreeMap<>())
                    .put(s.topic(), Stance.valueOf(s.stance())));
            return others;
        }
        List<String> parties = now.stream().map(Bodies.HeldTopicStance::party).distinct().toList();
        for (Bodies.StanceAt s : gathering.stancesAt(parties, mine.keySet(), asOf.get())) {
            others.computeIfAbsent(s.party(), p -> new TreeMap<>()).put(s.topic(), Stance.valueOf(s.stance()));
        }
        return others;
    }
}
