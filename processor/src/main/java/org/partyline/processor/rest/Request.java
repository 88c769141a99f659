package org.partyline.processor.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A request as the routes see it: method, path segments URL-decoded one by one (so {@code %2F} stays inside its
 * segment and {@code +} stays a plus), query parameters, and whether another instance forwarded it.
 */
record Request(String method, String rawPathAndQuery, List<String> segments, Map<String, String> query,
               boolean forwarded) {

    /** {@code GET /api/claims?status=X}: how error messages name the request. */
    String describe() {
        return method + " " + rawPathAndQuery;
    }

    /**
     * @throws IllegalArgumentException on a malformed percent-encoding
     */
    static Request parse(String method, String rawPath, String rawQuery, boolean forwarded) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        String pathAndQuery = rawQuery == null ? path : path + "?" + rawQuery;
        List<String> segments = new ArrayList<>();
        for (String segment : path.substring(1).split("/", -1)) {
            segments.add(decode(segment));
        }
        Map<String, String> query = new HashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
                query.putIfAbsent(name, eq < 0 ? "" : decodeQuery(pair.substring(eq + 1)));
            }
        }
        return new Request(method, pathAndQuery, List.copyOf(segments), Map.copyOf(query), forwarded);
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String decodeQuery(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
