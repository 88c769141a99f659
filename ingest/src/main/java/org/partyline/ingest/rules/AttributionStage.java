package org.partyline.ingest.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.partyline.ingest.nlp.Document;
import org.partyline.ingest.nlp.Sentence;
import org.partyline.ingest.nlp.Stage;
import org.partyline.ingest.nlp.Token;

/**
 * Links each cue of speech or stance to the actor it belongs to. Rules:
 * <ul>
 *   <li>{@code speaker.subject}: the nearest usable mention before the cue that is not the object of a preposition
 *       or of a verb ("Kremlin spokesman Dmitry Peskov told reporters", "Congo's government rejected the claim");
 *       with its coordinated partner ("Washington and Brussels both restated");</li>
 *   <li>{@code speaker.inverted}: a mention right after the cue ("\"...,\" said Peskov");</li>
 *   <li>{@code speaker.according-to}: "according to X";</li>
 *   <li>{@code speaker.passive}: "was rejected by X";</li>
 *   <li>{@code speaker.pronoun}: "he", "she" resolve to the last person who spoke, "it", "they" to the last body
 *       or state that did;</li>
 *   <li>{@code speaker.participle}: ", writing that ...", ", adding ..." keep the sentence's speaker;</li>
 *   <li>{@code speaker.quote-continued}: a sentence inside a quotation left open, or opening a new one right after a
 *       quoted speaker in the same paragraph, with no speaker of its own, is that speaker's;</li>
 *   <li>{@code speaker.coordinated}: ", and urged ..." after another actor's part is the first speaker's;</li>
 *   <li>{@code speaker.group}: "they", "both parties" after a sentence with two coordinated speakers ("Witkoff and
 *       Umerov issued a joint statement") speak for both.</li>
 * </ul>
 * A noun of speech ("its demand", "India's account") counts only after a possessive that names the speaker.
 */
public final class AttributionStage implements Stage {

  private static final Set<String> PERSON_PRONOUNS = Set.of("he", "she");
  private static final Set<String> BODY_PRONOUNS = Set.of("it", "they");
  private static final Set<String> POSSESSIVES = Set.of("its", "his", "her", "their");
  private static final Set<String> BACKGROUND = Set.of("after", "before", "while", "since", "when", "as");
  private static final int BACKGROUND_REACH = 3;
  /** Lemmas of the auxiliaries, which the tagger sometimes tags as full verbs ("which has repeatedly denied"). */
  private static final Set<String> AUXILIARIES = Set.of("have", "be", "do");
  private static final Set<String> PROGRESSIVE_AUX = Set.of("is", "are", "was", "were", "been", "be", "'s", "'re",
      "am", "'m");
  private static final Set<String> PASSIVE_AUX = Set.of("was", "were", "been", "is", "are", "be", "being");

  private final Lexicons lexicons;

  public AttributionStage(Lexicons lexicons) {
    this.lexicons = lexicons;
  }

  @Override
  public String name() {
    return "attributions";
  }

  @Override
  public void process(Document document) {
    List<Mention> all = document.layer(Mention.class);
    List<Attribution> attributions = document.layer(Attribution.class);
    Mention lastPerson = null;
    Mention lastBody = null;
    List<Mention> lastGroup = List.of();
    Attribution quoted = null;
    boolean open = false;
    Sentence before = null;
    for (Sentence sentence : document.sentences()) {
      List<Mention> mentions = all.stream().filter(m -> m.sentence() == sentence.index()).toList();
      Map<String, Attribution> bySpeaker = new LinkedHashMap<>();
      Attribution previous = null;
      for (int c = 0; c < sentence.size(); c++) {
        for (Attribution attribution : attribute(sentence, mentions, c, previous, lastPerson, lastBody,
            lastGroup)) {
          bySpeaker.putIfAbsent(attribution.speaker().party(), attribution);
          previous = attribution;
        }
      }
      List<Attribution> found = coordinated(sentence, ownPredicates(sentence, relativeParts(sentence,
          scoped(sentence, new ArrayList<>(bySpeaker.values())))))
          .stream().map(a -> withoutBackground(sentence, mentions, a)).toList();
      boolean sameParagraph = before != null && !document.article().text().substring(before.end(), sentence.start())
          .contains("\n\n");
      if (found.isEmpty() && quoted != null && sameParagraph && (open || opensWithQuote(sentence))) {
        found = List.of(new Attribution(sentence.index(), quoted.speaker(), 0, 0, sentence.size(),
            "speaker.quote-continued", Math.min(0.8, quoted.strength())));
      }
      int quotes = (int) sentence.tokens().stream().filter(t -> isDoubleQuote(t.text())).count();
      open = open != (quotes % 2 == 1);
      quoted = !found.isEmpty() && (quotes > 0 || open) ? found.get(found.size() - 1) : null;
      before = sentence;
      attributions.addAll(found);
      List<Attribution> thisSentence = found;
      List<Mention> group = thisSentence.stream()
          .filter(a -> thisSentence.stream().filter(b -> b.cue() == a.cue()).count() > 1)
          .map(Attribution::speaker).toList();
      if (!group.isEmpty()) {
        lastGroup = group;
      }
      for (Attribution attribution : found) {
        if (attribution.speaker().isPerson()) {
          lastPerson = attribution.speaker();
        } else {
          lastBody = attribution.speaker();
        }
      }
      if (found.isEmpty()) {
        for (Mention mention : mentions) {
          if (mention.usable() && !isObject(sentence, mention)) {
            if (mention.isPerson()) {
              lastPerson = mention;
            } else {
              lastBody = mention;
            }
            break;
          }
        }
      }
    }
  }

  /**
   * Gives each attribution its part of the sentence: from its speaker (or cue) to where the next speaker's part
   * begins; the first part starts at the beginning, so that a quotation before "X said" belongs to X.
   */
  private static List<Attribution> scoped(Sentence sentence, List<Attribution> found) {
    found.sort(java.util.Comparator.comparingInt(Attribution::cue));
    List<Attribution> scoped = new ArrayList<>();
    for (int k = 0; k < found.size(); k++) {
      int from = k == 0 ? 0 : partStart(found.get(k));
      int to = k + 1 < found.size() ? partStart(found.get(k + 1)) : sentence.size();
      if (to <= found.get(k).cue()) {
        to = k + 1 < found.size() && found.get(k + 1).cue() > found.get(k).cue() ? found.get(k + 1).cue()
            : sentence.size();
      }
      Attribution a = found.get(k);
      if (k + 1 < found.size() && objectOfCue(sentence, a, found.get(k + 1))) {
        to = k + 2 < found.size() ? partStart(found.get(k + 2)) : sentence.size();
      }
      scoped.add(new Attribution(a.sentence(), a.speaker(), a.cue(), from, to, a.rule(), a.strength()));
    }
    return scoped;
  }

  /**
   * "rejected Trump's claim that ...": another actor's words named by a possessive right after the cue are what the
   * cue is about, so the speaker's part takes them in too (they stay that actor's part as well).
   */
  private static boolean objectOfCue(Sentence sentence, Attribution a, Attribution next) {
    Mention possessor = next.speaker();
    if (!next.rule().equals("speaker.possessive") || possessor.sentence() != sentence.index()) {
      return false;
    }
    int gap = possessor.start() - a.cue();
    return gap == 1 || (gap == 2 && sentence.token(a.cue() + 1).text().equalsIgnoreCase("the"));
  }

  /**
   * Gives a predicate coordinated with the sentence's first speech verb back to its speaker, when another actor's part
   * came in between ("Its ministry said it appreciated Washington's conclusion that ..., and urged other countries to
   * act"): a verb of speech right after "and" with no subject of its own shares the subject of the first verb. Rule
   * {@code speaker.coordinated}.
   */
  private List<Attribution> coordinated(Sentence sentence, List<Attribution> parts) {
    if (parts.size() < 2 || !Set.of("speaker.subject", "speaker.pronoun").contains(parts.get(0).rule())) {
      return parts;
    }
    Attribution main = parts.get(0);
    List<Attribution> result = new ArrayList<>(parts);
    for (int k = 1; k < result.size(); k++) {
      Attribution other = result.get(k);
      if (other.speaker().party().equals(main.speaker().party())) {
        continue;
      }
      for (int i = Math.max(other.scopeStart(), other.cue() + 1); i + 1 < other.scopeEnd(); i++) {
        Token verb = sentence.token(i + 1);
        if (sentence.token(i).text().equalsIgnoreCase("and") && i > 0 && sentence.token(i - 1).text().equals(",")
            && verb.pos().equals("VERB") && !verb.text().toLowerCase(Locale.ROOT).endsWith("ing")
            && lexicons.speechVerbs().contains(verb)) {
          result.set(k, new Attribution(other.sentence(), other.speaker(), other.cue(), other.scopeStart(), i - 1,
              other.rule(), other.strength()));
          result.add(k + 1, new Attribution(main.sentence(), main.speaker(), i + 1, i + 1, other.scopeEnd(),
              "speaker.coordinated", main.strength()));
          break;
        }
      }
    }
    return result;
  }

  /**
   * "The Conservatives, who have opposed the handover since it was announced, put its cost at ...": a speaker's
   * relative clause set off by commas is one part (what the speaker holds) and the rest of the sentence, from the
   * main verb on, is another part of the same speaker, so that each is matched on its own. Rule
   * {@code speaker.relative} for the clause; the rest keeps the subject rule.
   */
  private static List<Attribution> relativeParts(Sentence sentence, List<Attribution> parts) {
    List<Attribution> result = new ArrayList<>();
    for (Attribution a : parts) {
      int open = -1;
      for (int k = a.cue() - 1; k > a.scopeStart() && open < 0; k--) {
        String word = sentence.token(k).text().toLowerCase(Locale.ROOT);
        if ((word.equals("who") || word.equals("which")) && sentence.token(k - 1).text().equals(",")) {
          open = k;
        }
      }
      int close = -1;
      for (int k = a.cue() + 1; k < a.scopeEnd() && close < 0; k++) {
        if (sentence.token(k).text().equals(",")) {
          close = k;
        }
      }
      if (!a.rule().equals("speaker.relative") || open < 0 || close < 0 || a.scopeEnd() - close <= Clauses.MIN_TOKENS
          || !sentence.token(close + 1).pos().equals("VERB")) {
        result.add(a);
        continue;
      }
      result.add(new Attribution(a.sentence(), a.speaker(), a.cue(), open, close, a.rule(), a.strength()));
      result.add(new Attribution(a.sentence(), a.speaker(), close + 1, close + 1, a.scopeEnd(), "speaker.subject",
          a.speaker().isPerson() ? 1.0 : 0.9));
    }
    return result;
  }

  /**
   * "Poland welcomed the talks, but rejected any ceasefire that ...": a second verb of speech or stance that opens a
   * clause of the part of a speaker who is the subject of its cue, with no subject of its own, starts a part of its
   * own for the same speaker, so that each predicate is matched with its own matter. Rule
   * {@code speaker.coordinated}.
   */
  private List<Attribution> ownPredicates(Sentence sentence, List<Attribution> parts) {
    List<Attribution> result = new ArrayList<>();
    for (Attribution a : parts) {
      Attribution rest = a;
      if (!Set.of("speaker.subject", "speaker.pronoun").contains(a.rule())) {
        result.add(a);
        continue;
      }
      for (int[] clause : Clauses.of(sentence, Math.min(a.cue() + 1, a.scopeEnd()), a.scopeEnd())) {
        int v = clause[0];
        if (v <= rest.cue() || v >= a.scopeEnd()) {
          continue;
        }
        if (Set.of("and", "but").contains(sentence.token(v).text().toLowerCase(Locale.ROOT))) {
          v++;
        }
        while (v < clause[1] && sentence.token(v).pos().equals("ADV")) {
          v++;
        }
        Token verb = v < clause[1] ? sentence.token(v) : null;
        if (verb == null || !verb.pos().equals("VERB") || verb.text().toLowerCase(Locale.ROOT).endsWith("ing")
            || !lexicons.speechVerbs().contains(verb)) {
          continue;
        }
        result.add(new Attribution(rest.sentence(), rest.speaker(), rest.cue(), rest.scopeStart(), clause[0],
            rest.rule(), rest.strength()));
        rest = new Attribution(a.sentence(), a.speaker(), v, clause[0], a.scopeEnd(), "speaker.coordinated",
            a.strength());
      }
      result.add(rest);
    }
    return result;
  }

  /**
   * Ends a part before a clause of background that another actor leads (", after the Treasury's top civil servant
   * distanced his officials from ..."): a comma, a subordinator of time or cause, and another party's name within
   * the next few words. What that actor did is not what the speaker said.
   */
  private Attribution withoutBackground(Sentence sentence, List<Mention> mentions, Attribution a) {
    for (int i = a.cue() + 1; i + 1 < a.scopeEnd(); i++) {
      if (!sentence.token(i).text().equals(",") || !BACKGROUND.contains(
          sentence.token(i + 1).text().toLowerCase(Locale.ROOT))) {
        continue;
      }
      int clause = i + 2;
      boolean other = mentions.stream().anyMatch(m -> m.start() >= clause && m.start() <= clause + BACKGROUND_REACH
          && m.usable() && !m.party().equals(a.speaker().party()));
      if (other) {
        return new Attribution(a.sentence(), a.speaker(), a.cue(), a.scopeStart(), i, a.rule(), a.strength());
      }
    }
    return a;
  }

  private static int partStart(Attribution attribution) {
    Mention speaker = attribution.speaker();
    return speaker.sentence() == attribution.sentence() ? Math.min(speaker.start(), attribution.cue())
        : attribution.cue();
  }

  private List<Attribution> attribute(Sentence sentence, List<Mention> mentions, int c, Attribution previous,
      Mention lastPerson, Mention lastBody, List<Mention> lastGroup) {
    Token cue = sentence.token(c);
    if (cue.text().equalsIgnoreCase("according") && c + 1 < sentence.size()
        && sentence.token(c + 1).text().equalsIgnoreCase("to")) {
      Mention after = firstMentionFrom(sentence, mentions, c + 2);
      return after == null ? List.of() : List.of(new Attribution(sentence.index(), after, c, 0, sentence.size(),
          "speaker.according-to", 0.9));
    }
    boolean verb = (cue.pos().equals("VERB") || cue.pos().equals("AUX")) && lexicons.speechVerbs().contains(cue);
    boolean noun = cue.pos().equals("NOUN") && lexicons.speechNouns().contains(cue);
    if (!verb && cue.pos().equals("NOUN") && lexicons.speechVerbs().contains(cue)) {
      verb = mentions.stream().anyMatch(m -> m.end() == c && m.usable());
    }
    verb |= !verb && !noun && stancePredicate(sentence, mentions, c);
    // a phrase of speech-verbs.txt ("make clear", "make ... clear") that starts at the cue
    verb |= !verb && !noun && cue.pos().equals("VERB") && lexicons.speechVerbs()
        .find(sentence, c, Math.min(sentence.size(), c + 5)).stream().anyMatch(h -> h.start() == c && h.end() > c + 1);
    if (!verb && !noun || embedded(sentence, c)) {
      return List.of();
    }
    if (noun) {
      return nounCue(sentence, mentions, c, lastPerson, lastBody);
    }
    if (previous != null && c > 0 && cue.text().toLowerCase(Locale.ROOT).endsWith("ing")
        && sentence.token(c - 1).text().equals(",")) {
      return List.of(new Attribution(sentence.index(), previous.speaker(), c, 0, sentence.size(),
          "speaker.participle", 0.8));
    }
    if (c > 0 && isQuote(sentence.token(c - 1).text())) {
      Mention after = mentionRightAfter(sentence, mentions, c);
      if (after != null) {
        return List.of(new Attribution(sentence.index(), after, c, 0, sentence.size(), "speaker.inverted", 0.95));
      }
    }
    Mention agent = passiveAgent(sentence, mentions, c);
    if (agent != null) {
      return List.of(new Attribution(sentence.index(), agent, c, 0, sentence.size(), "speaker.passive", 0.85));
    }
    Mention relative = relativeSubject(sentence, mentions, c);
    if (relative != null) {
      return List.of(new Attribution(sentence.index(), relative, c, 0, sentence.size(), "speaker.relative", 0.75));
    }
    Mention subject = subjectBefore(sentence, mentions, c);
    Integer pronoun = pronounBefore(sentence, c, subject);
    if (pronoun != null) {
      String word = sentence.token(pronoun).text().toLowerCase(Locale.ROOT);
      if ((word.equals("they") || word.equals("both")) && !lastGroup.isEmpty()
          && subjectBefore(sentence, mentions, pronoun) == null) {
        return lastGroup.stream().map(m -> new Attribution(sentence.index(), m, c, 0, sentence.size(),
            "speaker.group", 0.6)).toList();
      }
      boolean person = PERSON_PRONOUNS.contains(word);
      Mention resolved = person ? lastPersonInSentence(mentions, pronoun)
          : subjectBefore(sentence, mentions, pronoun);
      if (resolved == null) {
        resolved = person ? lastPerson : lastBody;
      }
      return resolved == null ? List.of() : List.of(new Attribution(sentence.index(), resolved, c, 0,
          sentence.size(), "speaker.pronoun", 0.6));
    }
    if (subject != null) {
      List<Attribution> result = new ArrayList<>();
      result.add(new Attribution(sentence.index(), subject, c, 0, sentence.size(), "speaker.subject",
          subject.isPerson() ? 1.0 : 0.9));
      Mention partner = coordinated(sentence, mentions, subject);
      if (partner != null) {
        result.add(new Attribution(sentence.index(), partner, c, 0, sentence.size(), "speaker.subject", 0.85));
      }
      return result;
    }
    Mention after = inverted(sentence, c) ? mentionRightAfter(sentence, mentions, c) : null;
    if (after != null) {
      return List.of(new Attribution(sentence.index(), after, c, 0, sentence.size(), "speaker.inverted", 0.9));
    }
    return List.of();
  }

  private List<Attribution> nounCue(Sentence sentence, List<Mention> mentions, int c, Mention lastPerson,
      Mention lastBody) {
    for (int k = c - 1; k >= Math.max(0, c - 3); k--) {
      Token token = sentence.token(k);
      String word = token.text().toLowerCase(Locale.ROOT);
      if (POSSESSIVES.contains(word)) {
        Mention subject = subjectBefore(sentence, mentions, k);
        Mention resolved = subject != null ? subject
            : (word.equals("his") || word.equals("her") ? lastPerson : lastBody);
        return resolved == null ? List.of() : List.of(new Attribution(sentence.index(), resolved, c, 0,
            sentence.size(), "speaker.possessive", 0.8));
      }
      for (Mention mention : mentions) {
        if (mention.end() == k + 1 && mention.usable() && (token.text().endsWith("'s") || token.text().endsWith("’s"))) {
          return List.of(new Attribution(sentence.index(), mention, c, 0, sentence.size(), "speaker.possessive",
              0.85));
        }
      }
    }
    return List.of();
  }

  /** The nearest usable mention ending before the cue that is not an object; null when a clause boundary intervenes. */
  private Mention subjectBefore(Sentence sentence, List<Mention> mentions, int c) {
    Mention best = null;
    for (Mention mention : mentions) {
      if (mention.end() <= c && mention.usable() && !isObject(sentence, mention)
          && !inClosedRelative(sentence, mention, c) && (best == null || mention.end() > best.end())) {
        best = mention;
      }
    }
    return best;
  }

  /**
   * A name inside a relative clause set off by commas that closes before the cue ("Hungary, which has opposed EU
   * sanctions on Russia, said ..."): background to the subject, not the subject.
   */
  private static boolean inClosedRelative(Sentence sentence, Mention mention, int c) {
    int open = -1;
    for (int k = mention.start() - 1; k >= 1; k--) {
      String word = sentence.token(k).text().toLowerCase(Locale.ROOT);
      if (word.equals(",")) {
        return false;
      }
      if ((word.equals("which") || word.equals("who")) && sentence.token(k - 1).text().equals(",")) {
        open = k;
        break;
      }
    }
    if (open < 0) {
      return false;
    }
    for (int k = mention.end(); k < c; k++) {
      if (sentence.token(k).text().equals(",")) {
        return true;
      }
    }
    return false;
  }

  private boolean isObject(Sentence sentence, Mention mention) {
    if (mention.start() == 0) {
      return false;
    }
    Token before = sentence.token(mention.start() - 1);
    int k = mention.start() - 1;
    if (before.text().equalsIgnoreCase("the") && k > 0) {
      before = sentence.token(k - 1);
    }
    String pos = before.pos();
    if (lexicons.subordinators().contains(before)) {
      return false;
    }
    if (pos.equals("ADP")) {
      return !before.text().equalsIgnoreCase("by");
    }
    return pos.equals("VERB");
  }

  /** A subject pronoun between the subject found (if any) and the cue: it is the cue's subject. */
  private static Integer pronounBefore(Sentence sentence, int c, Mention subject) {
    int from = subject == null ? 0 : subject.end();
    for (int k = c - 1; k >= from; k--) {
      String word = sentence.token(k).text().toLowerCase(Locale.ROOT);
      if (PERSON_PRONOUNS.contains(word) || BODY_PRONOUNS.contains(word)) {
        return k;
      }
      if (word.equals("both") && k + 1 < c && sentence.token(k + 1).pos().equals("NOUN")) {
        return k;
      }
    }
    return null;
  }

  private static Mention lastPersonInSentence(List<Mention> mentions, int before) {
    Mention best = null;
    for (Mention mention : mentions) {
      if (mention.end() <= before && mention.isPerson() && mention.usable()) {
        best = mention;
      }
    }
    return best;
  }

  private Mention coordinated(Sentence sentence, List<Mention> mentions, Mention subject) {
    int and = subject.start() - 1;
    if (and <= 0 || !sentence.token(and).text().equals("and")) {
      return null;
    }
    for (Mention mention : mentions) {
      if (mention.end() == and && mention.usable() && !mention.party().equals(subject.party())) {
        return mention;
      }
    }
    return null;
  }

  private static Mention mentionRightAfter(Sentence sentence, List<Mention> mentions, int c) {
    for (Mention mention : mentions) {
      int start = mention.start();
      if (mention.usable() && (start == c + 1 || (start == c + 2 && sentence.token(c + 1).text()
          .equalsIgnoreCase("the")))) {
        return mention;
      }
    }
    return null;
  }

  private static Mention firstMentionFrom(Sentence sentence, List<Mention> mentions, int from) {
    for (Mention mention : mentions) {
      if (mention.start() >= from && mention.start() <= from + 2 && mention.usable()) {
        return mention;
      }
    }
    return null;
  }

  /**
   * "Hungary is opposed to ...", "Poland is firmly against ...", "is committed to ...": a form of "be" whose
   * complement is a cue of support, opposition or reluctance with an object of its own states the subject's position
   * as a verb of speech does (guideline A1, a journalist's attribution of a position); the form of "be" (or "remain")
   * is the cue, and the subject rules find the speaker, who must be named right before it. A complement without such
   * an object judges the subject ("the bid is unacceptable"), and one followed by "by" is a passive ("was rejected
   * by").
   */
  private boolean stancePredicate(Sentence sentence, List<Mention> mentions, int c) {
    if (!PROGRESSIVE_AUX.contains(sentence.token(c).text().toLowerCase(Locale.ROOT))
        && !sentence.token(c).key().equals("remain")) {
      return false;
    }
    int s = c - 1;
    while (s >= 0 && (sentence.token(s).pos().equals("ADV") || sentence.token(s).pos().equals("AUX"))) {
      s--;
    }
    int subjectEnd = s + 1;
    if (mentions.stream().noneMatch(m -> m.end() == subjectEnd && m.usable())) {
      return false;
    }
    int k = c + 1;
    while (k < sentence.size() && sentence.token(k).pos().equals("ADV")) {
      k++;
    }
    int to = Math.min(sentence.size(), k + 4);
    for (Lexicon lexicon : List.of(lexicons.support(), lexicons.oppose(), lexicons.leanOppose())) {
      for (Lexicon.Hit hit : lexicon.find(sentence, c, to)) {
        if ((hit.start() > c && hit.start() <= k || hit.start() == c && hit.end() > c + 1)
            && takesObject(sentence, hit.end())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the cue's phrase ends in, or is followed by, a preposition that takes what the position is about. */
  private static boolean takesObject(Sentence sentence, int end) {
    Set<String> prepositions = Set.of("to", "of", "against", "for");
    return prepositions.contains(sentence.token(end - 1).text().toLowerCase(Locale.ROOT))
        || end < sentence.size() && prepositions.contains(sentence.token(end).text().toLowerCase(Locale.ROOT));
  }

  /**
   * A cue that is not the speaker's own act of speech: an infinitive ("to support"), a gerund not opening a
   * participle clause ("stop supporting") nor in the progressive ("is supporting"), or speech inside a relative "what
   * X called".
   */
  private static boolean embedded(Sentence sentence, int c) {
    Token cue = sentence.token(c);
    String before = c > 0 ? sentence.token(c - 1).text().toLowerCase(Locale.ROOT) : "";
    if (before.equals("to")) {
      return true;
    }
    if (cue.text().toLowerCase(Locale.ROOT).endsWith("ing") && !before.equals(",") && cue.pos().equals("VERB")
        && !progressive(sentence, c)) {
      return true;
    }
    for (int k = Math.max(0, c - 2); k < c; k++) {
      if (sentence.token(k).text().equalsIgnoreCase("what")) {
        return true;
      }
    }
    return false;
  }

  /**
   * "Poland is urging", "Labour has been pressing for": an "-ing" form after a form of "be" (adverbs between) is the
   * verb of its clause in the progressive, not a verb embedded in another one ("after denying", "by calling").
   */
  private static boolean progressive(Sentence sentence, int c) {
    int k = c - 1;
    while (k >= 0 && sentence.token(k).pos().equals("ADV")) {
      k--;
    }
    return k >= 0 && PROGRESSIVE_AUX.contains(sentence.token(k).text().toLowerCase(Locale.ROOT));
  }

  /**
   * "The bid was rejected by Hungary": a cue in the passive (a form of "be" before it) whose agent follows "by" is
   * the agent's.
   */
  private static Mention passiveAgent(Sentence sentence, List<Mention> mentions, int c) {
    int k = c - 1;
    while (k >= 0 && sentence.token(k).pos().equals("ADV")) {
      k--;
    }
    if (k < 0 || !PASSIVE_AUX.contains(sentence.token(k).text().toLowerCase(Locale.ROOT)) || c + 2 >= sentence.size()
        || !sentence.token(c + 1).text().equalsIgnoreCase("by")) {
      return null;
    }
    return mentionRightAfter(sentence, mentions, c + 1);
  }

  /** "Trump, who has threatened ...": the mention just before "who" is the subject, whatever precedes it. */
  private static Mention relativeSubject(Sentence sentence, List<Mention> mentions, int c) {
    for (int k = c - 1; k >= Math.max(0, c - 4); k--) {
      String word = sentence.token(k).text().toLowerCase(Locale.ROOT);
      if (word.equals("who") || word.equals("which")) {
        int end = k > 0 && sentence.token(k - 1).text().equals(",") ? k - 1 : k;
        for (Mention mention : mentions) {
          if (mention.end() == end && mention.usable()) {
            return mention;
          }
        }
        return null;
      }
      String pos = sentence.token(k).pos();
      if (!pos.equals("AUX") && !pos.equals("ADV") && !pos.equals("PART")
          && !AUXILIARIES.contains(sentence.token(k).key())) {
        return null;
      }
    }
    return null;
  }

  /** A cue right after a quotation or a comma can have its speaker after it ("\"...,\" said Peskov"). */
  private static boolean inverted(Sentence sentence, int c) {
    if (c == 0) {
      return true;
    }
    String before = sentence.token(c - 1).text();
    return before.equals(",") || isQuote(before);
  }

  private static boolean isDoubleQuote(String token) {
    return token.equals("\"") || token.equals("“") || token.equals("”");
  }

  private static boolean opensWithQuote(Sentence sentence) {
    return sentence.size() > 0 && (sentence.token(0).text().equals("\"") || sentence.token(0).text().equals("“"));
  }

  private static boolean isQuote(String token) {
    return token.equals("\"") || token.equals("'") || token.equals("”") || token.equals("’");
  }
}
