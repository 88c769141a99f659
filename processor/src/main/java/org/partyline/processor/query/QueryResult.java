package org.partyline.processor.query;

/** The outcome of a query, free of HTTP: the REST layer maps each case to a status. */
public sealed interface QueryResult<T> {

    /** Answered from this instance's stores (and its peers' parts, for lists). */
    record Found<T>(T body) implements QueryResult<T> {
    }

    /** Held by another instance: ask it. */
    record FoundRemotely<T>(Instance owner) implements QueryResult<T> {
    }

    /** Unknown party, topic or claim. */
    record NotFound<T>(String reason) implements QueryResult<T> {
    }

    /** An id that breaks the input rules. */
    record Invalid<T>(String reason) implements QueryResult<T> {
    }

    /** A store or a peer cannot answer right now (starting, rebalancing, down). */
    record Unavailable<T>(String reason) implements QueryResult<T> {
    }
}
