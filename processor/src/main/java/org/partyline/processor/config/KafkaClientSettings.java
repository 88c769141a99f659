package org.partyline.processor.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The Kafka client settings of the processor, built in one place: every {@code kafka.*} key of the configuration
 * (but {@code kafka.port}) without that prefix, such as {@code security.protocol}, {@code sasl.mechanism},
 * {@code sasl.jaas.config} and {@code ssl.truststore.location}. Every Kafka client the processor makes gets them:
 * Kafka Streams and its clients, the topic admin client, the demo's producer and the embedded registry's clients on an
 * external broker. {@link #toString()} shows the names only.
 */
public final class KafkaClientSettings {

    public static final KafkaClientSettings NONE = new KafkaClientSettings(Map.of());

    private final Map<String, String> settings;

    private KafkaClientSettings(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    public static KafkaClientSettings from(PartylineConfig config) {
        Map<String, String> settings = new LinkedHashMap<>(config.withPrefix(PartylineConfig.KAFKA_PREFIX));
        settings.remove("port");
        return new KafkaClientSettings(settings);
    }

    /** The settings alone, names without the {@code kafka.} prefix. */
    public Map<String, Object> properties() {
        return Map.copyOf(settings);
    }

    /** The settings with {@code bootstrap.servers}, which wins over them. */
    public Map<String, Object> forBootstrap(String bootstrapServers) {
        Map<String, Object> props = new LinkedHashMap<>(settings);
        props.put("bootstrap.servers", bootstrapServers);
        return props;
    }

    /** The security protocol the clients use: {@code security.protocol}, PLAINTEXT when not set. */
    public String securityProtocol() {
        return settings.getOrDefault("security.protocol", "PLAINTEXT");
    }

    public boolean isEmpty() {
        return settings.isEmpty();
    }

    @Override
    public String toString() {
        return "KafkaClientSettings" + new TreeSet<>(settings.keySet());
    }
}
