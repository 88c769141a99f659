package org.partyline.serde;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers of a record on {@code partyline-dlq} (CONTRACT section 3): why it was refused and where it came from,
 * as UTF-8 strings, after the record's own headers. One place for every writer of dead letters (the processor's
 * topology and the ingestion job) and their reader (the replay), so that all see one format.
 */
public final class DeadLetterHeaders {

    public static final String PREFIX = "partyline.error.";
    public static final String REASON = PREFIX + "reason";
    public static final String TYPE = PREFIX + "type";
    public static final String TOPIC = PREFIX + "topic";
    public static final String PARTITION = PREFIX + "partition";
    public static final String OFFSET = PREFIX + "offset";

    private DeadLetterHeaders() {
    }

    /**
     * The original headers followed by the error headers.
     *
     * @param type {@code DESERIALIZATION}, {@code INVALID_EVENT}, {@code REUSED_EVENT_ID} or {@code PROCESSING}
     */
    public static Headers of(Headers original, String type, String reason, String topic, int partition, long offset) {
        Headers headers = new RecordHeaders(original.toArray());
        headers.add(REASON, utf8(reason));
        headers.add(TYPE, utf8(type));
        headers.add(TOPIC, utf8(topic));
        headers.add(PARTITION, utf8(Integer.toString(partition)));
        headers.add(OFFSET, utf8(Long.toString(offset)));
        return headers;
    }

    /** The last value of header {@code name}, if any. */
    public static Optional<String> value(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** The record's own headers: every header but the {@code partyline.error.*} ones. */
    public static Headers original(Headers headers) {
        RecordHeaders kept = new RecordHeaders();
        for (Header header : headers) {
            if (!header.key().startsWith(PREFIX)) {
                kept.add(header);
            }
        }
        return kept;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
