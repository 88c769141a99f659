package org.partyline.processor.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Where a page ends: the sort key of its last item, as parts compared one after the other in code point order (a
 * claimId; an (occurredAt, eventId, topic); ...). On the wire it is opaque: base64url of the parts, at most
 * {@value #MAX_LENGTH} characters. Times go in as {@code StoreKeys.time} strings, which sort like the instants.
 */
public record Cursor(List<String> parts) implements Comparable<Cursor> {
    public static final int MAX_LENGTH = 512;
    private static final String VERSION = "1";
    private static final char SEPARATOR = '\u0000';

    public Cursor {
        parts = List.copyOf(parts);
    }

    public static Cursor of(String... parts) {
        return new Cursor(List.of(parts));
    }

    public String part(int i) {
        return parts.get(i);
    }

    /** The opaque string a body carries as {@code next}. */
    public String encode() {
        StringBuilder plain = new StringBuilder(VERSION);
        parts.forEach(p -> plain.append(SEPARATOR).append(p));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor {@code raw} names, if it is one this version made with {@code arity} parts; empty otherwise. */
    public static Optional<Cursor> decode(String raw, int arity) {
        if (raw.isEmpty() || raw.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>(List.of(plain.split(String.valueOf(SEPARATOR), -1)));
        if (parts.size() != arity + 1 || !parts.remove(0).equals(VERSION) || parts.stream().anyMatch(String::isEmpty)) {
            return Optional.empty();
        }
        return Optional.of(new Cursor(parts));
    }

    @Override
    public int compareTo(Cursor other) {
        for (int i = 0; i < Math.min(parts.size(), other.parts.size()); i++) {
            int c = ViewBodies.CODE_POINT_ORDER.compare(parts.get(i), other.parts.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(parts.size(), other.parts.size());
    }
}
