package org.partyline.ingest.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.partyline.ingest.codebook.Actor;
import org.partyline.ingest.codebook.Codebook;

/**
 * Names of actors, each mapped to a party: the shipped data files (countries with their names, demonyms and capitals,
 * institutions and metonyms, officials) and the codebook's actors, which win over the shipped names (guideline P3).
 * Names are stored as token sequences, made with the same tokenizer as the text, and looked up longest first.
 */
public final class Gazetteer {

  private static final String BASE = "org/partyline/ingest/gazetteer/";

  private final Map<String, List<Phrase>> byFirstToken = new HashMap<>();
  private final Set<String> titlesPerson = new HashSet<>();
  private final Set<String> titlesBody = new HashSet<>();

  /** A name as tokens; {@code exact} names match case-sensitively (names with a capital letter). */
  record Phrase(String[] tokens, Entry entry, boolean exact, int priority) {}

  /** A match of a name at a token position. */
  public record Match(int length, Entry entry) {}

  private Gazetteer() {}

  /** The shipped gazetteer plus the codebook's actors; {@code tokenizer} splits a name as the text is split. */
  public static Gazetteer load(Codebook codebook, Function<String, String[]> tokenizer) {
    Gazetteer g = new Gazetteer();
    for (String[] row : rows("countries.txt", 4)) {
      String party = row[0];
      g.addAll(row[1], party, Kind.COUNTRY, tokenizer);
      g.addAll(row[2], party, Kind.DEMONYM, tokenizer);
      g.addAll(row[3], party, Kind.CAPITAL, tokenizer);
    }
    for (String[] row : rows("institutions.txt", 2)) {
      g.addAll(row[1], row[0], Kind.INSTITUTION, tokenizer);
    }
    for (String[] row : rows("officials.txt", 3)) {
      String fullName = row[1];
      g.add(fullName, row[0], Kind.OFFICIAL, fullName, tokenizer, 1);
      for (String alias : split(row[2])) {
        g.add(alias, row[0], Kind.OFFICIAL, fullName, tokenizer, 1);
      }
    }
    for (String[] row : rows("titles.txt", 2)) {
      ("person".equals(row[0]) ? g.titlesPerson : g.titlesBody).add(row[1].toLowerCase(Locale.ROOT));
    }
    for (Actor actor : codebook.actors()) {
      for (String name : actor.names()) {
        g.add(name, actor.party(), Kind.ACTOR, PersonNames.personOf(name, actor.names()), tokenizer, 2);
      }
    }
    return g;
  }

  private void addAll(String names, String party, Kind kind, Function<String, String[]> tokenizer) {
    for (String name : split(names)) {
      add(name, party, kind, null, tokenizer, 1);
    }
  }

  private void add(String name, String party, Kind kind, String person, Function<String, String[]> tokenizer,
      int priority) {
    String[] tokens = tokenizer.apply(name);
    if (tokens.length == 0) {
      return;
    }
    boolean exact = !name.equals(name.toLowerCase(Locale.ROOT));
    Phrase phrase = new Phrase(tokens, new Entry(name, party, kind, person), exact, priority);
    byFirstToken.computeIfAbsent(tokens[0].toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(phrase);
  }

  /**
   * The longest name starting at token {@code at} of {@code words}; on equal length the codebook wins. A trailing
   * possessive ("India's") is ignored for the match. Lower-case names match any case; others match exactly.
   */
  public Match longestAt(List<String> words, int at) {
    List<Phrase> phrases = byFirstToken.getOrDefault(bare(words.get(at)).toLowerCase(Locale.ROOT),
        Collections.emptyList());
    Match best = null;
    int bestPriority = 0;
    for (Phrase phrase : phrases) {
      int n = phrase.tokens().length;
      if (at + n > words.size()) {
        continue;
      }
      boolean all = true;
      for (int i = 0; i < n && all; i++) {
        String word = i == n - 1 ? bare(words.get(at + i)) : words.get(at + i);
        all = phrase.exact() ? word.equals(phrase.tokens()[i]) : word.equalsIgnoreCase(phrase.tokens()[i]);
      }
      if (all && (best == null || n > best.length() || (n == best.length() && phrase.priority() > bestPriority))) {
        best = new Match(n, phrase.entry());
        bestPriority = phrase.priority();
      }
    }
    return best;
  }

  /** A word that names a role held by one person ("spokesman", "minister"). */
  public boolean personTitle(String word) {
    return titlesPerson.contains(word.toLowerCase(Locale.ROOT));
  }

  /** A word that names a body or a group that speaks for a state ("ministry", "government", "officials"). */
  public boolean bodyTitle(String word) {
    return titlesBody.contains(word.toLowerCase(Locale.ROOT));
  }

  /** The word without a trailing possessive ("India's" -> "India"). */
  public static String bare(String word) {
    if (word.length() > 2 && (word.endsWith("'s") || word.endsWith("’s"))) {
      return word.substring(0, word.length() - 2);
    }
    if (word.length() > 1 && (word.endsWith("'") || word.endsWith("’")) && word.charAt(word.length() - 2) == 's') {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  private static List<String> split(String field) {
    List<String> values = new ArrayList<>();
    for (String value : field.split(";")) {
      if (!value.isBlank()) {
        values.add(value.trim());
      }
    }
    return values;
  }

  /** The data lines of a shipped file, split on '|' into exactly {@code fields} trimmed fields. */
  static List<String[]> rows(String file, int fields) {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(BASE + file)) {
      if (in == null) {
        throw new IllegalStateException("gazetteer file " + BASE + file + " is not on the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\\|", -1);
        if (parts.length > fields) {
          throw new IllegalStateException(file + ":" + number + ": more than " + fields + " fields");
        }
        String[] row = new String[fields];
        for (int i = 0; i < fields; i++) {
          row[i] = i < parts.length ? parts[i].trim() : "";
        }
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading gazetteer file " + file, e);
    }
    return rows;
  }
}
