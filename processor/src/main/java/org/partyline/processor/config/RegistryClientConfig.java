package org.partyline.processor.config;

import java.util.Map;
import java.util.TreeMap;

/**
 * The schema registry client settings of the processor: the {@code schema.registry.*} keys but the URL, with their
 * Confluent names ({@code schema.registry.basic.auth.user.info}, {@code schema.registry.ssl.truststore.*}). When the
 * processor runs its own registry with basic auth and no client credentials are given, its client uses the
 * registry's own ({@code registry.basic.auth.user.info}).
 */
public final class RegistryClientConfig {

    private static final String PREFIX = "schema.registry.";

    private RegistryClientConfig() {
    }

    public static Map<String, String> of(PartylineConfig config, boolean embeddedRegistry) {
        Map<String, String> settings = new TreeMap<>();
        config.withPrefix(PREFIX).forEach((name, value) -> settings.put(PREFIX + name, value));
        settings.remove(ConnectionSettings.SCHEMA_REGISTRY_URL);
        if (embeddedRegistry && !settings.containsKey(ConnectionSettings.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO)) {
            config.optional(EmbeddedSettings.REGISTRY_BASIC_AUTH_USER_INFO).ifPresent(
                    userInfo -> settings.put(ConnectionSettings.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, userInfo));
        }
        return settings;
    }
}
