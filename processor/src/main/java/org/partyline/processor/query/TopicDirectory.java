package org.partyline.processor.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.partyline.events.EventRules;
import org.partyline.processor.streams.StoreKeys;
import org.partyline.processor.streams.StoreNames;

/**
 * Which topics exist ({@code /api/topics}, the dashboard's search): the distinct topics of {@code topic-stances}, page
 * by page in code point order (cursor: the topic), optionally only those that start with a prefix. A partition is
 * read with one seek per topic, past all of its parties, so a page costs what its topics are, not what the parties on
 * them are. Each other instance is asked once per page, for up to a page of its own topics after the cursor.
 */
public final class TopicDirectory {
    private static final List<String> STORES = List.of(StoreNames.TOPIC_STANCES);
    /** Above every character a topic may hold, so that {@code prefix + PAST} bounds the topics with that prefix. */
    private static final char PAST = '\uffff';

    private final ListGathering gathering;
    private final Peers peers;

    public TopicDirectory(StoreProvider stores, InstanceLocator locator, Peers peers) {
        this.gathering = new ListGathering(locator, stores);
        this.peers = peers;
    }

    /** {@code /api/topics?limit&after&prefix}: one page of the topics; unavailable when a partition is missing. */
    public QueryResult<ExtensionBodies.Topics> topics(String rawLimit, String rawAfter, String rawPrefix) {
        return withPrefix(rawPrefix, prefix -> PageRequest.with(rawLimit, rawAfter, 1, request ->
                Routing.guarded(() -> ListGathering.map(
                        gathering.gather(STORES, (reads, store) -> topicsIn(reads, request, prefix), peer ->
                                part(peers.topics(peer, request, prefix))),
                        all -> {
                            Page<String> page = Page.of(ListGathering.sortedDistinct(all), request, Cursor::of);
                            return new ExtensionBodies.Topics(page.items(), page.nextToken());
                        }))));
    }

    /**
     * Internal ({@code /internal/topics}): the first {@code limit + 1} topics after the cursor (with the prefix) of
     * this instance's up-to-date active partitions of {@code topic-stances}, and which partitions.
     */
    public QueryResult<ExtensionBodies.TopicsPart> localTopics(String rawLimit, String rawAfter, String rawPrefix) {
        return withPrefix(rawPrefix, prefix -> PageRequest.with(rawLimit, rawAfter, 1, request ->
                Routing.guarded(() -> {
                    ListGathering.Part<String> part = gathering.localPart(STORES,
                            (reads, store) -> topicsIn(reads, request, prefix));
                    List<String> topics = ListGathering.sortedDistinct(part.items());
                    return new QueryResult.Found<>(new ExtensionBodies.TopicsPart(
                            topics.subList(0, Math.min(topics.size(), request.limit() + 1)), part.partitions()));
                })));
    }

    private static ListGathering.Part<String> part(ExtensionBodies.TopicsPart part) {
        return new ListGathering.Part<>(part.topics(), part.partitions());
    }

    /**
     * Up to {@code limit + 1} topics of one partition after the cursor and with the prefix, in order: one more than
     * the page, so that the merged answer knows whether the list goes on.
     */
    private static List<String> topicsIn(LocalReads reads, PageRequest request, String prefix) {
        ReadOnlyKeyValueStore<String, Object> store = reads.open(StoreNames.TOPIC_STANCES);
        String from = prefix.isEmpty() ? null : prefix;
        if (request.after().isPresent()) {
            String past = StoreKeys.prefixEnd(request.after().get().part(0));
            from = from == null || ViewBodies.CODE_POINT_ORDER.compare(past, from) > 0 ? past : from;
        }
        String to = prefix.isEmpty() ? null : prefix + PAST;
        List<String> topics = new ArrayList<>();
        if (from != null && to != null && ViewBodies.CODE_POINT_ORDER.compare(from, to) > 0) {
            return topics;
        }
        while (topics.size() <= request.limit()) {
            try (KeyValueIterator<String, Object> it = store.range(from, to)) {
                if (!it.hasNext()) {
                    break;
                }
                String topic = StoreKeys.part(it.next().key, 0);
                topics.add(topic);
                from = StoreKeys.prefixEnd(topic);
            }
        }
        return topics;
    }

    /** Runs {@code query} with the prefix ("" when absent), or refuses one no topic can start with. */
    private static <T> QueryResult<T> withPrefix(String rawPrefix,
                                                 Function<String, QueryResult<T>> query) {
        String prefix = Optional.ofNullable(rawPrefix).orElse("");
        if (!prefix.isEmpty() && !EventRules.isSlug(prefix)) {
            return new QueryResult.Invalid<>("prefix must be the start of a topic ([a-z0-9][a-z0-9-]{0,127}), not '"
                    + rawPrefix + "'");
        }
        return query.apply(prefix);
    }
}
