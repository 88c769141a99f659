package org.partyline.ingest.rules;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.partyline.ingest.nlp.Sentence;
import org.partyline.ingest.nlp.Token;

/**
 * How an actor stands: the stance of a statement (guidelines H1-H3) or the position on a claim (C1-C5), read from
 * the cue lists in the speaker's part of the sentence. Each outcome names its rule:
 * {@code stance.neutral}, {@code stance.oppose}, {@code stance.negated-support}, {@code stance.negated-target},
 * {@code stance.support}, {@code stance.default}, {@code stance.lean-oppose}, {@code stance.condition},
 * {@code stance.hedge}, {@code stance.embedded}, {@code stance.negated}, {@code stance.prediction},
 * {@code stance.report} and {@code stance.question} (give nothing);
 * {@code claim.retract}, {@code claim.deny}, {@code claim.dispute}, {@code claim.contrary}, {@code claim.assert}.
 */
public final class StanceReader {

  private static final int NEGATION_REACH = 3;
  /**
   * An opposing cue this close after a supporting one is what the support is for ("vowed to scrap the ban", "urged
   * the council to reject the plan"): the stance is OPPOSE.
   */
  private static final int GOVERNED_REACH = 3;
  /** How far after the speaker's cue another actor's name can start the act the cue is about. */
  private static final int EMBEDDED_REACH = 3;
  private static final List<String> OPPOSITION_NOUNS = List.of("opposition", "objection", "protest",
      "condemnation");
  private static final List<String> STRONG_OPPOSITION = List.of("act of war", "act of aggression",
      "declaration of war", "condemn", "reject", "firm response", "unacceptable", "refuse");

  private final Lexicons lexicons;

  public StanceReader(Lexicons lexicons) {
    this.lexicons = lexicons;
  }

  /** A stance or position with its rule and how sure the cue is (1 for an explicit cue, less for a default). */
  public record Reading(String value, String rule, double strength) {}

  /**
   * No stance or position: the part only says that the actor watches, discusses or forecasts the matter, or leaves
   * a claim's truth open ("investigating whether", "declined to comment").
   */
  public static final Reading NO_POSITION = new Reading(null, "stance.none", 0);

  /**
   * No stance either: with no cue of support or opposition, the part forecasts what something other than the speaker
   * will do or bring ("said the tariff would cost jobs"), which guideline A4 does not code. Rule
   * {@code stance.prediction}.
   */
  public static final Reading PREDICTION = new Reading(null, "stance.prediction", 0);

  /**
   * No stance either: with no cue, the part reports an event in the perfect or the passive ("said the sanctions had
   * been extended"), which states no position (guideline A4). Rule {@code stance.report}.
   */
  public static final Reading REPORT = new Reading(null, "stance.report", 0);

  /**
   * No stance either: what follows "whether" is asked, not said ("asked whether the ban was still needed"); its cues
   * are not the speaker's, and with no other cue there is no stance. Rule {@code stance.question}.
   */
  public static final Reading QUESTION = new Reading(null, "stance.question", 0);

  private static final Set<String> FUTURE = Set.of("will", "would", "'ll", "wo");
  private static final Set<String> NOT_SUBJECTS = Set.of("CCONJ", "SCONJ", "PUNCT", "ADP");
  private static final Set<String> OWN_SUBJECTS = Set.of("it", "they", "he", "she", "we", "i");

  public Reading statement(Sentence sentence, int from, int to, Attribution attribution, Target target,
      boolean[] foreign) {
    if (!own(lexicons.neutral(), sentence, from, to, foreign).isEmpty()) {
      return new Reading("NEUTRAL", "stance.neutral", 1.0);
    }
    int question = questionAt(sentence, from, to);
    if (question >= 0) {
      foreign = foreign.clone();
      for (int i = question; i < Math.min(to, sentence.size()) && !sentence.token(i).text().equals(","); i++) {
        foreign[i] = true;
      }
    }
    boolean[] opposing = topicWordsMasked(sentence, from, to, target, foreign);
    Lexicon.Hit oppose = firstUnnegated(sentence, lexicons.oppose(), from, to, opposing);
    Lexicon.Hit undone = undoneOpposition(sentence, from, to, opposing);
    if (undone != null && oppose != null && oppose.start() == undone.start()) {
      return new Reading("SUPPORT", "stance.support", 1.0);
    }
    Lexicon.Hit negatedSupport = firstNegated(sentence, lexicons.support(), from, to, foreign);
    Lexicon.Hit support = firstUnnegated(sentence, lexicons.support(), from, to, foreign);
    boolean negatedTarget = negatedTargetWord(sentence, from, to, target);
    Lexicon.Hit lead = oppose == null ? support : support == null || oppose.start() < support.start() ? oppose
        : support;
    Boolean embedded = lead == null ? null : embeddedAct(sentence, lead, to, foreign);
    String base;
    String rule;
    double strength;
    if (embedded != null && !embedded) {
      base = lead == support ? "OPPOSE" : "SUPPORT";
      rule = "stance.embedded";
      strength = 0.9;
    } else if (negatedTarget) {
      base = "OPPOSE";
      rule = "stance.negated-target";
      strength = 1.0;
    } else if (oppose != null && (support == null || oppose.start() <= support.start()
        || oppose.start() - support.end() <= GOVERNED_REACH || undoneObject(sentence, support, oppose))) {
      base = "OPPOSE";
      rule = "stance.oppose";
      strength = 1.0;
    } else if (negatedSupport != null && support == null) {
      base = "OPPOSE";
      rule = "stance.negated-support";
      strength = 0.9;
    } else if (support != null) {
      base = "SUPPORT";
      rule = "stance.support";
      strength = 1.0;
    } else if (!own(lexicons.nonPositions(), sentence, from, to, foreign).isEmpty()
        && lexicons.leanOppose().find(sentence, from, to).isEmpty()) {
      return NO_POSITION;
    } else if (question >= 0) {
      return QUESTION;
    } else if (forecast(sentence, from, to, attribution)) {
      return PREDICTION;
    } else if (reportedEvent(sentence, from, to, attribution)) {
      return REPORT;
    } else if (looseNegation(sentence, from, to, attribution.cue(), foreign)) {
      base = "OPPOSE";
      rule = "stance.negated";
      strength = 0.6;
    } else {
      base = "SUPPORT";
      rule = "stance.default";
      strength = 0.6;
    }
    if (!lexicons.leanOppose().find(sentence, from, to).isEmpty()) {
      return new Reading("LEAN_OPPOSE", rule + "+stance.lean-oppose", strength);
    }
    List<Lexicon.Hit> conditions = lexicons.condition().find(sentence, from, to);
    if (!conditions.isEmpty() && demanded(sentence, conditions.get(0).end(), to, target)) {
      boolean undo = firstUnnegated(sentence, lexicons.oppose(), conditions.get(0).end(), to, foreign) != null;
      return new Reading(undo ? "OPPOSE" : "SUPPORT", "stance.demanded-condition", 0.9);
    }
    if (base.equals("OPPOSE") && !conditions.isEmpty() && !strong(sentence, from, to)) {
      return new Reading("LEAN_OPPOSE", rule + "+stance.condition", strength);
    }
    if (base.equals("SUPPORT") && !lexicons.hedge().find(sentence, from, to).isEmpty()) {
      return new Reading("LEAN_SUPPORT", rule + "+stance.hedge", strength * 0.85);
    }
    return new Reading(base, rule, strength);
  }

  /**
   * Whether the first "will" or "would" after the cue has a subject other than a pronoun (which, in reported speech,
   * is the speaker: "said it would ...", an announcement): a forecast. A name, even of the speaker's own side, makes
   * it a forecast too, so that only an announcement in the speaker's own voice counts without a cue.
   */
  private static boolean forecast(Sentence sentence, int from, int to, Attribution attribution) {
    for (int i = Math.max(from, attribution.cue() + 1); i < Math.min(to, sentence.size()); i++) {
      Token token = sentence.token(i);
      if (!token.pos().equals("AUX") || !FUTURE.contains(token.text().toLowerCase(Locale.ROOT))) {
        continue;
      }
      int k = i - 1;
      while (k > attribution.cue() && sentence.token(k).pos().equals("ADV")) {
        k--;
      }
      if (k <= attribution.cue()) {
        return false;
      }
      Token subject = sentence.token(k);
      return !OWN_SUBJECTS.contains(subject.text().toLowerCase(Locale.ROOT))
          && !NOT_SUBJECTS.contains(subject.pos());
    }
    return false;
  }

  /**
   * The act of another actor that the speaker's cue takes as its object ("welcomed Kyiv's decision to drop its bid",
   * "accused Israel of blocking the talks", "criticised Hungary's refusal to extend the sanctions"): null when
   * no other actor's words follow the cue, false when that act opposes or abandons something, else true. The
   * speaker's stance is the two put together: welcoming a decision to drop a policy opposes the policy.
   */
  private Boolean embeddedAct(Sentence sentence, Lexicon.Hit lead, int to, boolean[] foreign) {
    int start = -1;
    for (int j = lead.end(); j < Math.min(to, lead.end() + EMBEDDED_REACH); j++) {
      if (foreign[j]) {
        start = j;
        break;
      }
    }
    if (start < 0) {
      return null;
    }
    int end = start;
    while (end < to && foreign[end]) {
      end++;
    }
    for (Lexicon.Hit hit : lexicons.oppose().find(sentence, start, end)) {
      if (!negatedAt(sentence, hit.start())) {
        return false;
      }
    }
    for (Lexicon.Hit hit : lexicons.support().find(sentence, start, end)) {
      if (negatedAt(sentence, hit.start())) {
        return false;
      }
    }
    return true;
  }

  /**
   * A negation of the speaker's own, not of the cue, that does not negate an opposing cue ("said membership was not
   * on the table"; not "said it would not block the plan"): with no other cue, the speaker rules the policy out, so the
   * stance is OPPOSE, as sure as a default. Rule {@code stance.negated}.
   */
  private boolean looseNegation(Sentence sentence, int from, int to, int cue, boolean[] foreign) {
    List<Lexicon.Hit> opposing = lexicons.oppose().find(sentence, from, to);
    for (Lexicon.Hit negation : own(lexicons.negations(), sentence, from, to, foreign)) {
      if (negation.start() < cue && cue - negation.start() <= NEGATION_REACH) {
        continue;
      }
      boolean onOppose = opposing.stream().anyMatch(o -> o.start() > negation.start()
          && o.start() - negation.start() <= NEGATION_REACH);
      if (!onOppose) {
        return true;
      }
    }
    return false;
  }

  /**
   * The foreign tokens plus the opposing cues that name the topic itself ("called for lifting the sanctions" on a
   * topic about lifting them; "suspended the treaty" on one about its suspension): such a cue is what the speaker is
   * for or against, not opposition.
   */
  private boolean[] topicWordsMasked(Sentence sentence, int from, int to, Target target, boolean[] foreign) {
    boolean[] masked = foreign.clone();
    for (Lexicon.Hit hit : lexicons.oppose().find(sentence, from, to)) {
      String key = sentence.token(hit.start()).key();
      if (target.lemmas().contains(key) || sharesStem(key, target)) {
        masked[hit.start()] = true;
      }
    }
    return masked;
  }

  /**
   * "want the ban scrapped", "called for the ban to be scrapped", "demanded that the ban be lifted": an opposing cue
   * in the passive participle ("be" before it, or nothing after it in its clause) that closes the object of a
   * supporting one, with no other verb or conjunction between, is what the support asks for: the stance is OPPOSE.
   */
  private static boolean undoneObject(Sentence sentence, Lexicon.Hit support, Lexicon.Hit oppose) {
    Token participle = sentence.token(oppose.start());
    if (!Set.of("VERB", "ADJ").contains(participle.pos())
        || !participle.text().toLowerCase(Locale.ROOT).endsWith("ed")) {
      return false;
    }
    boolean passive = sentence.token(oppose.start() - 1).key().equals("be");
    boolean closing = oppose.end() >= sentence.size()
        || Set.of(".", ",", ";").contains(sentence.token(oppose.end()).text());
    if (!passive && !closing) {
      return false;
    }
    for (int i = support.end(); i < oppose.start(); i++) {
      Token token = sentence.token(i);
      if ((token.pos().equals("VERB") || token.pos().equals("AUX")) && !token.key().equals("be")
          || token.pos().equals("CCONJ") || token.text().equals(",") || token.text().equals(";")) {
        return false;
      }
    }
    return true;
  }

  private static final Set<String> PERFECT = Set.of("had", "has", "have");
  private static final Set<String> PASSIVE = Set.of("was", "were", "been", "is", "are");

  /**
   * Whether the first verb after the cue is a perfect ("the talks had stalled") or a passive ("had been extended",
   * "was extended") of something other than the speaker: the speaker reports what happened, which with no cue states
   * no position (guideline A4). What the speaker itself has done ("said it had suspended the treaty") is its own
   * measure, and a participle followed by "to" ("had agreed to ban ...") commits to a course of action.
   */
  private static boolean reportedEvent(Sentence sentence, int from, int to, Attribution attribution) {
    for (int i = Math.max(from, attribution.cue() + 1); i + 1 < Math.min(to, sentence.size()); i++) {
      Token token = sentence.token(i);
      if (token.pos().equals("VERB") && !sentence.token(i - 1).text().equalsIgnoreCase("to")) {
        return false;
      }
      String word = token.text().toLowerCase(Locale.ROOT);
      if (token.pos().equals("AUX") && i > 0
          && OWN_SUBJECTS.contains(sentence.token(i - 1).text().toLowerCase(Locale.ROOT))) {
        return false;
      }
      if (token.pos().equals("AUX") && (PERFECT.contains(word) || PASSIVE.contains(word))) {
        int k = i + 1;
        while (k < to && (sentence.token(k).pos().equals("ADV") || sentence.token(k).pos().equals("AUX"))) {
          k++;
        }
        return k < to && sentence.token(k).pos().equals("VERB") && sentence.token(k).text().endsWith("ed")
            && !(k + 1 < to && sentence.token(k + 1).text().equalsIgnoreCase("to"));
      }
    }
    return false;
  }

  /** The first "whether" of the part, or -1. */
  private static int questionAt(Sentence sentence, int from, int to) {
    for (int i = from; i < Math.min(to, sentence.size()); i++) {
      if (sentence.token(i).text().equalsIgnoreCase("whether")) {
        return i;
      }
    }
    return -1;
  }

  /** {@code assertedBefore}: the same party asserted this claim earlier in the article. */
  public Reading claim(Sentence sentence, int from, int to, int cue, Target target, boolean assertedBefore,
      boolean[] foreign) {
    if (assertedBefore && !own(lexicons.retract(), sentence, from, to, foreign).isEmpty()) {
      return new Reading("RETRACTS", "claim.retract", 1.0);
    }
    if (firstUnnegated(sentence, lexicons.deny(), from, to, foreign) != null) {
      return new Reading("DENIES", "claim.deny", 1.0);
    }
    if (!own(lexicons.dispute(), sentence, from, to, foreign).isEmpty()) {
      return new Reading("DISPUTES", "claim.dispute", 0.9);
    }
    if (!own(lexicons.openQuestions(), sentence, from, to, foreign).isEmpty()) {
      return NO_POSITION;
    }
    boolean said = negated(sentence, from, to);
    boolean proposition = target.text().toLowerCase(Locale.ROOT).matches("(?s).*\\b(no|not|never)\\b.*");
    if (said != proposition) {
      return new Reading("DENIES", "claim.contrary", 0.8);
    }
    return new Reading("ASSERTS", "claim.assert", 0.9);
  }

  /**
   * "must drop their opposition to the ban": an opposing cue that undoes a noun of opposition right after it is
   * support for the policy. The undoing cue, or null.
   */
  private Lexicon.Hit undoneOpposition(Sentence sentence, int from, int to, boolean[] foreign) {
    List<Lexicon.Hit> hits = own(lexicons.oppose(), sentence, from, to, foreign);
    for (int k = 0; k + 1 < hits.size(); k++) {
      Lexicon.Hit undo = hits.get(k);
      Lexicon.Hit noun = hits.get(k + 1);
      if (noun.start() - undo.end() <= 2 && OPPOSITION_NOUNS.contains(noun.entry())
          && !OPPOSITION_NOUNS.contains(undo.entry())) {
        return undo;
      }
    }
    return null;
  }

  private boolean strong(Sentence sentence, int from, int to) {
    for (Lexicon.Hit hit : lexicons.oppose().find(sentence, from, to)) {
      if (STRONG_OPPOSITION.contains(hit.entry())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The cues of a lexicon that are the speaker's own: a cue right after another actor's name ("said Takaichi had
   * refused") is that actor's, reported by the speaker, and is left out (rule of nested speech).
   */
  static List<Lexicon.Hit> own(Lexicon lexicon, Sentence sentence, int from, int to, boolean[] foreign) {
    return lexicon.find(sentence, from, to).stream().filter(hit -> !foreign[hit.start()]).toList();
  }

  private Lexicon.Hit firstUnnegated(Sentence sentence, Lexicon lexicon, int from, int to, boolean[] foreign) {
    for (Lexicon.Hit hit : own(lexicon, sentence, from, to, foreign)) {
      if (!negatedAt(sentence, hit.start())) {
        return hit;
      }
    }
    return null;
  }

  private Lexicon.Hit firstNegated(Sentence sentence, Lexicon lexicon, int from, int to, boolean[] foreign) {
    for (Lexicon.Hit hit : own(lexicon, sentence, from, to, foreign)) {
      if (negatedAt(sentence, hit.start())) {
        return hit;
      }
    }
    return null;
  }

  /**
   * A negation within a few tokens before position {@code at}, with no comma between; or, for a modal of obligation,
   * right after it ("must never join", "should not be").
   */
  boolean negatedAt(Sentence sentence, int at) {
    if (sentence.token(at).pos().equals("AUX") && at + 1 < sentence.size()
        && lexicons.negations().contains(sentence.token(at + 1))) {
      return true;
    }
    for (int k = at - 1; k >= Math.max(0, at - NEGATION_REACH); k--) {
      Token token = sentence.token(k);
      if (token.text().equals(",")) {
        return false;
      }
      if (lexicons.negations().contains(token)) {
        return true;
      }
    }
    return false;
  }

  private boolean negated(Sentence sentence, int from, int to) {
    return !lexicons.negations().find(sentence, from, to).isEmpty();
  }

  /** A negated word of the topic itself: "will not retract" on a topic about a retraction. */
  private boolean negatedTargetWord(Sentence sentence, int from, int to, Target target) {
    for (int i = from; i < Math.min(to, sentence.size()); i++) {
      Token token = sentence.token(i);
      if (token.pos().equals("VERB") && negatedAt(sentence, i) && sharesStem(token.key(), target)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sharesStem(String word, Target target) {
    if (word.length() < 5) {
      return false;
    }
    String stem = word.substring(0, 5);
    for (String lemma : target.lemmas()) {
      if (lemma.startsWith(stem)) {
        return true;
      }
    }
    return false;
  }

  /** "would not supply the votes unless the subsidies are extended": the topic is what the condition asks for. */
  private static boolean demanded(Sentence sentence, int after, int to, Target target) {
    int inside = 0;
    for (int i = after; i < Math.min(to, sentence.size()); i++) {
      if (target.lemmas().contains(sentence.token(i).key())) {
        inside++;
      }
    }
    return inside >= 2;
  }
}
