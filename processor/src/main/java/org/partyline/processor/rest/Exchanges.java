package org.partyline.processor.rest;

import java.util.regex.Pattern;

import io.javalin.http.Context;
import org.partyline.processor.query.Asked;

/** What the routes read from and write to a Javalin {@link Context}, in one place. */
final class Exchanges {
    static final String JSON = "application/json";
    private static final Pattern MALFORMED_PERCENT = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    private Exchanges() {
    }

    /** The path and query as received, still percent-encoded: what a forwarded request asks the peer. */
    static String rawPathAndQuery(Context ctx) {
        String path = ctx.req().getRequestURI();
        String query = ctx.queryString();
        return query == null ? path : path + "?" + query;
    }

    /** What {@link #describe} says of an exchange that has ended. */
    static final String ENDED = "a request whose exchange has ended";

    /** {@code GET /api/claims?status=X}: how error messages name the request. */
    static String describe(Context ctx) {
        try {
            return ctx.req().getMethod() + " " + rawPathAndQuery(ctx);
        } catch (RuntimeException e) {
            // An exchange that has ended (a streaming client gone, the server stopping) no longer has its request.
            return ENDED;
        }
    }

    /**
     * Who asked: a client, or another instance that forwarded it (so it must be answered here or not at all), to
     * this instance's active copy or ({@code X-Partyline-Forwarded: standby}) to its standby copy.
     */
    static Asked asked(Context ctx) {
        String forwarded = ctx.header(HttpPeers.FORWARDED_HEADER);
        if (forwarded == null) {
            return Asked.CLIENT;
        }
        return HttpPeers.STANDBY.equals(forwarded) ? Asked.STANDBY : Asked.FORWARDED;
    }

    /** A {@code %} not followed by two hex digits: Jetty refuses it in a path and Javalin drops it from a query. */
    static boolean malformedPercent(String raw) {
        return raw != null && MALFORMED_PERCENT.matcher(raw).find();
    }

    static void send(Context ctx, Reply reply) {
        reply.headers().forEach(ctx::header);
        ctx.status(reply.status()).contentType(JSON).result(reply.json());
    }
}
