package org.partyline.ingest.quality;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

/** The input rules of CONTRACT section 1, as publish checks them: what every candidate must pass. */
final class ContractRules {

  private static final Pattern PARTY = Pattern.compile("[A-Z0-9][A-Z0-9_.-]{0,63}");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,127}");
  private static final Set<String> STANCES = Set.of("SUPPORT", "LEAN_SUPPORT", "NEUTRAL", "LEAN_OPPOSE", "OPPOSE");
  private static final Set<String> POSITIONS = Set.of("ASSERTS", "DENIES", "DISPUTES", "RETRACTS");

  private ContractRules() {}

  /** The first rule the event breaks, or null when it is a valid input event. */
  static String broken(JsonNode e) {
    String type = e.path("type").asText();
    String eventId = e.path("eventId").asText();
    if (eventId.isEmpty() || eventId.length() > 128 || eventId.chars().anyMatch(Character::isISOControl)) {
      return "eventId";
    }
    if (!PARTY.matcher(e.path("party").asText().trim().toUpperCase()).matches()) {
      return "party";
    }
    if (e.has("speaker") && e.get("speaker").asText().length() > 200) {
      return "speaker";
    }
    try {
      OffsetDateTime.parse(e.path("occurredAt").asText());
    } catch (DateTimeParseException ex) {
      return "occurredAt";
    }
    if (e.has("quote") && e.get("quote").asText().length() > 10_000) {
      return "quote";
    }
    if (type.equals("statement")) {
      return !SLUG.matcher(e.path("topic").asText()).matches() ? "topic"
          : !STANCES.contains(e.path("stance").asText()) ? "stance" : null;
    }
    if (type.equals("claim")) {
      return !SLUG.matcher(e.path("claimId").asText()).matches() ? "claimId"
          : e.path("proposition").asText().length() > 1000 ? "proposition"
          : !POSITIONS.contains(e.path("position").asText()) ? "position" : null;
    }
    return "type";
  }
}
