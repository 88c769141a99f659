package org.partyline.processor.domain;

import java.util.Optional;
import org.partyline.events.EventRules;
import org.partyline.schema.Claim;
import org.partyline.schema.Statement;

/**
 * The checks a decoded input record must pass before it is folded: the record key names the same party (or
 * claim) as the event, and no id is empty or holds a control character (ids are parts of store keys, joined by
 * U+0000). The producer enforces the full rules of CONTRACT section 1; this guards the views against other
 * writers. Each check returns the reason a record is refused, or empty.
 */
public final class InputRules {

    private InputRules() {
    }

    public static String normalizeParty(String raw) {
        return EventRules.normalizeParty(raw);
    }

    /** The statement with its party normalized, as the views key it. */
    public static Statement normalized(Statement statement) {
        return Statement.newBuilder(statement).setParty(normalizeParty(statement.getParty())).build();
    }

    /** The claim with its party normalized, as the views key it. */
    public static Claim normalized(Claim claim) {
        return Claim.newBuilder(claim).setParty(normalizeParty(claim.getParty())).build();
    }

    public static Optional<String> violation(String key, Statement statement) {
        return firstOf(
                badId("eventId", statement.getEventId()),
                badId("party", statement.getParty()),
                badId("topic", statement.getTopic()),
                keyMismatch("party", key, normalizeParty(statement.getParty())));
    }

    public static Optional<String> violation(String key, Claim claim) {
        return firstOf(
                badId("eventId", claim.getEventId()),
                badId("party", claim.getParty()),
                badId("claimId", claim.getClaimId()),
                keyMismatch("claimId", key, claim.getClaimId()));
    }

    private static Optional<String> badId(String field, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of(field + " is empty");
        }
        if (value.codePoints().anyMatch(EventRules::isControlCharacter)) {
            return Optional.of(field + " contains a control character");
        }
        return Optional.empty();
    }

    private static Optional<String> keyMismatch(String field, String key, String expected) {
        if (key == null) {
            return Optional.of("record has no key (expected the " + field + " '" + expected + "')");
        }
        if (!key.equals(expected)) {
            return Optional.of("record key '" + key + "' is not the " + field + " '" + expected + "' of the event");
        }
        return Optional.empty();
    }

    @SafeVarargs
    private static Optional<String> firstOf(Optional<String>... checks) {
        for (Optional<String> check : checks) {
            if (check.isPresent()) {
                return check;
            }
        }
        return Optional.empty();
    }
}
