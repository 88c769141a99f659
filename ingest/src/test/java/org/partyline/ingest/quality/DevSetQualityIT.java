package org.partyline.ingest.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partyline.ingest.Article;
import org.partyline.ingest.Candidate;
import org.partyline.ingest.Ingestor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the pipeline on the whole development set and scores it by score.py's rules. Fails when precision or recall
 * falls below what the rules reach today (less a small margin), when a quote is not a substring of its article, when
 * a candidate breaks the input rules, or when a second run differs by one byte. Prints tune, held-out and whole-set
 * figures and precision/recall at several confidence thresholds.
 */
class DevSetQualityIT {

  private static final Logger LOG = LoggerFactory.getLogger(DevSetQualityIT.class);
  static final double MIN_PRECISION = 0.84;
  static final double MIN_RECALL = 0.66;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static List<Article> articles;
  private static Map<String, Article> byId;
  private static List<String> lines;
  private static List<JsonNode> candidates;

  @BeforeAll
  static void ingestTheDevelopmentSet() throws Exception {
    articles = DevSet.articles();
    byId = new java.util.HashMap<>();
    articles.forEach(a -> byId.put(a.id(), a));
    lines = run();
    candidates = new ArrayList<>();
    for (String line : lines) {
      candidates.add(JSON.readTree(line));
    }
  }

  private static List<String> run() throws Exception {
    List<String> out = new ArrayList<>();
    try (Ingestor ingestor = Ingestor.create(DevSet.codebook())) {
      for (Article article : articles) {
        for (Candidate candidate : ingestor.ingest(article)) {
          out.add(candidate.toJsonLine());
        }
      }
    }
    return out;
  }

  private static Scorer.Score score(Predicate<String> articleFilter, double threshold) {
    List<JsonNode> gold = DevSet.gold().stream().filter(g -> articleFilter.test(g.path("article").asText()))
        .toList();
    List<JsonNode> cands = candidates.stream().filter(c -> articleFilter.test(c.path("article").asText()))
        .filter(c -> c.path("confidence").asDouble() >= threshold).toList();
    return Scorer.score(gold, cands);
  }

  @Test
  void shouldReachTheQualityGoalOnTheDevelopmentSet() {
    Set<String> held = DevSet.heldOut();
    for (double threshold : new double[] {0, 0.6, 0.7, 0.8}) {
      LOG.info("min-confidence {}: whole {} | tune {} | held-out {}", threshold, score(id -> true, threshold),
          score(id -> !held.contains(id), threshold), score(held::contains, threshold));
    }
    Scorer.Score whole = score(id -> true, 0);
    assertTrue(whole.precision() >= MIN_PRECISION, "precision fell: " + whole);
    assertTrue(whole.recall() >= MIN_RECALL, "recall fell: " + whole);
  }

  @Test
  void shouldQuoteExactSubstringsOfTheArticle() {
    for (JsonNode c : candidates) {
      String text = byId.get(c.path("article").asText()).text();
      assertTrue(text.contains(c.path("quote").asText()), "not in the article: " + c);
      assertTrue(text.contains(c.path("evidence").path("sentence").asText()), "sentence not in the article: " + c);
    }
  }

  @Test
  void shouldProduceOnlyValidInputEvents() {
    for (JsonNode c : candidates) {
      assertEquals(null, ContractRules.broken(c), c.toString());
      assertTrue(DevSet.codebookKeys().contains(c.has("topic") ? c.get("topic").asText()
          : c.get("claimId").asText()), "not a codebook entry: " + c);
    }
  }

  @Test
  void shouldGiveTheSameBytesOnASecondRun() throws Exception {
    assertEquals(String.join("\n", lines), String.join("\n", run()));
  }
}
