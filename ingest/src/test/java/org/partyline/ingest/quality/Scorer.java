package org.partyline.ingest.quality;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The development set's scoring rules (ingest-dev/score.py) in Java, so that the quality test needs no Python: a
 * candidate matches a gold event on (article, type, party, topic or claimId); within a key both lists are paired in
 * occurredAt order, as many pairs as possible and then as many equal pairs as possible; a pair is correct when the
 * stance or position is equal.
 */
public final class Scorer {

  /** Counts and the figures derived from them. */
  public record Score(int candidates, int gold, int correct) {
    public double precision() {
      return candidates == 0 ? 0 : (double) correct / candidates;
    }

    public double recall() {
      return gold == 0 ? 0 : (double) correct / gold;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "candidates %d, gold %d, correct %d, precision %.4f, recall %.4f",
          candidates, gold, correct, precision(), recall());
    }
  }

  private record Item(String value, OffsetDateTime when, int index) {}

  private Scorer() {}

  public static Score score(List<JsonNode> gold, List<JsonNode> candidates) {
    Map<String, List<Item>> goldByKey = group(gold);
    Map<String, List<Item>> candidatesByKey = group(candidates);
    int correct = 0;
    for (Map.Entry<String, List<Item>> entry : goldByKey.entrySet()) {
      List<Item> c = candidatesByKey.get(entry.getKey());
      if (c != null) {
        correct += alignedAgreements(entry.getValue(), c);
      }
    }
    return new Score(candidates.size(), gold.size(), correct);
  }

  private static Map<String, List<Item>> group(List<JsonNode> events) {
    Map<String, List<Item>> byKey = new LinkedHashMap<>();
    for (int i = 0; i < events.size(); i++) {
      JsonNode event = events.get(i);
      String type = text(event, "type").strip().toLowerCase(Locale.ROOT);
      boolean statement = type.equals("statement");
      if (!statement && !type.equals("claim")) {
        continue;
      }
      String target = text(event, statement ? "topic" : "claimId");
      String value = text(event, statement ? "stance" : "position");
      String article = text(event, "article");
      String party = text(event, "party");
      if (target.isBlank() || value.isBlank() || article.isBlank() || party.isBlank()) {
        continue;
      }
      String key = article.strip() + "\n" + type + "\n" + party.strip().toUpperCase(Locale.ROOT) + "\n"
          + target.strip().toLowerCase(Locale.ROOT);
      String when = text(event, "occurredAt");
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Item(value.strip().toUpperCase(Locale.ROOT),
          when.isBlank() ? null : OffsetDateTime.parse(when.strip()), i));
    }
    Comparator<Item> order = Comparator.comparing((Item it) -> it.when() == null)
        .thenComparing(it -> it.when() == null ? OffsetDateTime.MIN : it.when(), Comparator.naturalOrder())
        .thenComparingInt(Item::index);
    byKey.values().forEach(list -> list.sort(order));
    return byKey;
  }

  /** Order-preserving alignment maximising (pairs, then equal pairs); returns the equal pairs. */
  static int alignedAgreements(List<Item> g, List<Item> c) {
    int[][] pairs = new int[g.size() + 1][c.size() + 1];
    int[][] equal = new int[g.size() + 1][c.size() + 1];
    for (int i = g.size() - 1; i >= 0; i--) {
      for (int j = c.size() - 1; j >= 0; j--) {
        int bestPairs = pairs[i + 1][j];
        int bestEqual = equal[i + 1][j];
        if (pairs[i][j + 1] > bestPairs || (pairs[i][j + 1] == bestPairs && equal[i][j + 1] > bestEqual)) {
          bestPairs = pairs[i][j + 1];
          bestEqual = equal[i][j + 1];
        }
        int pairedPairs = pairs[i + 1][j + 1] + 1;
        int pairedEqual = equal[i + 1][j + 1] + (g.get(i).value().equals(c.get(j).value()) ? 1 : 0);
        if (pairedPairs > bestPairs || (pairedPairs == bestPairs && pairedEqual > bestEqual)) {
          bestPairs = pairedPairs;
          bestEqual = pairedEqual;
        }
        pairs[i][j] = bestPairs;
        equal[i][j] = bestEqual;
      }
    }
    return equal[0][0];
  }

  private static String text(JsonNode event, String field) {
    JsonNode value = event.get(field);
    return value == null || !value.isTextual() ? "" : value.asText();
  }
}
