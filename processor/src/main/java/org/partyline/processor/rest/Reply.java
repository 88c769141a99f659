package org.partyline.processor.rest;

import java.util.Map;

/** A status and a JSON body. */
record Reply(int status, byte[] json) {

    static Reply ok(Object body) {
        return new Reply(200, Json.write(body));
    }

    /** {@code {"error": "GET /path: reason"}}: names the request, never carries a stack trace. */
    static Reply error(int status, String request, String reason) {
        return new Reply(status, Json.write(Map.of("error", request + ": " + reason)));
    }
}
