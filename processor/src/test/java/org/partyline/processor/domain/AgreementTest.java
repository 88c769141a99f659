package org.partyline.processor.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partyline.schema.Stance.LEAN_OPPOSE;
import static org.partyline.schema.Stance.LEAN_SUPPORT;
import static org.partyline.schema.Stance.NEUTRAL;
import static org.partyline.schema.Stance.OPPOSE;
import static org.partyline.schema.Stance.SUPPORT;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgreementTest {

    @Test
    void shouldCountSharedTopicsSameSidesAndTheMeanDistance() {
        List<Agreement.Row> rows = Agreement.between("UA",
                Map.of("nato", SUPPORT, "peace-plan", LEAN_OPPOSE, "talks", SUPPORT),
                Map.of("RU", Map.of("nato", OPPOSE, "peace-plan", LEAN_OPPOSE, "talks", NEUTRAL)));

        // |2 - -2| + |-1 - -1| + |2 - 0| = 6 over 3 topics; only peace-plan on the same side
        assertEquals(List.of(new Agreement.Row("RU", 3, 1, 2.0)), rows);
    }

    @Test
    void shouldAgreeOnNeutralAgainstNeutralButNotAgainstALean() {
        List<Agreement.Row> rows = Agreement.between("UA", Map.of("nato", NEUTRAL),
                Map.of("EU", Map.of("nato", NEUTRAL), "US", Map.of("nato", LEAN_SUPPORT),
                        "RU", Map.of("nato", LEAN_OPPOSE)));

        assertEquals(List.of(new Agreement.Row("EU", 1, 1, 0.0), new Agreement.Row("RU", 1, 0, 1.0),
                new Agreement.Row("US", 1, 0, 1.0)), rows);
    }

    @Test
    void shouldLeaveOutItselfAndPartiesWithNoSharedTopic() {
        List<Agreement.Row> rows = Agreement.between("UA", Map.of("nato", SUPPORT),
                Map.of("UA", Map.of("nato", SUPPORT), "US", Map.of("tariffs", SUPPORT)));

        assertEquals(List.of(), rows);
    }

    @Test
    void shouldGiveAFractionalMeanDistance() {
        List<Agreement.Row> rows = Agreement.rows(Map.of("US", List.of(new Agreement.Pair(SUPPORT, LEAN_SUPPORT),
                new Agreement.Pair(OPPOSE, OPPOSE), new Agreement.Pair(NEUTRAL, NEUTRAL))));

        assertEquals(1, rows.size());
        assertEquals(1.0 / 3, rows.get(0).distance(), 1e-12);
        assertEquals(3, rows.get(0).agree());
    }

    @Test
    void shouldSortByPartyInCodePointOrder() {
        List<Agreement.Row> rows = Agreement.rows(Map.of(
                "b", List.of(new Agreement.Pair(SUPPORT, SUPPORT)),
                "B", List.of(new Agreement.Pair(SUPPORT, SUPPORT)),
                "A1", List.of(new Agreement.Pair(SUPPORT, SUPPORT)),
                "A", List.of(new Agreement.Pair(SUPPORT, SUPPORT))));

        assertEquals(List.of("A", "A1", "B", "b"), rows.stream().map(Agreement.Row::party).toList());
    }
}
