package org.partyline.processor.streams;

import org.apache.kafka.common.header.Headers;
import org.partyline.serde.DeadLetterHeaders;

/**
 * A record refused by the topology, with its original key and value bytes and where it came from. It goes to
 * the dead-letter topic with the headers of ARCHITECTURE.md, as UTF-8 strings (names public for readers of
 * {@code partyline-dlq}).
 */
public record DeadLetter(byte[] rawKey, byte[] rawValue, Type type, String reason, String topic, int partition,
                  long offset) {
    public static final String REASON = DeadLetterHeaders.REASON;
    public static final String TYPE = DeadLetterHeaders.TYPE;
    public static final String TOPIC = DeadLetterHeaders.TOPIC;
    public static final String PARTITION = DeadLetterHeaders.PARTITION;
    public static final String OFFSET = DeadLetterHeaders.OFFSET;

    /** Values of the {@value #TYPE} header. */
    public enum Type { DESERIALIZATION, INVALID_EVENT, REUSED_EVENT_ID, PROCESSING }

    /** The original headers of the record, followed by the error headers. */
    Headers headers(Headers original) {
        return DeadLetterHeaders.of(original, type.name(), reason, topic, partition, offset);
    }

    /** {@code topic-partition@offset}, for log lines. */
    String origin() {
        return topic + "-" + partition + "@" + offset;
    }
}
