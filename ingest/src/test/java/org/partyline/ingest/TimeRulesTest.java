package org.partyline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When it was said (guidelines T1-T4), for an article published on Tuesday 15 April 2025. */
class TimeRulesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Russia said it opposed Ukraine joining NATO.                                                   | 2025-04-15T12:00:00Z | time.published
      On Monday, Russia said it opposed Ukraine joining NATO.                                        | 2025-04-14T12:00:00Z | time.weekday
      Russia said on Tuesday that it opposed Ukraine joining NATO.                                   | 2025-04-15T12:00:00Z | time.weekday
      Russia said on Wednesday that it opposed Ukraine joining NATO.                                 | 2025-04-09T12:00:00Z | time.weekday
      In a televised address on Saturday night, Putin said Russia opposed Ukraine joining NATO.      | 2025-04-12T12:00:00Z | time.weekday
      Russia said on April 3 that it opposed Ukraine joining NATO.                                   | 2025-04-03T12:00:00Z | time.date
      Russia said on Dec. 30 that it opposed Ukraine joining NATO.                                   | 2024-12-30T12:00:00Z | time.date
      Russia said it opposed Ukraine joining NATO, which it first rejected on March 2.               | 2025-04-15T12:00:00Z | time.published
      """)
  void shouldDateTheStatement(String sentence, String occurredAt, String rule) throws Exception {
    List<Candidate> candidates = RulesFixture.ingest(sentence);

    assertEquals(1, candidates.size(), RulesFixture.summary(candidates));
    assertEquals(occurredAt, candidates.get(0).occurredAt().toString());
    assertEquals(true, candidates.get(0).evidence().rule().endsWith(rule), candidates.get(0).evidence().rule());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Belarus said on Monday that Russian forces had blown up the Kakhovka dam. Hours later Belarus said that account was mistaken and withdrew it. | 2025-04-14T12:00:00Z | 2025-04-14T12:01:00Z
      Belarus said on Monday that Russian forces had blown up the Kakhovka dam. On Tuesday Belarus said that account was mistaken and withdrew it. | 2025-04-14T12:00:00Z | 2025-04-15T12:00:00Z
      """)
  void shouldOrderAChangeOfPositionOnOneDayByMinutes(String text, String first, String second) throws Exception {
    List<Candidate> candidates = RulesFixture.ingest(text);

    assertEquals(2, candidates.size(), RulesFixture.summary(candidates));
    assertEquals(first, candidates.get(0).occurredAt().toString());
    assertEquals(second, candidates.get(1).occurredAt().toString());
  }
}
