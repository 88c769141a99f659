package org.partyline.processor.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partyline.processor.domain.Events.at;
import static org.partyline.processor.domain.Events.statement;
import static org.partyline.schema.Stance.LEAN_OPPOSE;
import static org.partyline.schema.Stance.NEUTRAL;
import static org.partyline.schema.Stance.OPPOSE;
import static org.partyline.schema.Stance.SUPPORT;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partyline.schema.Stance;
import org.partyline.schema.StanceChange;
import org.partyline.schema.Statement;
import org.partyline.schema.view.TopicStance;

class StanceFoldTest {
    private static final String PARTY = "RU";
    private static final String TOPIC = "ukraine-nato-membership";

    private final InMemoryStanceHistory history = new InMemoryStanceHistory();

    private static Statement s(String eventId, Stance stance, Instant at) {
        return statement(eventId, PARTY, TOPIC, stance, at);
    }

    /** A change with its size from {@link StanceScale} (pinned number by number in the shift tests below). */
    private static StanceChange change(Stance from, Stance to, Instant at, String eventId) {
        return StanceChange.newBuilder().setParty(PARTY).setTopic(TOPIC).setFrom(from).setTo(to)
                .setOccurredAt(at).setEventId(eventId)
                .setShift(StanceScale.shift(from, to)).setReversal(StanceScale.reversal(from, to)).build();
    }

    private static String size(StanceChange change) {
        return change.getFrom() + ">" + change.getTo() + " shift " + change.getShift() + " reversal "
                + change.getReversal();
    }

    private static TopicStance topicStance(Stance stance, Instant since) {
        return TopicStance.newBuilder().setParty(PARTY).setTopic(TOPIC).setStance(stance).setSince(since).build();
    }

    private StanceUpdate fold(Statement statement) {
        return StanceFold.apply(history, statement);
    }

    @Test
    void shouldStartWithTheFirstStatementAndPublishNoChange() {
        StanceUpdate update = fold(s("e1", OPPOSE, at(10)));

        assertEquals(OPPOSE, update.summary().getStance());
        assertEquals(at(10), update.summary().getSince());
        assertEquals(1L, update.summary().getStatements());
        assertEquals(Optional.empty(), update.currentChange());
        assertEquals(Optional.of(topicStance(OPPOSE, at(10))), update.topicStance());
    }

    @Test
    void shouldKeepSinceWhenTheLatestStatementRepeatsTheStance() {
        fold(s("e1", OPPOSE, at(10)));

        StanceUpdate update = fold(s("e2", OPPOSE, at(11)));

        assertEquals(at(10), update.summary().getSince());
        assertEquals(2L, update.summary().getStatements());
        assertEquals(Optional.empty(), update.currentChange());
        assertEquals(Optional.empty(), update.topicStance());
        assertEquals(List.of(), history.changes());
    }

    @Test
    void shouldPublishAChangeWhenTheLatestStatementChangesTheStance() {
        fold(s("e1", OPPOSE, at(10)));

        StanceUpdate update = fold(s("e2", NEUTRAL, at(11)));

        assertEquals(Optional.of(change(OPPOSE, NEUTRAL, at(11), "e2")), update.currentChange());
        assertEquals(Optional.of(topicStance(NEUTRAL, at(11))), update.topicStance());
        assertEquals(List.of(change(OPPOSE, NEUTRAL, at(11), "e2")), history.changes());
    }

    @Test
    void shouldPlaceALateStatementInThePastWithoutMovingTheCurrentStance() {
        fold(s("e1", OPPOSE, at(10)));
        fold(s("e3", OPPOSE, at(12)));

        StanceUpdate update = fold(s("e2", SUPPORT, at(11)));

        assertEquals(OPPOSE, update.summary().getStance());
        assertEquals(at(12), update.summary().getSince());
        assertEquals(3L, update.summary().getStatements());
        assertEquals(Optional.empty(), update.currentChange());
        assertEquals(Optional.of(topicStance(OPPOSE, at(12))), update.topicStance());
        assertEquals(List.of(change(OPPOSE, SUPPORT, at(11), "e2"), change(SUPPORT, OPPOSE, at(12), "e3")),
                history.changes());
        assertEquals(List.of("e1", "e2", "e3"),
                history.statements().stream().map(e -> e.getEventId()).toList());
    }

    @Test
    void shouldReplaceTheChangeBetweenNeighboursByTheLateStatementsChanges() {
        fold(s("e1", OPPOSE, at(10)));
        fold(s("e3", SUPPORT, at(12)));

        StanceUpdate update = fold(s("e2", NEUTRAL, at(11)));

        assertEquals(List.of(change(OPPOSE, NEUTRAL, at(11), "e2"), change(NEUTRAL, SUPPORT, at(12), "e3")),
                history.changes());
        assertEquals(SUPPORT, update.summary().getStance());
        assertEquals(at(12), update.summary().getSince());
        assertEquals(Optional.empty(), update.topicStance());
    }

    @Test
    void shouldExtendTheFinalRunBackwardsWhenALateStatementJoinsIt() {
        fold(s("e1", OPPOSE, at(10)));
        fold(s("e3", SUPPORT, at(12)));

        StanceUpdate update = fold(s("e2", SUPPORT, at(11)));

        assertEquals(at(11), update.summary().getSince());
        assertEquals(Optional.empty(), update.currentChange());
        assertEquals(Optional.of(topicStance(SUPPORT, at(11))), update.topicStance());
        assertEquals(List.of(change(OPPOSE, SUPPORT, at(11), "e2")), history.changes());
    }

    @Test
    void shouldBreakTiesInOccurredAtByEventId() {
        fold(s("b", OPPOSE, at(10)));

        StanceUpdate update = fold(s("a", SUPPORT, at(10)));

        assertEquals(OPPOSE, update.summary().getStance());
        assertEquals("b", update.summary().getLatestEventId());
        assertEquals(Optional.empty(), update.currentChange());
        assertEquals(List.of(change(SUPPORT, OPPOSE, at(10), "b")), history.changes());
    }

    @Test
    void shouldChangeNothingForAStatementAlreadyFoldedButOfferItsTopicStanceAgain() {
        fold(s("e1", OPPOSE, at(10)));
        StanceUpdate second = fold(s("e2", SUPPORT, at(11)));
        List<StanceChange> changes = history.changes();

        StanceUpdate update = fold(s("e2", SUPPORT, at(11)));

        assertEquals(second.summary(), update.summary());
        assertEquals(2L, update.summary().getStatements());
        assertEquals(Optional.empty(), update.currentChange());
        assertEquals(second.topicStance(), update.topicStance());
        assertFalse(update.folded());
        assertEquals(changes, history.changes());
    }

    @Test
    void shouldFoldIntoTheSummaryAStatementTheHistoryHoldsButTheSummaryDoesNot() {
        fold(s("e1", OPPOSE, at(10)));
        fold(s("e2", SUPPORT, at(12)));
        org.partyline.schema.view.StanceSummary before = history.summary().orElseThrow();
        StanceUpdate expected = fold(s("e3", OPPOSE, at(11)));
        history.forgetFromSummary(new EventPosition(at(11), "e3"), before);

        StanceUpdate update = fold(s("e3", OPPOSE, at(11)));

        assertTrue(update.folded());
        assertEquals(expected.summary(), update.summary());
        assertEquals(3L, update.summary().getStatements());
        assertEquals(List.of(change(OPPOSE, SUPPORT, at(12), "e2")), history.changes());
    }

    @Test
    void shouldRepairTheChangesNextToAStatementAlreadyFolded() {
        fold(s("e1", OPPOSE, at(10)));
        fold(s("e2", SUPPORT, at(12)));
        fold(s("e3", OPPOSE, at(11)));
        List<StanceChange> changes = history.changes();
        history.clearChanges();

        StanceUpdate update = fold(s("e3", OPPOSE, at(11)));

        assertFalse(update.folded());
        assertEquals(changes, history.changes());
    }

    @ParameterizedTest(name = "{0} -> {1}: shift {2}, reversal {3}")
    @CsvSource({
            "OPPOSE, LEAN_OPPOSE, 1, false",        // up, on the opposing side
            "LEAN_SUPPORT, SUPPORT, 1, false",      // up, on the supporting side
            "SUPPORT, LEAN_SUPPORT, -1, false",     // down
            "LEAN_OPPOSE, OPPOSE, -1, false",       // down
            "LEAN_OPPOSE, LEAN_SUPPORT, 2, true",   // crossing NEUTRAL upwards
            "LEAN_SUPPORT, OPPOSE, -3, true",       // crossing NEUTRAL downwards
            "SUPPORT, NEUTRAL, -2, false",          // to NEUTRAL
            "LEAN_OPPOSE, NEUTRAL, 1, false",       // to NEUTRAL
            "NEUTRAL, OPPOSE, -2, false",           // from NEUTRAL
            "NEUTRAL, LEAN_SUPPORT, 1, false",      // from NEUTRAL
            "SUPPORT, OPPOSE, -4, true",            // the lowest shift
            "OPPOSE, SUPPORT, 4, true"})            // the highest shift
    void shouldGiveEveryChangeItsShiftAndReversal(Stance from, Stance to, int shift, boolean reversal) {
        fold(s("e1", from, at(10)));

        StanceUpdate update = fold(s("e2", to, at(11)));

        String expected = from + ">" + to + " shift " + shift + " reversal " + reversal;
        assertEquals(expected, size(update.currentChange().orElseThrow()), "published on stance-changes");
        assertEquals(List.of(expected), history.changes().stream().map(StanceFoldTest::size).toList(), "stored");
    }

    @Test
    void shouldSizeBothChangesOfALateStatementThatSplitsAChange() {
        fold(s("e1", OPPOSE, at(10)));
        fold(s("e3", SUPPORT, at(12)));
        assertEquals(List.of("OPPOSE>SUPPORT shift 4 reversal true"),
                history.changes().stream().map(StanceFoldTest::size).toList());

        StanceUpdate update = fold(s("e2", NEUTRAL, at(11)));

        assertEquals(List.of("OPPOSE>NEUTRAL shift 2 reversal false", "NEUTRAL>SUPPORT shift 2 reversal false"),
                history.changes().stream().map(StanceFoldTest::size).toList());
        assertEquals(Optional.empty(), update.currentChange());
    }

    @Test
    void shouldSizeTheChangeOfALateStatementThatEndsARunFromItsOwnPrevious() {
        fold(s("e1", SUPPORT, at(10)));
        fold(s("e2", SUPPORT, at(12)));

        fold(s("e3", LEAN_OPPOSE, at(11)));

        assertEquals(List.of("SUPPORT>LEAN_OPPOSE shift -3 reversal true", "LEAN_OPPOSE>SUPPORT shift 3 reversal true"),
                history.changes().stream().map(StanceFoldTest::size).toList());
    }

    @Test
    void shouldRewriteAStoredChangeThatLacksItsSizeWhenItsStatementIsReplayed() {
        fold(s("e1", OPPOSE, at(10)));
        fold(s("e2", SUPPORT, at(11)));
        StanceChange stored = history.changes().get(0);
        history.putChange(StanceChange.newBuilder(stored).setShift(0).setReversal(false).build());

        fold(s("e2", SUPPORT, at(11)));

        assertEquals(List.of("OPPOSE>SUPPORT shift 4 reversal true"),
                history.changes().stream().map(StanceFoldTest::size).toList());
    }

    @Test
    void shouldCompareEventIdsByCodePointLikeTheStoreKeys() {
        assertTrue(new EventPosition(at(1), "\uFFFF").isBefore(new EventPosition(at(1), "\uD83D\uDE00")));
        assertTrue(new EventPosition(at(1), "a").isBefore(new EventPosition(at(1), "ab")));
        assertTrue(new EventPosition(at(1), "z").isBefore(new EventPosition(at(2), "a")));
    }

    @Test
    void shouldEndInTheSameViewWhateverTheArrivalOrder() {
        List<Statement> events = List.of(
                s("e1", OPPOSE, at(1)), s("e2", OPPOSE, at(2)), s("e3", SUPPORT, at(3)),
                s("e5", SUPPORT, at(4)), s("e4", SUPPORT, at(4)), s("e6", LEAN_OPPOSE, at(6)),
                s("e7", OPPOSE, at(7)));
        for (List<Statement> order : permutations(events)) {
            InMemoryStanceHistory h = new InMemoryStanceHistory();
            List<StanceChange> published = new ArrayList<>();
            order.forEach(e -> StanceFold.apply(h, e).currentChange().ifPresent(published::add));
            Reference expected = Reference.of(events);

            assertEquals(expected.changes(), h.changes(), () -> "changes after " + ids(order));
            assertEquals(expected.stance(), h.summary().orElseThrow().getStance(), () -> "stance after " + ids(order));
            assertEquals(expected.since(), h.summary().orElseThrow().getSince(), () -> "since after " + ids(order));
            assertEquals(7L, h.summary().orElseThrow().getStatements());
            assertEquals(expected.publishedInOrder(order), published, () -> "published after " + ids(order));
        }
    }

    private static List<String> ids(List<Statement> order) {
        return order.stream().map(Statement::getEventId).toList();
    }

    /** Recomputes the view from scratch: sort, then read neighbours (as oracle.py does). */
    private record Reference(List<StanceChange> changes, Stance stance, Instant since) {
        static Reference of(List<Statement> statements) {
            List<Statement> sorted = statements.stream().sorted(Comparator.comparing(EventPosition::of)).toList();
            List<StanceChange> changes = new ArrayList<>();
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i - 1).getStance() != sorted.get(i).getStance()) {
                    changes.add(change(sorted.get(i - 1).getStance(), sorted.get(i).getStance(),
                            sorted.get(i).getOccurredAt(), sorted.get(i).getEventId()));
                }
            }
            int i = sorted.size() - 1;
            while (i > 0 && sorted.get(i - 1).getStance() == sorted.get(sorted.size() - 1).getStance()) {
                i--;
            }
            return new Reference(changes, sorted.get(sorted.size() - 1).getStance(), sorted.get(i).getOccurredAt());
        }

        /** What stance-changes carries: each arrival that changes the current stance of the prefix seen so far. */
        List<StanceChange> publishedInOrder(List<Statement> order) {
            List<StanceChange> published = new ArrayList<>();
            for (int n = 2; n <= order.size(); n++) {
                Reference before = of(order.subList(0, n - 1));
                Reference after = of(order.subList(0, n));
                if (before.stance() != after.stance()) {
                    Statement cause = order.get(n - 1);
                    published.add(change(before.stance(), after.stance(), cause.getOccurredAt(), cause.getEventId()));
                }
            }
            return published;
        }
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T head = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> p = new ArrayList<>();
                p.add(head);
                p.addAll(tail);
                result.add(p);
            }
        }
        return result;
    }
}
