package org.partyline.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A proposed statement or claim: a valid input event plus the article it came from, a confidence and the evidence
 * (the sentence and the rule that gave it). A statement has {@code topic} and {@code stance}; a claim has
 * {@code claimId}, {@code proposition} and {@code position}.
 */
public record Candidate(
    String type,
    String eventId,
    String party,
    String speaker,
    Instant occurredAt,
    String topic,
    String claimId,
    String proposition,
    String stance,
    String position,
    String quote,
    Source source,
    String article,
    double confidence,
    Evidence evidence) {

  public static final String STATEMENT = "statement";
  public static final String CLAIM = "claim";
  private static final JsonFactory JSON = new JsonFactory();

  /** Where the article was published: the event's {@code source} object. */
  public record Source(String url, String outlet, String title, Instant publishedAt) {}

  /** The sentence the candidate was read from and the id of the rule (or rules, joined by '+') that gave it. */
  public record Evidence(String sentence, String rule) {}

  public Candidate {
    Objects.requireNonNull(type, "type");
    if (!STATEMENT.equals(type) && !CLAIM.equals(type)) {
      throw new IllegalArgumentException("type must be statement or claim: " + type);
    }
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(party, "party");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(evidence, "evidence");
    if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
      throw new IllegalArgumentException("confidence must lie in [0, 1]: " + confidence);
    }
  }

  /** The candidate's target: its topic for a statement, its claimId for a claim. */
  public String target() {
    return STATEMENT.equals(type) ? topic : claimId;
  }

  /** The candidate's stance for a statement, its position for a claim. */
  public String value() {
    return STATEMENT.equals(type) ? stance : position;
  }

  /**
   * The whole candidate as one JSON line without a trailing newline, fields in a fixed order: type, eventId, party,
   * speaker, occurredAt, topic or claimId, proposition, stance or position, quote, source, article, confidence,
   * evidence. Absent optional fields are left out. The same candidate always gives the same bytes.
   */
  public String toJsonLine() {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("type", type);
      g.writeStringField("eventId", eventId);
      g.writeStringField("party", party);
      optional(g, "speaker", speaker);
      g.writeStringField("occurredAt", instant(occurredAt));
      if (STATEMENT.equals(type)) {
        g.writeStringField("topic", topic);
        g.writeStringField("stance", stance);
      } else {
        g.writeStringField("claimId", claimId);
        optional(g, "proposition", proposition);
        g.writeStringField("position", position);
      }
      optional(g, "quote", quote);
      if (source != null) {
        g.writeObjectFieldStart("source");
        optional(g, "url", source.url());
        optional(g, "outlet", source.outlet());
        optional(g, "title", source.title());
        if (source.publishedAt() != null) {
          g.writeStringField("publishedAt", instant(source.publishedAt()));
        }
        g.writeEndObject();
      }
      g.writeStringField("article", article);
      g.writeFieldName("confidence");
      g.writeNumber(BigDecimal.valueOf(confidence).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros()
          .toPlainString());
      g.writeObjectFieldStart("evidence");
      g.writeStringField("sentence", evidence.sentence());
      g.writeStringField("rule", evidence.rule());
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing candidate " + eventId, e);
    }
    return out.toString();
  }

  private static void optional(JsonGenerator g, String field, String value) throws IOException {
    if (value != null) {
      g.writeStringField(field, value);
    }
  }

  private static String instant(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
