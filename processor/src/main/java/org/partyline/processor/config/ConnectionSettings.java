package org.partyline.processor.config;

import java.util.List;
import java.util.Optional;

/**
 * Where the processor's Kafka cluster and schema registry are, and how its registry clients authenticate. The open
 * {@code kafka.*} family of Kafka client settings is {@link KafkaClientSettings}.
 */
public final class ConnectionSettings {
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";
    public static final String SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";

    static final SettingGroup GROUP = SettingGroup.of("Kafka and schema registry",
            Setting.of(BOOTSTRAP_SERVERS, null, "HOST:PORT", "Kafka brokers; without it the processor starts an"
                    + " embedded single-node broker."),
            Setting.of(SCHEMA_REGISTRY_URL, null, "URL", "Confluent-compatible schema registry; without it the"
                    + " processor starts an embedded one."),
            Setting.of(SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, null, "USER:PASSWORD", "HTTP basic auth of the"
                    + " registry clients."),
            Setting.of(SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION, null, "FILE", "Trust store of the registry clients"
                    + " (HTTPS with a private CA)."),
            Setting.of(SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD, null, "PASSWORD", "Password of that trust store."),
            Setting.of(SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE, null, "TYPE", "Type of that trust store (PKCS12, JKS);"
                    + " the JDK's default when not set."));

    private ConnectionSettings() {
    }

    public static Optional<String> bootstrapServers(PartylineConfig config) {
        return config.optional(BOOTSTRAP_SERVERS);
    }

    public static Optional<String> schemaRegistryUrl(PartylineConfig config) {
        return config.optional(SCHEMA_REGISTRY_URL);
    }

    static void validate(PartylineConfig config) {
        String misplaced = KafkaClientSettings.PREFIX + BOOTSTRAP_SERVERS;
        if (config.optional(misplaced).isPresent()) {
            throw new PartylineConfig.ConfigException(misplaced + " is not a setting: use " + BOOTSTRAP_SERVERS
                    + " (" + Setting.flagName(BOOTSTRAP_SERVERS) + ", " + Setting.envName(BOOTSTRAP_SERVERS) + ")");
        }
        for (String key : List.of(SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, EmbeddedSettings.REGISTRY_BASIC_AUTH_USER_INFO)) {
            Optional<String> userInfo = config.optional(key);
            if (userInfo.isPresent() && userInfo.get().indexOf(':') < 1) {
                throw new PartylineConfig.ConfigException(key + " must be USER:PASSWORD");
            }
        }
    }
}
