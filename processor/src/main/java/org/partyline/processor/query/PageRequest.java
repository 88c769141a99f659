package org.partyline.processor.query;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * One page of a list (CONTRACT section 8): at most {@code limit} items, starting after the item {@code after} names
 * (empty: from the first). Parsed from the {@code limit} and {@code after} query parameters; a limit out of 1 to
 * 1000 or a malformed cursor is {@link QueryResult.Invalid}.
 */
public record PageRequest(int limit, Optional<Cursor> after) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    public static final PageRequest FIRST = new PageRequest(DEFAULT_LIMIT, Optional.empty());

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", not " + limit);
        }
    }

    /** A page of {@code limit} items from the first. */
    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }

    /**
     * Runs {@code query} on the page that {@code rawLimit} and {@code rawAfter} (the query parameters, null when
     * absent) ask for; {@code arity} is the number of key parts the list's cursors carry.
     */
    public static <T> QueryResult<T> with(String rawLimit, String rawAfter, int arity,
                                          Function<PageRequest, QueryResult<T>> query) {
        return withLimit(rawLimit, DEFAULT_LIMIT, MAX_LIMIT, limit -> {
            if (rawAfter == null) {
                return query.apply(new PageRequest(limit, Optional.empty()));
            }
            Optional<Cursor> cursor = Cursor.decode(rawAfter, arity);
            if (cursor.isEmpty()) {
                return new QueryResult.Invalid<>("after must be a cursor this list gave as next, not '"
                        + abbreviated(rawAfter) + "'");
            }
            return query.apply(new PageRequest(limit, cursor));
        });
    }

    /**
     * Runs {@code query} with the limit {@code rawLimit} (the query parameter, null when absent: {@code defaultLimit})
     * asks for; a limit that is not a whole number from 1 to {@code max} is {@link QueryResult.Invalid}.
     */
    static <T> QueryResult<T> withLimit(String rawLimit, int defaultLimit, int max,
                                        IntFunction<QueryResult<T>> query) {
        if (rawLimit == null) {
            return query.apply(defaultLimit);
        }
        int limit;
        try {
            limit = Integer.parseInt(rawLimit.trim());
        } catch (NumberFormatException e) {
            return new QueryResult.Invalid<>("limit must be a whole number from 1 to " + max + ", not '" + rawLimit
                    + "'");
        }
        if (limit < 1 || limit > max) {
            return new QueryResult.Invalid<>("limit must be from 1 to " + max + ", not " + limit);
        }
        return query.apply(limit);
    }

    /** Whether an item whose key is {@code key} comes after the cursor (every item does on the first page). */
    public boolean admits(Cursor key) {
        return after.isEmpty() || key.compareTo(after.get()) > 0;
    }

    private static String abbreviated(String raw) {
        return raw.length() <= 80 ? raw : raw.substring(0, 80) + "...";
    }
}
