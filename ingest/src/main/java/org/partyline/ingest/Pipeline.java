package org.partyline.ingest;

import java.util.ArrayList;
import java.util.List;
import org.partyline.ingest.codebook.ClaimEntry;
import org.partyline.ingest.codebook.Codebook;
import org.partyline.ingest.codebook.TopicEntry;
import org.partyline.ingest.gazetteer.Gazetteer;
import org.partyline.ingest.nlp.Document;
import org.partyline.ingest.nlp.Embedder;
import org.partyline.ingest.nlp.LemmaStage;
import org.partyline.ingest.nlp.Models;
import org.partyline.ingest.nlp.PosStage;
import org.partyline.ingest.nlp.SentenceStage;
import org.partyline.ingest.nlp.Stage;
import org.partyline.ingest.nlp.TokenStage;
import org.partyline.ingest.rules.AttributionStage;
import org.partyline.ingest.rules.DecisionStage;
import org.partyline.ingest.rules.Lexicons;
import org.partyline.ingest.rules.MentionStage;
import org.partyline.ingest.rules.StanceReader;
import org.partyline.ingest.rules.Target;
import org.partyline.ingest.rules.TargetStage;

/**
 * The stages in order: sentences, tokens, pos (OpenNLP), mentions, lemmas (OpenNLP, where the rules will look),
 * attributions, targets (embeddings and words in common), decisions. Built once per codebook: the codebook's entries are lemmatized and embedded here.
 */
record Pipeline(List<Stage> stages) {

  static Pipeline create(Models models, Codebook codebook) {
    Lexicons lexicons = Lexicons.load();
    SentenceStage sentences = new SentenceStage(models);
    TokenStage tokens = new TokenStage(models);
    PosStage pos = new PosStage(models);
    LemmaStage lemmas = new LemmaStage(models);
    List<Stage> linguistic = List.of(sentences, tokens, pos, lemmas);
    Embedder embedder = new Embedder(models);
    opennlp.tools.tokenize.TokenizerME tokenizer = new opennlp.tools.tokenize.TokenizerME(models.tokens());
    Gazetteer gazetteer = Gazetteer.load(codebook, tokenizer::tokenize);
    List<Target> targets = targets(codebook, linguistic, embedder);
    List<Stage> stages = new ArrayList<>(List.of(sentences, tokens, pos));
    stages.add(new MentionStage(gazetteer, lexicons));
    stages.add(new LemmaStage(models, Pipeline::mayAttribute));
    stages.add(new AttributionStage(lexicons));
    stages.add(new TargetStage(targets, embedder));
    stages.add(new DecisionStage(new StanceReader(lexicons), lexicons.anaphors()));
    return new Pipeline(List.copyOf(stages));
  }

  private static final java.util.Set<String> REFERRING = java.util.Set.of("he", "she", "it", "they", "his", "her",
      "its", "their");

  /**
   * A sentence that names an actor, refers to one by a pronoun or holds a quotation mark (it may go on with an
   * earlier speaker's words): only there can something be attributed.
   */
  private static boolean mayAttribute(Document document, org.partyline.ingest.nlp.Sentence sentence) {
    for (org.partyline.ingest.rules.Mention mention : document.layer(org.partyline.ingest.rules.Mention.class)) {
      if (mention.sentence() == sentence.index()) {
        return true;
      }
    }
    return sentence.tokens().stream().anyMatch(t -> REFERRING.contains(t.text().toLowerCase(java.util.Locale.ROOT))
        || t.text().equals("\""));
  }

  Document run(Article article) {
    Document document = new Document(article);
    for (Stage stage : stages) {
      stage.process(document);
    }
    return document;
  }

  private static List<Target> targets(Codebook codebook, List<Stage> linguistic, Embedder embedder) {
    List<String> keys = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    List<Boolean> topics = new ArrayList<>();
    for (TopicEntry topic : codebook.topics()) {
      keys.add(topic.topic());
      texts.add(topic.description());
      topics.add(true);
    }
    for (ClaimEntry claim : codebook.claims()) {
      keys.add(claim.claimId());
      texts.add(claim.proposition());
      topics.add(false);
    }
    List<float[]> vectors = embedder.embedInParallel(texts);
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      Document entry = new Document(new Article(keys.get(i), texts.get(i), java.time.Instant.EPOCH, null, null,
          null));
      for (Stage stage : linguistic) {
        stage.process(entry);
      }
      java.util.Set<String> words = new java.util.HashSet<>();
      entry.sentences().forEach(s -> words.addAll(TargetStage.ContentWords.of(s.tokens())));
      targets.add(new Target(keys.get(i), topics.get(i), texts.get(i), words, vectors.get(i)));
    }
    return targets;
  }
}
