package org.partyline.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The listener the embedded broker offers its clients. By default {@link #PLAINTEXT}: one plain listener for clients,
 * brokers and tools alike. Any other security protocol (say {@code SASL_SSL}) gets a listener named {@value #NAME} for
 * clients, while the broker keeps a PLAINTEXT listener on localhost for itself and its readiness check.
 *
 * @param securityProtocol  {@code PLAINTEXT}, {@code SSL}, {@code SASL_PLAINTEXT} or {@code SASL_SSL}
 * @param brokerProperties  extra broker settings, such as {@code sasl.enabled.mechanisms}, {@code ssl.keystore.*} and
 *                          {@code listener.name.client.scram-sha-512.sasl.jaas.config}
 * @param scramCredentials  SCRAM users created when the data directory is formatted, in the syntax of
 *                          {@code kafka-storage format --add-scram}: {@code SCRAM-SHA-512=[name=alice,password=secret]}
 */
public record ClientListener(String securityProtocol, Map<String, String> brokerProperties,
                             List<String> scramCredentials) {

    /** The name of the client listener when it is not plain; {@code listener.name.client.*} settings apply to it. */
    public static final String NAME = "CLIENT";
    public static final ClientListener PLAINTEXT = new ClientListener("PLAINTEXT", Map.of(), List.of());

    public ClientListener {
        Objects.requireNonNull(securityProtocol, "securityProtocol");
        brokerProperties = Map.copyOf(brokerProperties);
        scramCredentials = List.copyOf(scramCredentials);
    }

    /**
     * A SASL_SSL client listener with SCRAM-SHA-512: the broker's certificate in a PKCS12 keystore, and one user
     * created when the data directory is formatted.
     */
    public static ClientListener saslSslScram512(Path keystore, String keystorePassword, String user,
                                                 String password) {
        return new ClientListener("SASL_SSL", Map.of(
                "sasl.enabled.mechanisms", "SCRAM-SHA-512",
                "listener.name.client.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.keystore.location", keystore.toString(),
                "ssl.keystore.password", keystorePassword,
                "ssl.keystore.type", "PKCS12"),
                List.of("SCRAM-SHA-512=[name=" + user + ",password=" + password + "]"));
    }

    boolean plaintext() {
        return securityProtocol.equals("PLAINTEXT");
    }

    /** Never shows the settings' values or the SCRAM passwords. */
    @Override
    public String toString() {
        return "ClientListener[" + securityProtocol + ", settings " + brokerProperties.keySet() + ", "
                + scramCredentials.size() + " SCRAM users]";
    }
}
