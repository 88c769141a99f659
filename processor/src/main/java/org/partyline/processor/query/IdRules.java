package org.partyline.processor.query;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The input rules for ids in request paths (CONTRACT section 1). A local copy of the three rules of
 * {@code org.partyline.producer.events.EventRules} ({@code normalizeParty}, {@code isParty}, {@code isSlug}),
 * to delegate to it once the producer module is installed.
 */
public final class IdRules {
    private static final Pattern PARTY = Pattern.compile("[A-Z0-9][A-Z0-9_.-]{0,63}");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,127}");

    private IdRules() {
    }

    /** Trimmed and upper-cased as the input is: {@code " ru "} gives {@code "RU"}. */
    public static String normalizeParty(String raw) {
        return raw.trim().toUpperCase(Locale.ROOT);
    }

    public static boolean isParty(String normalized) {
        return normalized != null && PARTY.matcher(normalized).matches();
    }

    /** The rule of topics and claimIds. */
    public static boolean isSlug(String s) {
        return s != null && SLUG.matcher(s).matches();
    }
}
