package org.partyline.processor.streams;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Composite string keys of the state stores, ordered so that a range scan walks a history in
 * (occurredAt, eventId) order. Parts are joined by U+0000, which no id may contain and which sorts first;
 * the time part is fixed-width hex of the epoch milliseconds with the sign bit flipped, so the byte order
 * of the UTF-8 key is the time order (before 1970 included).
 */
public final class StoreKeys {
    public static final char SEP = '\u0000';

    private StoreKeys() {
    }

    /** Fixed-width, order-preserving text of an instant at millisecond precision. */
    public static String time(Instant at) {
        // By hand rather than String.format("%016x"): this runs several times for every event folded.
        long bits = at.toEpochMilli() ^ Long.MIN_VALUE;
        byte[] hex = new byte[16];
        for (int i = 15; i >= 0; i--) {
            hex[i] = HEX[(int) (bits & 0xF)];
            bits >>>= 4;
        }
        return new String(hex, StandardCharsets.ISO_8859_1);
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    /** {@code a SEP b SEP ...}: a key of several parts. */
    public static String of(String... parts) {
        return String.join(String.valueOf(SEP), parts);
    }

    /** {@code parts SEP}: every key that starts with these parts, for prefix scans. */
    public static String prefix(String... parts) {
        return of(parts) + SEP;
    }

    /** An upper bound above every key with {@link #prefix} of these parts, and equal to none. */
    public static String prefixEnd(String... parts) {
        return of(parts) + '\u0001';
    }

    /** Key of one event in a history: {@code owner SEP sub SEP time SEP eventId}. */
    public static String event(String owner, String sub, Instant at, String eventId) {
        return of(owner, sub, time(at), eventId);
    }

    /** The i-th part of a composite key. */
    public static String part(String key, int i) {
        return key.split(String.valueOf(SEP), -1)[i];
    }
}
