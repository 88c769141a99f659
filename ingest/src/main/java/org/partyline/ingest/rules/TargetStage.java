package org.partyline.ingest.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.partyline.ingest.nlp.Document;
import org.partyline.ingest.nlp.Embedder;
import org.partyline.ingest.nlp.Sentence;
import org.partyline.ingest.nlp.Stage;
import org.partyline.ingest.nlp.Token;

/**
 * Matches each sentence that attributes something to an actor against the codebook's topics and claims by meaning
 * (cosine similarity of sentence embeddings) plus words in common (the entry's lemmas found in the sentence, each
 * weighted by how rare it is among the entries). Rule {@code target.meaning}. Only attributed sentences are embedded.
 */
public final class TargetStage implements Stage {

  /** Weight of the words in common against the cosine. */
  static final double OVERLAP_WEIGHT = 0.5;

  private final List<Target> targets;
  private final Embedder embedder;
  private final Map<String, Double> weights = new HashMap<>();

  public TargetStage(List<Target> targets, Embedder embedder) {
    this.targets = List.copyOf(targets);
    this.embedder = embedder;
    Map<String, Integer> frequency = new HashMap<>();
    for (Target target : targets) {
      for (String lemma : target.lemmas()) {
        frequency.merge(lemma, 1, Integer::sum);
      }
    }
    frequency.forEach((lemma, n) -> weights.put(lemma, Math.log(1.0 + (double) targets.size() / n)));
  }

  @Override
  public String name() {
    return "targets";
  }

  @Override
  public void process(Document document) {
    Set<Integer> attributed = new HashSet<>();
    for (Attribution attribution : document.layer(Attribution.class)) {
      attributed.add(attribution.sentence());
    }
    List<Sentence> sentences = document.sentences().stream().filter(s -> attributed.contains(s.index())).toList();
    List<float[]> vectors = embedder.embedAll(sentences.stream().map(Sentence::text).toList());
    List<TargetMatch> matches = document.layer(TargetMatch.class);
    for (int i = 0; i < sentences.size(); i++) {
      Sentence sentence = sentences.get(i);
      Set<String> words = ContentWords.of(sentence.tokens());
      List<TargetMatch> forSentence = new ArrayList<>();
      for (Target target : targets) {
        double cosine = Embedder.cosine(vectors.get(i), target.vector());
        double overlap = overlap(words, target.lemmas());
        forSentence.add(new TargetMatch(sentence.index(), target, cosine, overlap,
            cosine + OVERLAP_WEIGHT * overlap));
      }
      forSentence.sort(Comparator.comparingDouble(TargetMatch::score).reversed()
          .thenComparing(m -> m.target().key()));
      matches.addAll(forSentence);
    }
  }

  private double overlap(Set<String> words, Set<String> lemmas) {
    double total = 0;
    double found = 0;
    for (String lemma : lemmas) {
      double weight = weights.getOrDefault(lemma, 0.0);
      total += weight;
      if (words.contains(lemma)) {
        found += weight;
      }
    }
    return total == 0 ? 0 : found / total;
  }

  /** Content lemmas of tokens: nouns, proper nouns, adjectives, verbs and numbers, lower-cased. */
  public static final class ContentWords {

    private static final Set<String> KEEP = Set.of("NOUN", "PROPN", "ADJ", "VERB", "NUM");
    private static final Set<String> LIGHT = Set.of("be", "have", "do", "say", "make", "take", "give", "get",
        "go", "include", "other", "which", "its", "their");

    private ContentWords() {}

    public static Set<String> of(List<Token> tokens) {
      Set<String> words = new HashSet<>();
      for (Token token : tokens) {
        String pos = token.pos();
        if (pos.contains("+")) {
          pos = pos.substring(0, pos.indexOf('+'));
        }
        String key = token.key();
        if (key.contains("+")) {
          key = key.substring(0, key.indexOf('+'));
        }
        if (KEEP.contains(pos) && !LIGHT.contains(key) && key.length() > 1) {
          words.add(key);
        }
      }
      return words;
    }
  }
}
