package org.partyline.ingest.nlp;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import java.util.List;

/** Sentence embeddings from the shared in-process model (all-MiniLM-L6-v2, quantized, via ONNX Runtime). */
public final class Embedder {

  private final Models models;

  public Embedder(Models models) {
    this.models = models;
  }

  public float[] embed(String text) {
    return models.embeddings().embed(text).content().vector();
  }

  /** Embeddings of several texts, in order; the model spreads a batch over the available cores. */
  public List<float[]> embedAll(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
    return models.embeddings().embedAll(segments).content().stream().map(Embedding::vector).toList();
  }

  /** Cosine similarity of two vectors of the same length. */
  public static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }
}
