package org.partyline.ingest.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.partyline.ingest.nlp.Sentence;
import org.partyline.ingest.nlp.Token;

/**
 * When a statement was made (guidelines T1, T2, T4). Rules:
 * <ul>
 *   <li>{@code time.weekday}: "on Monday", "Saturday night", "at Thursday's briefing" near the speaker or the cue is
 *       the last such day on or before the publication day;</li>
 *   <li>{@code time.date}: "on Nov. 7", "dated June 3", "on 10 May" in the publication year (the year before when
 *       that would be after publication);</li>
 *   <li>{@code time.same-day}: "the same day", "soon afterwards", "hours later" take the day of the statement before;</li>
 *   <li>{@code time.published}: otherwise the publication day.</li>
 * </ul>
 * Dates inside what is said (after "that", inside quotation marks, or further than a few words after the cue) are
 * what the statement is about, not when it was made, and are skipped.
 */
public final class TimeResolver {

  private static final Map<String, DayOfWeek> WEEKDAYS = new HashMap<>();
  private static final Map<String, Month> MONTHS = new HashMap<>();
  private static final Set<String> EVENT_NOUNS = Set.of("briefing", "ceremony", "meeting", "session", "address",
      "debate", "interview", "summit", "statement", "speech", "conference", "call", "post", "remarks", "hearing");
  /** How far after the cue a date can still say when it was said ("told the House of Commons on Monday"). */
  private static final int AFTER_CUE = 7;
  private static final Set<String> BEFORE_DATE = Set.of("on", "dated", "late", "early");
  private static final Set<String> PARTS_OF_DAY = Set.of("night", "evening", "morning", "afternoon");

  static {
    for (DayOfWeek day : DayOfWeek.values()) {
      WEEKDAYS.put(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT), day);
    }
    for (Month month : Month.values()) {
      String full = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
      MONTHS.put(full, month);
      MONTHS.put(full.substring(0, 3), month);
      MONTHS.put(full.substring(0, 3) + ".", month);
    }
    MONTHS.put("sept", Month.SEPTEMBER);
    MONTHS.put("sept.", Month.SEPTEMBER);
  }

  /** A day and the rule that gave it. */
  public record Day(LocalDate date, String rule) {}

  private TimeResolver() {}

  /**
   * The day of the statement attributed in tokens [from, to) of the sentence, where {@code cue} is the attributing
   * token; {@code previous} is the day of the article's statement before (or null).
   */
  public static Day resolve(Sentence sentence, int from, int to, int cue, LocalDate published, Day previous) {
    int limit = Math.min(contentStart(sentence, cue, to), cue + AFTER_CUE);
    for (int i = from; i < limit; i++) {
      String word = sentence.token(i).text().toLowerCase(Locale.ROOT);
      String bare = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
      DayOfWeek weekday = WEEKDAYS.get(bare);
      if (weekday != null && weekdayInContext(sentence, i, word)) {
        int back = (published.getDayOfWeek().getValue() - weekday.getValue() + 7) % 7;
        return new Day(published.minusDays(back), "time.weekday");
      }
      Month month = MONTHS.get(word);
      if (month != null && i > 0 && BEFORE_DATE.contains(prev(sentence, i)) && i + 1 < sentence.size()) {
        Integer day = number(sentence.token(i + 1));
        if (day != null) {
          return new Day(dated(published, month, day), "time.date");
        }
      }
      Integer day = number(sentence.token(i));
      if (day != null && i + 1 < sentence.size() && MONTHS.containsKey(
          sentence.token(i + 1).text().toLowerCase(Locale.ROOT)) && BEFORE_DATE.contains(prev(sentence, i))) {
        return new Day(dated(published, MONTHS.get(sentence.token(i + 1).text().toLowerCase(Locale.ROOT)), day),
            "time.date");
      }
    }
    if (previous != null && sameDay(sentence, from, to)) {
      return new Day(previous.date(), "time.same-day");
    }
    return new Day(published, "time.published");
  }

  /** Publication day of an instant, in UTC. */
  public static LocalDate day(java.time.Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).toLocalDate();
  }

  private static boolean weekdayInContext(Sentence sentence, int i, String word) {
    if (word.endsWith("'s")) {
      return i + 1 < sentence.size() && EVENT_NOUNS.contains(sentence.token(i + 1).key());
    }
    String next = i + 1 < sentence.size() ? sentence.token(i + 1).text().toLowerCase(Locale.ROOT) : "";
    return BEFORE_DATE.contains(prev(sentence, i)) || PARTS_OF_DAY.contains(next)
        || (i > 0 && sentence.token(i - 1).pos().equals("VERB"));
  }

  private static int contentStart(Sentence sentence, int cue, int to) {
    for (int i = cue + 1; i < to; i++) {
      Token token = sentence.token(i);
      if (token.text().equalsIgnoreCase("that") && token.pos().equals("SCONJ") || token.text().equals("\"")) {
        return i;
      }
    }
    return to;
  }

  private static boolean sameDay(Sentence sentence, int from, int to) {
    String text = sentence.text().toLowerCase(Locale.ROOT);
    return text.contains("same day") || text.contains("soon afterwards") || text.contains("soon after")
        || text.contains("hours later") || text.contains("later that day");
  }

  private static String prev(Sentence sentence, int i) {
    return i == 0 ? "" : sentence.token(i - 1).text().toLowerCase(Locale.ROOT);
  }

  private static Integer number(Token token) {
    String text = token.text().replaceAll("(st|nd|rd|th)$", "");
    if (text.matches("\\d{1,2}")) {
      int value = Integer.parseInt(text);
      return value >= 1 && value <= 31 ? value : null;
    }
    return null;
  }

  private static LocalDate dated(LocalDate published, Month month, int day) {
    int year = published.getYear();
    LocalDate date = LocalDate.of(year, month, Math.min(day, month.length(java.time.Year.isLeap(year))));
    return date.isAfter(published) ? date.minusYears(1) : date;
  }
}
