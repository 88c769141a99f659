package org.partyline.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.partyline.ingest.codebook.Codebook;
import org.partyline.ingest.nlp.Document;
import org.partyline.ingest.nlp.Models;
import org.partyline.ingest.nlp.Stage;
import org.partyline.ingest.rules.Folder;
import org.partyline.ingest.rules.Proposal;

/**
 * Turns articles into candidate statements and claims against one codebook. Models are loaded once per process by
 * {@link #create}; after that the ingestor is thread-safe, and {@link #ingest} gives the same candidates, byte for
 * byte, for the same article and codebook.
 */
public final class Ingestor implements AutoCloseable {

  /**
   * Readings less sure than this are not proposed at all: on the tuning part of the development set they were
   * right less than half the time. Users who want fewer, surer candidates raise --min-confidence above it.
   */
  public static final double MIN_PROPOSED = 0.5;

  private final Pipeline pipeline;

  private Ingestor(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  public static Ingestor create(Codebook codebook) {
    Objects.requireNonNull(codebook, "codebook");
    return new Ingestor(Pipeline.create(Models.shared(), codebook));
  }

  /** The named stages, in the order they run. */
  public List<String> stages() {
    return pipeline.stages().stream().map(Stage::name).toList();
  }

  /** Every layer the stages add to an article: for tests and for explaining a result. */
  public Document annotate(Article article) {
    return pipeline.run(Objects.requireNonNull(article, "article"));
  }

  /** Candidates in a stable order: by where their evidence first occurs in the article. */
  public List<Candidate> ingest(Article article) {
    Objects.requireNonNull(article, "article");
    Document document = pipeline.run(article);
    List<Candidate> candidates = new ArrayList<>();
    Map<String, Integer> runsPerKey = new HashMap<>();
    Map<String, LocalDate> lastDayPerKey = new HashMap<>();
    for (List<Proposal> run : Folder.fold(document.layer(Proposal.class))) {
      Proposal first = run.get(0);
      String key = first.type() + "\n" + first.party() + "\n" + first.target().key();
      int ordinal = runsPerKey.merge(key, 1, Integer::sum);
      LocalDate day = first.day();
      LocalDate lastDay = lastDayPerKey.put(key, day);
      int minute = lastDay != null && !day.isAfter(lastDay) ? ordinal - 1 : 0;
      if (lastDay != null && day.isBefore(lastDay)) {
        day = lastDay;
      }
      Candidate candidate = candidate(document, run, key, ordinal, day.atTime(12, minute).toInstant(ZoneOffset.UTC));
      if (candidate.confidence() >= MIN_PROPOSED) {
        candidates.add(candidate);
      }
    }
    return List.copyOf(candidates);
  }

  private static Candidate candidate(Document document, List<Proposal> run, String key, int ordinal,
      Instant occurredAt) {
    Article article = document.article();
    Proposal first = run.get(0);
    String speaker = run.stream().map(Proposal::speaker).filter(Objects::nonNull).findFirst().orElse(null);
    double confidence = run.stream().mapToDouble(Proposal::confidence).max().orElse(0);
    confidence = Math.min(1.0, confidence + 0.05 * (run.size() - 1));
    boolean statement = first.target().topic();
    String eventId = eventId(article.id(), key, ordinal, first.value());
    return new Candidate(first.type(), eventId, first.party(), speaker, occurredAt,
        statement ? first.target().key() : null, statement ? null : first.target().key(),
        statement ? null : first.target().text(), statement ? first.value() : null,
        statement ? null : first.value(), article.text().substring(first.quoteStart(), first.quoteEnd()),
        new Candidate.Source(article.url(), article.outlet(), article.title(), article.publishedAt()), article.id(),
        confidence, new Candidate.Evidence(document.sentences().get(first.sentence()).text(), first.rules()));
  }

  /** A stable id: the same article, party, target, position and place in the article always give the same id. */
  static String eventId(String articleId, String key, int ordinal, String value) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] hash = digest.digest((articleId + "\n" + key + "\n" + ordinal + "\n" + value)
          .getBytes(StandardCharsets.UTF_8));
      return "ingest-" + HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  @Override
  public void close() {
    // the models are shared by the process and stay loaded for the next ingestor
  }
}
