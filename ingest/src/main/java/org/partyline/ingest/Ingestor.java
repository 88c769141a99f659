package org.partyline.ingest;

import java.util.List;
import java.util.Objects;
import org.partyline.ingest.codebook.Codebook;

/**
 * Turns articles into candidate statements and claims against one codebook. Models are loaded once by
 * {@link #create}; after that the ingestor is thread-safe, and {@link #ingest} gives the same candidates for the
 * same article and codebook.
 */
public final class Ingestor implements AutoCloseable {

  private final Codebook codebook;

  private Ingestor(Codebook codebook) {
    this.codebook = Objects.requireNonNull(codebook, "codebook");
  }

  public static Ingestor create(Codebook codebook) {
    return new Ingestor(codebook);
  }

  /** Candidates in a stable order: by where their evidence occurs in the article. */
  public List<Candidate> ingest(Article article) {
    Objects.requireNonNull(article, "article");
    return List.of();
  }

  @Override
  public void close() {
    // models are shared and hold no per-ingestor resources yet
  }
}
