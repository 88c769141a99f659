package org.partyline.ingest.gazetteer;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a codebook name names a person (to report as speaker) rather than the party or a body: a name of
 * two or more capitalised words one of which the actor also uses alone ("Chuck Schumer" with "Schumer"), or a
 * single word that is a word of such a name. A name that ends in an organisation word ("Labour Party") is never a
 * person. The full form is returned.
 */
final class PersonNames {

  private static final Set<String> ORGANISATION_WORDS = Gazetteer.rows("organisation-words.txt", 1).stream()
      .map(row -> row[0].toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

  private PersonNames() {}

  static String personOf(String name, List<String> names) {
    String[] words = name.split("\\s+");
    if (words.length >= 2 && allCapitalised(words)) {
      for (String other : names) {
        if (!other.contains(" ") && !other.equals(name) && List.of(words).contains(other)) {
          return name;
        }
      }
      return null;
    }
    if (words.length == 1) {
      for (String other : names) {
        String[] otherWords = other.split("\\s+");
        if (otherWords.length >= 2 && allCapitalised(otherWords) && List.of(otherWords).contains(name)) {
          return other;
        }
      }
    }
    return null;
  }

  private static boolean allCapitalised(String[] words) {
    if (ORGANISATION_WORDS.contains(words[words.length - 1].toLowerCase(Locale.ROOT))) {
      return false;
    }
    for (String word : words) {
      if (word.isEmpty() || !Character.isUpperCase(word.codePointAt(0)) || word.equals(word.toUpperCase())) {
        return false;
      }
    }
    return true;
  }
}
