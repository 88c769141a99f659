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
 * Matches what each attribution says against the codebook's topics and claims by meaning
 * (cosine similarity of sentence embeddings) plus words in common (the entry's lemmas found in the sentence, each
 * weighted by how rare it is among the entries). An entry that the title or some part of the article matches well is
 * a subject of the article and is preferred everywhere in it. Rule {@code target.meaning}. Only the parts of sentences that are
 * attributed to an actor are embedded.
 */
public final class TargetStage implements Stage {

  /** Weight of the words in common against the cosine. */
  static final double OVERLAP_WEIGHT = 0.5;
  /** An entry that the title or some attribution matches this well is a subject of the article... */
  static final double ARTICLE_TOPIC = 0.65;
  /** ...and is preferred by this much wherever the article's parts are compared with it. */
  static final double ARTICLE_BOOST = 0.05;
  /**
   * A part of a sentence that shares less than this share of weighted words with every entry is not embedded (it
   * matches nothing): on the development set no coded reading came from such a part, and it saves most of the time.
   */
  static final double MIN_OVERLAP_TO_EMBED = 0.1;
  /**
   * A topic whose name (its key of two words or more, such as {@code taiwan-independence}) the speaker's part spells
   * out word for word is named, not just described, and is preferred by this much. Rule {@code target.named}.
   */
  static final double NAMED_BOOST = 0.15;

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
    List<Attribution> attributions = document.layer(Attribution.class);
    List<String> texts = new ArrayList<>();
    List<Set<String>> words = new ArrayList<>();
    List<List<Token>> parts = new ArrayList<>();
    for (Attribution attribution : attributions) {
      Sentence sentence = document.sentences().get(attribution.sentence());
      List<Token> said = attribution.rule().equals("speaker.relative")
          ? sentence.tokens().subList(attribution.scopeStart(), attribution.scopeEnd())
          : said(sentence, attribution.scopeStart(), attribution.scopeEnd());
      texts.add(text(sentence, said));
      words.add(ContentWords.of(said));
      parts.add(said);
    }
    String title = document.article().title();
    boolean titled = title != null && !title.isBlank();
    if (titled) {
      texts.add(title);
    }
    for (int a = 0; a < attributions.size(); a++) {
      Set<String> said = words.get(a);
      boolean anyWord = targets.stream().anyMatch(t -> overlap(said, t.lemmas()) >= MIN_OVERLAP_TO_EMBED);
      if (!anyWord) {
        texts.set(a, "");
      }
    }
    List<float[]> vectors = texts.isEmpty() ? List.of() : embedder.embedAll(texts);
    double[][] scores = new double[attributions.size() + 1][targets.size()];
    double[][] cosines = new double[attributions.size() + 1][targets.size()];
    double[][] overlaps = new double[attributions.size() + 1][targets.size()];
    double[] relevance = new double[targets.size()];
    for (int a = 0; a < texts.size(); a++) {
      Set<String> said = a < attributions.size() ? words.get(a) : titleWords(document, title);
      for (int t = 0; t < targets.size(); t++) {
        cosines[a][t] = Embedder.cosine(vectors.get(a), targets.get(t).vector());
        overlaps[a][t] = overlap(said, targets.get(t).lemmas());
        scores[a][t] = cosines[a][t] + OVERLAP_WEIGHT * overlaps[a][t];
        relevance[t] = Math.max(relevance[t], scores[a][t]);
      }
    }
    List<TargetMatch> matches = document.layer(TargetMatch.class);
    for (int a = 0; a < attributions.size(); a++) {
      List<TargetMatch> forAttribution = new ArrayList<>();
      for (int t = 0; t < targets.size(); t++) {
        double boost = relevance[t] >= ARTICLE_TOPIC ? ARTICLE_BOOST : 0;
        boolean named = targets.get(t).topic() && named(parts.get(a), targets.get(t).key());
        if (named) {
          boost += NAMED_BOOST;
        }
        forAttribution.add(new TargetMatch(a, targets.get(t), cosines[a][t], overlaps[a][t], scores[a][t] + boost,
            named));
      }
      forAttribution.sort(Comparator.comparingDouble(TargetMatch::score).reversed()
          .thenComparing(m -> m.target().key()));
      matches.addAll(forAttribution);
    }
  }

  /** Whether the tokens spell out a topic's key of two words or more ("Taiwan independence"), in any case. */
  static boolean named(List<Token> tokens, String key) {
    String[] name = key.split("-");
    if (name.length < 2) {
      return false;
    }
    for (int i = 0; i + name.length <= tokens.size(); i++) {
      int k = 0;
      while (k < name.length && tokens.get(i + k).text().equalsIgnoreCase(name[k])) {
        k++;
      }
      if (k == name.length) {
        return true;
      }
    }
    return false;
  }

  /** Content words of the title, lemmatized like the text is (the title is not part of the text). */
  private static Set<String> titleWords(Document document, String title) {
    Set<String> words = new HashSet<>();
    for (String word : title.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (word.length() > 2) {
        words.add(word);
      }
    }
    return words;
  }

  /**
   * The tokens of an attribution's part of the sentence without its non-restrictive relative clauses
   * (", who seized the eastern cities of Goma and Bukavu"), which add background, not what was said; unless the
   * speaker speaks in that clause ("The UAE, which has denied supplying weapons, asked ...").
   */
  static List<Token> said(Sentence sentence, int from, int to) {
    List<Token> kept = new ArrayList<>();
    boolean skipping = false;
    for (int i = from; i < to; i++) {
      Token token = sentence.token(i);
      String word = token.text().toLowerCase(java.util.Locale.ROOT);
      if (!skipping && token.text().equals(",") && i + 1 < to
          && Set.of("who", "which").contains(sentence.token(i + 1).text().toLowerCase(java.util.Locale.ROOT))) {
        skipping = true;
        continue;
      }
      if (skipping && (word.equals(",") || word.equals(";"))) {
        skipping = false;
        continue;
      }
      if (!skipping) {
        kept.add(token);
      }
    }
    return kept.isEmpty() ? sentence.tokens().subList(from, to) : kept;
  }

  private static String text(Sentence sentence, List<Token> tokens) {
    StringBuilder text = new StringBuilder();
    int last = -1;
    for (Token token : tokens) {
      if (last >= 0) {
        text.append(token.start() > last ? " " : "");
      }
      text.append(token.text());
      last = token.end();
    }
    return text.toString();
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
