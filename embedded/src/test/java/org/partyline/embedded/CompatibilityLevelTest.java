package org.partyline.embedded;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityLevelTest {

    private static final Schema NAME = parse("[{\"name\": \"name\", \"type\": \"string\"}]");
    private static final Schema NAME_AGE = parse("[{\"name\": \"name\", \"type\": \"string\"}, {\"name\": \"age\", \"type\": \"int\"}]");
    private static final Schema AGE = parse("[{\"name\": \"age\", \"type\": \"int\"}]");
    private static final Schema NAME_NICK = parse(
            "[{\"name\": \"name\", \"type\": \"string\"}, {\"name\": \"nick\", \"type\": [\"null\", \"string\"], \"default\": null}]");

    @Test
    void shouldRefuseANewRequiredFieldUnderBackwardButNotUnderForward() {
        assertFalse(CompatibilityLevel.BACKWARD.allows(NAME_AGE, List.of(NAME)));
        assertTrue(CompatibilityLevel.FORWARD.allows(NAME_AGE, List.of(NAME)));
        assertFalse(CompatibilityLevel.FULL.allows(NAME_AGE, List.of(NAME)));
        assertTrue(CompatibilityLevel.NONE.allows(NAME_AGE, List.of(NAME)));
    }

    @Test
    void shouldAcceptAnOptionalFieldWithDefaultUnderFull() {
        assertTrue(CompatibilityLevel.FULL.allows(NAME_NICK, List.of(NAME)));
    }

    @Test
    void shouldCheckOnlyTheLatestVersionUnlessTransitive() {
        // AGE reads NAME_AGE data (BACKWARD against the latest) but cannot read NAME data (the first version).
        assertTrue(CompatibilityLevel.BACKWARD.allows(AGE, List.of(NAME, NAME_AGE)));
        assertFalse(CompatibilityLevel.BACKWARD_TRANSITIVE.allows(AGE, List.of(NAME, NAME_AGE)));
    }

    private static Schema parse(String fields) {
        return new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"Person\", \"fields\": " + fields + "}");
    }
}
