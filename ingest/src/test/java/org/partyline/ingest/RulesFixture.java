package org.partyline.ingest;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.partyline.ingest.codebook.Codebook;
import org.partyline.ingest.codebook.CodebookException;

/** One ingestor over a small codebook written for the rule tests, shared by them (the models load once). */
final class RulesFixture {

  /** A Tuesday. */
  static final Instant PUBLISHED = Instant.parse("2025-04-15T12:00:00Z");
  private static Ingestor ingestor;

  private RulesFixture() {}

  static synchronized Ingestor ingestor() throws CodebookException, URISyntaxException {
    if (ingestor == null) {
      Path file = Path.of(RulesFixture.class.getClassLoader().getResource("rules/codebook.json").toURI());
      ingestor = Ingestor.create(Codebook.load(List.of(file)));
    }
    return ingestor;
  }

  static List<Candidate> ingest(String text) throws Exception {
    return ingestor().ingest(new Article("t1", text, PUBLISHED, "https://news.example/t1", "Example News",
        "A title"));
  }

  /** "PARTY target VALUE" of each candidate, or "nothing". */
  static String summary(List<Candidate> candidates) {
    if (candidates.isEmpty()) {
      return "nothing";
    }
    return String.join("; ", candidates.stream().map(c -> c.party() + " " + c.target() + " " + c.value()).toList());
  }
}
