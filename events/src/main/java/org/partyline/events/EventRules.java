package org.partyline.events;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.partyline.schema.Position;
import org.partyline.schema.Stance;

/**
 * The input rules of CONTRACT section 1 as plain static helpers, shared by the JSON Lines parser and by the REST
 * layer (which validates path segments with {@link #normalizeParty}, {@link #isParty} and {@link #isSlug}).
 * Lengths are counted in Unicode code points ("characters" as a user counts them).
 */
public final class EventRules {

    public static final int MAX_EVENT_ID_LENGTH = 128;
    public static final int MAX_PARTY_LENGTH = 64;
    public static final int MAX_SLUG_LENGTH = 128;
    public static final int MAX_SPEAKER_LENGTH = 200;
    public static final int MAX_PROPOSITION_LENGTH = 1_000;
    public static final int MAX_QUOTE_LENGTH = 10_000;

    public static final String PARTY_PATTERN = "[A-Z0-9][A-Z0-9_.-]{0,63}";
    public static final String SLUG_PATTERN = "[a-z0-9][a-z0-9-]{0,127}";
    public static final String INSTANT_PATTERN =
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})";

    /** {@value #INSTANT_PATTERN}; its last group is the zone, {@code Z} or the offset. */
    private static final Pattern INSTANT = Pattern.compile(INSTANT_PATTERN);
    private static final int ZONE_GROUP = 3;

    private EventRules() {
    }

    /**
     * Trims and upper-cases ({@link Locale#ROOT}) a party as written in an event or a URL: {@code " ru "} gives
     * {@code "RU"}. Trimming removes every Unicode white space at either end (the no-break and ideographic spaces
     * and U+0085 included), as the reference fold of the contract does.
     */
    public static String normalizeParty(String raw) {
        return strip(raw).toUpperCase(Locale.ROOT);
    }

    /** {@code s} without white space at either end, in the wide sense of {@link #isWhiteSpace}. */
    public static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isWhiteSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isWhiteSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Whether {@code s} holds nothing but white space (a blank line). */
    public static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isWhiteSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * White space in the wide sense: Java's white space, the Unicode space separators (no-break spaces included),
     * the line and paragraph separators, and NEL (U+0085). This is Python's {@code str.isspace}, which the
     * reference fold of the contract trims with.
     */
    public static boolean isWhiteSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    /** Whether an already normalized party matches {@value #PARTY_PATTERN}. */
    public static boolean isParty(String normalized) {
        if (normalized == null || normalized.isEmpty() || normalized.length() > MAX_PARTY_LENGTH
                || !isUpperAlphanumeric(normalized.charAt(0))) {
            return false;
        }
        for (int i = 1; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (!isUpperAlphanumeric(c) && c != '_' && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** Whether a topic or claimId matches {@value #SLUG_PATTERN}. */
    public static boolean isSlug(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX_SLUG_LENGTH || !isLowerAlphanumeric(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isLowerAlphanumeric(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    // The patterns checked by hand: they run on every field of every event, where a regex matcher was a tenth of
    // the publish command's parsing. EventRulesTest holds them to the patterns.
    private static boolean isUpperAlphanumeric(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isLowerAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** Whether an eventId has 1 to 128 characters and no control character. */
    public static boolean isEventId(String s) {
        return s != null && !s.isEmpty() && length(s) <= MAX_EVENT_ID_LENGTH && firstControlCharacter(s).isEmpty();
    }

    /** Length in code points. */
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /**
     * The control characters an eventId may not hold: C0 controls (below U+0020) and DEL (U+007F), the set the
     * reference fold of the contract refuses.
     */
    public static boolean isControlCharacter(int codePoint) {
        return codePoint < 0x20 || codePoint == 0x7F;
    }

    /** The first control character of {@code s}, if any. */
    public static OptionalInt firstControlCharacter(String s) {
        return s.codePoints().filter(EventRules::isControlCharacter).findFirst();
    }

    /**
     * Parses an ISO-8601 instant with {@code Z} or an offset ({@code 2025-12-05T16:00:00+02:00}, seconds and up to
     * nine fraction digits optional) into the UTC instant, truncated to milliseconds (the precision of Avro
     * {@code timestamp-millis}). The form is exactly {@value #INSTANT_PATTERN}: upper-case {@code T} and {@code Z},
     * a four-digit year, an offset of hours and minutes below 24:00.
     *
     * @throws DateTimeParseException when the text is not of that form or names no real date and time
     */
    public static Instant parseInstant(String text) {
        Matcher m = INSTANT.matcher(text);
        if (!m.matches()) {
            throw new DateTimeParseException("not of the form " + INSTANT_PATTERN, text, 0);
        }
        LocalDateTime local = localDateTime(text, m.start(ZONE_GROUP));
        String zone = m.group(ZONE_GROUP);
        int offsetSeconds = 0;
        if (!zone.equals("Z")) {
            int hours = Integer.parseInt(zone, 1, 3, 10);
            int minutes = Integer.parseInt(zone, 4, 6, 10);
            if (hours > 23 || minutes > 59) {
                throw new DateTimeParseException("offset out of range", text, m.start(ZONE_GROUP));
            }
            offsetSeconds = (zone.charAt(0) == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
        }
        Instant instant = local.toInstant(ZoneOffset.UTC).minusSeconds(offsetSeconds);
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The date and time of a text that matched {@link #INSTANT} (so every field is at its fixed place and all
     * digits), up to {@code zoneStart}; {@code LocalDateTime.of} refuses what names no real date or time, as the
     * strict ISO formatter does, for a tenth of its cost on a large file.
     */
    private static LocalDateTime localDateTime(String text, int zoneStart) {
        int second = zoneStart > 16 ? Integer.parseInt(text, 17, 19, 10) : 0;
        int nanos = 0;
        if (zoneStart > 20) {
            nanos = Integer.parseInt(text, 20, zoneStart, 10);
            for (int digits = zoneStart - 20; digits < 9; digits++) {
                nanos *= 10;
            }
        }
        try {
            return LocalDateTime.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
                    Integer.parseInt(text, 8, 10, 10), Integer.parseInt(text, 11, 13, 10),
                    Integer.parseInt(text, 14, 16, 10), second, nanos);
        } catch (java.time.DateTimeException e) {
            throw new DateTimeParseException(e.getMessage(), text, 0, e);
        }
    }

    /** The stance named by {@code raw} in any letter case ({@code lean_support}), if it names one. */
    public static Optional<Stance> stance(String raw) {
        return symbol(raw, Stance.values());
    }

    /** The position named by {@code raw} in any letter case ({@code Denies}), if it names one. */
    public static Optional<Position> position(String raw) {
        return symbol(raw, Position.values());
    }

    /**
     * The symbol {@code raw} names in any letter case: upper-cased with {@link Locale#ROOT}, as the contract's fold
     * does.
     */
    private static <E extends Enum<E>> Optional<E> symbol(String raw, E[] symbols) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = raw.toUpperCase(Locale.ROOT);
        return Arrays.stream(symbols).filter(symbol -> symbol.name().equals(name)).findFirst();
    }
}
