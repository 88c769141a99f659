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

  /**
   * Embeddings of several texts, in order; the model spreads a batch over the available cores. A blank text gets a
   * zero vector, which is similar to nothing.
   */
  public List<float[]> embedAll(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<String> present = texts.stream().filter(t -> !t.isBlank()).toList();
    List<float[]> vectors = present.isEmpty() ? List.of() : models.embeddings()
        .embedAll(present.stream().map(TextSegment::from).toList()).content().stream().map(Embedding::vector)
        .toList();
    List<float[]> all = new java.util.ArrayList<>();
    int next = 0;
    for (String text : texts) {
      all.add(text.isBlank() ? new float[vectors.isEmpty() ? 1 : vectors.get(0).length] : vectors.get(next++));
    }
    return all;
  }

  /** Embeddings of many texts computed in parallel over the cores (for the codebook, once, at start-up). */
  public List<float[]> embedInParallel(List<String> texts) {
    return texts.parallelStream().map(t -> t.isBlank() ? new float[1] : embed(t)).toList();
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
