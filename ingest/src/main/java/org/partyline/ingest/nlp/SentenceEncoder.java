package org.partyline.ingest.nlp;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The quantized all-MiniLM-L6-v2 sentence encoder shipped in langchain4j's jar, run in the calling thread with one
 * ONNX Runtime thread that does not spin: callers already process articles in parallel, and a session that spreads
 * each small sentence over every core (the library's default) only makes the threads wait for each other.
 */
final class SentenceEncoder extends AbstractInProcessEmbeddingModel {

  private static final String MODEL = "all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";
  private static final int DIMENSION = 384;

  private final OnnxBertBiEncoder encoder;

  SentenceEncoder() {
    super(Runnable::run);
    try (InputStream tokenizer = resource(TOKENIZER); InputStream model = resource(MODEL);
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession session = environment.createSession(model.readAllBytes(), options);
      encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the sentence encoder " + MODEL, e);
    } catch (OrtException e) {
      throw new IllegalStateException("starting ONNX Runtime for " + MODEL, e);
    }
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return encoder;
  }

  @Override
  protected Integer knownDimension() {
    return DIMENSION;
  }

  private static InputStream resource(String name) {
    InputStream in = SentenceEncoder.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("model file " + name + " is not on the classpath");
    }
    return in;
  }
}
