package org.partyline.producer.cli;

import java.time.Duration;
import java.util.HashMap;

import org.partyline.serde.RegistryUrls;
import org.partyline.serde.SchemaRegistryClient;
import org.partyline.serde.SchemaRegistryClients;

/**
 * Kafka and the schema registry for {@code ingest --publish} and {@code --follow}: the registry client with the
 * {@code schema.registry.*} settings of {@code --producer-config}, after checking that both answer, as
 * {@code publish} does.
 */
record KafkaAccess(String bootstrapServers, SchemaRegistryClient registry, ProducerConfigFile config) {

    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(12);

    static KafkaAccess checked(String bootstrapServers, String registryUrl, ProducerConfigFile config)
            throws IngestFailure {
        String shown = RegistryUrls.redact(registryUrl);
        SchemaRegistryClient registry;
        try {
            registry = SchemaRegistryClients.forUrl(registryUrl, config.registry());
        } catch (RuntimeException e) {
            throw new IngestFailure("cannot use schema registry " + shown + ": " + e.getMessage());
        }
        try {
            new Reachability(CHECK_TIMEOUT).check(registry, shown, bootstrapServers, new HashMap<>(config.kafka()));
        } catch (Reachability.UnreachableException e) {
            throw new IngestFailure(e.getMessage());
        }
        return new KafkaAccess(bootstrapServers, registry, config);
    }
}
