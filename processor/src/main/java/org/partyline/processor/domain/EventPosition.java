package org.partyline.processor.domain;

import java.time.Instant;
import java.util.Objects;
import org.partyline.schema.Claim;
import org.partyline.schema.ClaimPosition;
import org.partyline.schema.Statement;
import org.partyline.schema.view.StatementEntry;

/**
 * Where an event sits in event time: (occurredAt, eventId). This is the order of CONTRACT section 2. Event ids
 * compare by Unicode code point, which is the byte order of their UTF-8 form, so this order is the order of the
 * store keys built by {@code StoreKeys.event}.
 */
public record EventPosition(Instant occurredAt, String eventId) implements Comparable<EventPosition> {

    public EventPosition {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(eventId, "eventId");
    }

    public static EventPosition of(Statement statement) {
        return new EventPosition(statement.getOccurredAt(), statement.getEventId());
    }

    public static EventPosition of(StatementEntry entry) {
        return new EventPosition(entry.getOccurredAt(), entry.getEventId());
    }

    public static EventPosition of(Claim claim) {
        return new EventPosition(claim.getOccurredAt(), claim.getEventId());
    }

    public static EventPosition of(ClaimPosition position) {
        return new EventPosition(position.getOccurredAt(), position.getEventId());
    }

    @Override
    public int compareTo(EventPosition other) {
        int byTime = occurredAt.compareTo(other.occurredAt);
        return byTime != 0 ? byTime : compareCodePoints(eventId, other.eventId);
    }

    public boolean isBefore(EventPosition other) {
        return compareTo(other) < 0;
    }

    public boolean isAfter(EventPosition other) {
        return compareTo(other) > 0;
    }

    /** Code point order (String.compareTo orders UTF-16 units, which differs above U+FFFF). */
    public static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
