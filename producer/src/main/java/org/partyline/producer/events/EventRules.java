package org.partyline.producer.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
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

    private static final Pattern PARTY = Pattern.compile(PARTY_PATTERN);
    private static final Pattern SLUG = Pattern.compile(SLUG_PATTERN);
    private static final Pattern ENUM_SYMBOL = Pattern.compile("[A-Za-z_]+");

    private EventRules() {
    }

    /** Trims and upper-cases ({@link Locale#ROOT}) a party as written in an event or a URL: {@code " ru "} gives {@code "RU"}. */
    public static String normalizeParty(String raw) {
        return raw.trim().toUpperCase(Locale.ROOT);
    }

    /** Whether an already normalized party matches {@value #PARTY_PATTERN}. */
    public static boolean isParty(String normalized) {
        return normalized != null && PARTY.matcher(normalized).matches();
    }

    /** Whether a topic or claimId matches {@value #SLUG_PATTERN}. */
    public static boolean isSlug(String s) {
        return s != null && SLUG.matcher(s).matches();
    }

    /** Whether an eventId has 1 to 128 characters and no control character. */
    public static boolean isEventId(String s) {
        return s != null && !s.isEmpty() && length(s) <= MAX_EVENT_ID_LENGTH && firstControlCharacter(s).isEmpty();
    }

    /** Length in code points. */
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** C0 controls (below U+0020), DEL (U+007F) and C1 controls (U+0080 to U+009F). */
    public static boolean isControlCharacter(int codePoint) {
        return codePoint < 0x20 || (codePoint >= 0x7F && codePoint <= 0x9F);
    }

    /** The first control character of {@code s}, if any. */
    public static OptionalInt firstControlCharacter(String s) {
        return s.codePoints().filter(EventRules::isControlCharacter).findFirst();
    }

    /**
     * Parses an ISO-8601 date-time with {@code Z} or an offset ({@code 2025-12-05T16:00:00+02:00}) into the UTC instant,
     * truncated to milliseconds (the precision of Avro {@code timestamp-millis}).
     *
     * @throws DateTimeParseException when there is no offset, the text is not a date-time, or it is out of range
     */
    public static Instant parseInstant(String text) {
        Instant instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        try {
            instant.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new DateTimeParseException("out of range", text, 0, e);
        }
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The stance named by {@code raw} in any letter case ({@code lean_support}), if it names one. */
    public static Optional<Stance> stance(String raw) {
        return symbol(raw).flatMap(symbol -> {
            for (Stance stance : Stance.values()) {
                if (stance.name().equals(symbol)) {
                    return Optional.of(stance);
                }
            }
            return Optional.empty();
        });
    }

    /** The position named by {@code raw} in any letter case ({@code Denies}), if it names one. */
    public static Optional<Position> position(String raw) {
        return symbol(raw).flatMap(symbol -> {
            for (Position position : Position.values()) {
                if (position.name().equals(symbol)) {
                    return Optional.of(position);
                }
            }
            return Optional.empty();
        });
    }

    /** ASCII letters only, so that no locale- or Unicode-folding trick (the long s, the dotless i) names a symbol. */
    private static Optional<String> symbol(String raw) {
        if (raw == null || !ENUM_SYMBOL.matcher(raw).matches()) {
            return Optional.empty();
        }
        return Optional.of(raw.toUpperCase(Locale.ROOT));
    }
}
