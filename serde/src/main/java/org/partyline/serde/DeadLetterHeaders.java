package org.partyline.serde;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers of a record on {@code partyline-dlq} (CONTRACT section 3): why it was refused and where it came from,
 * as UTF-8 strings, after the record's own headers. One place for every writer of dead letters (the processor's
 * topology and the ingestion job), so that readers of the topic see one format.
 */
public final class DeadLetterHeaders {

    public static final String REASON = "partyline.error.reason";
    public static final String TYPE = "partyline.error.type";
    public static final String TOPIC = "partyline.error.topic";
    public static final String PARTITION = "partyline.error.partition";
    public static final String OFFSET = "partyline.error.offset";

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

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
