package org.partyline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.partyline.ingest.quality.DevSet;

class DeterminismTest {

  private static List<String> lines(Ingestor ingestor, Article article) {
    return ingestor.ingest(article).stream().map(Candidate::toJsonLine).toList();
  }

  @Test
  void shouldGiveTheSameBytesAndIdsFromTwoIngestorsOnTheSameArticle() throws Exception {
    Article seed = DevSet.articles().stream().filter(a -> a.id().equals("seed")).findFirst().orElseThrow();
    try (Ingestor first = Ingestor.create(DevSet.codebook()); Ingestor second = Ingestor.create(DevSet.codebook())) {
      List<String> once = lines(first, seed);

      assertTrue(once.size() > 3, "the seed article gives candidates: " + once);
      assertEquals(once, lines(second, seed));
      assertEquals(once, lines(first, seed));
    }
  }

  @Test
  void shouldQuoteOnlyExactSubstringsOfTheArticle() throws Exception {
    try (Ingestor ingestor = Ingestor.create(DevSet.codebook())) {
      for (Article article : DevSet.articles().subList(0, 8)) {
        for (Candidate candidate : ingestor.ingest(article)) {
          assertTrue(article.text().contains(candidate.quote()), candidate.toJsonLine());
        }
      }
    }
  }
}
