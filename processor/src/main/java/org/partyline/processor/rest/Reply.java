package org.partyline.processor.rest;

import java.util.Map;
import java.util.OptionalLong;

/** A status, a JSON body and the Partyline headers that go with it (those of a standby answer). */
record Reply(int status, byte[] json, Map<String, String> headers) {
    /** On an answer read (in part) from a standby copy: it may be stale. */
    static final String STALE_HEADER = "X-Partyline-Stale";
    /** With {@link #STALE_HEADER}: how many changelog records the copy was behind, or {@code unknown}. */
    static final String LAG_HEADER = "X-Partyline-Lag";

    Reply(int status, byte[] json) {
        this(status, json, Map.of());
    }

    static Reply ok(Object body) {
        return new Reply(200, Json.write(body));
    }

    /** 200 with {@code X-Partyline-Stale: true} and {@code X-Partyline-Lag}. */
    static Reply stale(Object body, OptionalLong lag) {
        return new Reply(200, Json.write(body), Map.of(STALE_HEADER, "true",
                LAG_HEADER, lag.isPresent() ? Long.toString(lag.getAsLong()) : "unknown"));
    }

    /** {@code {"error": "GET /path: reason"}}: names the request, never carries a stack trace. */
    static Reply error(int status, String request, String reason) {
        return new Reply(status, Json.write(Map.of("error", request + ": " + reason)));
    }
}
