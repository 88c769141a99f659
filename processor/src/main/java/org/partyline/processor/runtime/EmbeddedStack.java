package org.partyline.processor.runtime;

import java.nio.file.Path;
import java.util.Map;
import org.partyline.embedded.EmbeddedKafka;
import org.partyline.embedded.EmbeddedSchemaRegistry;
import org.partyline.processor.config.KafkaClientSettings;
import org.partyline.processor.config.PartylineConfig;
import org.partyline.processor.config.ConnectionSettings;
import org.partyline.processor.config.EmbeddedSettings;
import org.partyline.processor.config.StreamsTuning;
import org.partyline.processor.config.TopicSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of the stack this process runs itself: a single-node Kafka broker when no bootstrap servers are
 * configured, and a schema registry when no registry URL is. Either works with the other's external counterpart.
 * Broker data lives under {@code STATE_DIR/kafka}, so a restart keeps the events and the schemas (kept in the
 * broker's {@code _schemas} topic).
 *
 * <p>The embedded registry's own Kafka clients get the processor's Kafka client settings when the broker is external
 * (the embedded broker serves PLAINTEXT on localhost), and it requires HTTP basic auth when
 * {@code registry.basic.auth.user.info} is set.
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
        KafkaClientSettings clientSettings = KafkaClientSettings.from(config);
        String bootstrap = ConnectionSettings.bootstrapServers(config).orElse(null);
        if (bootstrap == null) {
            if (!clientSettings.securityProtocol().equals("PLAINTEXT")) {
                LOG.warn("kafka.security.protocol is {} but no bootstrap.servers is set: the embedded broker serves "
                        + "PLAINTEXT only, so the clients will not reach it", clientSettings.securityProtocol());
            }
            Path dir = StreamsTuning.stateDir(config).resolve("kafka");
            kafka = EmbeddedKafka.start(dir, config.intValue(EmbeddedSettings.KAFKA_PORT),
                    config.intValue(TopicSettings.PARTITIONS));
            bootstrap = kafka.bootstrapServers();
            LOG.info("Embedded Kafka broker serving at {} with data under {}; a fatal broker fault ends this process",
                    bootstrap, dir);
        }
        EmbeddedSchemaRegistry registry = null;
        String registryUrl = ConnectionSettings.schemaRegistryUrl(config).orElse(null);
        if (registryUrl == null) {
            try {
                registry = EmbeddedSchemaRegistry.start(bootstrap,
                        kafka == null ? clientSettings.properties() : Map.of(), "localhost",
                        config.intValue(EmbeddedSettings.REGISTRY_PORT),
                        config.optional(EmbeddedSettings.REGISTRY_BASIC_AUTH_USER_INFO).orElse(null));
            } catch (RuntimeException e) {
                if (kafka != null) {
                    kafka.close();
                }
                throw e;
            }
            registryUrl = registry.url();
            LOG.info("Embedded schema registry serving at {} (basic auth {})", registryUrl,
                    config.optional(EmbeddedSettings.REGISTRY_BASIC_AUTH_USER_INFO).isPresent() ? "required" : "off");
        }
        return new EmbeddedStack(kafka, registry, bootstrap, registryUrl);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The registry URL as configured (it may carry credentials: not for display, see {@code RegistryUrls}). */
    public String registryUrl() {
        return registryUrl;
    }

    /** True when this process runs the schema registry itself. */
    public boolean runsRegistry() {
        return registry != null;
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
