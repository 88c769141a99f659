package org.partyline.processor.config;

/** The embedded broker and registry, started when no external one is configured. */
public final class EmbeddedSettings {
    public static final String KAFKA_PORT = "kafka.port";
    public static final String REGISTRY_PORT = "registry.port";
    public static final String REGISTRY_BASIC_AUTH_USER_INFO = "registry.basic.auth.user.info";

    static final SettingGroup GROUP = SettingGroup.of("Embedded Kafka and schema registry",
            Setting.of(KAFKA_PORT, "9092", "N", "Port of the embedded broker (0: any free port)."),
            Setting.of(REGISTRY_PORT, "8081", "N", "Port of the embedded schema registry (0: any free port)."),
            Setting.of(REGISTRY_BASIC_AUTH_USER_INFO, null, "USER:PASSWORD", "Makes the embedded registry require"
                    + " this HTTP basic auth."));

    private EmbeddedSettings() {
    }

    static void validate(PartylineConfig config) {
        PartylineConfig.requirePort(config, KAFKA_PORT);
        PartylineConfig.requirePort(config, REGISTRY_PORT);
    }
}
