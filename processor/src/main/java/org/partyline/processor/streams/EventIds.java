package org.partyline.processor.streams;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Values of the event-id stores ({@code statement-event-ids}, {@code claim-event-ids}): the fingerprint of the
 * event (SHA-256, 32 bytes) followed by the offset in its input partition at which it was first seen (8 bytes,
 * big-endian). Values written before the offset was kept are the 32-byte fingerprint alone: their offset reads
 * as {@link #UNKNOWN}, which every fold treats as folded long ago.
 */
final class EventIds {
    static final long UNKNOWN = -1L;
    private static final int FINGERPRINT = 32;

    private EventIds() {
    }

    static byte[] value(byte[] fingerprint, long firstOffset) {
        return ByteBuffer.allocate(fingerprint.length + Long.BYTES).put(fingerprint).putLong(firstOffset).array();
    }

    static boolean sameEvent(byte[] value, byte[] fingerprint) {
        return value.length >= fingerprint.length
                && Arrays.equals(value, 0, fingerprint.length, fingerprint, 0, fingerprint.length);
    }

    /** The input offset at which the event was first seen; {@link #UNKNOWN} for values without one. */
    static long firstOffset(byte[] value) {
        return value.length == FINGERPRINT + Long.BYTES ? ByteBuffer.wrap(value, FINGERPRINT, Long.BYTES).getLong()
                : UNKNOWN;
    }
}
