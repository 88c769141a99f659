package org.partyline.processor.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partyline.processor.domain.Events.at;
import static org.partyline.processor.domain.Events.statement;
import static org.partyline.schema.Stance.NEUTRAL;
import static org.partyline.schema.Stance.OPPOSE;
import static org.partyline.schema.Stance.SUPPORT;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partyline.schema.Stance;
import org.partyline.schema.view.TopicStance;

/** The view of one topic: every party's current stance and since, re-keyed by topic (store {@code topic-stances}). */
class TopicStancesViewTest extends TopologyTestBase {
    private static final String SANCTIONS = "sanctions";

    private static TopicStance ts(String party, Stance stance, Instant since) {
        return TopicStance.newBuilder().setParty(party).setTopic(SANCTIONS).setStance(stance).setSince(since).build();
    }

    @Test
    void shouldListEveryPartysCurrentStanceByParty() {
        fixture.publish(statement("e1", "UA", SANCTIONS, SUPPORT, at(1)),
                statement("e2", "RU", SANCTIONS, OPPOSE, at(2)),
                statement("e3", "BY", SANCTIONS, NEUTRAL, at(3)),
                statement("e4", "RU", SANCTIONS, NEUTRAL, at(4)),
                statement("e5", "RU", "grain-deal", SUPPORT, at(5)));

        assertEquals(List.of(ts("BY", NEUTRAL, at(3)), ts("RU", NEUTRAL, at(4)), ts("UA", SUPPORT, at(1))),
                fixture.scan(StoreNames.TOPIC_STANCES, SANCTIONS));
    }

    @Test
    void shouldFollowSinceWhenALateStatementMovesIt() {
        fixture.publish(statement("e1", "RU", SANCTIONS, OPPOSE, at(1)),
                statement("e3", "RU", SANCTIONS, OPPOSE, at(3)));

        fixture.publish(statement("e2", "RU", SANCTIONS, SUPPORT, at(2)));

        assertEquals(List.of(ts("RU", OPPOSE, at(3))), fixture.scan(StoreNames.TOPIC_STANCES, SANCTIONS));
    }

    @Test
    void shouldKeepTheLatestStanceWhenStatementsArriveOutOfOrder() {
        fixture.publish(statement("e3", "RU", SANCTIONS, SUPPORT, at(3)),
                statement("e1", "RU", SANCTIONS, OPPOSE, at(1)),
                statement("e2", "RU", SANCTIONS, SUPPORT, at(2)));

        assertEquals(List.of(ts("RU", SUPPORT, at(2))), fixture.scan(StoreNames.TOPIC_STANCES, SANCTIONS));
    }
}
