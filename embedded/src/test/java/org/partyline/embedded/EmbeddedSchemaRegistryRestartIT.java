package org.partyline.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partyline.embedded.EmbeddedSchemaRegistryIT.OPTIONAL_FIELD_ADDED;
import static org.partyline.embedded.EmbeddedSchemaRegistryIT.REQUIRED_FIELD_ADDED;
import static org.partyline.embedded.EmbeddedSchemaRegistryIT.V1;
import static org.partyline.embedded.EmbeddedSchemaRegistryIT.ints;
import static org.partyline.embedded.EmbeddedSchemaRegistryIT.texts;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedSchemaRegistryRestartIT {

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepIdsSubjectsAndConfigWhenBrokerAndRegistryRestartOnTheSameDirectory() {
        int first;
        int second;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0, 1);
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), "localhost", 0)) {
            RegistryHttp http = new RegistryHttp(registry.url());
            first = http.register("statements-value", V1);
            second = http.register("statements-value", OPTIONAL_FIELD_ADDED);
            http.register("claims-key", "\"string\"");
            http.put("/config/claims-key", "{\"compatibility\": \"FULL\"}");
        }

        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0, 1);
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), "localhost", 0)) {
            RegistryHttp http = new RegistryHttp(registry.url());
            assertEquals(List.of("claims-key", "statements-value"), texts(http.get("/subjects").body()));
            assertEquals(List.of(1, 2), ints(http.get("/subjects/statements-value/versions").body()));
            assertEquals(second, http.get("/subjects/statements-value/versions/latest").body().get("id").asInt());
            assertEquals(first, http.register("statements-value", V1), "the same schema keeps its id");
            assertEquals("FULL", http.get("/config/claims-key").body().get("compatibilityLevel").asText());

            int third = http.register("other-value", REQUIRED_FIELD_ADDED);
            assertEquals(Math.max(first, second) + 2, third, "new ids continue after the ones in the log");
        }
    }
}
