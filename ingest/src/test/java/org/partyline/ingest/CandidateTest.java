package org.partyline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CandidateTest {

  private static final Candidate.Source SOURCE = new Candidate.Source(null, "Example News", "A \"title\"",
      Instant.parse("2025-04-15T12:00:00Z"));

  @Test
  void shouldWriteAStatementAsOneLineInTheFixedFieldOrder() {
    Candidate statement = new Candidate("statement", "ingest-1", "RU", "Dmitry Peskov",
        Instant.parse("2025-04-14T12:00:00Z"), "ukraine-nato-membership", null, null, "OPPOSE", null,
        "opposed Ukraine joining NATO", SOURCE, "a1", 0.87654, new Candidate.Evidence("Peskov said so.",
            "actor.gazetteer+stance.oppose"));

    assertEquals("{\"type\":\"statement\",\"eventId\":\"ingest-1\",\"party\":\"RU\",\"speaker\":\"Dmitry Peskov\","
        + "\"occurredAt\":\"2025-04-14T12:00:00Z\",\"topic\":\"ukraine-nato-membership\",\"stance\":\"OPPOSE\","
        + "\"quote\":\"opposed Ukraine joining NATO\",\"source\":{\"outlet\":\"Example News\","
        + "\"title\":\"A \\\"title\\\"\",\"publishedAt\":\"2025-04-15T12:00:00Z\"},\"article\":\"a1\","
        + "\"confidence\":0.877,\"evidence\":{\"sentence\":\"Peskov said so.\","
        + "\"rule\":\"actor.gazetteer+stance.oppose\"}}", statement.toJsonLine());
  }

  @Test
  void shouldWriteAClaimWithItsPropositionAndNoSpeakerWhenNoneIsNamed() {
    Candidate claim = new Candidate("claim", "ingest-2", "UA", null, Instant.parse("2025-04-15T12:00:00Z"), null,
        "pokrovsk-captured", "Russian forces have captured Pokrovsk.", null, "DENIES", "denied", SOURCE, "a1", 1.0,
        new Candidate.Evidence("Ukraine denied it.", "claim.deny"));

    assertEquals("{\"type\":\"claim\",\"eventId\":\"ingest-2\",\"party\":\"UA\","
        + "\"occurredAt\":\"2025-04-15T12:00:00Z\",\"claimId\":\"pokrovsk-captured\","
        + "\"proposition\":\"Russian forces have captured Pokrovsk.\",\"position\":\"DENIES\",\"quote\":\"denied\","
        + "\"source\":{\"outlet\":\"Example News\",\"title\":\"A \\\"title\\\"\","
        + "\"publishedAt\":\"2025-04-15T12:00:00Z\"},\"article\":\"a1\",\"confidence\":1,"
        + "\"evidence\":{\"sentence\":\"Ukraine denied it.\",\"rule\":\"claim.deny\"}}", claim.toJsonLine());
  }
}
