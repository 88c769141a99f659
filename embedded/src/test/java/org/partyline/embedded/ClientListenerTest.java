package org.partyline.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class ClientListenerTest {

    private static final ClientListener SASL_SSL = new ClientListener("SASL_SSL",
            Map.of("sasl.enabled.mechanisms", "SCRAM-SHA-512", "ssl.keystore.password", "ks-Secret"),
            List.of("SCRAM-SHA-512=[name=alice,password=alice-Secret]"));

    @Test
    void shouldKeepThePlaintextBrokerAsItWas() {
        Properties props = new BrokerSettings(Path.of("data"), 1, 9092, 9093, 3).toProperties();
        assertEquals("PLAINTEXT://localhost:9092,CONTROLLER://localhost:9093", props.get("listeners"));
        assertEquals("PLAINTEXT://localhost:9092", props.get("advertised.listeners"));
        assertEquals("PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT", props.get("listener.security.protocol.map"));
    }

    @Test
    void shouldOfferClientsTheSecuredListenerAndKeepPlaintextForTheBroker() {
        BrokerSettings settings = new BrokerSettings(Path.of("data"), 1, 9094, 9093, 3, SASL_SSL, 9095);
        Properties props = settings.toProperties();
        assertEquals("CLIENT://localhost:9094,PLAINTEXT://localhost:9095,CONTROLLER://localhost:9093",
                props.get("listeners"));
        assertEquals("CLIENT://localhost:9094,PLAINTEXT://localhost:9095", props.get("advertised.listeners"));
        assertEquals("CLIENT:SASL_SSL,PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT", props.get("listener.security.protocol.map"));
        assertEquals("PLAINTEXT", props.get("inter.broker.listener.name"));
        assertEquals("SCRAM-SHA-512", props.get("sasl.enabled.mechanisms"));
        assertEquals("localhost:9094", settings.bootstrapServers());
        assertEquals("localhost:9095", settings.internalBootstrapServers());
    }

    @Test
    void shouldNeverShowPasswords() {
        assertFalse(SASL_SSL.toString().contains("Secret"), SASL_SSL.toString());
        String message = EmbeddedKafka.withoutScramPasswords(
                "bad argument SCRAM-SHA-512=[name=alice,password=alice-Secret]", SASL_SSL);
        assertFalse(message.contains("alice-Secret"), message);
        assertTrue(message.contains("password=[hidden]"), message);
    }
}
