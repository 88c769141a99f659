package org.partyline.serde;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API the serdes need. Implementations cache ids and schemas both ways,
 * so serializing and deserializing a known schema makes no remote call.
 * Failures are {@link RegistryException}s saying what failed and where.
 */
public interface SchemaRegistryClient {

    /** Registers {@code schema} under {@code subject} (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /** The schema with this global id; a {@link RegistryException} with error code 40403 when there is none. */
    Schema schemaById(int id);

    /** The id of {@code schema} under {@code subject}, without registering it; throws when absent. */
    int idOf(String subject, Schema schema);

    /** Every subject, in the registry's order. */
    List<String> subjects();

    /** The version numbers registered under {@code subject}, ascending. */
    List<Integer> versions(String subject);

    /** Where this client talks to ({@code http://...} or {@code mock://SCOPE}), for error messages. */
    default String url() {
        return getClass().getSimpleName();
    }
}
