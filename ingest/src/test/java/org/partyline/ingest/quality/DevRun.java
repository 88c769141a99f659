package org.partyline.ingest.quality;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.partyline.ingest.Article;
import org.partyline.ingest.Candidate;
import org.partyline.ingest.Ingestor;

/**
 * Writes the candidates of the development set to a file, for score.py:
 * {@code DevRun OUT.jsonl [tune|held|all]}.
 */
public final class DevRun {

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    String part = args.length > 1 ? args[1] : "all";
    try (Ingestor ingestor = Ingestor.create(DevSet.codebook())) {
      List<String> lines = new ArrayList<>();
      for (Article article : DevSet.articles()) {
        boolean held = DevSet.heldOut().contains(article.id());
        if (part.equals("all") || (part.equals("held") == held)) {
          for (Candidate candidate : ingestor.ingest(article)) {
            lines.add(candidate.toJsonLine());
          }
        }
      }
      write(out, lines);
      List<com.fasterxml.jackson.databind.JsonNode> nodes = new ArrayList<>();
      for (String line : lines) {
        nodes.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line));
      }
      java.util.Set<String> ids = new java.util.HashSet<>();
      nodes.forEach(n -> ids.add(n.path("article").asText()));
      DevSet.articles().stream().filter(a -> part.equals("all") || part.equals("held") == DevSet.heldOut()
          .contains(a.id())).forEach(a -> ids.add(a.id()));
      System.out.println("java scorer: " + Scorer.score(DevSet.gold().stream()
          .filter(g -> ids.contains(g.path("article").asText())).toList(), nodes));
    }
  }

  private static void write(Path out, List<String> lines) throws IOException {
    Files.write(out, lines, StandardCharsets.UTF_8);
  }
}
