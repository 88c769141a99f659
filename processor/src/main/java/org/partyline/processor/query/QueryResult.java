package org.partyline.processor.query;

import java.util.OptionalLong;
import java.util.function.Supplier;

/** The outcome of a query, free of HTTP: the REST layer maps each case to a status. */
public sealed interface QueryResult<T> {

    /** Answered from up-to-date active copies (this instance's stores, and its peers' parts, for lists). */
    record Found<T>(T body) implements QueryResult<T> {
    }

    /**
     * Answered, but some of it from a standby copy (or an active one still restoring) because the active copy could
     * not answer: it may be stale, by at most {@code lag} changelog records (empty: unknown).
     */
    record FoundOnStandby<T>(T body, OptionalLong lag) implements QueryResult<T> {
    }

    /**
     * Held by another instance: ask it ({@code standby}: ask its standby copy). When it does not answer, or answers
     * that it cannot, {@code otherwise} says what to do next (another copy, or unavailable).
     */
    record FoundRemotely<T>(Instance owner, boolean standby, Supplier<QueryResult<T>> otherwise)
            implements QueryResult<T> {
    }

    /** Unknown party, topic or claim. */
    record NotFound<T>(String reason) implements QueryResult<T> {
    }

    /** An id that breaks the input rules. */
    record Invalid<T>(String reason) implements QueryResult<T> {
    }

    /** A store or a peer cannot answer right now (starting, rebalancing, down, part of a list missing). */
    record Unavailable<T>(String reason) implements QueryResult<T> {
    }
}
