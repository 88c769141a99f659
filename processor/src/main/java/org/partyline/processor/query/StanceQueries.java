package org.partyline.processor.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.partyline.processor.streams.StoreKeys;
import org.partyline.processor.streams.StoreNames;
import org.partyline.events.EventRules;
import org.partyline.schema.StanceChange;
import org.partyline.schema.view.StanceSummary;
import org.partyline.schema.view.StatementEntry;
import org.partyline.schema.view.TopicStance;

/**
 * Stances of a party, a party's history on a topic, a party's changes, and the stances on a topic: now, or as of an
 * instant (CONTRACT section 6.2; {@code rawAsOf} is the query parameter, null when absent), one page at a time
 * (section 8). What is unknown now is 404 whatever the instant; what is known now but had no event by then is left
 * out of lists. Each page is read with one seek at its cursor and a range scan that stops once the page is full (and,
 * as of an instant, at the instant); as-of stances are found with seeks ({@link StanceAsOfReads}); the topic view
 * gathers each party's stance as of an instant from the instance that holds the party ({@link StanceGathering}).
 */
public final class StanceQueries {
    /** Cursor parts of each list: a topic; a party; a statement (time, eventId); a change (time, eventId, topic). */
    public static final int STANCES_ARITY = 1;
    public static final int TOPIC_STANCES_ARITY = 1;
    public static final int HISTORY_ARITY = 2;
    public static final int CHANGES_ARITY = 3;

    private final Routing routing;
    private final PartyDirectory directory;
    private final StanceGathering gathering;

    public StanceQueries(StoreProvider stores, InstanceLocator locator, PartyDirectory directory,
                         StanceGathering gathering) {
        this.routing = new Routing(locator, stores);
        this.directory = directory;
        this.gathering = gathering;
    }

    /** {@code /api/parties/{party}/stances} now, first page. */
    public QueryResult<Bodies.PartyStances> partyStances(String rawParty, Asked asked) {
        return partyStances(rawParty, null, PageRequest.FIRST, asked);
    }

    /** {@code /api/parties/{party}/stances} as of an instant, first page. */
    public QueryResult<Bodies.PartyStances> partyStances(String rawParty, String rawAsOf, Asked asked) {
        return partyStances(rawParty, rawAsOf, PageRequest.FIRST, asked);
    }

    /**
     * {@code /api/parties/{party}/stances}, by topic. As of T: the topics with a statement by then, each found with
     * {@link StanceAsOfReads#stance} (no seek for a topic whose latest statement is at or before T). Cost: one seek
     * in {@code stances} at the cursor, then the page's summaries (as of T, also those of topics with nothing by T).
     */
    public QueryResult<Bodies.PartyStances> partyStances(String rawParty, String rawAsOf, PageRequest page,
                                                         Asked asked) {
        return AsOf.with(rawAsOf, asOf -> PartyDirectory.forParty(rawParty,
                party -> routing.at(StoreNames.STANCES, party, asked, reads -> {
                    StanceAsOfReads seeks = new StanceAsOfReads(reads);
                    String from = page.after().map(c -> StoreKeys.prefix(party, c.part(0)))
                            .orElse(StoreKeys.prefix(party));
                    List<Bodies.Stance> stances = reads.<StanceSummary, Bodies.Stance>scan(StoreNames.STANCES, from,
                            StoreKeys.prefixEnd(party), page.limit() + 1, summary -> asOf.instant()
                                    .map(t -> seeks.stance(summary, t).map(StanceQueries::stance))
                                    .orElseGet(() -> Optional.of(ViewBodies.stance(summary))));
                    if (stances.isEmpty() && !reads.hasPrefix(StoreNames.STANCES, party)
                            && !directory.knownIn(StoreNames.PARTY_CLAIMS, party)) {
                        return PartyDirectory.unknownParty(party);
                    }
                    Page<Bodies.Stance> p = Page.of(stances, page, s -> Cursor.of(s.topic()));
                    return new QueryResult.Found<>(new Bodies.PartyStances(party, p.items(), p.nextToken()));
                })));
    }

    /** {@code /api/parties/{party}/stances/{topic}} now, first page. */
    public QueryResult<Bodies.PartyTopic> partyTopic(String rawParty, String topic, Asked asked) {
        return partyTopic(rawParty, topic, null, PageRequest.FIRST, asked);
    }

    /** {@code /api/parties/{party}/stances/{topic}} as of an instant, first page. */
    public QueryResult<Bodies.PartyTopic> partyTopic(String rawParty, String topic, String rawAsOf, Asked asked) {
        return partyTopic(rawParty, topic, rawAsOf, PageRequest.FIRST, asked);
    }

    /**
     * {@code /api/parties/{party}/stances/{topic}}: the stance and since of the whole history (or as of T), one page
     * of the history in statement order (up to T), and the changes made by that page's statements (a change is stored
     * at its later statement). As of T with nothing by then: 200 with nulls and empty lists. Cost: one point read,
     * a range scan of the page's statements from its cursor, one of the changes over the same span, and as of T
     * {@link StanceAsOfReads#stanceSince}'s seeks.
     */
    public QueryResult<Bodies.PartyTopic> partyTopic(String rawParty, String topic, String rawAsOf, PageRequest page,
                                                     Asked asked) {
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
                    Optional<StanceAsOfReads.StanceSince> stance = asOf.instant()
                            .map(t -> new StanceAsOfReads(reads).stanceSince(summary, t))
                            .orElseGet(() -> Optional.of(new StanceAsOfReads.StanceSince(summary.getStance().name(),
                                    ViewBodies.time(summary.getSince()))));
                    if (stance.isEmpty()) {
                        return new QueryResult.Found<>(new Bodies.PartyTopic(party, topic, null, null, List.of(),
                                List.of(), null));
                    }
                    String from = page.after().map(c -> StoreKeys.prefix(party, topic, c.part(0), c.part(1)))
                            .orElse(StoreKeys.prefix(party, topic));
                    String to = asOf.instant().map(t -> StanceAsOfReads.upTo(party, topic, t))
                            .orElse(StoreKeys.prefixEnd(party, topic));
                    List<KeyValue<String, StatementEntry>> statements = reads.entries(StoreNames.STANCE_HISTORY,
                            from, to, page.limit() + 1, HISTORY_PAGE_CHARS, StanceQueries::textLength);
                    boolean more = statements.size() > page.limit()
                            || statements.size() > 1 && sum(statements) > HISTORY_PAGE_CHARS;
                    if (more) {
                        statements = statements.subList(0, statements.size() - 1);
                    }
                    List<StanceChange> changes = statements.isEmpty() ? List.of()
                            : reads.range(StoreNames.STANCE_CHANGE_HISTORY, from,
                                    more ? statements.get(statements.size() - 1).key : to);
                    String next = more ? historyCursor(statements.get(statements.size() - 1).value).encode() : null;
                    return new QueryResult.Found<>(new Bodies.PartyTopic(party, topic, stance.get().stance(),
                            stance.get().since(), statements.stream().map(kv -> ViewBodies.statement(kv.value)).toList(),
                            changes.stream().map(ViewBodies::change).toList(), next));
                })));
    }

    /** {@code /api/parties/{party}/changes} now, first page. */
    public QueryResult<Bodies.PartyChanges> partyChanges(String rawParty, Asked asked) {
        return partyChanges(rawParty, null, PageRequest.FIRST, asked);
    }

    /** {@code /api/parties/{party}/changes} as of an instant, first page. */
    public QueryResult<Bodies.PartyChanges> partyChanges(String rawParty, String rawAsOf, Asked asked) {
        return partyChanges(rawParty, rawAsOf, PageRequest.FIRST, asked);
    }

    /**
     * {@code /api/parties/{party}/changes}: across topics, by (occurredAt, eventId), from {@code party-stance-changes}
     * (keyed party, time, eventId, topic). Cost: one seek at the cursor, then the page's entries; as of T the scan
     * ends at T.
     */
    public QueryResult<Bodies.PartyChanges> partyChanges(String rawParty, String rawAsOf, PageRequest page,
                                                         Asked asked) {
        return AsOf.with(rawAsOf, asOf -> PartyDirectory.forParty(rawParty,
                party -> routing.at(StoreNames.PARTY_STANCE_CHANGES, party, asked, reads -> {
                    String from = page.after().map(c -> StoreKeys.prefix(party, c.part(0), c.part(1), c.part(2)))
                            .orElse(StoreKeys.prefix(party));
                    String to = asOf.instant().map(t -> StoreKeys.prefixEnd(party, StoreKeys.time(t)))
                            .orElse(StoreKeys.prefixEnd(party));
                    List<StanceChange> changes = reads.<StanceChange, StanceChange>scan(StoreNames.PARTY_STANCE_CHANGES, from, to,
                            page.limit() + 1, Optional::of);
                    if (changes.isEmpty() && !reads.hasPrefix(StoreNames.STANCES, party)
                            && !directory.knownIn(StoreNames.PARTY_CLAIMS, party)) {
                        return PartyDirectory.unknownParty(party);
                    }
                    Page<StanceChange> p = Page.of(changes, page, StanceQueries::changeCursor);
                    return new QueryResult.Found<>(new Bodies.PartyChanges(party,
                            p.items().stream().map(ViewBodies::change).toList(), p.nextToken()));
                })));
    }

    /** {@code /api/topics/{topic}/stances} now, first page. */
    public QueryResult<Bodies.TopicStances> topicStances(String topic, Asked asked) {
        return topicStances(topic, null, PageRequest.FIRST, asked);
    }

    /** {@code /api/topics/{topic}/stances} as of an instant, first page. */
    public QueryResult<Bodies.TopicStances> topicStances(String topic, String rawAsOf, Asked asked) {
        return topicStances(topic, rawAsOf, PageRequest.FIRST, asked);
    }

    /**
     * {@code /api/topics/{topic}/stances}, by party, from {@code topic-stances}: one seek at the cursor, then the
     * page's entries. As of T: the parties with a stance on the topic now, taken a page at a time from the cursor
     * (a party with a stance by T has one now), each one's stance as of T gathered from the instances that hold the
     * parties (one request per other instance per batch); parties with no statement by T are left out, and further
     * batches are read until the page is full or the topic's parties run out.
     */
    public QueryResult<Bodies.TopicStances> topicStances(String topic, String rawAsOf, PageRequest page,
                                                         Asked asked) {
        if (!EventRules.isSlug(topic)) {
            return invalidTopic(topic);
        }
        return AsOf.with(rawAsOf, asOf -> routing.at(StoreNames.TOPIC_STANCES, topic, asked, reads -> {
            if (!reads.hasPrefix(StoreNames.TOPIC_STANCES, topic)) {
                return new QueryResult.NotFound<>("unknown topic " + topic);
            }
            int wanted = page.limit() + 1;
            Optional<String> after = page.after().map(c -> c.part(0));
            List<Bodies.TopicStance> stances = new ArrayList<>();
            while (stances.size() < wanted) {
                List<TopicStance> now = reads.<TopicStance, TopicStance>scan(StoreNames.TOPIC_STANCES,
                        after.map(p -> StoreKeys.prefix(topic, p)).orElse(StoreKeys.prefix(topic)),
                        StoreKeys.prefixEnd(topic), wanted, Optional::of);
                if (asOf.isNow()) {
                    now.forEach(t -> stances.add(ViewBodies.topicStance(t)));
                    break;
                }
                gathering.stancesAt(now.stream().map(t -> new PartyTopic(t.getParty(), topic)).toList(),
                                asOf.instant().get(), true).stream()
                        .map(s -> new Bodies.TopicStance(s.party(), s.stance(), s.since()))
                        .sorted((a, b) -> ViewBodies.CODE_POINT_ORDER.compare(a.party(), b.party()))
                        .forEach(stances::add);
                if (now.size() < wanted) {
                    break;
                }
                after = Optional.of(now.get(now.size() - 1).getParty());
            }
            Page<Bodies.TopicStance> p = Page.of(stances, page, s -> Cursor.of(s.party()));
            return new QueryResult.Found<>(new Bodies.TopicStances(topic, p.items(), p.nextToken()));
        }));
    }

    /**
     * About how many characters of text a page of history may hold: statements carry quotes of up to 10,000
     * characters, so a page stops early (fewer than {@code limit} statements, with {@code next}) once its statements
     * hold this much, which keeps a body under 1 MiB even when every character takes three bytes of UTF-8.
     */
    static final int HISTORY_PAGE_CHARS = 256 * 1024;
    /** What a statement's body takes besides its texts: field names, stance, time, punctuation, its change. */
    private static final int STATEMENT_OVERHEAD_CHARS = 300;

    /** About how many characters a statement takes in a body. */
    static int textLength(StatementEntry e) {
        int length = STATEMENT_OVERHEAD_CHARS + e.getEventId().length() + length(e.getSpeaker()) + length(e.getQuote());
        if (e.getSource() != null) {
            length += length(e.getSource().getUrl()) + length(e.getSource().getOutlet())
                    + length(e.getSource().getTitle());
        }
        return length;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    private static long sum(List<KeyValue<String, StatementEntry>> statements) {
        return statements.stream().mapToLong(kv -> textLength(kv.value)).sum();
    }

    /** The cursor of a statement in its history: (time, eventId), as its store key ends. */
    static Cursor historyCursor(StatementEntry entry) {
        return Cursor.of(StoreKeys.time(entry.getOccurredAt()), entry.getEventId());
    }

    /** The cursor of a change in a party's changes: (time, eventId, topic), as its index key ends. */
    static Cursor changeCursor(StanceChange change) {
        return Cursor.of(StoreKeys.time(change.getOccurredAt()), change.getEventId(), change.getTopic());
    }

    private static Bodies.Stance stance(Bodies.StanceAt s) {
        return new Bodies.Stance(s.topic(), s.stance(), s.since(), s.statements());
    }

    static <T> QueryResult<T> invalidTopic(String topic) {
        return new QueryResult.Invalid<>("'" + topic + "' is not a topic: expected [a-z0-9][a-z0-9-]{0,127}");
    }
}
