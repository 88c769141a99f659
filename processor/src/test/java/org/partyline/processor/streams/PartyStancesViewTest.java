package org.partyline.processor.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partyline.processor.domain.Events.at;
import static org.partyline.processor.domain.Events.statement;
import static org.partyline.schema.Stance.NEUTRAL;
import static org.partyline.schema.Stance.OPPOSE;
import static org.partyline.schema.Stance.SUPPORT;

import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.partyline.processor.domain.EventPosition;
import org.partyline.schema.StanceChange;
import org.partyline.schema.view.StanceSummary;

/** The view of one party: its stance on each topic (store {@code stances}) and its changes across topics. */
class PartyStancesViewTest extends TopologyTestBase {

    @Test
    void shouldListThePartysStancesByTopic() {
        fixture.publish(statement("e1", "RU", "sanctions", OPPOSE, at(1)),
                statement("e2", "RU", "grain-deal", SUPPORT, at(2)),
                statement("e3", "UA", "sanctions", SUPPORT, at(3)),
                statement("e4", "RU", "sanctions", OPPOSE, at(4)));

        List<StanceSummary> stances = fixture.scan(StoreNames.STANCES, "RU");

        assertEquals(List.of("grain-deal", "sanctions"), stances.stream().map(StanceSummary::getTopic).toList());
        assertEquals(List.of(SUPPORT, OPPOSE), stances.stream().map(StanceSummary::getStance).toList());
        assertEquals(List.of(at(2), at(1)), stances.stream().map(StanceSummary::getSince).toList());
        assertEquals(List.of(1L, 2L), stances.stream().map(StanceSummary::getStatements).toList());
    }

    @Test
    void shouldGatherThePartysChangesAcrossTopicsInEventTimeOrder() {
        fixture.publish(statement("e1", "RU", "sanctions", OPPOSE, at(1)),
                statement("e2", "RU", "grain-deal", SUPPORT, at(2)),
                statement("e5", "RU", "grain-deal", NEUTRAL, at(5)),
                statement("e3", "RU", "sanctions", SUPPORT, at(3)),
                statement("e9", "UA", "sanctions", SUPPORT, at(1)),
                statement("e8", "UA", "sanctions", OPPOSE, at(4)));

        List<StanceChange> changes = fixture.<StanceChange>scan(StoreNames.STANCE_CHANGE_HISTORY, "RU").stream()
                .sorted(Comparator.comparing(c -> new EventPosition(c.getOccurredAt(), c.getEventId())))
                .toList();

        assertEquals(List.of("e3", "e5"), changes.stream().map(StanceChange::getEventId).toList());
        assertEquals(List.of("sanctions", "grain-deal"), changes.stream().map(StanceChange::getTopic).toList());
        // stance-changes follows arrival: e5 arrived before e3 and each changed the current stance of its topic
        assertEquals(List.of(KeyValue.pair("RU", "e5"), KeyValue.pair("RU", "e3"), KeyValue.pair("UA", "e8")),
                fixture.stanceChanges.readKeyValuesToList().stream()
                        .map(kv -> KeyValue.pair(kv.key, kv.value.getEventId())).toList());
    }

    @Test
    void shouldNormalizeThePartyOfTheEventLikeItsKey() {
        fixture.statements.pipeInput("RU", statement("e1", " ru ", "sanctions", OPPOSE, at(1)));

        assertEquals(List.of("RU"), fixture.<StanceSummary>scan(StoreNames.STANCES, "RU").stream()
                .map(StanceSummary::getParty).toList());
    }
}
