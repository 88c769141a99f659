package org.partyline.processor.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.partyline.processor.streams.StoreKeys;
import org.partyline.processor.streams.StoreNames;
import org.partyline.events.EventRules;
import org.partyline.schema.StanceChange;
import org.partyline.schema.view.StanceSummary;
import org.partyline.schema.view.StatementEntry;
import org.partyline.schema.view.TopicStance;

/**
 * Stances of a party, a party's history on a topic, a party's changes, and the stances on a topic: now, or as of an
 * instant (CONTRACT section 6.2; {@code rawAsOf} is the query parameter, null when absent). What is unknown now is
 * 404 whatever the instant; what is known now but had no event by then is left out of lists. As-of answers are read
 * with seeks ({@link StanceAsOfReads}); the topic view gathers each party's stance from the instance that holds the
 * party ({@link StanceGathering}).
 */
public final class StanceQueries {
    private final Routing routing;
    private final PartyDirectory directory;
    private final StanceGathering gathering;

    public StanceQueries(StoreProvider stores, InstanceLocator locator, PartyDirectory directory,
                         StanceGathering gathering) {
        this.routing = new Routing(locator, stores);
        this.directory = directory;
        this.gathering = gathering;
    }

    /** {@code /api/parties/{party}/stances} now. */
    public QueryResult<Bodies.PartyStances> partyStances(String rawParty, Asked asked) {
        return partyStances(rawParty, null, asked);
    }

    /**
     * {@code /api/parties/{party}/stances}, by topic. As of T: the topics with a statement by then, each found with
     * {@link StanceAsOfReads#stance} (no seek for a topic whose latest statement is at or before T).
     */
    public QueryResult<Bodies.PartyStances> partyStances(String rawParty, String rawAsOf, Asked asked) {
        return AsOf.with(rawAsOf, asOf -> PartyDirectory.forParty(rawParty,
                party -> routing.at(StoreNames.STANCES, party, asked, reads -> {
                    List<StanceSummary> summaries = reads.withPrefix(StoreNames.STANCES, party);
                    if (summaries.isEmpty() && !directory.knownIn(StoreNames.PARTY_CLAIMS, party)) {
                        return PartyDirectory.unknownParty(party);
                    }
                    List<Bodies.Stance> stances = new ArrayList<>();
                    StanceAsOfReads seeks = new StanceAsOfReads(reads);
                    for (StanceSummary summary : summaries) {
                        asOf.instant().map(t -> seeks.stance(summary, t).map(StanceQueries::stance))
                                .orElseGet(() -> Optional.of(ViewBodies.stance(summary)))
                                .ifPresent(stances::add);
                    }
                    stances.sort((a, b) -> ViewBodies.CODE_POINT_ORDER.compare(a.topic(), b.topic()));
                    return new QueryResult.Found<>(new Bodies.PartyStances(party, stances));
                })));
    }

    /** {@code /api/parties/{party}/stances/{topic}} now. */
    public QueryResult<Bodies.PartyTopic> partyTopic(String rawParty, String topic, Asked asked) {
        return partyTopic(rawParty, topic, null, asked);
    }

    /**
     * {@code /api/parties/{party}/stances/{topic}}: current stance, history and changes in statement order. As of T:
     * the history and changes up to T (two range scans, which the body lists anyway), the stance and since taken
     * from them; with nothing by then, 200 with nulls and empty lists.
     */
    public QueryResult<Bodies.PartyTopic> partyTopic(String rawParty, String topic, String rawAsOf, Asked asked) {
        if (!EventRules.isSlug(topic)) {
            return invalidTopic(topic);
        }
        return AsOf.with(rawAsOf, asOf -> PartyDirectory.forParty(rawParty,
                party -> routing.at(StoreNames.STANCES, party, asked, reads -> {
                    StanceSummary summary = reads.get(StoreNames.STANCES, StoreKeys.of(party, topic));
                    if (summary == null) {
                        boolean known = reads.hasPrefix(StoreNames.STANCES, party)
                                || directory.knownIn(StoreNames.PARTY_CLAIMS, party);
                        return new QueryResult.NotFound<>(known ? "party " + party + " has no statement on topic "
                                + topic : "unknown party " + party);
                    }
                    if (asOf.instant().isPresent()) {
                        Instant t = asOf.instant().get();
                        StanceAsOfReads seeks = new StanceAsOfReads(reads);
                        return new QueryResult.Found<>(StanceAsOfReads.partyTopic(party, topic,
                                seeks.history(party, topic, t), seeks.changes(party, topic, t)));
                    }
                    List<Bodies.Statement> history = reads.<StatementEntry>withPrefix(StoreNames.STANCE_HISTORY,
                            party, topic).stream().map(ViewBodies::statement).toList();
                    List<Bodies.Change> changes = reads.<StanceChange>withPrefix(StoreNames.STANCE_CHANGE_HISTORY,
                            party, topic).stream().map(ViewBodies::change).toList();
                    return new QueryResult.Found<>(new Bodies.PartyTopic(party, topic, summary.getStance().name(),
                            ViewBodies.time(summary.getSince()), history, changes));
                })));
    }

    /** {@code /api/parties/{party}/changes} now. */
    public QueryResult<Bodies.PartyChanges> partyChanges(String rawParty, Asked asked) {
        return partyChanges(rawParty, null, asked);
    }

    /**
     * {@code /api/parties/{party}/changes}: across topics, by (occurredAt, eventId). As of T: for each of the party's
     * topics (one prefix scan of {@code stances}), a range scan of its changes up to T.
     */
    public QueryResult<Bodies.PartyChanges> partyChanges(String rawParty, String rawAsOf, Asked asked) {
        return AsOf.with(rawAsOf, asOf -> PartyDirectory.forParty(rawParty,
                party -> routing.at(StoreNames.STANCE_CHANGE_HISTORY, party, asked, reads -> {
                    List<StanceChange> changes;
                    boolean hasStances;
                    if (asOf.instant().isPresent()) {
                        StanceAsOfReads seeks = new StanceAsOfReads(reads);
                        List<StanceSummary> summaries = reads.withPrefix(StoreNames.STANCES, party);
                        hasStances = !summaries.isEmpty();
                        changes = new ArrayList<>();
                        summaries.forEach(s -> changes.addAll(seeks.changes(party, s.getTopic(), asOf.instant().get())));
                    } else {
                        changes = reads.withPrefix(StoreNames.STANCE_CHANGE_HISTORY, party);
                        hasStances = !changes.isEmpty() || reads.hasPrefix(StoreNames.STANCES, party);
                    }
                    if (!hasStances && !directory.knownIn(StoreNames.PARTY_CLAIMS, party)) {
                        return PartyDirectory.unknownParty(party);
                    }
                    return new QueryResult.Found<>(new Bodies.PartyChanges(party, changes.stream()
                            .sorted(ViewBodies.CHANGE_ORDER).map(ViewBodies::change).toList()));
                })));
    }

    /** {@code /api/topics/{topic}/stances} now. */
    public QueryResult<Bodies.TopicStances> topicStances(String topic, Asked asked) {
        return topicStances(topic, null, asked);
    }

    /**
     * {@code /api/topics/{topic}/stances}, by party. As of T: the parties with a stance on the topic now (from
     * {@code topic-stances}; a party with a stance by T has one now), each one's stance as of T gathered from the
     * instances that hold the parties (one request per other instance); parties with no statement by T left out.
     */
    public QueryResult<Bodies.TopicStances> topicStances(String topic, String rawAsOf, Asked asked) {
        if (!EventRules.isSlug(topic)) {
            return invalidTopic(topic);
        }
        return AsOf.with(rawAsOf, asOf -> routing.at(StoreNames.TOPIC_STANCES, topic, asked, reads -> {
            List<TopicStance> now = reads.withPrefix(StoreNames.TOPIC_STANCES, topic);
            if (now.isEmpty()) {
                return new QueryResult.NotFound<>("unknown topic " + topic);
            }
            List<Bodies.TopicStance> stances = asOf.instant()
                    .map(t -> gathering.stancesAt(now.stream().map(TopicStance::getParty).toList(), List.of(topic), t)
                            .stream().map(s -> new Bodies.TopicStance(s.party(), s.stance(), s.since())).toList())
                    .orElseGet(() -> now.stream().map(ViewBodies::topicStance).toList());
            return new QueryResult.Found<>(new Bodies.TopicStances(topic, stances.stream()
                    .sorted((a, b) -> ViewBodies.CODE_POINT_ORDER.compare(a.party(), b.party())).toList()));
        }));
    }

    private static Bodies.Stance stance(Bodies.StanceAt s) {
        return new Bodies.Stance(s.topic(), s.stance(), s.since(), s.statements());
    }

    static <T> QueryResult<T> invalidTopic(String topic) {
        return new QueryResult.Invalid<>("'" + topic + "' is not a topic: expected [a-z0-9][a-z0-9-]{0,127}");
    }
}
