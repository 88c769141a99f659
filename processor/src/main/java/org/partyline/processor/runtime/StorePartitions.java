package org.partyline.processor.runtime;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToIntFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.partyline.processor.streams.PartylineTopology;
import org.partyline.processor.streams.TopicNames;

/**
 * How many partitions each store has: those of the input topic its sub-topology reads (the repartition topics are
 * sized like their upstream). Read once from the broker at start, so that a list can tell that a partition is missing
 * even when no live instance is assigned it.
 */
final class StorePartitions {

    private StorePartitions() {
    }

    static ToIntFunction<String> of(Map<String, Object> clientProperties, TopicNames topics) {
        Properties props = TopicProvisioner.adminProperties(clientProperties);
        Object bootstrap = props.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        try (Admin admin = Admin.create(props)) {
            Map<String, TopicDescription> described = admin.describeTopics(
                    List.of(topics.statements(), topics.claims())).allTopicNames().get(30, TimeUnit.SECONDS);
            int statements = described.get(topics.statements()).partitions().size();
            int claims = described.get(topics.claims()).partitions().size();
            return store -> PartylineTopology.STORES_PARTITIONED_LIKE_STATEMENTS.contains(store) ? statements : claims;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing the input topics at " + bootstrap, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe the input topics " + topics.statements() + " and "
                    + topics.claims() + " at " + bootstrap + ": " + e.getMessage(), e);
        }
    }
}
