package org.partyline.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partyline.serde.SchemaRegistryClient;
import org.partyline.serde.SchemaRegistryClients;

/** The project's own registry client (serde module) speaks to the embedded registry as to Confluent's. */
class SerdeClientAgainstEmbeddedRegistryIT {

    @TempDir
    Path dataDir;

    @Test
    void shouldRegisterAndResolveSchemasThroughTheSerdeClient() {
        Schema v1 = new Schema.Parser().parse(EmbeddedSchemaRegistryIT.V1);
        Schema v2 = new Schema.Parser().parse(EmbeddedSchemaRegistryIT.OPTIONAL_FIELD_ADDED);
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0, 1);
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), "localhost", 0)) {
            SchemaRegistryClient client = SchemaRegistryClients.forUrl(registry.url());
            int first = client.register("people-value", v1);
            int second = client.register("people-value", v2);

            SchemaRegistryClient fresh = SchemaRegistryClients.forUrl(registry.url());
            assertEquals(v1, fresh.schemaById(first));
            assertEquals(v2, fresh.schemaById(second));
            assertEquals(first, fresh.idOf("people-value", v1));
            assertEquals(List.of(1, 2), fresh.versions("people-value"));
            assertTrue(fresh.subjects().contains("people-value"));
        }
    }
}
