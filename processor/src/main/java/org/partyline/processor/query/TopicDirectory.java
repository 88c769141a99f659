package org.partyline.processor.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.partyline.events.EventRules;

/**
 * Which topics exist ({@code /api/topics}, the dashboard's search): every topic a statement named, page by page in
 * code point order (cursor: the topic), optionally only those that start with a prefix. The names come with the
 * count of {@link ActivityQueries}, which reads every (party, topic) summary once for both and keeps the result;
 * a page is then a binary search in the sorted names. (Seeking from topic to topic in {@code topic-stances} costs
 * a wide range read per topic, which the stores' record cache makes slow: seconds for a page of 100 topics.)
 */
public final class TopicDirectory {
    private final ActivityQueries activity;

    public TopicDirectory(ActivityQueries activity) {
        this.activity = activity;
    }

    /** {@code /api/topics?limit&after&prefix}: one page of the topics; unavailable when a partition is missing. */
    public QueryResult<ExtensionBodies.Topics> topics(String rawLimit, String rawAfter, String rawPrefix) {
        return withPrefix(rawPrefix, prefix -> PageRequest.with(rawLimit, rawAfter, 1, request ->
                ListGathering.map(activity.topicNames(), names -> {
                    Page<String> page = Page.of(from(names, request, prefix), request, Cursor::of);
                    return new ExtensionBodies.Topics(page.items(), page.nextToken());
                })));
    }

    /** Up to one more than the page of the sorted names: those after the cursor that start with the prefix. */
    private static List<String> from(List<String> names, PageRequest request, String prefix) {
        String start = prefix;
        if (request.after().isPresent() && ViewBodies.CODE_POINT_ORDER.compare(request.after().get().part(0), start) > 0) {
            start = request.after().get().part(0);
        }
        int at = Collections.binarySearch(names, start, ViewBodies.CODE_POINT_ORDER);
        List<String> found = new ArrayList<>();
        for (int i = at < 0 ? -at - 1 : at; i < names.size() && found.size() <= request.limit(); i++) {
            String name = names.get(i);
            if (!name.startsWith(prefix)) {
                break;
            }
            if (request.admits(Cursor.of(name))) {
                found.add(name);
            }
        }
        return found;
    }

    /** Runs {@code query} with the prefix ("" when absent), or refuses one no topic can start with. */
    private static <T> QueryResult<T> withPrefix(String rawPrefix, Function<String, QueryResult<T>> query) {
        String prefix = Optional.ofNullable(rawPrefix).orElse("");
        if (!prefix.isEmpty() && !EventRules.isSlug(prefix)) {
            return new QueryResult.Invalid<>("prefix must be the start of a topic ([a-z0-9][a-z0-9-]{0,127}), not '"
                    + rawPrefix + "'");
        }
        return query.apply(prefix);
    }
}
