package org.partyline.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partyline.schema.Statement;
import org.partyline.testsupport.TestCertificates;

/** The registry client with credentials and a private trust store, against a Confluent-shaped fake over HTTP(S). */
class RegistryClientSecurityTest {

    private static final String USER_INFO = "reader:s3cret-Registry-pw";
    private static final String EXPECTED = "Basic "
            + Base64.getEncoder().encodeToString(USER_INFO.getBytes(StandardCharsets.UTF_8));

    @Test
    void shouldSendBasicAuthFromSchemaRegistryUserInfo() throws Exception {
        try (FakeConfluentRegistry fake = new FakeConfluentRegistry()) {
            SchemaRegistryClient client = SchemaRegistryClients.forUrl(fake.url(),
                    Map.of("schema.registry.basic.auth.user.info", USER_INFO));
            client.register("statements-value", Statement.getClassSchema());
            client.subjects();
            assertEquals(List.of(EXPECTED, EXPECTED), fake.authorizations());
        }
    }

    @Test
    void shouldSendNoAuthorizationWithoutSettings() throws Exception {
        try (FakeConfluentRegistry fake = new FakeConfluentRegistry()) {
            SchemaRegistryClients.forUrl(fake.url(), Map.of()).subjects();
            assertEquals(List.of(""), fake.authorizations());
        }
    }

    @Test
    void shouldReadConfluentNamesInTheSerializerConfigure() throws Exception {
        try (FakeConfluentRegistry fake = new FakeConfluentRegistry()) {
            AvroSerializer<Statement> serializer = new AvroSerializer<>();
            serializer.configure(Map.of("schema.registry.url", fake.url(), "basic.auth.credentials.source", "USER_INFO",
                    "basic.auth.user.info", USER_INFO), false);
            serializer.serialize("statements", TestEvents.fullStatement());
            assertEquals(List.of(EXPECTED), fake.authorizations());
        }
    }

    @Test
    void shouldUseCredentialsOfTheUrlButNeverShowThem() throws Exception {
        try (FakeConfluentRegistry fake = new FakeConfluentRegistry()) {
            String url = fake.url().replace("://", "://reader:s3cret-Registry-pw@");
            SchemaRegistryClient client = SchemaRegistryClients.forUrl(url,
                    Map.of("basic.auth.credentials.source", "URL"));
            client.subjects();
            assertEquals(List.of(EXPECTED), fake.authorizations());
            assertEquals(fake.url(), client.url());
            assertFalse(client.toString().contains("s3cret"), client.toString());
        }
    }

    @Test
    void shouldKeepCredentialsOutOfErrorMessages() throws Exception {
        try (FakeConfluentRegistry fake = new FakeConfluentRegistry()) {
            fake.failWith(401);
            String url = fake.url().replace("://", "://reader:s3cret-Registry-pw@");
            RegistryException e = assertThrows(RegistryException.class,
                    () -> SchemaRegistryClients.forUrl(url, Map.of()).subjects());
            assertEquals(401, e.status());
            assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
            assertFalse(e.url().contains("s3cret"), e.url());
        }
        var bad = assertThrows(IllegalArgumentException.class,
                () -> SchemaRegistryClients.forUrl("ftp://reader:s3cret-Registry-pw@host"));
        assertFalse(bad.getMessage().contains("s3cret"), bad.getMessage());
    }

    @Test
    void shouldTrustAPrivateCaFromTheTrustStoreSettings(@TempDir Path dir) throws Exception {
        TestCertificates certs = TestCertificates.create(dir, "trust-Store-pw");
        try (FakeConfluentRegistry fake = new FakeConfluentRegistry(certs.serverContext())) {
            assertTrue(fake.url().startsWith("https://"), fake.url());
            var untrusted = assertThrows(RegistryException.class, () -> SchemaRegistryClients.forUrl(fake.url()).subjects());
            assertTrue(untrusted.unreachable(), untrusted.getMessage());

            SchemaRegistryClient client = SchemaRegistryClients.forUrl(fake.url(), Map.of(
                    "schema.registry.ssl.truststore.location", certs.truststore().toString(),
                    "schema.registry.ssl.truststore.password", certs.password(),
                    "schema.registry.ssl.truststore.type", "PKCS12",
                    "schema.registry.basic.auth.user.info", USER_INFO));
            client.register("statements-value", Statement.getClassSchema());
            assertEquals(List.of("statements-value"), client.subjects());
            assertEquals(EXPECTED, fake.authorizations().get(fake.authorizations().size() - 1));
        }
    }

    @Test
    void shouldNameTheSettingButNotThePasswordWhenTheTrustStoreCannotBeRead(@TempDir Path dir) throws Exception {
        TestCertificates certs = TestCertificates.create(dir, "trust-Store-pw");
        var e = assertThrows(IllegalArgumentException.class, () -> SchemaRegistryClients.forUrl("https://localhost:1",
                Map.of("schema.registry.ssl.truststore.location", certs.truststore().toString(),
                        "schema.registry.ssl.truststore.password", "wrong-Store-pw",
                        "schema.registry.ssl.truststore.type", "PKCS12")));
        assertTrue(e.getMessage().contains("schema.registry.ssl.truststore.location"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-Store-pw"), e.getMessage());
        var config = assertThrows(ConfigException.class, () -> new AvroSerializer<Statement>().configure(Map.of(
                "schema.registry.url", "http://localhost:1", "basic.auth.credentials.source", "SASL_INHERIT"), false));
        assertTrue(config.getMessage().contains("basic.auth.credentials.source"), config.getMessage());
    }
}
