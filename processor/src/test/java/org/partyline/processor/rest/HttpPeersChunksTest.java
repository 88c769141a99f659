package org.partyline.processor.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lists of parties and topics an internal request carries: one chunk when short, several bounded ones when long. */
class HttpPeersChunksTest {

    @Test
    void shouldSendAShortListInOneRequest() {
        assertEquals(List.of("RU,UA,EU"), HttpPeers.chunks(List.of("RU", "UA", "EU")));
        assertEquals(List.of(""), HttpPeers.chunks(List.of()));
    }

    @Test
    void shouldSplitALongListIntoBoundedChunksKeepingEveryValue() {
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            topics.add("topic-" + "x".repeat(100) + "-" + i);
        }

        List<String> chunks = HttpPeers.chunks(topics);

        assertTrue(chunks.size() > 1, () -> chunks.size() + " chunks");
        chunks.forEach(c -> assertTrue(c.length() <= HttpPeers.MAX_LIST_CHARS, () -> c.length() + " characters"));
        assertEquals(topics, chunks.stream().flatMap(c -> Arrays.stream(c.split(","))).toList());
    }
}
