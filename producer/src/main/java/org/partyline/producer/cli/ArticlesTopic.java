package org.partyline.producer.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.partyline.events.publish.ErrorMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the streaming job's input topic when it is missing, with the broker's default partition count and
 * replication factor: the processor creates the topics it reads and writes, not this one, and a cluster that does not
 * create topics on first use would otherwise leave the job waiting for a topic nobody makes.
 */
final class ArticlesTopic {

    private static final Logger LOG = LoggerFactory.getLogger(ArticlesTopic.class);
    private static final long TIMEOUT_SECONDS = 30;

    private ArticlesTopic() {
    }

    static void ensure(String bootstrapServers, Map<String, ?> kafka, String topic) throws IngestFailure {
        Map<String, Object> props = new HashMap<>(kafka);
        props.keySet().retainAll(AdminClientConfig.configNames());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "partyline-ingest-topics");
        try (Admin admin = Admin.create(props)) {
            if (admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).contains(topic)) {
                return;
            }
            admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty()))).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            LOG.info("Created topic {}", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IngestFailure("cannot create topic " + topic + " at " + bootstrapServers + ": "
                        + ErrorMessages.describe(e.getCause()));
            }
        } catch (TimeoutException e) {
            throw new IngestFailure("cannot create topic " + topic + " at " + bootstrapServers
                    + ": no answer within " + TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestFailure("interrupted while creating topic " + topic);
        }
    }
}
