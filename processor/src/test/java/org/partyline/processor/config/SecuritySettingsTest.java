package org.partyline.processor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka client, registry client and registry server settings: their names in the file, the environment and flags. */
class SecuritySettingsTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"partyline\" password=\"scram-Secret-1\";";

    @Test
    void shouldReadKafkaClientSettingsFromFileEnvironmentAndFlags(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("partyline.properties");
        Files.writeString(file, "bootstrap.servers=broker:9093\nkafka.security.protocol=SASL_SSL\n"
                + "kafka.ssl.truststore.location=/etc/partyline/ca.p12\nkafka.sasl.mechanism=PLAIN\n");
        PartylineConfig config = PartylineConfig.load(
                new String[] {"--config", file.toString(), "--kafka-sasl-mechanism", "SCRAM-SHA-512",
                        "--kafka-client-id", "partyline-eu"},
                Map.of("PARTYLINE_KAFKA_SASL_JAAS_CONFIG", JAAS, "PARTYLINE_KAFKA_SSL_TRUSTSTORE_PASSWORD", "ts-Secret",
                        "KAFKA_SSL_KEY_PASSWORD", "not ours"));

        assertEquals(Map.of("security.protocol", "SASL_SSL", "ssl.truststore.location", "/etc/partyline/ca.p12",
                "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", JAAS, "ssl.truststore.password", "ts-Secret",
                "client.id", "partyline-eu"), KafkaClientSettings.from(config).properties());
        assertEquals("SASL_SSL", KafkaClientSettings.from(config).securityProtocol());
    }

    @Test
    void shouldKeepKafkaPortForTheEmbeddedBrokerAndOutOfTheClientSettings() {
        PartylineConfig config = PartylineConfig.load(new String[] {"--kafka-port", "0"},
                Map.of("PARTYLINE_KAFKA_SECURITY_PROTOCOL", "SSL"));
        assertEquals(0, config.intValue(EmbeddedSettings.KAFKA_PORT));
        assertEquals(Map.of("security.protocol", "SSL"), KafkaClientSettings.from(config).properties());
        assertFalse(PartylineConfig.isKafkaClientKey("kafka.port"));
        assertFalse(PartylineConfig.isKafkaClientKey("kafka."));
    }

    @Test
    void shouldPutBootstrapServersOverTheClientSettings() {
        PartylineConfig config = PartylineConfig.load(new String[] {"--kafka-security-protocol", "SASL_SSL"}, Map.of());
        Map<String, Object> props = KafkaClientSettings.from(config).forBootstrap("broker:9093");
        assertEquals(Map.of("security.protocol", "SASL_SSL", "bootstrap.servers", "broker:9093"), props);
        var e = assertThrows(PartylineConfig.ConfigException.class, () -> PartylineConfig.load(
                new String[] {"--kafka-bootstrap-servers", "x:1"}, Map.of()));
        assertEquals("kafka.bootstrap.servers is not a setting: use bootstrap.servers (--bootstrap-servers, "
                + "PARTYLINE_BOOTSTRAP_SERVERS)", e.getMessage());
    }

    @Test
    void shouldReadRegistryClientAndServerSettingsByTheTableRule(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.properties");
        Files.writeString(file, "schema.registry.ssl.truststore.location=/etc/ca.p12\n"
                + "schema.registry.ssl.truststore.type=PKCS12\nregistry.basic.auth.user.info=registry:reg-Secret\n");
        PartylineConfig config = PartylineConfig.load(new String[] {"--config", file.toString(),
                "--schema-registry-url", "https://registry:8081", "--http-auth-token", "tok-Secret"},
                Map.of("PARTYLINE_SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "reader:read-Secret",
                        "PARTYLINE_SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD", "ts-Secret"));

        assertEquals(Map.of("schema.registry.basic.auth.user.info", "reader:read-Secret",
                "schema.registry.ssl.truststore.location", "/etc/ca.p12",
                "schema.registry.ssl.truststore.password", "ts-Secret",
                "schema.registry.ssl.truststore.type", "PKCS12"), RegistryClientConfig.of(config, false));
        assertEquals(Optional.of("tok-Secret"), config.optional(HttpSettings.HTTP_AUTH_TOKEN));
        assertEquals(Optional.of("registry:reg-Secret"), config.optional(EmbeddedSettings.REGISTRY_BASIC_AUTH_USER_INFO));
        assertEquals(Map.of(), KafkaClientSettings.from(config).properties());
    }

    @Test
    void shouldLetTheProcessorUseItsOwnRegistrysCredentialsUnlessOthersAreGiven() {
        PartylineConfig own = PartylineConfig.load(new String[] {"--registry-basic-auth-user-info", "registry:pw"},
                Map.of());
        assertEquals(Map.of("schema.registry.basic.auth.user.info", "registry:pw"), RegistryClientConfig.of(own, true));
        assertEquals(Map.of(), RegistryClientConfig.of(own, false), "an external registry gets no server credentials");
        PartylineConfig both = own.with(ConnectionSettings.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, "reader:other");
        assertEquals(Map.of("schema.registry.basic.auth.user.info", "reader:other"), RegistryClientConfig.of(both, true));
    }

    @Test
    void shouldNameTheVariablesItReads() {
        assertTrue(PartylineConfig.readsVariable("PARTYLINE_KAFKA_SASL_JAAS_CONFIG"));
        assertTrue(PartylineConfig.readsVariable("PARTYLINE_SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO"));
        assertTrue(PartylineConfig.readsVariable("PARTYLINE_REGISTRY_BASIC_AUTH_USER_INFO"));
        assertTrue(PartylineConfig.readsVariable("PARTYLINE_HTTP_AUTH_TOKEN"));
        assertFalse(PartylineConfig.readsVariable("PARTYLINE_KAFKA_"));
        assertFalse(PartylineConfig.readsVariable("PARTYLINE_SCHEMA_REGISTRY_PASSWORD"));
    }

    @Test
    void shouldRejectUserInfoWithoutPasswordSeparatorWithoutShowingIt() {
        var e = assertThrows(PartylineConfig.ConfigException.class, () -> PartylineConfig.load(new String[0],
                Map.of("PARTYLINE_REGISTRY_BASIC_AUTH_USER_INFO", "justASecret")));
        assertEquals("registry.basic.auth.user.info must be USER:PASSWORD", e.getMessage());
    }

    @Test
    void shouldNeverShowASecretInUsageMessagesOrItsDescription() {
        PartylineConfig config = PartylineConfig.load(new String[] {"--kafka-sasl-jaas-config", JAAS,
                "--kafka-ssl-truststore-password", "ts-Secret", "--http-auth-token", "tok-Secret",
                "--registry-basic-auth-user-info", "registry:reg-Secret", "--kafka-security-protocol", "SASL_SSL"},
                Map.of());
        String shown = config + " " + KafkaClientSettings.from(config) + " " + ProcessorCommand.usage();
        for (String secret : new String[] {"scram-Secret-1", "ts-Secret", "tok-Secret", "reg-Secret"}) {
            assertFalse(shown.contains(secret), secret + " shown in " + shown);
        }
        assertTrue(config.toString().contains("kafka.security.protocol=SASL_SSL"), config.toString());
        assertTrue(config.toString().contains("kafka.sasl.jaas.config=[hidden]"), config.toString());
        assertTrue(ProcessorCommand.usage().contains("--kafka-NAME VALUE"), ProcessorCommand.usage());
        var stray = assertThrows(PartylineConfig.ConfigException.class,
                () -> PartylineConfig.load(new String[] {"--demo", "pass-Secret"}, Map.of()));
        assertFalse(stray.getMessage().contains("pass-Secret"), stray.getMessage());
    }
}
