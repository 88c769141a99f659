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

    /** Keys beginning with this (but {@code kafka.port}, the embedded broker's) are Kafka client settings. */
    public static final String PREFIX = "kafka.";

    public static final KafkaClientSettings NONE = new KafkaClientSettings(Map.of());

    private final Map<String, String> settings;

    private KafkaClientSettings(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    public static KafkaClientSettings from(PartylineConfig config) {
        Map<String, String> settings = new LinkedHashMap<>();
        config.withPrefix(PREFIX).forEach((name, value) -> {
            if (isClientKey(PREFIX + name)) {
                settings.put(name, value);
            }
        });
        return new KafkaClientSettings(settings);
    }

    /** True for a Kafka client setting: a key beginning {@code kafka.}, other than {@code kafka.port}. */
    public static boolean isClientKey(String key) {
        return key.startsWith(PREFIX) && key.length() > PREFIX.length() && !key.equals(EmbeddedSettings.KAFKA_PORT);
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
