package org.partyline.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RegistryStateTest {

    private static final String A = "{\"type\":\"record\",\"name\":\"A\",\"fields\":[]}";
    private static final String B = "{\"type\":\"record\",\"name\":\"B\",\"fields\":[]}";

    private final RegistryState state = new RegistryState();
    private final SchemaLogCodec codec = new SchemaLogCodec(new ObjectMapper());

    @Test
    void shouldKeepTheFirstRecordWhenTwoInstancesRaceForTheSameId() {
        assertTrue(state.apply(new SchemaEntry("a-value", 1, 1, A, false)));
        assertFalse(state.apply(new SchemaEntry("b-value", 1, 1, B, false)), "id 1 is taken by A");

        assertEquals(Optional.of(A), state.schemaById(1));
        assertEquals(List.of("a-value"), state.subjects());
        assertEquals(2, state.nextId());
    }

    @Test
    void shouldKeepTheFirstRecordWhenTwoInstancesRaceForTheSameVersion() {
        assertTrue(state.apply(new SchemaEntry("a-value", 1, 1, A, false)));
        assertFalse(state.apply(new SchemaEntry("a-value", 1, 2, B, false)), "version 1 is taken");
        assertFalse(state.apply(new SchemaEntry("c-value", 1, 3, A, false)), "A already has id 1");

        assertTrue(state.holds(new SchemaEntry("a-value", 1, 1, A, false)));
        assertEquals(Optional.empty(), state.schemaById(2));
    }

    @Test
    void shouldRebuildStateFromTheRecordsItWrites() {
        SchemaEntry entry = new SchemaEntry("a-value", 1, 7, A, false);
        state.apply(codec.decode(codec.schemaKey("a-value", 1), codec.schemaValue(entry)));
        state.apply(codec.decode(codec.configKey("a-value"), codec.configValue(CompatibilityLevel.FULL)));
        state.apply(codec.decode(codec.configKey(null), codec.configValue(CompatibilityLevel.NONE)));

        assertEquals(Optional.of(entry), state.liveVersion("a-value", 1));
        assertEquals(CompatibilityLevel.FULL, state.effectiveLevel("a-value"));
        assertEquals(CompatibilityLevel.NONE, state.effectiveLevel("b-value"));
        assertEquals(8, state.nextId());

        state.apply(codec.decode(codec.schemaKey("a-value", 1), codec.schemaValue(entry.asDeleted())));
        assertEquals(List.of(), state.subjects());
        assertEquals(2, state.nextVersion("a-value"), "versions are not reused after a soft delete");
        assertEquals(Optional.of(A), state.schemaById(7));
    }
}
