package org.partyline.processor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partyline.processor.domain.Events.at;
import static org.partyline.processor.domain.Events.claim;
import static org.partyline.processor.domain.Events.statement;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partyline.processor.streams.StoreNames;
import org.partyline.schema.Position;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;

/**
 * Pages (CONTRACT section 8) of the stance lists, through the query layer over the stores the production topology
 * wrote in a TopologyTestDriver: following {@code next} with small pages gives every item of the one-page answer
 * once and in order, now and as of instants, and each page reads about what it returns. The data: 160 statements of
 * parties whose names start with one another ({@code R}, {@code RU}, {@code RUS}, {@code U}, {@code UA}) on topics
 * that do too ({@code a}, {@code a-b}, {@code ab}, {@code b}), with tied times, eventIds that start with one another
 * and arrival out of time order, so that cursors must compare part by part.
 */
class StancePagesTest {
    private static final List<String> PARTIES = List.of("R", "RU", "RUS", "U", "UA");
    private static final List<String> TOPICS = List.of("a", "a-b", "ab", "b");
    private static final List<Instant> INSTANTS = List.of(at(0), at(3), at(10), at(20), at(40));
    private static final int FULL = PageRequest.MAX_LIMIT;

    @TempDir
    Path stateDir;
    private DriverStores stores;
    private StanceQueries stances;
    private AgreementQueries agreement;
    private PartyDirectory directory;

    @BeforeEach
    void start() {
        stores = new DriverStores(stateDir);
        stores.publish(events(160, 7).toArray(Statement[]::new));
        stores.publish(claim("de-1", "DE", "pokrovsk-captured", Position.ASSERTS, at(1), "Pokrovsk captured"));
        FakeLocator locator = FakeLocator.alone();
        Peers none = UnreachablePeers.alone();
        directory = new PartyDirectory(stores, locator, none);
        StanceGathering gathering = new StanceGathering(stores, locator, none);
        stances = new StanceQueries(stores, locator, directory, gathering);
        agreement = new AgreementQueries(stores, locator, directory, gathering);
    }

    @AfterEach
    void stop() {
        stores.close();
    }

    /** Statements at whole or half hours from 0 to 30 (many ties), in a shuffled arrival order. */
    private static List<Statement> events(int count, long seed) {
        Random random = new Random(seed);
        List<Statement> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // ids "e1", "e10", "e100" start with one another
            events.add(statement("e" + i, PARTIES.get(random.nextInt(PARTIES.size())),
                    TOPICS.get(random.nextInt(TOPICS.size())), Stance.values()[random.nextInt(5)],
                    at(0).plusSeconds(1800L * random.nextInt(60))));
        }
        java.util.Collections.shuffle(events, random);
        return events;
    }

    private static <T> T found(QueryResult<T> result) {
        @SuppressWarnings("unchecked")
        T body = (T) assertInstanceOf(QueryResult.Found.class, result, () -> String.valueOf(result)).body();
        return body;
    }

    private static PageRequest page(int limit, String after, int arity) {
        return new PageRequest(limit, Optional.ofNullable(after).map(a -> Cursor.decode(a, arity).orElseThrow()));
    }

    /**
     * Every page of one walk with pages of {@code limit}: each but the last is full ({@code items} null: not checked)
     * and has a {@code next}, the last has none.
     */
    private static <B> List<B> walk(int limit, int arity, Function<PageRequest, QueryResult<B>> query,
                                    Function<B, String> next, Function<B, List<?>> items) {
        return walk(limit, arity, null, query, next, items);
    }

    /** The pages of a walk that starts after {@code start} (null: at the first item). */
    private static <B> List<B> walk(int limit, int arity, String start, Function<PageRequest, QueryResult<B>> query,
                                    Function<B, String> next, Function<B, List<?>> items) {
        List<B> pages = new ArrayList<>();
        String after = start;
        do {
            B body = found(query.apply(page(limit, after, arity)));
            pages.add(body);
            after = next.apply(body);
            if (after != null && items != null) {
                assertEquals(limit, items.apply(body).size(), "a page with a next is full");
            }
            assertTrue(pages.size() < 1000, "the walk does not end");
        } while (after != null);
        return pages;
    }

    private static <B, T> List<T> joined(List<B> pages, Function<B, List<T>> items) {
        return pages.stream().flatMap(p -> items.apply(p).stream()).toList();
    }

    private static String asOf(Instant t) {
        return t == null ? null : t.toString();
    }

    private static List<Instant> nowAndInstants() {
        List<Instant> all = new ArrayList<>(Arrays.asList((Instant) null));
        all.addAll(INSTANTS);
        return all;
    }

    @Test
    void shouldWalkEveryListOfAPartyWithSmallPagesAsOnePage() {
        int lists = 0;
        for (Instant t : nowAndInstants()) {
            for (String party : PARTIES) {
                for (int limit = 1; limit <= 3; limit++) {
                    Bodies.PartyStances whole = found(stances.partyStances(party, asOf(t), page(FULL, null, 1),
                            Asked.CLIENT));
                    assertNull(whole.next());
                    assertEquals(whole.stances(), joined(walk(limit, StanceQueries.STANCES_ARITY,
                            p -> stances.partyStances(party, asOf(t), p, Asked.CLIENT), Bodies.PartyStances::next,
                            Bodies.PartyStances::stances), Bodies.PartyStances::stances), party + " " + t);

                    Bodies.PartyChanges changes = found(stances.partyChanges(party, asOf(t), page(FULL, null, 3),
                            Asked.CLIENT));
                    assertEquals(changes.changes(), joined(walk(limit, StanceQueries.CHANGES_ARITY,
                            p -> stances.partyChanges(party, asOf(t), p, Asked.CLIENT), Bodies.PartyChanges::next,
                            Bodies.PartyChanges::changes), Bodies.PartyChanges::changes), party + " " + t);

                    Bodies.PartyAgreement rows = found(agreement.agreement(party, asOf(t), page(FULL, null, 1),
                            Asked.CLIENT));
                    assertEquals(rows.agreement(), joined(walk(limit, AgreementQueries.ARITY,
                            p -> agreement.agreement(party, asOf(t), p, Asked.CLIENT), Bodies.PartyAgreement::next,
                            Bodies.PartyAgreement::agreement), Bodies.PartyAgreement::agreement), party + " " + t);
                    lists += whole.stances().size() + changes.changes().size() + rows.agreement().size();
                }
            }
        }
        assertTrue(lists > 300, "the walks cover real lists: " + lists);
    }

    @Test
    void shouldWalkTheStancesOnATopicWithSmallPagesAsOnePage() {
        for (Instant t : nowAndInstants()) {
            for (String topic : TOPICS) {
                Bodies.TopicStances whole = found(stances.topicStances(topic, asOf(t), page(FULL, null, 1),
                        Asked.CLIENT));
                for (int limit = 1; limit <= 3; limit++) {
                    assertEquals(whole.stances(), joined(walk(limit, StanceQueries.TOPIC_STANCES_ARITY,
                            p -> stances.topicStances(topic, asOf(t), p, Asked.CLIENT), Bodies.TopicStances::next,
                            Bodies.TopicStances::stances), Bodies.TopicStances::stances), topic + " " + t);
                }
            }
        }
    }

    @Test
    void shouldPageAHistoryWithTheChangesOfEachPagesStatements() {
        for (Instant t : nowAndInstants()) {
            for (String party : PARTIES) {
                for (String topic : TOPICS) {
                    QueryResult<Bodies.PartyTopic> one = stances.partyTopic(party, topic, asOf(t),
                            page(FULL, null, 2), Asked.CLIENT);
                    if (one instanceof QueryResult.NotFound) {
                        continue;
                    }
                    Bodies.PartyTopic whole = found(one);
                    for (int limit = 1; limit <= 3; limit++) {
                        List<Bodies.PartyTopic> pages = walk(limit, StanceQueries.HISTORY_ARITY,
                                p -> stances.partyTopic(party, topic, asOf(t), p, Asked.CLIENT),
                                Bodies.PartyTopic::next, Bodies.PartyTopic::history);
                        String where = party + " " + topic + " " + t + " by " + limit;
                        assertEquals(whole.history(), joined(pages, Bodies.PartyTopic::history), where);
                        assertEquals(whole.changes(), joined(pages, Bodies.PartyTopic::changes), where);
                        for (Bodies.PartyTopic p : pages) {
                            assertEquals(whole.stance(), p.stance(), where);
                            assertEquals(whole.since(), p.since(), where);
                            List<String> ids = p.history().stream().map(Bodies.Statement::eventId).toList();
                            assertTrue(p.changes().stream().allMatch(c -> ids.contains(c.eventId())), where);
                        }
                    }
                }
            }
        }
    }

    @Test
    void shouldPageThePartiesAndFilterThemByPrefix() {
        List<String> all = List.of("DE", "R", "RU", "RUS", "U", "UA");
        assertEquals(all, found(directory.parties(null, page(FULL, null, 1))).parties());
        for (int limit = 1; limit <= 3; limit++) {
            assertEquals(all, joined(walk(limit, 1, p -> directory.parties(null, p), Bodies.Parties::next,
                    Bodies.Parties::parties), Bodies.Parties::parties));
            assertEquals(List.of("RU", "RUS"), joined(walk(limit, 1, p -> directory.parties(" ru", p),
                    Bodies.Parties::next, Bodies.Parties::parties), Bodies.Parties::parties));
        }
        assertEquals(List.of(), found(directory.parties("X", page(FULL, null, 1))).parties());
        assertInstanceOf(QueryResult.Invalid.class, directory.parties("R U", PageRequest.FIRST));
    }

    @Test
    void shouldShowChangesAddedAfterTheCursorOnLaterPagesAndNotThoseBefore() {
        Bodies.PartyChanges first = found(stances.partyChanges("RU", null, page(2, null, 3), Asked.CLIENT));
        Bodies.PartyChanges whole = found(stances.partyChanges("RU", null, page(FULL, null, 3), Asked.CLIENT));
        Bodies.Change last = first.changes().get(1);
        // Two new topics, each a change at its second statement: one before the cursor, one long after everything.
        stores.publish(statement("early-1", "RU", "early", Stance.SUPPORT, at(-10)),
                statement("early-2", "RU", "early", Stance.OPPOSE, at(-9)),
                statement("late-1", "RU", "late", Stance.SUPPORT, at(100)),
                statement("late-2", "RU", "late", Stance.OPPOSE, at(101)));

        List<Bodies.Change> rest = joined(walk(2, StanceQueries.CHANGES_ARITY, first.next(),
                        p -> stances.partyChanges("RU", null, p, Asked.CLIENT),
                        Bodies.PartyChanges::next, Bodies.PartyChanges::changes),
                Bodies.PartyChanges::changes);

        List<Bodies.Change> expected = new ArrayList<>(whole.changes().subList(2, whole.changes().size()));
        expected.add(new Bodies.Change("late", "SUPPORT", "OPPOSE", at(101).toString(), "late-2", -4, true));
        assertEquals(expected, rest);
        assertEquals("early", found(stances.partyChanges("RU", null, page(1, null, 3), Asked.CLIENT)).changes()
                .get(0).topic(), "the change before the cursor is there for a new walk");
        assertTrue(Instant.parse(last.occurredAt()).isAfter(at(-9)));
    }

    @Test
    void shouldReadAPageOfChangesWithOneSeekAtItsCursor() {
        List<Statement> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(statement("m" + (1000 + i), "BUSY", "t" + (i % 7), i % 2 == 0 ? Stance.SUPPORT : Stance.OPPOSE,
                    at(50).plusSeconds(60L * i)));
        }
        stores.publish(many.toArray(Statement[]::new));
        stores.entriesRead(StoreNames.PARTY_STANCE_CHANGES);

        Bodies.PartyChanges first = found(stances.partyChanges("BUSY", null, page(10, null, 3), Asked.CLIENT));
        assertEquals(11, stores.entriesRead(StoreNames.PARTY_STANCE_CHANGES), "the page and one more");
        Bodies.PartyChanges second = found(stances.partyChanges("BUSY", null, page(10, first.next(), 3),
                Asked.CLIENT));
        assertEquals(11, stores.entriesRead(StoreNames.PARTY_STANCE_CHANGES), "from the cursor on, not from the start");
        assertEquals("m1017", second.changes().get(0).eventId());

        Bodies.PartyTopic history = found(stances.partyTopic("BUSY", "t0", null, page(5, null, 2), Asked.CLIENT));
        stores.entriesRead(StoreNames.STANCE_HISTORY);
        found(stances.partyTopic("BUSY", "t0", null, page(5, history.next(), 2), Asked.CLIENT));
        assertEquals(6, stores.entriesRead(StoreNames.STANCE_HISTORY), "a page of history and one more");
    }

    @Test
    void shouldStopAPageOfLongQuotesEarlyToKeepItUnderAMebibyte() throws Exception {
        List<Statement> long_ = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Statement s = statement("q" + (100 + i), "QUOTED", "long", i % 3 == 0 ? Stance.SUPPORT : Stance.OPPOSE,
                    at(60).plusSeconds(60L * i));
            s.setQuote(("\u00e9\u4e2d" + i).repeat(3000).substring(0, 9_000));
            long_.add(s);
        }
        stores.publish(long_.toArray(Statement[]::new));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

        List<Bodies.PartyTopic> pages = walk(FULL, StanceQueries.HISTORY_ARITY, null,
                p -> stances.partyTopic("QUOTED", "long", null, p, Asked.CLIENT), Bodies.PartyTopic::next,
                null);
        assertTrue(pages.size() >= 4, "120 quotes of 9,000 characters take several pages: " + pages.size());
        for (Bodies.PartyTopic page : pages) {
            assertTrue(json.writeValueAsBytes(page).length < 1024 * 1024, "a page under 1 MiB");
        }
        assertEquals(long_.stream().map(Statement::getEventId).toList(),
                joined(pages, Bodies.PartyTopic::history).stream().map(Bodies.Statement::eventId).toList());
        assertEquals(79, joined(pages, Bodies.PartyTopic::changes).size());
    }

    @Test
    void shouldGiveAnEmptyLastPageAfterTheLastItemsCursor() {
        Bodies.PartyStances first = found(stances.partyStances("UA", null, page(1, null, 1), Asked.CLIENT));
        String lastTopic = found(stances.partyStances("UA", null, page(FULL, null, 1), Asked.CLIENT)).stances()
                .stream().reduce((a, b) -> b).orElseThrow().topic();
        Bodies.PartyStances after = found(stances.partyStances("UA", null,
                new PageRequest(5, Optional.of(Cursor.of(lastTopic))), Asked.CLIENT));
        assertEquals(new Bodies.PartyStances("UA", List.of(), null), after);
        assertTrue(first.next() != null);
        assertInstanceOf(QueryResult.NotFound.class, stances.partyStances("NOBODY", null,
                new PageRequest(5, Optional.of(Cursor.of("a"))), Asked.CLIENT));
    }
}
