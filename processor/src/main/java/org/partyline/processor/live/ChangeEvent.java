package org.partyline.processor.live;

import java.util.Objects;

/**
 * One record of a change topic as a server-sent event (CONTRACT section 6.6): where it was committed (its
 * {@code id} is {@code topic:partition:offset}), its event name ({@code stance-change} or {@code claim-status}) and its
 * data, one line of JSON.
 */
public record ChangeEvent(String topic, int partition, long offset, String name, String data) {

    public ChangeEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        if (data.indexOf('\n') >= 0 || data.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("the data of an event is one line, not: " + data);
        }
    }

    /** {@code topic:partition:offset}: the SSE {@code id} of the event, unique and in partition order. */
    public String id() {
        return topic + ":" + partition + ":" + offset;
    }
}
