package org.partyline.serde;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/** The Confluent wire format header: magic byte 0, then the schema id as 4 bytes big-endian. */
final class WireFormat {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    static void writeHeader(ByteArrayOutputStream out, int schemaId) {
        out.write(MAGIC_BYTE);
        out.write(schemaId >>> 24);
        out.write(schemaId >>> 16);
        out.write(schemaId >>> 8);
        out.write(schemaId);
    }

    /** The schema id of a record, after checking its length and magic byte. */
    static int schemaId(String topic, byte[] data) {
        if (data.length < HEADER_SIZE) {
            throw new SerializationException("cannot deserialize record from topic '" + topic
                    + "': truncated record of " + data.length + " byte(s), the Confluent wire format needs at least "
                    + HEADER_SIZE + " (magic byte and 4-byte schema id)");
        }
        if (data[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format(
                    "cannot deserialize record from topic '%s': unknown magic byte 0x%02x, expected 0x00 "
                            + "(not in the Confluent wire format: magic byte 0, 4-byte schema id, Avro binary)",
                    topic, data[0] & 0xff));
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }

    static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }
}
