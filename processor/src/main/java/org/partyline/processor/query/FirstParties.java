package org.partyline.processor.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.partyline.processor.streams.StoreKeys;
import org.partyline.processor.streams.StoreNames;
import org.partyline.schema.view.TopicStance;

/**
 * The current stances on some topics of the first parties after a cursor, in party order: what a page of a party's
 * agreement needs, read without reading every party on those topics. {@code topic-stances} is keyed
 * {@code topic, party}, so each topic's parties after the cursor are one range scan, read up to {@code max} entries.
 * The scans are bounded as they go: once {@code max} parties are known, no later topic is read past the last of
 * them (a party after it cannot be among the first {@code max}). The bound matters beyond the entries read:
 * {@code topic-stances} has Kafka Streams' record cache, and a range over a cached store copies every cached key of
 * the range first. Cost: one bounded range scan per topic, at most {@code max} entries each.
 */
final class FirstParties {

    private FirstParties() {
    }

    /** Every stance on {@code topics} of the first {@code max} parties after {@code after} here, by party. */
    static List<Bodies.HeldTopicStance> read(LocalReads reads, Collection<String> topics, Optional<String> after,
                                             int max) {
        ReadOnlyKeyValueStore<String, TopicStance> store = reads.open(StoreNames.TOPIC_STANCES);
        TreeMap<String, List<Bodies.HeldTopicStance>> byParty = new TreeMap<>(ViewBodies.CODE_POINT_ORDER);
        String last = null;
        for (String topic : topics) {
            String from = after.map(p -> StoreKeys.prefix(topic, p)).orElse(StoreKeys.prefix(topic));
            String to = last == null ? StoreKeys.prefixEnd(topic) : StoreKeys.of(topic, last);
            try (KeyValueIterator<String, TopicStance> it = store.range(from, to)) {
                for (int n = 0; n < max && it.hasNext(); n++) {
                    TopicStance t = it.next().value;
                    byParty.computeIfAbsent(t.getParty(), p -> new ArrayList<>()).add(new Bodies.HeldTopicStance(
                            t.getTopic(), t.getParty(), t.getStance().name(), ViewBodies.time(t.getSince())));
                }
            }
            while (byParty.size() > max) {
                byParty.pollLastEntry();
            }
            if (byParty.size() == max) {
                last = byParty.lastKey();
            }
        }
        return byParty.values().stream().flatMap(List::stream).toList();
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
