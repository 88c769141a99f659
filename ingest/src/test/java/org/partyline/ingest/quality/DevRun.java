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
    }
  }

  private static void write(Path out, List<String> lines) throws IOException {
    Files.write(out, lines, StandardCharsets.UTF_8);
  }
}
