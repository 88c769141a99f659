package org.partyline.processor.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the input, change and dead-letter topics when they are missing, so a fresh cluster works at once.
 * Existing topics are left as they are: their partition counts and settings are the operator's choice. The input
 * topics are the log of record that every view is rebuilt from, so they are created with no time or size retention
 * (a broker's default deletes records after a week).
 */
public final class TopicProvisioner {
    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private TopicProvisioner() {
    }

    /**
     * Creates the missing topics with an admin client made from {@code clientProperties}: {@code bootstrap.servers}
     * and the Kafka client settings (security) of the processor; with {@code minInsyncReplicas}, each gets that
     * {@code min.insync.replicas}, otherwise the broker's default; the {@code keptForever} among them get
     * {@code retention.ms} and {@code retention.bytes} -1.
     */
    public static void ensureTopics(Map<String, Object> clientProperties, List<String> topics,
                                    Set<String> keptForever, int partitions, short replicationFactor,
                                    Optional<Integer> minInsyncReplicas) {
        Properties props = adminProperties(clientProperties);
        Object bootstrapServers = props.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : topics) {
                if (!existing.contains(topic)) {
                    missing.add(newTopic(topic, partitions, replicationFactor, minInsyncReplicas,
                            keptForever.contains(topic)));
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                    LOG.info("Created topic {} with {} partitions, replication factor {}, min.insync.replicas {},"
                            + " retention {}", entry.getKey(), partitions, replicationFactor,
                            minInsyncReplicas.map(String::valueOf).orElse("of the broker"),
                            keptForever.contains(entry.getKey()) ? "none (kept forever)" : "of the broker");
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + entry.getKey() + " at "
                                + bootstrapServers + ": " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics at " + bootstrapServers, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + bootstrapServers + " to create topics: "
                    + e.getMessage(), e);
        }
    }

    static NewTopic newTopic(String topic, int partitions, short replicationFactor,
                             Optional<Integer> minInsyncReplicas, boolean keptForever) {
        NewTopic newTopic = new NewTopic(topic, partitions, replicationFactor);
        Map<String, String> configs = new TreeMap<>();
        minInsyncReplicas.ifPresent(n -> configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(n)));
        if (keptForever) {
            configs.put(TopicConfig.RETENTION_MS_CONFIG, "-1");
            configs.put(TopicConfig.RETENTION_BYTES_CONFIG, "-1");
        }
        return configs.isEmpty() ? newTopic : newTopic.configs(configs);
    }

    /** The client settings an admin client understands, with a 30 s default API timeout. */
    static Properties adminProperties(Map<String, Object> clientProperties) {
        Properties props = new Properties();
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        props.putAll(clientProperties);
        props.keySet().retainAll(AdminClientConfig.configNames());
        return props;
    }
}
