package org.partyline.ingest.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.partyline.ingest.nlp.Document;
import org.partyline.ingest.nlp.Sentence;
import org.partyline.ingest.nlp.Stage;
import org.partyline.ingest.nlp.Token;

/**
 * Turns each attribution into proposals: the codebook entries its sentence matches well enough, the stance or
 * position read from the speaker's part of the sentence, the day, the quote and a confidence.
 */
public final class DecisionStage implements Stage {

  /**
   * Lowest combined match score for an entry to be coded at all: below it, an entry that shares hardly a word with
   * what was said is matched by a loose likeness of meaning only, and on the tuning articles such matches were wrong.
   */
  static final double MIN_SCORE = 0.50;
  /** Match score at which the match starts to add to the confidence. */
  static final double FIT_FLOOR = 0.45;
  /** Entries this close to the best one in a sentence are coded too (one sentence can carry two). */
  static final double SECOND_MARGIN = 0.03;
  /** ...and so are entries whose own words make up this share of the part of the sentence they match. */
  static final double SECOND_OVERLAP = 0.7;
  /** Match score above which the match adds nothing more to the confidence. */
  static final double FULL_SCORE = 0.75;
  /** How far after another party's name a cue is taken to be that party's. */
  static final int NESTED_REACH = 4;
  private static final Set<String> OBLIGATION = Set.of("should", "must", "ought");
  private static final Set<String> PLACE = Set.of("in", "into", "at", "from", "across", "near", "inside", "within",
      "throughout", "toward", "towards", "over", "against", "to", "with", "between", "among");

  private final StanceReader stances;
  private final Lexicon anaphors;

  public DecisionStage(StanceReader stances, Lexicon anaphors) {
    this.stances = stances;
    this.anaphors = anaphors;
  }

  @Override
  public String name() {
    return "decisions";
  }

  @Override
  public void process(Document document) {
    LocalDate published = TimeResolver.day(document.article().publishedAt());
    List<Attribution> attributions = document.layer(Attribution.class);
    List<TargetMatch> matches = document.layer(TargetMatch.class);
    List<Proposal> proposals = document.layer(Proposal.class);
    Set<String> asserted = new HashSet<>();
    TimeResolver.Day previousDay = null;
    Target lastClaim = null;
    List<Target> topics = new ArrayList<>();
    Target lastTopic = null;
    int topicSentence = -1;
    for (int a = 0; a < attributions.size(); a++) {
      Attribution attribution = attributions.get(a);
      Sentence sentence = document.sentences().get(attribution.sentence());
      int from = attribution.scopeStart();
      int to = attribution.scopeEnd();
      TimeResolver.Day day = TimeResolver.resolve(sentence, from, to, attribution.cue(), published, previousDay);
      previousDay = day;
      List<TargetMatch> chosen = chosen(matches, a);
      boolean[] foreign = foreign(sentence, document.layer(Mention.class), attribution);
      String targetRule = "target.meaning";
      if (lastClaim != null && anaphora(sentence, from, to)) {
        Target previous = lastClaim;
        chosen = List.of(matches.stream().filter(m -> m.target() == previous).findFirst().orElseThrow());
        targetRule = "target.anaphora";
      } else if (chosen.isEmpty() && namedTopic(sentence, from, to, topics) != null) {
        Target previous = namedTopic(sentence, from, to, topics);
        chosen = List.of(matches.stream().filter(m -> m.target() == previous).findFirst().orElseThrow());
        targetRule = "target.anaphora";
      } else if (chosen.isEmpty() && topicSentence == sentence.index() && lastTopic != null
          && (pronounObject(sentence, attribution.cue(), to) || appositiveObject(sentence, from))) {
        Target previous = lastTopic;
        chosen = List.of(matches.stream().filter(m -> m.target() == previous).findFirst().orElseThrow());
        targetRule = "target.anaphora";
      }
      for (TargetMatch match : chosen) {
        Target target = match.target();
        String matchRule = targetRule.equals("target.meaning") && match.named() ? "target.named" : targetRule;
        String party = attribution.speaker().party();
        boolean assertedBefore = asserted.contains(party + "/" + target.key());
        int[] clause = targetClause(sentence, from, to, target, named(sentence, document.layer(Mention.class)));
        StanceReader.Reading reading = null;
        if (clause != null) {
          reading = read(sentence, clause[0], clause[1], attribution, target, assertedBefore, foreign);
          reading = explicit(reading) ? new StanceReader.Reading(reading.value(), reading.rule() + "+"
              + (target.topic() ? "stance.clause" : "claim.clause"), reading.strength()) : null;
        }
        if (reading == null) {
          reading = read(sentence, from, to, attribution, target, assertedBefore, foreign);
        }
        if (reading.value() == null) {
          continue;
        }
        if (reading.value().equals("ASSERTS")) {
          asserted.add(party + "/" + target.key());
        }
        if (!target.topic()) {
          lastClaim = target;
        } else {
          topics.remove(target);
          topics.add(target);
          lastTopic = target;
          topicSentence = sentence.index();
        }
        int[] quote = quote(sentence, from, to, attribution.cue());
        double fit = matchRule.equals("target.anaphora") ? 0.6
            : Math.min(1, Math.max(0, (match.score() - FIT_FLOOR) / (FULL_SCORE - FIT_FLOOR)));
        double confidence = (0.5 + 0.5 * fit) * attribution.strength() * reading.strength();
        String rules = attribution.speaker().rule() + "+" + attribution.rule() + "+" + matchRule + "+"
            + reading.rule() + "+" + day.rule();
        proposals.add(new Proposal(sentence.index(), party, attribution.speaker().person(), target, reading.value(),
            day.date(), quote[0], quote[1], confidence, rules));
      }
    }
  }

  /**
   * The stance or position read from tokens [from, to): the speaker's part, or the one clause of it that is about the
   * entry. A clause is read on its own only when it has a cue of its own ("vowed to keep fighting, rejecting a
   * ceasefire": the ceasefire is rejected, not vowed; rules {@code stance.clause}, {@code claim.clause}); a clause with
   * no cue ("condemned the decision, saying the sanctions were illegal") takes the reading of the whole part.
   */
  private StanceReader.Reading read(Sentence sentence, int from, int to, Attribution attribution, Target target,
      boolean assertedBefore, boolean[] foreign) {
    return target.topic() ? stances.statement(sentence, from, to, attribution, target, foreign)
        : stances.claim(sentence, from, to, attribution.cue(), target, assertedBefore, foreign);
  }

  /** The tokens of the sentence that name an actor. */
  private static boolean[] named(Sentence sentence, List<Mention> mentions) {
    boolean[] names = new boolean[sentence.size()];
    for (Mention mention : mentions) {
      if (mention.sentence() == sentence.index()) {
        for (int i = mention.start(); i < mention.end(); i++) {
          names[i] = true;
        }
      }
    }
    return names;
  }

  private static boolean explicit(StanceReader.Reading reading) {
    String rule = reading.rule();
    return reading.value() != null && !rule.startsWith("stance.default") && !rule.startsWith("stance.negated+")
        && !rule.equals("stance.negated") && !rule.equals("claim.assert") && !rule.equals("claim.contrary");
  }

  /**
   * The clause of the speaker's part that holds most of the entry's words (not counting actors' names), when the part
   * has several clauses and one of them holds more than any other; else null.
   */
  static int[] targetClause(Sentence sentence, int from, int to, Target target, boolean[] names) {
    List<int[]> clauses = Clauses.of(sentence, from, to);
    if (clauses.size() < 2) {
      return null;
    }
    int[] best = null;
    int bestCount = 0;
    boolean tie = false;
    for (int[] clause : clauses) {
      Set<String> words = new HashSet<>();
      for (int i = clause[0]; i < clause[1]; i++) {
        String key = sentence.token(i).key();
        if (!names[i] && target.lemmas().contains(key)) {
          words.add(key);
        }
      }
      if (words.size() > bestCount) {
        best = clause;
        bestCount = words.size();
        tie = false;
      } else if (words.size() == bestCount) {
        tie = true;
      }
    }
    return tie || best == null ? null : best;
  }

  /**
   * "Russia opposed Ukraine joining NATO, but Poland backed it": "it" or "this" right after the cue, in a sentence
   * whose earlier speaker was coded on a topic, is that topic.
   */
  private static boolean pronounObject(Sentence sentence, int cue, int to) {
    int k = cue + 1;
    while (k < to && sentence.token(k).pos().equals("ADV")) {
      k++;
    }
    return k < to && Set.of("it", "this").contains(sentence.token(k).text().toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * ", a move Russia opposed": a noun set off by a comma right before the speaker sums up what the clause before it
   * said, which is the object of the speaker's cue.
   */
  private static boolean appositiveObject(Sentence sentence, int from) {
    return from >= 3 && sentence.token(from - 1).pos().equals("NOUN")
        && Set.of("a", "an", "the", "this").contains(sentence.token(from - 2).text().toLowerCase(java.util.Locale.ROOT))
        && sentence.token(from - 3).text().equals(",");
  }

  /**
   * "rejected the claim", "called the accusation a lie": a determiner and a noun that refer to a claim; also right
   * before the speaker, in a clause that leaves out "that" ("a figure ministers dispute").
   */
  private boolean anaphora(Sentence sentence, int from, int to) {
    for (int i = Math.max(from, 1); i < to; i++) {
      String before = sentence.token(i - 1).text().toLowerCase(java.util.Locale.ROOT);
      if (Set.of("the", "this", "these", "that", "those").contains(before)
          && sentence.token(i).pos().equals("NOUN") && anaphors.contains(sentence.token(i))) {
        return true;
      }
    }
    return from >= 2 && sentence.token(from - 1).pos().equals("NOUN") && anaphors.contains(sentence.token(from - 1))
        && Set.of("a", "an", "the", "this", "that").contains(
            sentence.token(from - 2).text().toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * "voted to abandon the target": a determiner and a noun of a topic coded earlier in the article (of its
   * description or its name), in a part of a sentence that matches no entry by itself, refer to that topic; to the
   * latest such topic when several have the noun. {@code topics} are in order of their latest coding.
   */
  private static Target namedTopic(Sentence sentence, int from, int to, List<Target> topics) {
    for (int i = Math.max(from, 1); i < to; i++) {
      String before = sentence.token(i - 1).text().toLowerCase(java.util.Locale.ROOT);
      String noun = sentence.token(i).key();
      if (!Set.of("the", "this", "that").contains(before) || !sentence.token(i).pos().equals("NOUN")) {
        continue;
      }
      for (int t = topics.size() - 1; t >= 0; t--) {
        Target topic = topics.get(t);
        if (topic.lemmas().contains(noun) || List.of(topic.key().split("-")).contains(noun)) {
          return topic;
        }
      }
    }
    return null;
  }

  private static List<TargetMatch> chosen(List<TargetMatch> matches, int attribution) {
    List<TargetMatch> forAttribution = matches.stream().filter(m -> m.attribution() == attribution).toList();
    List<TargetMatch> chosen = new ArrayList<>();
    if (forAttribution.isEmpty() || forAttribution.get(0).score() < MIN_SCORE) {
      return chosen;
    }
    double best = forAttribution.get(0).score();
    for (TargetMatch match : forAttribution) {
      if (match.score() >= MIN_SCORE && (match.score() >= best - SECOND_MARGIN
          || match.overlap() >= SECOND_OVERLAP)) {
        chosen.add(match);
      }
    }
    return chosen;
  }

  /**
   * The shortest span that carries the evidence: a quotation inside the speaker's part when there is one, else from
   * the cue to the end of its clause. Offsets into the article text.
   */
  static int[] quote(Sentence sentence, int from, int to, int cue) {
    int open = -1;
    for (int i = from; i < to; i++) {
      if (sentence.token(i).text().equals("\"")) {
        if (open < 0) {
          open = i;
        } else if (i - open > 3) {
          return new int[] {sentence.token(open).start(), sentence.token(i).end()};
        } else {
          open = -1;
        }
      }
    }
    int start = Math.max(from, cue);
    int end = to;
    for (int i = start + 1; i < to; i++) {
      if (sentence.token(i).text().equals(";")) {
        end = i;
        break;
      }
    }
    while (end - 1 > start && isTrailing(sentence.token(end - 1))) {
      end--;
    }
    return new int[] {sentence.token(start).start(), sentence.token(end - 1).end()};
  }

  private static boolean isTrailing(Token token) {
    return token.text().equals(".") || token.text().equals(",") || token.text().equals(";");
  }

  /**
   * "said Ukraine can never join NATO", "said Kyiv cannot have its way": a modal of possibility and a negation right
   * after another party's name deny the other party a course: the speaker's opposition, not that party's words.
   */
  private static boolean deniedPossibility(Sentence sentence, int at) {
    if (at + 1 >= sentence.size()) {
      return false;
    }
    String modal = sentence.token(at).text().toLowerCase(java.util.Locale.ROOT);
    String next = sentence.token(at + 1).text().toLowerCase(java.util.Locale.ROOT);
    return modal.equals("cannot") || Set.of("can", "could", "must", "should").contains(modal)
        && Set.of("never", "not", "n't").contains(next);
  }

  /**
   * A name after a preposition of place or company ("troops in Russia", "talks with Iran"): a place or a party to
   * something, not a speaker whose words follow.
   */
  private static boolean placed(Sentence sentence, Mention mention) {
    int k = mention.start() - 1;
    if (k > 0 && sentence.token(k).text().equalsIgnoreCase("the")) {
      k--;
    }
    return k >= 0 && PLACE.contains(sentence.token(k).text().toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * Tokens just after another party's name, up to a comma: cues there are that party's, not the speaker's; unless
   * a modal of obligation follows the name ("said Ukraine should drop its bid"): that is the speaker's demand; or the
   * name is a place ("reports of its troops in Russia"). After a possessive the party's part is its noun phrase
   * ("Hungary's refusal to extend ..."), not the verb that has the phrase as subject ("Ukraine's membership was not
   * ...").
   */
  private static boolean[] foreign(Sentence sentence, List<Mention> mentions, Attribution attribution) {
    boolean[] foreign = new boolean[sentence.size() + 1];
    for (Mention mention : mentions) {
      if (mention.sentence() != sentence.index() || mention.party().equals(attribution.speaker().party())
          || mention.end() <= attribution.cue()) {
        continue;
      }
      if (mention.end() < sentence.size() && OBLIGATION.contains(
          sentence.token(mention.end()).text().toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      if (deniedPossibility(sentence, mention.end())) {
        continue;
      }
      if (placed(sentence, mention)) {
        continue;
      }
      String last = sentence.token(mention.end() - 1).text();
      boolean possessive = last.endsWith("'s") || last.endsWith("’s") || (mention.end() < sentence.size()
          && sentence.token(mention.end()).text().equals("'s"));
      for (int i = mention.end(); i < Math.min(sentence.size(), mention.end() + NESTED_REACH); i++) {
        Token token = sentence.token(i);
        if (token.text().equals(",") || possessive && (token.pos().equals("AUX") || token.pos().equals("VERB")
            && !sentence.token(i - 1).text().equalsIgnoreCase("to"))) {
          break;
        }
        foreign[i] = true;
      }
    }
    return foreign;
  }
}
