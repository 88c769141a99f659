package org.partyline.processor.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.partyline.processor.streams.StoreKeys;
import org.partyline.processor.streams.StoreNames;
import org.partyline.schema.view.TopicStance;

/**
 * The current stances on some topics of the first parties after a cursor, in party order: what a page of a party's
 * agreement needs, read without reading every party on those topics. {@code topic-stances} is keyed
 * {@code topic, party}, so each topic's parties after the cursor are one range scan; the scans are merged by party
 * (a heap of K open iterators, one per topic) and stop once {@code max} parties are complete. Cost: one seek per
 * topic, then the entries of those parties (at most one per topic each).
 */
final class FirstParties {

    private FirstParties() {
    }

    /** One topic's scan, at its current entry. */
    private record Head(KeyValueIterator<String, TopicStance> rest, TopicStance at) {
    }

    /** Every stance on {@code topics} of the first {@code max} parties after {@code after} here, by party. */
    static List<Bodies.HeldTopicStance> read(LocalReads reads, Collection<String> topics, Optional<String> after,
                                             int max) {
        ReadOnlyKeyValueStore<String, TopicStance> store = reads.open(StoreNames.TOPIC_STANCES);
        PriorityQueue<Head> heads = new PriorityQueue<>(
                Comparator.comparing((Head h) -> h.at().getParty(), ViewBodies.CODE_POINT_ORDER));
        List<KeyValueIterator<String, TopicStance>> open = new ArrayList<>();
        try {
            for (String topic : topics) {
                KeyValueIterator<String, TopicStance> it = store.range(
                        after.map(p -> StoreKeys.prefix(topic, p)).orElse(StoreKeys.prefix(topic)),
                        StoreKeys.prefixEnd(topic));
                open.add(it);
                if (it.hasNext()) {
                    heads.add(new Head(it, it.next().value));
                }
            }
            List<Bodies.HeldTopicStance> found = new ArrayList<>();
            String party = null;
            int parties = 0;
            while (!heads.isEmpty()) {
                Head head = heads.poll();
                TopicStance t = head.at();
                if (!t.getParty().equals(party)) {
                    if (parties == max) {
                        break;
                    }
                    parties++;
                    party = t.getParty();
                }
                found.add(new Bodies.HeldTopicStance(t.getTopic(), t.getParty(), t.getStance().name(),
                        ViewBodies.time(t.getSince())));
                if (head.rest().hasNext()) {
                    heads.add(new Head(head.rest(), head.rest().next().value));
                }
            }
            return found;
        } finally {
            open.forEach(KeyValueIterator::close);
        }
    }

    /**
     * The stances of the first {@code max} parties among parts that each hold the first {@code max} parties of some
     * of the topics: a party among the first {@code max} of all is among the first {@code max} of every part that
     * holds it, so its stances are all there.
     */
    static List<Bodies.HeldTopicStance> merge(List<Bodies.HeldTopicStance> parts, int max) {
        Map<String, List<Bodies.HeldTopicStance>> byParty = new TreeMap<>(ViewBodies.CODE_POINT_ORDER);
        parts.forEach(s -> byParty.computeIfAbsent(s.party(), p -> new ArrayList<>()).add(s));
        return byParty.values().stream().limit(max).flatMap(List::stream).toList();
    }
}
