package org.partyline.ingest.nlp;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statistical models, read once from the classpath (the OpenNLP Universal Dependencies English models and the
 * quantized all-MiniLM-L6-v2 sentence encoder, all shipped in jars) and shared by every ingestor in the process.
 * Models are immutable and thread-safe; the taggers built on them are not, so stages keep one per thread. The
 * encoder loads in parallel with the OpenNLP models, to shorten start-up.
 */
public final class Models {

  private static final Logger LOG = LoggerFactory.getLogger(Models.class);
  private static volatile Models shared;

  private final SentenceModel sentences;
  private final TokenizerModel tokens;
  private final POSModel pos;
  private final LemmatizerModel lemmas;
  private final EmbeddingModel embeddings;

  private Models() {
    long started = System.nanoTime();
    java.util.concurrent.CompletableFuture<EmbeddingModel> encoder =
        java.util.concurrent.CompletableFuture.supplyAsync(SentenceEncoder::new);
    sentences = read("opennlp-en-ud-ewt-sentence-1.2-2.5.0.bin", SentenceModel::new);
    tokens = read("opennlp-en-ud-ewt-tokens-1.2-2.5.0.bin", TokenizerModel::new);
    pos = read("opennlp-en-ud-ewt-pos-1.2-2.5.0.bin", POSModel::new);
    lemmas = read("opennlp-en-ud-ewt-lemmas-1.2-2.5.0.bin", GreedyLemmatizerModel::new);
    embeddings = encoder.join();
    LOG.info("NLP models loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
  }

  /** The process-wide models, loaded on first use. */
  public static Models shared() {
    Models models = shared;
    if (models == null) {
      synchronized (Models.class) {
        models = shared;
        if (models == null) {
          models = new Models();
          shared = models;
        }
      }
    }
    return models;
  }

  public SentenceModel sentences() {
    return sentences;
  }

  public TokenizerModel tokens() {
    return tokens;
  }

  public POSModel pos() {
    return pos;
  }

  public LemmatizerModel lemmas() {
    return lemmas;
  }

  public EmbeddingModel embeddings() {
    return embeddings;
  }

  private interface ModelReader<T> {
    T read(InputStream in) throws IOException;
  }

  private static <T> T read(String resource, ModelReader<T> reader) {
    try (InputStream in = Models.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("model " + resource + " is not on the classpath");
      }
      return reader.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("reading model " + resource, e);
    }
  }
}
