package org.partyline.processor.streams;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A record refused by the topology, with its original key and value bytes and where it came from. It goes to
 * the dead-letter topic with the headers of ARCHITECTURE.md, as UTF-8 strings (names public for readers of
 * {@code partyline-dlq}).
 */
public record DeadLetter(byte[] rawKey, byte[] rawValue, Type type, String reason, String topic, int partition,
                  long offset) {
    public static final String REASON = "partyline.error.reason";
    public static final String TYPE = "partyline.error.type";
    public static final String TOPIC = "partyline.error.topic";
    public static final String PARTITION = "partyline.error.partition";
    public static final String OFFSET = "partyline.error.offset";

    /** Values of the {@value #TYPE} header. */
    public enum Type { DESERIALIZATION, INVALID_EVENT, REUSED_EVENT_ID, PROCESSING }

    /** The original headers of the record, followed by the error headers. */
    Headers headers(Headers original) {
        Headers headers = new RecordHeaders(original.toArray());
        headers.add(REASON, utf8(reason));
        headers.add(TYPE, utf8(type.name()));
        headers.add(TOPIC, utf8(topic));
        headers.add(PARTITION, utf8(Integer.toString(partition)));
        headers.add(OFFSET, utf8(Long.toString(offset)));
        return headers;
    }

    /** {@code topic-partition@offset}, for log lines. */
    String origin() {
        return topic + "-" + partition + "@" + offset;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
