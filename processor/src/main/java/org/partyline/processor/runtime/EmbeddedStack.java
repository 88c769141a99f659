package org.partyline.processor.runtime;

import java.nio.file.Path;
import org.partyline.embedded.EmbeddedKafka;
import org.partyline.embedded.EmbeddedSchemaRegistry;
import org.partyline.processor.config.PartylineConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of the stack this process runs itself: a single-node Kafka broker when no bootstrap servers are
 * configured, and a schema registry when no registry URL is. Either works with the other's external counterpart.
 * Broker data lives under {@code STATE_DIR/kafka}, so a restart keeps the events and the schemas (kept in the
 * broker's {@code _schemas} topic).
 */
public final class EmbeddedStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStack.class);

    private final EmbeddedKafka kafka;
    private final EmbeddedSchemaRegistry registry;
    private final String bootstrapServers;
    private final String registryUrl;

    private EmbeddedStack(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry, String bootstrapServers,
                          String registryUrl) {
        this.kafka = kafka;
        this.registry = registry;
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
    }

    /** Starts what the configuration leaves out; returns when both Kafka and the registry answer. */
    public static EmbeddedStack start(PartylineConfig config) {
        EmbeddedKafka kafka = null;
        String bootstrap = config.bootstrapServers().orElse(null);
        if (bootstrap == null) {
            Path dir = config.stateDir().resolve("kafka");
            kafka = EmbeddedKafka.start(dir, config.intValue(PartylineConfig.KAFKA_PORT),
                    config.intValue(PartylineConfig.PARTITIONS));
            bootstrap = kafka.bootstrapServers();
            LOG.info("Embedded Kafka broker serving at {} with data under {}; a fatal broker fault ends this process",
                    bootstrap, dir);
        }
        EmbeddedSchemaRegistry registry = null;
        String registryUrl = config.schemaRegistryUrl().orElse(null);
        if (registryUrl == null) {
            try {
                registry = EmbeddedSchemaRegistry.start(bootstrap, "localhost",
                        config.intValue(PartylineConfig.REGISTRY_PORT));
            } catch (RuntimeException e) {
                if (kafka != null) {
                    kafka.close();
                }
                throw e;
            }
            registryUrl = registry.url();
            LOG.info("Embedded schema registry serving at {}", registryUrl);
        }
        return new EmbeddedStack(kafka, registry, bootstrap, registryUrl);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String registryUrl() {
        return registryUrl;
    }

    @Override
    public void close() {
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}
