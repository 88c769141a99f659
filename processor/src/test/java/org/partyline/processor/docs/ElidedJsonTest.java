package org.partyline.processor.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How a documented body is read against the real one: white space outside strings and elided parts aside. */
class ElidedJsonTest {
    private static final String ACTUAL = "{\"party\":\"UA\",\"quote\":\"The plan has undergone modifications.\","
            + "\"source\":{\"url\":null},\"events\":2}";

    @Test
    void shouldIgnoreWhiteSpaceOutsideStringsOnly() {
        assertEquals("{\"a\":\"x y\",\"b\":[1,2]}", ElidedJson.compact("{ \"a\": \"x y\",\n  \"b\": [1, 2] }"));
        assertFalse(ElidedJson.matches("{\"party\": \"U A\", ...}", ACTUAL));
    }

    @Test
    void shouldMatchElidedFieldsObjectsAndStringEnds() {
        assertTrue(ElidedJson.matches("""
                {"party": "UA", "quote": "The plan has undergone ...", "source": {...}, "events": 2}""", ACTUAL));
        assertTrue(ElidedJson.matches("{\"party\": \"UA\", ...}", ACTUAL));
    }

    @Test
    void shouldRefuseADifferentValueOrAMissingTail() {
        assertFalse(ElidedJson.matches("{\"party\": \"UA\", ..., \"events\": 3}", ACTUAL));
        assertFalse(ElidedJson.matches("{\"party\": \"UA\", \"quote\": \"The plan has undergone ...\"", ACTUAL));
    }
}
