package org.partyline.ingest.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode claim(String party, String position, String when) throws Exception {
    return JSON.readTree("{\"type\":\"claim\",\"article\":\"a1\",\"party\":\"" + party + "\",\"claimId\":\"c\","
        + "\"position\":\"" + position + "\",\"occurredAt\":\"" + when + "\"}");
  }

  @Test
  void shouldGiveFullMarksToTheGoldItself() {
    List<JsonNode> gold = DevSet.gold();

    Scorer.Score score = Scorer.score(gold, gold);

    assertEquals(new Scorer.Score(138, 138, 138), score);
  }

  @Test
  void shouldNormaliseCaseAndCountAWrongPositionAsACandidateButNotCorrect() throws Exception {
    List<JsonNode> gold = List.of(claim("TRF", "ASSERTS", "2025-04-22T12:00:00Z"));
    List<JsonNode> candidates = List.of(claim(" trf ", "asserts", "2025-04-22T12:00:00Z"),
        claim("IN", "DENIES", "2025-04-22T12:00:00Z"));

    assertEquals(new Scorer.Score(2, 1, 1), Scorer.score(gold, candidates));
  }

  @Test
  void shouldPairAChangeOfPositionInTimeOrder() throws Exception {
    List<JsonNode> gold = List.of(claim("TRF", "ASSERTS", "2025-04-22T12:00:00Z"),
        claim("TRF", "RETRACTS", "2025-04-26T12:00:00Z"));
    List<JsonNode> rightOrder = List.of(claim("TRF", "RETRACTS", "2025-04-26T12:00:00Z"),
        claim("TRF", "ASSERTS", "2025-04-22T12:00:00Z"));
    List<JsonNode> wrongOrder = List.of(claim("TRF", "RETRACTS", "2025-04-22T12:00:00Z"),
        claim("TRF", "ASSERTS", "2025-04-22T12:01:00Z"));
    List<JsonNode> onlyTheLater = new ArrayList<>(List.of(claim("TRF", "RETRACTS", "2025-04-30T12:00:00Z")));

    assertEquals(2, Scorer.score(gold, rightOrder).correct());
    assertEquals(0, Scorer.score(gold, wrongOrder).correct());
    assertEquals(1, Scorer.score(gold, onlyTheLater).correct());
  }
}
