package org.partyline.ingest.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.partyline.ingest.gazetteer.Entry;
import org.partyline.ingest.gazetteer.Gazetteer;
import org.partyline.ingest.gazetteer.Kind;
import org.partyline.ingest.nlp.Document;
import org.partyline.ingest.nlp.Sentence;
import org.partyline.ingest.nlp.Stage;
import org.partyline.ingest.nlp.Token;

/**
 * Finds the actors named in each sentence. Rules (their ids go into the evidence):
 * <ul>
 *   <li>{@code actor.codebook}, {@code actor.gazetteer}: a name of the codebook or of the gazetteer, longest first;
 *       the codebook wins on the same name;</li>
 *   <li>{@code actor.title}: a state (name, demonym, capital, metonym) followed by a role and maybe a person's name
 *       ("Kremlin spokesman Dmitry Peskov", "Iran's foreign minister", "Indian officials");</li>
 *   <li>{@code actor.appositive}: a name followed by its role and state ("Valery Gerasimov, chief of Russia's general
 *       staff");</li>
 *   <li>{@code actor.alias}: a person or body named earlier in the article and named again by surname ("Trudeau") or
 *       by its head word ("the military").</li>
 * </ul>
 * A demonym alone ("Russian forces" aside) names no actor. A mention after a collective word ("several", "analysts")
 * is kept but marked unusable, so that it never becomes a speaker.
 */
public final class MentionStage implements Stage {

  private static final int MAX_ROLE_WORDS = 6;
  private static final java.util.Set<String> POSSESSIVE_PRONOUNS = java.util.Set.of("its", "their");
  private static final int MAX_NAME_WORDS = 4;

  private final Gazetteer gazetteer;
  private final Lexicons lexicons;

  public MentionStage(Gazetteer gazetteer, Lexicons lexicons) {
    this.gazetteer = gazetteer;
    this.lexicons = lexicons;
  }

  @Override
  public String name() {
    return "mentions";
  }

  /** Names first met in this article, reused for later short forms. */
  private record Alias(String party, String person) {}

  @Override
  public void process(Document document) {
    Map<String, Alias> aliases = new HashMap<>();
    List<Mention> mentions = document.layer(Mention.class);
    String lastState = null;
    for (Sentence sentence : document.sentences()) {
      List<String> words = sentence.tokens().stream().map(Token::text).toList();
      String subjectState = null;
      int i = 0;
      while (i < words.size()) {
        Mention mention = mentionAt(sentence, words, i, aliases, lastState);
        if (mention == null) {
          i++;
          continue;
        }
        mention = bodyIn(sentence, words, mention, mentions);
        mentions.add(mention);
        remember(sentence, mention, aliases);
        if (subjectState == null && mention.person() == null && mention.usable() && opensClause(sentence, i)) {
          subjectState = mention.party();
        }
        i = mention.end();
      }
      if (subjectState != null) {
        lastState = subjectState;
      }
      markModifiers(mentions, sentence.index());
    }
  }

  /** A mention at the start of a sentence or of a clause, where subjects stand. */
  private static boolean opensClause(Sentence sentence, int i) {
    if (i == 0) {
      return true;
    }
    String before = sentence.token(i - 1).text();
    return before.equals(",") || before.equals("—") || before.equalsIgnoreCase("the") && (i == 1
        || sentence.token(i - 2).text().equals(","));
  }

  private Mention mentionAt(Sentence sentence, List<String> words, int i, Map<String, Alias> aliases,
      String lastState) {
    Gazetteer.Match match = gazetteer.longestAt(words, i);
    Alias alias = aliases.get(Gazetteer.bare(words.get(i)));
    if (match == null) {
      if (alias != null && sentence.token(i).capitalized()) {
        return mention(sentence, i, i + 1, alias.party(), alias.person(), "actor.alias");
      }
      if (alias != null && isBodyAlias(sentence, i)) {
        return mention(sentence, i, i + 1, alias.party(), null, "actor.alias");
      }
      Mention inContext = lastState == null ? null : roleInContext(sentence, words, i, lastState);
      if (inContext == null && lastState != null
          && POSSESSIVE_PRONOUNS.contains(words.get(i).toLowerCase(Locale.ROOT))) {
        Mention possessed = role(sentence, words, i, i + 1, lastState);
        inContext = possessed == null ? null : new Mention(possessed.sentence(), possessed.start(), possessed.end(),
            possessed.party(), possessed.person(), "actor.role-context", possessed.usable());
      }
      return inContext != null ? inContext : appositive(sentence, words, i);
    }
    Entry entry = match.entry();
    int end = i + match.length();
    if (entry.kind() == Kind.ACTOR) {
      return mention(sentence, i, end, entry.party(), entry.person(), "actor.codebook");
    }
    if (entry.kind() == Kind.OFFICIAL) {
      return mention(sentence, i, end, entry.party(), entry.person(), "actor.gazetteer");
    }
    Mention withRole = role(sentence, words, i, end, entry.party());
    if (withRole != null) {
      return withRole;
    }
    if (entry.kind() == Kind.DEMONYM) {
      return null;
    }
    return mention(sentence, i, end, entry.party(), null, "actor.gazetteer");
  }

  /** A state followed by role words and maybe a name: "Kremlin spokesman Dmitry Peskov", "India's foreign ministry". */
  private Mention role(Sentence sentence, List<String> words, int start, int end, String party) {
    if (Gazetteer.bare(words.get(end - 1)).equals(words.get(end - 1)) && end < words.size()
        && words.get(end).equals("'s")) {
      end++;
    }
    int lastTitle = -1;
    boolean personRole = false;
    int j = end;
    while (j < words.size() && j - end < MAX_ROLE_WORDS) {
      Token token = sentence.token(j);
      String word = token.text().toLowerCase(Locale.ROOT);
      if (gazetteer.personTitle(word) || gazetteer.bodyTitle(word)) {
        lastTitle = j;
        personRole = gazetteer.personTitle(word);
        j++;
      } else if (lastTitle >= 0 && token.pos().equals("PROPN") && token.capitalized()) {
        break;
      } else if (isRoleWord(token)) {
        j++;
      } else {
        break;
      }
    }
    if (lastTitle < 0) {
      return null;
    }
    int roleEnd = lastTitle + 1;
    if (personRole) {
      int nameStart = roleEnd < words.size() - 1 && words.get(roleEnd).equals(",") ? roleEnd + 1 : roleEnd;
      int nameEnd = nameStart;
      while (nameEnd < words.size() && nameEnd - nameStart < MAX_NAME_WORDS
          && isNameWord(sentence.token(nameEnd))) {
        nameEnd++;
      }
      if (nameEnd > nameStart) {
        String name = sentence.text().substring(sentence.token(nameStart).start() - sentence.start(),
            sentence.token(nameEnd - 1).end() - sentence.start());
        Gazetteer.Match known = gazetteer.longestAt(words, nameStart);
        if (known != null && known.entry().person() != null) {
          name = known.entry().person();
        }
        return mention(sentence, start, nameEnd, party, Gazetteer.bare(name), "actor.title");
      }
    }
    return mention(sentence, start, roleEnd, party, null, "actor.title");
  }

  /**
   * "Foreign Minister Thérèse Kayikwamba Wagner" with no state named: a capitalised role and a name that no list
   * knows speak for the state that the article last had as a subject (rule {@code actor.role-context}); so do "its
   * foreign ministry" and "its ambassador, Jean Dupont".
   */
  private Mention roleInContext(Sentence sentence, List<String> words, int i, String lastState) {
    if (!sentence.token(i).capitalized() || (i > 0 && sentence.token(i - 1).capitalized())) {
      return null;
    }
    int runEnd = i;
    while (runEnd < words.size() && runEnd - i < MAX_ROLE_WORDS + MAX_NAME_WORDS
        && sentence.token(runEnd).capitalized()) {
      runEnd++;
    }
    int lastTitle = -1;
    for (int k = i; k < runEnd; k++) {
      if (gazetteer.personTitle(words.get(k))) {
        lastTitle = k;
      }
    }
    int nameStart = lastTitle + 1;
    if (lastTitle < 0 || runEnd - nameStart < 2 || runEnd - nameStart > MAX_NAME_WORDS) {
      return null;
    }
    for (int k = nameStart; k < runEnd; k++) {
      if (!isNameWord(sentence.token(k)) || gazetteer.longestAt(words, k) != null) {
        return null;
      }
    }
    String name = sentence.text().substring(sentence.token(nameStart).start() - sentence.start(),
        sentence.token(runEnd - 1).end() - sentence.start());
    return mention(sentence, i, runEnd, lastState, Gazetteer.bare(name), "actor.role-context");
  }

  /**
   * "Officials in Tokyo", "the presidential office in Seoul": a body's title, "in" and a state's name or capital speak
   * for that state (rule {@code actor.title}), unless the title already belongs to another actor ("the Russian
   * embassy in Washington").
   */
  private Mention bodyIn(Sentence sentence, List<String> words, Mention mention, List<Mention> mentions) {
    int in = mention.start() - 1;
    if (!mention.rule().equals("actor.gazetteer") || mention.person() != null || in < 1
        || !words.get(in).equals("in") || !gazetteer.bodyTitle(words.get(in - 1))) {
      return mention;
    }
    int start = in - 1;
    while (start > 0 && isRoleWord(sentence.token(start - 1)) && !sentence.token(start - 1).pos().equals("PROPN")) {
      start--;
    }
    if (start > 0 && sentence.token(start - 1).text().equalsIgnoreCase("the")) {
      start--;
    }
    for (Mention earlier : mentions) {
      if (earlier.sentence() == sentence.index() && earlier.end() > start) {
        return mention;
      }
    }
    return mention(sentence, start, mention.end(), mention.party(), null, "actor.title");
  }

  /** "Valery Gerasimov, chief of Russia's general staff": a name, a comma, a role and a state. */
  private Mention appositive(Sentence sentence, List<String> words, int i) {
    if (!isNameWord(sentence.token(i)) || (i > 0 && isNameWord(sentence.token(i - 1)))) {
      return null;
    }
    int nameEnd = i;
    while (nameEnd < words.size() && isNameWord(sentence.token(nameEnd))) {
      nameEnd++;
    }
    if (nameEnd - i < 2 || nameEnd >= words.size() || !words.get(nameEnd).equals(",")) {
      return null;
    }
    boolean title = false;
    for (int j = nameEnd + 1; j < Math.min(words.size(), nameEnd + 8); j++) {
      String word = words.get(j);
      if (word.equals(",") || word.equals(".")) {
        break;
      }
      title |= gazetteer.personTitle(word);
      Gazetteer.Match match = gazetteer.longestAt(words, j);
      if (title && match != null && match.entry().kind() != Kind.ACTOR && match.entry().kind() != Kind.OFFICIAL) {
        String name = sentence.text().substring(sentence.token(i).start() - sentence.start(),
            sentence.token(nameEnd - 1).end() - sentence.start());
        return mention(sentence, i, nameEnd, match.entry().party(), name, "actor.appositive");
      }
    }
    return null;
  }

  private static boolean isRoleWord(Token token) {
    String pos = token.pos();
    return pos.equals("ADJ") || pos.equals("NOUN") || (pos.equals("PROPN") && token.capitalized())
        || token.text().equals("of") || token.text().contains("-");
  }

  private boolean isNameWord(Token token) {
    return token.pos().startsWith("PROPN") && token.capitalized() && !gazetteer.personTitle(token.text())
        && !gazetteer.bodyTitle(token.text());
  }

  private boolean isBodyAlias(Sentence sentence, int i) {
    return i > 0 && sentence.token(i - 1).text().equalsIgnoreCase("the") && gazetteer.bodyTitle(
        sentence.token(i).text());
  }

  private Mention mention(Sentence sentence, int start, int end, String party, String person, String rule) {
    return new Mention(sentence.index(), start, end, party, person, rule, !collective(sentence, start));
  }

  private boolean collective(Sentence sentence, int start) {
    for (int k = Math.max(0, start - 3); k < start; k++) {
      if (lexicons.nonActors().contains(sentence.token(k))) {
        return true;
      }
    }
    return false;
  }

  private void remember(Sentence sentence, Mention mention, Map<String, Alias> aliases) {
    if (mention.person() != null) {
      String[] parts = mention.person().split("\\s+");
      if (parts.length >= 2) {
        aliases.put(parts[parts.length - 1], new Alias(mention.party(), mention.person()));
      }
    } else if (mention.rule().equals("actor.title")) {
      String head = sentence.token(mention.end() - 1).text().toLowerCase(Locale.ROOT);
      if (gazetteer.bodyTitle(head)) {
        aliases.put(head, new Alias(mention.party(), null));
      }
    }
  }

  /**
   * "Australia's opposition Liberal Party": a state right before a codebook actor or a named person only says where
   * they are from; it is kept but cannot speak.
   */
  private static void markModifiers(List<Mention> mentions, int sentence) {
    for (int k = mentions.size() - 2; k >= 0; k--) {
      Mention place = mentions.get(k);
      Mention next = mentions.get(k + 1);
      if (place.sentence() != sentence || next.sentence() != sentence) {
        break;
      }
      if (place.person() == null && !place.rule().equals("actor.codebook") && !place.rule().equals("actor.title")
          && next.start() - place.end() <= 2 && (next.rule().equals("actor.codebook") || next.person() != null)) {
        mentions.set(k, new Mention(place.sentence(), place.start(), place.end(), place.party(), null, place.rule(),
            false));
      }
    }
  }
}
