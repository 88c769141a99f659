package org.partyline.producer.dlq;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers the processor puts on each record of the dead-letter topic (UTF-8 strings, after the record's own
 * headers): why it was refused and where it came from.
 */
final class DeadLetterHeaders {
    static final String PREFIX = "partyline.error.";
    static final String REASON = PREFIX + "reason";
    static final String TYPE = PREFIX + "type";
    static final String TOPIC = PREFIX + "topic";
    static final String PARTITION = PREFIX + "partition";
    static final String OFFSET = PREFIX + "offset";

    private DeadLetterHeaders() {
    }

    /** The last value of header {@code name}, if any. */
    static Optional<String> value(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** The record's own headers: every header but the {@code partyline.error.*} ones. */
    static Headers original(Headers headers) {
        RecordHeaders kept = new RecordHeaders();
        for (Header header : headers) {
            if (!header.key().startsWith(PREFIX)) {
                kept.add(header);
            }
        }
        return kept;
    }
}
