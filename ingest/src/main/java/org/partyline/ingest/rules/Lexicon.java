package org.partyline.ingest.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.partyline.ingest.nlp.Sentence;
import org.partyline.ingest.nlp.Token;

/**
 * A list of cue words and phrases read from a data file (one entry a line, '#' comments). An entry matches a run of
 * tokens by lemma or by lower-cased text, so "deny" matches "denied" and "n't" matches "n't".
 */
public final class Lexicon {

  private static final String BASE = "org/partyline/ingest/lexicon/";
  private static final int GAP = 3;

  private final String name;
  private final List<String[]> entries;

  private Lexicon(String name, List<String[]> entries) {
    this.name = name;
    this.entries = entries;
  }

  /** The lexicon in the shipped file {@code name}.txt. */
  public static Lexicon load(String name) {
    List<String[]> entries = new ArrayList<>();
    String resource = BASE + name + ".txt";
    try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("lexicon " + resource + " is not on the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        String entry = line.strip();
        if (!entry.isEmpty() && !entry.startsWith("#")) {
          entries.add(entry.toLowerCase(Locale.ROOT).split("\\s+"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading lexicon " + resource, e);
    }
    return new Lexicon(name, List.copyOf(entries));
  }

  public String name() {
    return name;
  }

  /** A cue of this lexicon found in a sentence: tokens [start, end) and the entry that matched. */
  public record Hit(int start, int end, String entry) {}

  /** Every match inside tokens [from, to) of the sentence, in order of position. */
  public List<Hit> find(Sentence sentence, int from, int to) {
    List<Hit> hits = new ArrayList<>();
    int end = Math.min(to, sentence.size());
    for (int i = Math.max(0, from); i < end; i++) {
      for (String[] entry : entries) {
        int matchEnd = matchEnd(sentence, i, end, entry, 0);
        if (matchEnd > 0) {
          hits.add(new Hit(i, matchEnd, String.join(" ", entry)));
          break;
        }
      }
    }
    return hits;
  }

  /** The end of a match of entry[k..] at token {@code at}, or -1; "..." skips up to {@value #GAP} tokens. */
  private static int matchEnd(Sentence sentence, int at, int end, String[] entry, int k) {
    if (k == entry.length) {
      return at;
    }
    if (entry[k].equals("...")) {
      for (int skip = 0; skip <= GAP && at + skip <= end; skip++) {
        int found = matchEnd(sentence, at + skip, end, entry, k + 1);
        if (found > 0) {
          return found;
        }
      }
      return -1;
    }
    if (at >= end || !same(sentence.token(at), entry[k])) {
      return -1;
    }
    return matchEnd(sentence, at + 1, end, entry, k + 1);
  }

  /** Whether the single token matches a one-word entry. */
  public boolean contains(Token token) {
    for (String[] entry : entries) {
      if (entry.length == 1 && same(token, entry[0])) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the token matches a one-word entry: by lemma, by text, or as a regular inflection of the entry when the
   * lemmatizer left the word alone or kept a doubled consonant ("signalled" lemmatized as "signall").
   */
  static boolean same(Token token, String word) {
    int slash = word.indexOf('/');
    if (slash > 0) {
      return token.pos().equalsIgnoreCase(word.substring(slash + 1)) && same(token, word.substring(0, slash));
    }
    String text = token.text().toLowerCase(Locale.ROOT);
    boolean unlemmatized = token.lemma().isEmpty() || token.lemma().equalsIgnoreCase(token.text());
    return token.key().equals(word) || text.equals(word)
        || (word.length() >= 4 && unlemmatized && inflected(text, word))
        || (word.length() >= 4 && token.key().equals(word + word.charAt(word.length() - 1))
            && inflected(text, word));
  }

  /**
   * Whether {@code text} is a regular inflection of {@code word} ("condemned", "denies", "urging", "scrapped"): a
   * fallback for the words the statistical lemmatizer leaves unlemmatized.
   */
  static boolean inflected(String text, String word) {
    if (!text.startsWith(word.substring(0, Math.min(word.length(), 3))) || text.length() <= word.length()) {
      return false;
    }
    String stem = word.endsWith("e") ? word.substring(0, word.length() - 1) : word;
    String ySwap = word.endsWith("y") ? word.substring(0, word.length() - 1) + "i" : null;
    String doubled = word + word.charAt(word.length() - 1);
    for (String suffix : new String[] {"s", "es", "ed", "d", "ing"}) {
      if (text.equals(word + suffix) || text.equals(stem + suffix)
          || (!suffix.startsWith("s") && !suffix.equals("d") && text.equals(doubled + suffix))
          || (ySwap != null && (text.equals(ySwap + "ed") || text.equals(ySwap + "es")))) {
        return true;
      }
    }
    return false;
  }
}
