package org.partyline.processor.query;

import java.util.List;
import org.partyline.processor.streams.StoreKeys;
import org.partyline.processor.streams.StoreNames;
import org.partyline.producer.events.EventRules;
import org.partyline.schema.StanceChange;
import org.partyline.schema.view.StanceSummary;
import org.partyline.schema.view.StatementEntry;
import org.partyline.schema.view.TopicStance;

/** Stances of a party, a party's history on a topic, a party's changes, and the stances on a topic. */
public final class StanceQueries {
    private final Routing routing;
    private final PartyDirectory directory;

    public StanceQueries(StoreProvider stores, InstanceLocator locator, PartyDirectory directory) {
        this.routing = new Routing(locator, stores);
        this.directory = directory;
    }

    /** {@code /api/parties/{party}/stances}, by topic. */
    public QueryResult<Bodies.PartyStances> partyStances(String rawParty, Asked asked) {
        return PartyDirectory.forParty(rawParty, party -> routing.at(StoreNames.STANCES, party, asked, reads -> {
            List<Bodies.Stance> stances = reads.<StanceSummary>withPrefix(StoreNames.STANCES, party).stream()
                    .map(ViewBodies::stance)
                    .sorted((a, b) -> ViewBodies.CODE_POINT_ORDER.compare(a.topic(), b.topic()))
                    .toList();
            if (stances.isEmpty() && !directory.knownIn(StoreNames.PARTY_CLAIMS, party)) {
                return PartyDirectory.unknownParty(party);
            }
            return new QueryResult.Found<>(new Bodies.PartyStances(party, stances));
        }));
    }

    /** {@code /api/parties/{party}/stances/{topic}}: current stance, history and changes in statement order. */
    public QueryResult<Bodies.PartyTopic> partyTopic(String rawParty, String topic, Asked asked) {
        if (!EventRules.isSlug(topic)) {
            return invalidTopic(topic);
        }
        return PartyDirectory.forParty(rawParty, party -> routing.at(StoreNames.STANCES, party, asked, reads -> {
            StanceSummary summary = reads.get(StoreNames.STANCES, StoreKeys.of(party, topic));
            if (summary == null) {
                boolean known = reads.hasPrefix(StoreNames.STANCES, party) || directory.knownIn(StoreNames.PARTY_CLAIMS, party);
                return new QueryResult.NotFound<>(known ? "party " + party + " has no statement on topic " + topic
                        : "unknown party " + party);
            }
            List<Bodies.Statement> history = reads.<StatementEntry>withPrefix(StoreNames.STANCE_HISTORY, party, topic)
                    .stream().map(ViewBodies::statement).toList();
            List<Bodies.Change> changes = reads.<StanceChange>withPrefix(StoreNames.STANCE_CHANGE_HISTORY, party, topic)
                    .stream().map(ViewBodies::change).toList();
            return new QueryResult.Found<>(new Bodies.PartyTopic(party, topic, summary.getStance().name(),
                    ViewBodies.time(summary.getSince()), history, changes));
        }));
    }

    /** {@code /api/parties/{party}/changes}: across topics, by (occurredAt, eventId). */
    public QueryResult<Bodies.PartyChanges> partyChanges(String rawParty, Asked asked) {
        return PartyDirectory.forParty(rawParty, party -> routing.at(StoreNames.STANCE_CHANGE_HISTORY, party, asked, reads -> {
            List<Bodies.Change> changes = reads.<StanceChange>withPrefix(StoreNames.STANCE_CHANGE_HISTORY, party).stream()
                    .sorted(ViewBodies.CHANGE_ORDER)
                    .map(ViewBodies::change)
                    .toList();
            if (changes.isEmpty() && !reads.hasPrefix(StoreNames.STANCES, party)
                    && !directory.knownIn(StoreNames.PARTY_CLAIMS, party)) {
                return PartyDirectory.unknownParty(party);
            }
            return new QueryResult.Found<>(new Bodies.PartyChanges(party, changes));
        }));
    }

    /** {@code /api/topics/{topic}/stances}, by party. */
    public QueryResult<Bodies.TopicStances> topicStances(String topic, Asked asked) {
        if (!EventRules.isSlug(topic)) {
            return invalidTopic(topic);
        }
        return routing.at(StoreNames.TOPIC_STANCES, topic, asked, reads -> {
            List<Bodies.TopicStance> stances = reads.<TopicStance>withPrefix(StoreNames.TOPIC_STANCES, topic).stream()
                    .map(ViewBodies::topicStance)
                    .sorted((a, b) -> ViewBodies.CODE_POINT_ORDER.compare(a.party(), b.party()))
                    .toList();
            if (stances.isEmpty()) {
                return new QueryResult.NotFound<>("unknown topic " + topic);
            }
            return new QueryResult.Found<>(new Bodies.TopicStances(topic, stances));
        });
    }

    private static <T> QueryResult<T> invalidTopic(String topic) {
        return new QueryResult.Invalid<>("'" + topic + "' is not a topic: expected [a-z0-9][a-z0-9-]{0,127}");
    }
}
