package org.partyline.processor.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The time part of a store key: 16 hex digits whose text order is the time order, before 1970 included. */
class StoreKeysTimeTest {

    @Test
    void shouldWriteTheSignFlippedMillisecondsAsSixteenHexDigits() {
        for (Instant at : List.of(Instant.EPOCH, Instant.parse("2025-01-01T00:00:00.123Z"),
                Instant.parse("1900-06-30T12:00:00Z"), Instant.ofEpochMilli(-1), Instant.ofEpochMilli(Long.MAX_VALUE),
                Instant.ofEpochMilli(Long.MIN_VALUE))) {
            assertEquals(String.format("%016x", at.toEpochMilli() ^ Long.MIN_VALUE), StoreKeys.time(at), at.toString());
        }
        assertEquals("8000000000000000", StoreKeys.time(Instant.EPOCH));
    }

    @Test
    void shouldSortLikeTheInstants() {
        Instant earlier = Instant.parse("1969-12-31T23:59:59.999Z");
        Instant later = Instant.parse("2025-03-01T10:00:00Z");
        assertTrue(StoreKeys.time(earlier).compareTo(StoreKeys.time(Instant.EPOCH)) < 0);
        assertTrue(StoreKeys.time(Instant.EPOCH).compareTo(StoreKeys.time(later)) < 0);
    }
}
