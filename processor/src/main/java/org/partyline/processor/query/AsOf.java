package org.partyline.processor.query;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import org.partyline.events.EventRules;

/**
 * The {@code asOf} of a view (CONTRACT section 6.2): the view folded from only the events whose {@code occurredAt} is
 * at or before this instant, whenever they arrived; {@link #NOW} without one. Instants are millisecond-precise,
 * like the events' times, so truncating the parameter's fraction to milliseconds changes no answer.
 */
public record AsOf(Optional<Instant> instant) {
    public static final AsOf NOW = new AsOf(Optional.empty());

    public static AsOf at(Instant instant) {
        return new AsOf(Optional.of(instant));
    }

    /**
     * Runs {@code query} as of {@code raw} (the query parameter, null when absent); a malformed one is
     * {@link QueryResult.Invalid} naming it.
     */
    public static <T> QueryResult<T> with(String raw, Function<AsOf, QueryResult<T>> query) {
        if (raw == null) {
            return query.apply(NOW);
        }
        Instant parsed;
        try {
            parsed = EventRules.parseInstant(raw);
        } catch (DateTimeParseException e) {
            return new QueryResult.Invalid<>("asOf must be an instant like 2025-12-05T14:00:00Z or"
                    + " 2025-12-05T16:00:00%2B02:00 (in a URL, + is written %2B), not '" + raw + "'");
        }
        return query.apply(at(parsed));
    }

    public boolean isNow() {
        return instant.isEmpty();
    }

    /** Whether an event at {@code occurredAt} belongs to the view: always as of now, else at or before the instant. */
    public boolean includes(Instant occurredAt) {
        return instant.isEmpty() || !occurredAt.isAfter(instant.get());
    }
}
