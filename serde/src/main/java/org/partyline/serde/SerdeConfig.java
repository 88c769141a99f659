package org.partyline.serde;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/** Configuration keys of the config-style ({@code configure(Map, isKey)}) construction of the serdes. */
public final class SerdeConfig {

    /**
     * Where the registry is: {@code http://host:port} (comma-separated list allowed) or {@code mock://SCOPE}. The
     * client also reads Confluent's {@code schema.registry.basic.auth.user.info} (or {@code basic.auth.user.info}
     * with {@code basic.auth.credentials.source=USER_INFO}) and {@code schema.registry.ssl.truststore.*}: see
     * {@link RegistryClientSettings}.
     */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** SpecificRecord class the key deserializer reads into; without it, the class named by the writer's schema. */
    public static final String KEY_TYPE = "partyline.avro.key.type";
    /** SpecificRecord class the value deserializer reads into; without it, the class named by the writer's schema. */
    public static final String VALUE_TYPE = "partyline.avro.value.type";

    private SerdeConfig() {
    }

    static SchemaRegistryClient client(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new ConfigException("missing required configuration '" + SCHEMA_REGISTRY_URL + "'");
        }
        try {
            return SchemaRegistryClients.forUrl(url.toString(), configs);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("cannot configure the schema registry client: " + e.getMessage());
        }
    }

    static Class<?> type(Map<String, ?> configs, boolean isKey) {
        String key = isKey ? KEY_TYPE : VALUE_TYPE;
        Object value = configs.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Class<?> c) {
            return c;
        }
        try {
            return Class.forName(value.toString().trim(), true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ConfigException(key, value, "class not found");
        }
    }
}
